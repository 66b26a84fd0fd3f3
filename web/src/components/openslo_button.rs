use crate::analysis::{Analysis, Event, Kind};
use crate::download::download;
use crate::hooks::{error_line, job_args};
use nines_core::decide::OpenSlo;
use nines_core::{Availability, Convention, Model};
use yew::prelude::*;

/// Props of [`OpenSloButton`].
#[derive(Properties, PartialEq)]
pub struct OpenSloButtonProps {
    /// The design.
    pub model: Model,
    /// The SLO to state.
    pub target: Availability,
    /// The convention (a calendar month anchors the document's window).
    pub convention: Convention,
}

/// The document as YAML (the bytes `nines slo --openslo` prints), from the worker's JSON.
fn yaml(json: &str) -> Result<String, String> {
    OpenSlo::from_json(json)
        .and_then(|document| document.to_yaml())
        .map_err(|p| p.to_string())
}

/// "Export OpenSLO": the target as an OpenSLO v1 document (computed in the analysis worker),
/// downloaded as `openslo.yaml`; an error shows inline.
#[function_component(OpenSloButton)]
pub fn openslo_button(props: &OpenSloButtonProps) -> Html {
    let client = use_memo((), |_| Analysis::default());
    let error = use_state(|| None::<String>);
    let onclick = {
        let (client, error) = (client.clone(), error.clone());
        let (model, target, convention) = (props.model.clone(), props.target, props.convention);
        Callback::from(move |_| {
            let error = error.clone();
            let (model, options) = job_args(&model, target, convention);
            client.start(
                Kind::OpenSlo,
                &model,
                &options,
                Callback::from(move |event| {
                    let outcome = match event {
                        Event::Progress { .. } => return,
                        Event::Done(json) => yaml(&json).and_then(|text| {
                            download("openslo.yaml", &text, "application/yaml")
                                .map_err(|_| "the download could not start".to_string())
                        }),
                        Event::Failed(failed) => Err(error_line(&failed)),
                    };
                    error.set(outcome.err());
                }),
            );
        })
    };
    html! {
        <span class="openslo">
            <button {onclick} data-testid="export-openslo"
                title="The target as an OpenSLO v1 SLO (time-slice budgeting, calendar-month window), for sloth and similar tools">
                {"Export OpenSLO"}
            </button>
            if let Some(message) = &*error {
                <span class="error" role="alert" data-testid="openslo-error">{message}</span>
            }
        </span>
    }
}
