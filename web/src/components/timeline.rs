use crate::context::AppContext;
use nines_core::format_duration_brief;
use yew::prelude::*;

const WIDTH: f64 = 640.0;
const LABELS: f64 = 150.0;
const LANE: f64 = 18.0;

/// The scenario month as a timeline: one lane per incident and the architecture's own outages
/// below, each bar with its time on hover.
pub fn timeline(app: &AppContext) -> Html {
    let Some(s) = app
        .evaluation
        .report()
        .and_then(|r| r.contract.scenario.clone())
    else {
        return html! {};
    };
    let span = s.window_seconds.max(1.0);
    let x = |seconds: f64| LABELS + (seconds.clamp(0.0, span) / span) * (WIDTH - LABELS - 8.0);
    let offset = |t: chrono::NaiveDateTime| (t - s.window_start).num_seconds() as f64;
    let lanes = app.model.incidents.len();
    let height = LANE * (lanes + 1) as f64 + 30.0;
    let days = (span / 86_400.0).round() as i64;
    let bar = |from: f64, seconds: f64, y: f64, class: &'static str, title: String| {
        html! {
            <rect class={class} x={format!("{:.1}", x(from))} y={format!("{:.1}", y + 3.0)}
                width={format!("{:.1}", (x(from + seconds) - x(from)).max(2.0))} height={format!("{:.1}", LANE - 6.0)}>
                <title>{title}</title>
            </rect>
        }
    };
    html! {
        <div class="timeline-box">
        <svg class="timeline" data-testid="timeline" viewBox={format!("0 0 {WIDTH} {height:.0}")} role="img"
            aria-label={format!("Timeline of the month from {}: incidents and the architecture's outages", s.window_start.date())}>
            {for (0..=days).step_by(7).map(|d| {
                let at = x(d as f64 * 86_400.0);
                html! { <>
                    <line class="tick" x1={format!("{at:.1}")} x2={format!("{at:.1}")} y1="0" y2={format!("{:.0}", height - 16.0)} />
                    <text class="tick-label" x={format!("{at:.1}")} y={format!("{:.0}", height - 4.0)} text-anchor="middle">{format!("day {}", d + 1)}</text>
                </> }
            })}
            {for app.model.incidents.iter().enumerate().map(|(i, inc)| {
                let y = LANE * i as f64;
                let label = app.labels.label(&inc.component).short();
                let (from, seconds) = (offset(inc.start), inc.minutes * 60.0);
                let inside = from < span && from + seconds > 0.0;
                html! { <>
                    <text class="lane-label" x="0" y={format!("{:.0}", y + 13.0)}>{crate::describe::fit(&label, 22)}</text>
                    if inside {
                        {bar(from, seconds, y, "incident-bar",
                            format!("{}: {} from {}", label, format_duration_brief(seconds), crate::describe::minute(inc.start)))}
                    } else {
                        <text class="lane-label" x={format!("{:.0}", LABELS + 4.0)} y={format!("{:.0}", y + 13.0)}>{"outside this month"}</text>
                    }
                </> }
            })}
            <text class="lane-label strong" x="0" y={format!("{:.0}", LANE * lanes as f64 + 13.0)}>{"Architecture down"}</text>
            {for s.architecture_outages.iter().map(|o| bar(offset(o.start), o.seconds, LANE * lanes as f64, "outage-bar",
                format!("down {} from {} (incidents {})", format_duration_brief(o.seconds), crate::describe::minute(o.start),
                    o.incidents.iter().map(|i| (i + 1).to_string()).collect::<Vec<_>>().join(", "))))}
        </svg>
        </div>
    }
}
