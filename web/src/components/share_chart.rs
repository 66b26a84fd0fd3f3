use super::bar_chart::{Bar, BarChart, Scale};
use crate::context::AppContext;
use crate::sorting::insertion_sort;
use yew::prelude::*;

/// Components charted one by one; the rest are one "others" bar.
const CHARTED: usize = 11;

/// The weakest link and each component's share of the composite unavailability (the smallest
/// grouped as "others" when there are many).
pub fn share_chart(app: &AppContext) -> Html {
    let Some(report) = app.evaluation.report() else {
        return html! {};
    };
    let mut ranked: Vec<_> = report.components.iter().filter(|c| c.share > 0.0).collect();
    insertion_sort(&mut ranked, |a, b| {
        b.share.total_cmp(&a.share).then(a.id.cmp(&b.id)).is_lt()
    });
    let mut bars: Vec<Bar> = ranked
        .iter()
        .take(if ranked.len() > CHARTED + 1 {
            CHARTED
        } else {
            CHARTED + 1
        })
        .map(|c| Bar {
            label: app.labels.text(&c.id),
            value: c.share,
            text: format!("{:.1}% · {}%", c.share * 100.0, c.percent),
        })
        .collect();
    let rest = &ranked[bars.len()..];
    if !rest.is_empty() {
        let share: f64 = rest.iter().map(|c| c.share).sum();
        bars.push(Bar {
            label: format!("Others ({} components)", rest.len()),
            value: share,
            text: format!("{:.1}%", share * 100.0),
        });
    }
    let weakest = report
        .weakest_link
        .as_ref()
        .and_then(|id| report.components.iter().find(|c| &c.id == id));
    html! {
        <>
            if let Some(w) = weakest {
                <p class="weakest" data-testid="weakest-link">
                    {"Weakest link: "}<strong>{app.labels.text(&w.id)}</strong>
                    {format!(" ({}%) — {:.1}% of the unavailability", w.percent, w.share * 100.0)}
                </p>
            }
            <h3>{"Share of the unavailability by component"}</h3>
            if bars.is_empty() {
                <p class="hint" data-testid="share-chart-empty">{"Every component is at 100%: there is no unavailability to share out."}</p>
            } else {
                <BarChart {bars} title="Each component's share of the composite unavailability" testid="share-chart" scale={Scale::Linear} />
            }
        </>
    }
}
