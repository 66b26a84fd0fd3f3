use crate::decide_wire::{alternatives, percent};
use crate::labels::Labels;
use nines_core::report::{ComponentNeed, ImproveAnswer, NeedStatus};
use nines_core::Model;
use std::rc::Rc;
use yew::prelude::*;

/// An alternative a user asked to try: `(component id, choice, label)`.
pub type Trial = (String, u32, String);

/// Props of [`NeedsTable`].
#[derive(Properties, PartialEq)]
pub struct NeedsTableProps {
    /// The improve answer.
    pub answer: ImproveAnswer,
    /// The model (for each component's alternatives).
    pub model: Model,
    /// Every component's label.
    pub labels: Rc<Labels>,
    /// Called with the alternative to try.
    pub on_try: Callback<Trial>,
}

const REQUIRED: &str = "The availability this component alone would need for the design to meet the target, every other component as it is (exact: the design's unavailability is linear in each component's).";
const BIRNBAUM: &str = "Birnbaum importance: how much the design's unavailability grows per unit of this component's unavailability (∂U/∂uᵢ).";
const RAW: &str = "Risk achievement worth: how many times the design's unavailability grows if this component is always down.";
const RRW: &str = "Risk reduction worth: how many times the design's unavailability shrinks if this component never fails (∞: nothing else fails).";

/// Per component: the availability it must reach, its importance, and a Try button for each
/// alternative it lists (one undoable edit).
#[function_component(NeedsTable)]
pub fn needs_table(props: &NeedsTableProps) -> Html {
    html! {
        <>
            <div class="table-scroll">
                <table class="needs" data-testid="needs-table">
                    <thead><tr>
                        <th scope="col">{"Component"}</th>
                        <th scope="col" title={REQUIRED}>{"Must reach (%, alone)"}</th>
                        <th scope="col" title={BIRNBAUM}>{"Birnbaum"}</th>
                        <th scope="col" title={RAW}>{"RAW"}</th>
                        <th scope="col" title={RRW}>{"RRW"}</th>
                        <th scope="col">{"Alternatives"}</th>
                    </tr></thead>
                    <tbody>{for props.answer.components.iter().map(|need| row(props, need))}</tbody>
                </table>
            </div>
            <ul class="hint legend" data-testid="needs-legend">
                <li>{REQUIRED}</li><li>{BIRNBAUM}</li><li>{RAW}</li><li>{RRW}</li>
            </ul>
        </>
    }
}

fn row(props: &NeedsTableProps, need: &ComponentNeed) -> Html {
    let required = match (need.status, need.required_availability) {
        (NeedStatus::Met, Some(r)) => format!("{}% (met)", percent(r)),
        (NeedStatus::Possible, Some(r)) => format!("{}%", percent(r)),
        _ => "impossible, even at 100%".to_string(),
    };
    let tries = alternatives(&props.model, &need.id).into_iter().map(|alt| {
        let trial = (need.id.clone(), alt.choice, alt.label.clone());
        let onclick = props.on_try.reform(move |_| trial.clone());
        let fee = alt.fee.map(|f| format!(" ({f}/month)")).unwrap_or_default();
        html! {
            <button class="try" {onclick} data-testid="try" data-id={need.id.clone()}
                data-choice={alt.choice.to_string()}>
                {format!("Try {}{fee}", alt.label)}
            </button>
        }
    });
    html! {
        <tr data-testid="need-row" data-id={need.id.clone()}>
            <th scope="row" title={props.labels.text(&need.id)}>{props.labels.label(&need.id).name}<span class="muted">{format!(" {}", need.id)}</span></th>
            <td class={classes!("num", need.status.key())} data-testid="need-required">{required}</td>
            <td class="num">{importance(need.birnbaum)}</td>
            <td class="num">{worth(need.raw)}</td>
            <td class="num">{worth(need.rrw)}</td>
            <td><div class="tries">{for tries}</div></td>
        </tr>
    }
}

/// A Birnbaum importance: four decimals, or four significant digits when small.
fn importance(x: f64) -> String {
    match x {
        x if x == 0.0 || x >= 1e-3 => format!("{x:.4}"),
        x => format!("{x:.3e}"),
    }
}

/// A worth (a ratio of unavailabilities); `None` is infinite.
fn worth(x: Option<f64>) -> String {
    x.map_or("∞".to_string(), |x| format!("{x:.2}×"))
}
