use crate::hooks::use_app;
use crate::parse::import_model;
use crate::state::{Action, ImportProblems, Loaded};
use gloo_file::callbacks::{read_as_text, FileReader};
use nines_core::{JsonPath, Problem};
use yew::prelude::*;

/// Reads a model (or a report nines exported) from a file; a bad file is never loaded.
#[function_component(ImportButton)]
pub fn import_button() -> Html {
    let reader = use_mut_ref(|| None::<FileReader>);
    let Some(app) = use_app() else {
        return html! {};
    };
    let on_import = Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        let app = app.clone();
        let name = file.name();
        *reader.borrow_mut() = Some(read_as_text(&file.into(), move |text| {
            if let Some(text) = text.as_ref().ok().filter(|t| crate::zones::needed(t)) {
                let (file, text) = (Some(name.clone()), text.clone());
                let label = name;
                let quiet = false;
                let example = None;
                let pending = crate::state::Pending {
                    label,
                    example,
                    file,
                    text,
                    quiet,
                };
                return app.dispatch(Action::Wait(Box::new(pending)));
            }
            let result = text
                .map_err(|e| {
                    vec![Problem::shape(
                        JsonPath::root(),
                        format!("cannot read the file: {e}"),
                    )]
                })
                .and_then(|text| import_model(&name, &text));
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
        }));
    });
    html! {
        <label class="file-button">
            {"Import model…"}
            <input type="file" accept=".json,application/json" data-testid="import-file"
                onchange={on_import} />
        </label>
    }
}
