use super::risk_panel::thousands;
use crate::histogram::{draw, Mark};
use crate::hooks::{use_dark_scheme, use_width};
use crate::risk::{duration, Risk};
use gloo_timers::callback::Timeout;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`RiskHistogram`].
#[derive(Properties, PartialEq)]
pub struct RiskHistogramProps {
    /// The simulation's report.
    pub risk: Rc<Risk>,
}

/// The months of the simulation by downtime (those with none said in words), with lines at P90,
/// P99 and the downtime the target allows; the counts are also in a table for screen readers.
#[function_component(RiskHistogram)]
pub fn risk_histogram(props: &RiskHistogramProps) -> Html {
    let canvas = use_node_ref();
    let dark = use_dark_scheme();
    let risk = &props.risk;
    let width = use_width(&canvas);
    {
        let canvas = canvas.clone();
        // Drawn in a task of its own (not the render's), at the width the layout gave it.
        use_effect_with((risk.clone(), dark, width), move |(risk, _, width)| {
            let (risk, width) = (risk.clone(), *width);
            let timeout = (width > 0.0).then(|| {
                Timeout::new(0, move || {
                    if let Some(element) = canvas.cast::<web_sys::HtmlCanvasElement>() {
                        let _ = draw(&element, width, &risk.histogram, &marks(&risk));
                    }
                })
            });
            move || drop(timeout)
        });
    }
    let h = &risk.histogram;
    let title = format!(
        "Months by downtime: {} of {} months have none (not drawn); bars of {} each, the last one beyond",
        thousands(h.zero_months),
        thousands(risk.trials),
        duration(h.bin_seconds)
    );
    html! {
        <div class="chart-box">
            <h3>{"Monthly downtime"}</h3>
            <p class="hint" data-testid="risk-zero-months">{title.clone()}</p>
            <canvas ref={canvas} class="chart risk-histogram" role="img" aria-label={title.clone()} data-testid="risk-histogram" />
            <div class="visually-hidden">
                <table>
                    <caption>{title}</caption>
                    <tbody>
                        {for h.counts.iter().enumerate().map(|(i, c)| html! {
                            <tr><th scope="row">{format!("{} – {}", duration(i as f64 * h.bin_seconds), duration((i + 1) as f64 * h.bin_seconds))}</th><td>{format!("{c} months")}</td></tr>
                        })}
                        <tr><th scope="row">{"beyond"}</th><td>{format!("{} months", h.beyond)}</td></tr>
                    </tbody>
                </table>
            </div>
        </div>
    }
}

/// Lines at P90, P99 and what the target allows.
fn marks(risk: &Risk) -> Vec<Mark> {
    let q = risk.downtime_seconds;
    let mut marks = vec![
        Mark {
            seconds: q.p90,
            label: "P90".into(),
        },
        Mark {
            seconds: q.p99,
            label: "P99".into(),
        },
    ];
    if let Some(b) = &risk.breach {
        marks.push(Mark {
            seconds: b.allowed_seconds,
            label: format!("{}%", b.target),
        });
    }
    marks
}
