use crate::files::{take_picked, text_of};
use crate::hooks::use_app;
use crate::parse::import_model;
use crate::state::{Action, ImportProblems, Loaded};
use nines_core::{JsonPath, Problem};
use yew::prelude::*;

/// Reads a model (or a report nines exported) from a file; a bad file is never loaded.
#[function_component(ImportButton)]
pub fn import_button() -> Html {
    let Some(app) = use_app() else {
        return html! {};
    };
    let on_import = Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        let Some(file) = take_picked(&input) else {
            return;
        };
        let app = app.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let name = file.name();
            let text = text_of(&file).await;
            // A design naming a time zone waits for the zone table (crate::zones).
            if let Some(text) = text.as_ref().ok().filter(|t| crate::zones::needed(t)) {
                let pending = crate::state::Pending {
                    label: name.clone(),
                    example: None,
                    file: Some(name),
                    text: text.clone(),
                    quiet: false,
                };
                return app.dispatch(Action::Wait(Box::new(pending)));
            }
            let result = text
                .map_err(|why| vec![Problem::shape(JsonPath::root(), why)])
                .and_then(|text| import_model(&name, &text, app.library.catalog()));
            app.dispatch(match result {
                Ok(model) => Action::Load(Box::new(Loaded {
                    label: name,
                    example: None,
                    model,
                })),
                Err(problems) => Action::ImportFailed(ImportProblems {
                    source: name,
                    problems,
                }),
            });
        });
    });
    html! {
        <label class="file-button">
            {"Import model…"}
            <input type="file" accept=".json,application/json" data-testid="import-file"
                onchange={on_import} />
        </label>
    }
}
