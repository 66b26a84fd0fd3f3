use crate::decide_wire::{nines, percent, summary};
use crate::frontier_plot::{draw, Frontier, Spot};
use crate::hooks::use_dark_scheme;
use nines_core::report::{Design, OptimizeAnswer};
use yew::prelude::*;

/// Props of [`FrontierChart`].
#[derive(Properties, PartialEq)]
pub struct FrontierChartProps {
    /// The search's answer.
    pub answer: OptimizeAnswer,
}

/// A design on the chart (a 100% design sits at the top of the range shown).
fn spot(design: &Design) -> Spot {
    Spot {
        fee: design.monthly_fee.cents() as f64 / 100.0,
        nines: nines(design.availability).unwrap_or(16.0),
    }
}

/// The chart's data from the answer.
fn frontier(a: &OptimizeAnswer) -> Frontier {
    let cheapest = a.cheapest.as_ref();
    Frontier {
        points: a.frontier.iter().map(spot).collect(),
        current: spot(&a.current),
        cheapest: cheapest.and_then(|c| a.frontier.iter().position(|d| d == c)),
        target: nines_core::Availability::from_percent(a.target)
            .ok()
            .and_then(nines_core::Availability::nines)
            .unwrap_or(16.0),
        currency: a.currency.clone(),
    }
}

/// The cost of each nine: the Pareto frontier of monthly fee against availability, the
/// cheapest design that meets the target ringed, the design as written marked; the designs are
/// also listed in a table for screen readers.
#[function_component(FrontierChart)]
pub fn frontier_chart(props: &FrontierChartProps) -> Html {
    let canvas = use_node_ref();
    let dark = use_dark_scheme();
    let data = frontier(&props.answer);
    {
        let canvas = canvas.clone();
        use_effect_with((data.clone(), dark), move |(data, _)| {
            if let Some(element) = canvas.cast::<web_sys::HtmlCanvasElement>() {
                let _ = draw(&element, data);
            }
        });
    }
    let a = &props.answer;
    let title = format!("Monthly fee ({}) against nines for each design on the frontier; the design as written marked", a.currency);
    html! {
        <>
        <div class="chart-box">
            <canvas ref={canvas} class="chart" role="img" aria-label={title.clone()} data-testid="frontier-chart" />
            <div class="visually-hidden">
                <table data-testid="frontier-table">
                    <caption>{title}</caption>
                    <tbody>
                        <tr data-testid="frontier-current"><th scope="row">{"As written"}</th>
                            <td>{format!("{} {}/month, {}%", a.current.monthly_fee, a.currency, percent(a.current.availability))}</td></tr>
                        {for a.frontier.iter().map(|d| html! {
                            <tr><th scope="row">{summary(d)}</th>
                                <td>{format!("{} {}/month, {}%", d.monthly_fee, a.currency, percent(d.availability))}</td></tr>
                        })}
                    </tbody>
                </table>
            </div>
        </div>
        <p class="hint chart-caption">{"Red dot: the design as written; green ring: the cheapest design that meets the target; dashed line: the target. Each blue point is a design no other beats on both fee and availability (the long-run figure, failures independent as modelled)."}</p>
        </>
    }
}
