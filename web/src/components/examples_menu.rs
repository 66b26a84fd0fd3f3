use crate::context::AppContext;
use crate::examples::{open_example, title, EXAMPLES};
use yew::prelude::*;

/// The bundled examples; the one loaded stays shown ("edited" once changed).
pub fn examples_menu(app: &AppContext) -> Html {
    let current = app.loaded.as_ref().and_then(|l| l.example.clone());
    let edited = app.edited_since_load();
    let on_example = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(action) = open_example(&select.value()) {
                app.dispatch(action);
            }
        })
    };
    html! {
        <label class="field compact examples">
            <span class="label">{"Examples"}</span>
            <select data-testid="examples" onchange={on_example}>
                <option value="" selected={current.is_none()}>{"Open an example…"}</option>
                {for EXAMPLES.iter().map(|(file, _)| {
                    let here = current.as_deref() == Some(*file);
                    let name = title(file);
                    html! {
                        <option value={*file} selected={here}>
                            {if here && edited { format!("{name} (edited)") } else { name }}
                        </option>
                    }
                })}
            </select>
        </label>
    }
}
