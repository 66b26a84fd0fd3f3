use crate::decide_wire::{percent, summary};
use nines_core::report::OptimizeAnswer;
use yew::prelude::*;

/// Props of [`CheapestDesign`].
#[derive(Properties, PartialEq)]
pub struct CheapestDesignProps {
    /// The search's answer.
    pub answer: OptimizeAnswer,
    /// Applies the cheapest design (one undoable edit).
    pub on_apply: Callback<()>,
}

/// The cheapest design that meets the target, its fee and availability against the design as
/// written, what it changes, and "Apply"; or why there is none.
#[function_component(CheapestDesign)]
pub fn cheapest_design(props: &CheapestDesignProps) -> Html {
    let a = &props.answer;
    let proof = match a.optimal {
        true => format!(
            "{} of {} combinations searched, proven optimal",
            a.evaluated, a.combinations
        ),
        false => format!(
            "{} of {} combinations searched, not proven optimal",
            a.evaluated, a.combinations
        ),
    };
    let written = format!(
        "As written: {} {}/month, {}%.",
        a.current.monthly_fee,
        a.currency,
        percent(a.current.availability)
    );
    let Some(cheapest) = &a.cheapest else {
        return html! {
            <div class="cheapest" data-testid="cheapest">
                <p>{format!("No combination of the listed alternatives and copies reaches {}% ({proof}).", a.target)}</p>
                <p class="hint">{written}</p>
            </div>
        };
    };
    let already = cheapest.choices.is_empty();
    html! {
        <div class="cheapest" data-testid="cheapest">
            <p>
                <strong>{format!("Cheapest design meeting {}%: ", a.target)}</strong>
                <span data-testid="cheapest-figures">{format!("{} {}/month, {}%", cheapest.monthly_fee, a.currency, percent(cheapest.availability))}</span>
                {format!(" ({proof}).")}
            </p>
            if already {
                <p data-testid="cheapest-same">{"The design as written is already the cheapest that meets the target."}</p>
            } else {
                <p>{"It changes: "}<span data-testid="cheapest-changes">{summary(cheapest)}</span>{" "}
                    <button class="primary" data-testid="apply-cheapest" onclick={props.on_apply.reform(|_| ())}>{"Apply"}</button>
                </p>
            }
            <p class="hint">{written}{" Fees are the monthly fees the model lists (no other costs)."}</p>
        </div>
    }
}
