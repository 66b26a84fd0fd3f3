use crate::context::AppContext;
use nines_core::format_duration;
use nines_core::report::CalendarInfo;
use yew::prelude::*;

/// Which calendar a figure counts in: its id, hours, zone, holidays and maintenance, and its
/// service time in the month (`what` says what is measured over it).
pub fn calendar_line(info: &CalendarInfo, what: &str, testid: String) -> Html {
    html! {
        <p class="calendar-line" data-testid={testid}>
            {format!("{what} calendar “{}”: {} — {} of service time in the month",
                info.id, info.description, format_duration(info.service_seconds.month))}
        </p>
    }
}

/// The business's hours and its two loss rates, when the model gives a business calendar.
pub fn business_calendar(app: &AppContext) -> Html {
    let Some(report) = app.evaluation.report() else {
        return html! {};
    };
    let contract = &report.contract;
    let Some(info) = &contract.business_calendar else {
        return html! {};
    };
    let rate = |m: Option<nines_core::Money>| {
        m.map_or("not set".to_string(), |m| {
            format!("{m} {}", contract.currency)
        })
    };
    html! {
        <div class="business-calendar" data-testid="business-calendar-info">
            {calendar_line(info, "Business hours:", "business-calendar-line".to_string())}
            <p class="hint">{format!("Loss per hour of downtime: {} inside these hours, {} outside (expected loss assumes an outage is equally likely at any hour).",
                rate(contract.business_loss_per_hour), rate(contract.business_loss_per_hour_outside_hours))}</p>
        </div>
    }
}

/// The scenario's downtime inside and outside the business hours, and per incident what each
/// SLA's calendar counted and why.
pub fn scenario_split(app: &AppContext) -> Html {
    let Some(report) = app.evaluation.report() else {
        return html! {};
    };
    let Some(s) = &report.contract.scenario else {
        return html! {};
    };
    let id = report
        .contract
        .business_calendar
        .as_ref()
        .map(|c| c.id.clone());
    html! {
        <>
            if let (Some(inside), Some(id)) = (s.business_hours_downtime_seconds, id) {
                <p data-testid="scenario-business-split">
                    {format!("{} of the {} down fell in business hours (calendar “{id}”); the loss prices the rest at the outside rate.",
                        format_duration(inside), format_duration(s.architecture_downtime_seconds))}
                </p>
            }
            if !s.incidents.is_empty() {
                <ul class="incident-counts" data-testid="incident-counts">
                    {for s.incidents.iter().map(|c| html! {
                        <li data-testid="incident-count">{format!("Incident {}: {}", c.incident + 1, c.why)}</li>
                    })}
                </ul>
            }
        </>
    }
}
