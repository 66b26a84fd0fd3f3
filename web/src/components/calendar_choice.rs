use super::calendar_editor::CalendarEditor;
use super::downtime_from_percent::DowntimeFromPercent;
use super::percent_from_downtime::PercentFromDowntime;
use super::zone_status::zone_status;
use crate::hooks::use_app;
use nines_core::calendar::Calendar;
use nines_core::Convention;
use serde_json::Value;
use yew::prelude::*;

/// Props of [`CalendarChoice`].
#[derive(Properties, PartialEq)]
pub struct CalendarChoiceProps {
    /// Every convention, labelled.
    pub conventions: Vec<(String, Convention)>,
}

/// The calculator's service time: every minute (24×7), or business hours (weekly hours in a
/// time zone, holidays, maintenance), then both calculators counting in it, with the 24×7
/// figure beside each.
#[function_component(CalendarChoice)]
pub fn calendar_choice(props: &CalendarChoiceProps) -> Html {
    let calendar = use_state(|| None::<Calendar>);
    let Some(app) = use_app() else {
        return html! {};
    };
    let on_mode = {
        let calendar = calendar.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            calendar.set(match select.value().as_str() {
                "hours" => Calendar::from_json(
                    r#"{"time_zone": "UTC", "hours": {"mon": [["09:00", "17:00"]], "tue": [["09:00", "17:00"]],
                        "wed": [["09:00", "17:00"]], "thu": [["09:00", "17:00"]], "fri": [["09:00", "17:00"]]}}"#,
                )
                .ok(),
                _ => None,
            });
        })
    };
    let on_change = {
        let calendar = calendar.clone();
        Callback::from(
            move |json: Value| match Calendar::from_json(&json.to_string()) {
                Ok(read) => {
                    calendar.set(Some(read));
                    None
                }
                Err(problems) => Some(problems.to_string()),
            },
        )
    };
    html! {
        <>
            <section class="panel calc-calendar" aria-labelledby="calc-calendar-heading">
                <h2 id="calc-calendar-heading">{"Service time"}</h2>
                <label class="field compact">
                    <span class="label">{"Count downtime in"}</span>
                    <select onchange={on_mode} data-testid="calc-calendar-mode">
                        <option value="" selected={calendar.is_none()}>{"every minute (24×7, UTC)"}</option>
                        <option value="hours" selected={calendar.is_some()}>{"business hours (hours, time zone, holidays)"}</option>
                    </select>
                </label>
                if let Some(current) = &*calendar {
                    {zone_status(&app, true)}
                    <CalendarEditor calendar={current.clone()} {on_change} testid="calc-cal" />
                    {holidays_elsewhere(current, &props.conventions)}
                }
            </section>
            <DowntimeFromPercent conventions={props.conventions.clone()} calendar={(*calendar).clone()} />
            <PercentFromDowntime conventions={props.conventions.clone()} calendar={(*calendar).clone()} />
        </>
    }
}

/// A holiday outside the year of a calendar month shown counts in no figure: said inline (the
/// core's check, as the CLI and the JS package refuse it), the other figures kept.
fn holidays_elsewhere(calendar: &Calendar, conventions: &[(String, Convention)]) -> Html {
    let problem = conventions
        .iter()
        .find_map(|(_, convention)| calendar.check_holidays_in(*convention).err());
    match problem {
        Some(problem) => html! {
            <p class="error" role="alert" data-testid="calc-cal-holiday-year">{problem.to_string()}</p>
        },
        None => html! {},
    }
}
