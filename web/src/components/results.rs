use super::bar_chart::{Bar, BarChart};
use super::caveats::Caveats;
use super::contract_view::ContractView;
use super::downtime_table::DowntimeTable;
use super::problem_list::ProblemList;
use crate::hooks::use_app;
use crate::state::{Action, ConventionChoice};
use yew::prelude::*;

/// Most components in the share chart.
const CHARTED: usize = 12;

/// Live results: availability, nines, downtime per period, weakest link, each component's
/// share, caveats and the contract view.
#[function_component(Results)]
pub fn results() -> Html {
    let Some(app) = use_app() else {
        return html! {};
    };
    let on_month = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            app.dispatch(Action::SetMonth(input.value()));
        })
    };
    let on_convention = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(choice) = ConventionChoice::from_key(&select.value()) {
                app.dispatch(Action::SetConvention(choice));
            }
        })
    };
    let calendar = app.convention == ConventionChoice::CalendarMonth;
    let settings = html! {
        <div class="settings">
            <label class="field compact">
                <span class="label">{"Month"}</span>
                <input type="month" value={app.month.clone()} onchange={on_month}
                    disabled={!calendar} data-testid="month" />
            </label>
            <label class="field compact">
                <span class="label">{"Month convention"}</span>
                <select onchange={on_convention} data-testid="convention">
                    {for ConventionChoice::ALL.into_iter().map(|c| html! {
                        <option value={c.key()} selected={app.convention == c}>{c.label()}</option>
                    })}
                </select>
            </label>
        </div>
    };
    let body = match app.report.as_ref() {
        Err(problems) if problems.is_empty() => html! {},
        Err(problems) => html! {
            <ProblemList title="The design cannot be evaluated yet:" problems={problems.clone()} testid="model-problems" />
        },
        Ok(report) => {
            let mut ranked: Vec<_> = report.components.iter().filter(|c| c.share > 0.0).collect();
            ranked.sort_by(|a, b| b.share.total_cmp(&a.share));
            let bars: Vec<Bar> = ranked
                .iter()
                .take(CHARTED)
                .map(|c| Bar {
                    label: c.name.clone(),
                    value: c.share,
                    text: format!("{:.1}% · {}%", c.share * 100.0, c.percent),
                })
                .collect();
            let weakest = report
                .weakest_link
                .as_ref()
                .and_then(|id| report.components.iter().find(|c| &c.id == id));
            html! {
                <>
                    <div class="headline" aria-live="polite">
                        <p class="availability">
                            <span class="figure" data-testid="availability">{&report.percent}</span>
                            <span class="unit">{"%"}</span>
                        </p>
                        <p class="nines" data-testid="nines">
                            {match report.nines {
                                Some(n) => format!("{n:.2} nines"),
                                None => "no downtime (100%)".to_string(),
                            }}
                            {" · expected downtime "}
                            <strong data-testid="downtime-month-headline">{&report.downtime.text.month}</strong>
                            {" per month"}
                        </p>
                    </div>
                    <Caveats caveats={report.caveats.clone()} />
                    if !report.warnings.is_empty() {
                        <ProblemList title="Warnings:" problems={report.warnings.clone()} testid="warnings" />
                    }
                    <DowntimeTable downtime={report.downtime.clone()} convention={report.convention.clone()} />
                    if let Some(w) = weakest {
                        <p class="weakest" data-testid="weakest-link">
                            {"Weakest link: "}<strong>{&w.name}</strong>
                            {format!(" ({}, {}%) — {:.1}% of the unavailability", w.id, w.percent, w.share * 100.0)}
                        </p>
                    }
                    if !bars.is_empty() {
                        <h3>{"Share of the unavailability by component"}</h3>
                        <BarChart bars={bars} title="Each component's share of the composite unavailability" testid="share-chart" />
                    }
                    <ContractView report={report.clone()} />
                </>
            }
        }
    };
    html! {
        <section class="panel results" aria-labelledby="results-heading" data-testid="results">
            <h2 id="results-heading">{"Results"}</h2>
            {settings}
            {body}
        </section>
    }
}
