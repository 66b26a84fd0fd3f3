use crate::analysis::{Event as JobEvent, Kind};
use crate::hooks::{use_analysis, use_app};
use crate::labels::Labels;
use crate::risk::{cut_sets, member_label, percent};
use nines_core::report::CutSetReport;
use serde::Serialize;
use std::rc::Rc;
use yew::prelude::*;

/// Cut sets listed, most probable first.
const SHOWN: usize = 10;
/// The largest cut set looked for.
const ORDER: u32 = 3;

/// Props of [`FailureModes`].
#[derive(Properties, PartialEq)]
pub struct FailureModesProps {
    /// The design as evaluated (JSON text).
    pub model: Rc<str>,
    /// The convention, as the package names it.
    pub convention: AttrValue,
    /// The catalog for the worker when the user imported one (JSON text).
    pub catalog: Option<Rc<str>>,
}

/// "How this design fails": the ten most probable minimal cut sets (the smallest sets of
/// components whose joint failure takes the design down), from nines-core in the analysis
/// worker, each with its probability and share of the unavailability.
#[function_component(FailureModes)]
pub fn failure_modes(props: &FailureModesProps) -> Html {
    let client = use_analysis();
    let labels = use_app().map(|app| app.labels.clone()).unwrap_or_default();
    let found = use_state(|| None::<Result<CutSetReport, String>>);
    {
        let found = found.clone();
        use_effect_with(
            (
                props.model.clone(),
                props.convention.clone(),
                props.catalog.clone(),
            ),
            move |(model, convention, catalog)| {
                let options = Options {
                    convention: convention.as_str(),
                    cut_sets: ORDER,
                    catalog: catalog.as_deref(),
                };
                let options = serde_json::to_string(&options).unwrap_or_default();
                let on_event = Callback::from(move |event| match event {
                    JobEvent::Done(report) => found.set(Some(
                        cut_sets(&report).ok_or_else(|| "the report has no cut sets".to_string()),
                    )),
                    JobEvent::Failed(error) => found.set(Some(Err(error.message))),
                    JobEvent::Progress { .. } => {}
                });
                client.start(Kind::Evaluate, model, &options, on_event);
            },
        );
    }
    let body = match &*found {
        None => html! { <p class="hint">{"Finding the cut sets…"}</p> },
        Some(Err(message)) => html! { <p class="error" role="alert">{message}</p> },
        Some(Ok(cuts)) => table(cuts, &labels),
    };
    html! {
        <div class="failure-modes" data-testid="failure-modes">
            <h3>{"How this design fails"}</h3>
            <p class="hint">{format!("The smallest sets of components (up to {ORDER}) whose failure together takes the design down, most probable first: probability that all of a set are down at once (independent failures, as the availabilities say), and its share of the unavailability (to first order).")}</p>
            {body}
        </div>
    }
}

/// The package's `evaluate` options.
#[derive(Serialize)]
struct Options<'a> {
    convention: &'a str,
    cut_sets: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    catalog: Option<&'a str>,
}

/// The sets, each member by its label (its id in `data-members`, as the CLI prints it).
fn table(cuts: &CutSetReport, labels: &Labels) -> Html {
    if cuts.sets.is_empty() {
        return html! { <p class="hint" data-testid="cut-sets-empty">{format!("No set of up to {} components takes the design down.", cuts.order)}</p> };
    }
    html! {
        <div class="table-scroll">
            <table data-testid="cut-sets">
                <thead><tr><th>{"#"}</th><th>{"Components that fail together"}</th><th>{"Probability"}</th><th>{"Share of unavailability"}</th></tr></thead>
                <tbody>
                    {for cuts.sets.iter().take(SHOWN).enumerate().map(|(i, set)| {
                        let ids: Vec<String> = set.members.iter().map(|m| m.to_string()).collect();
                        let names: Vec<String> = set.members.iter().map(|m| member_label(m, labels)).collect();
                        html! {
                            <tr data-testid="cut-set" data-members={ids.join("+")}>
                                <td>{i + 1}</td>
                                <td>{names.join(" + ")}</td>
                                <td class="num">{format!("{:.3e}", set.probability)}</td>
                                <td class="num">{percent(set.share)}</td>
                            </tr>
                        }
                    })}
                </tbody>
            </table>
            if !cuts.complete {
                <p class="hint">{"Some improbable sets were left out (too many to list)."}</p>
            }
        </div>
    }
}
