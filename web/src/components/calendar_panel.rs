use super::calendar_editor::CalendarEditor;
use super::field::Field;
use super::zone_status::zone_status;
use crate::calendars::{model_value, new_id, read_back, with_calendar};
use crate::context::AppContext;
use crate::state::Action;
use serde_json::{json, Value};
use yew::prelude::*;

/// The model's calendars (each editable: zone, hours, holidays, maintenance), and the
/// business's own hours with the loss rate outside them. Inline SLAs pick a calendar in their
/// component's form.
pub fn calendar_panel(app: &AppContext) -> Html {
    let model = &app.model;
    let add = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            let day = json!([["09:00", "17:00"]]);
            let week = json!({"mon": day, "tue": day, "wed": day, "thu": day, "fri": day});
            let calendar = json!({"time_zone": "UTC", "hours": week});
            if let Ok(m) = with_calendar(&app.model, &new_id(&app.model), Some(calendar)) {
                app.dispatch(Action::ReplaceModel(Box::new(m)));
            }
        })
    };
    html! {
        <section class="panel calendars" aria-labelledby="calendars-heading" data-testid="calendars">
            <h2 id="calendars-heading">{"Calendars (service hours)"}</h2>
            <p class="hint">{"An SLA measured over a calendar counts only its service minutes, without holidays and maintenance windows; the business's calendar prices an outage inside and outside its hours. Times are local to each calendar's zone (daylight saving included)."}</p>
            {zone_status(app, true)}
            <div class="calendar-list">
                {for model.calendars.iter().map(|(id, calendar)| html! {
                    <article class="calendar" data-testid={format!("calendar-{id}")}>
                        <h3>{format!("Calendar “{id}”")}</h3>
                        <CalendarEditor calendar={calendar.clone()} on_change={change(app, id)} testid={format!("cal-{id}")} removable=true />
                    </article>
                })}
            </div>
            <button onclick={add} data-testid="calendar-add">{"Add a calendar"}</button>
            {business_fields(app)}
        </section>
    }
}

/// Keeps an edited calendar `id` (removed when `null`) when the core reads it.
pub fn change(app: &AppContext, id: &str) -> Callback<Value, Option<String>> {
    let (app, id) = (app.clone(), id.to_string());
    Callback::from(move |calendar: Value| {
        match with_calendar(&app.model, &id, (!calendar.is_null()).then_some(calendar)) {
            Ok(model) => {
                app.dispatch(Action::ReplaceModel(Box::new(model)));
                None
            }
            Err(message) => Some(message),
        }
    })
}

/// The business calendar and the loss per hour outside it.
fn business_fields(app: &AppContext) -> Html {
    let set = |key: &'static str| {
        let app = app.clone();
        move |value: Value| -> Option<String> {
            let mut json = model_value(&app.model).ok()?;
            match value {
                Value::Null => json.as_object_mut()?.remove(key),
                value => json.as_object_mut()?.insert(key.to_string(), value),
            };
            match read_back(&app.model, &json) {
                Ok(model) => {
                    app.dispatch(Action::ReplaceModel(Box::new(model)));
                    None
                }
                Err(message) => Some(message),
            }
        }
    };
    let on_calendar = {
        let set = set("business_calendar");
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let id = select.value();
            set(if id.is_empty() {
                Value::Null
            } else {
                Value::String(id)
            });
        })
    };
    let on_loss = {
        let set = set("business_loss_per_hour_outside_hours");
        Callback::from(move |text: String| {
            let text = text.trim().replace(',', "");
            match serde_json::from_str::<Value>(&text) {
                _ if text.is_empty() => set(Value::Null),
                Ok(number @ Value::Number(_)) => set(number),
                _ => set(Value::String(text)),
            }
        })
    };
    let on_figures = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let id = select.value();
            app.dispatch(Action::SetFiguresCalendar((!id.is_empty()).then_some(id)));
        })
    };
    let figures = app.figures_calendar.clone().unwrap_or_default();
    let current = app.model.business_calendar.clone().unwrap_or_default();
    let outside = app.model.business_loss_per_hour_outside_hours;
    html! {
        <div class="form-row business-hours">
            <label class="field compact">
                <span class="label">{"Business hours (loss per hour applies inside)"}</span>
                <select onchange={on_calendar} data-testid="business-calendar">
                    <option value="" selected={current.is_empty()}>{"every hour (no calendar)"}</option>
                    {for app.model.calendars.keys().map(|id| html! { <option value={id.clone()} selected={*id == current}>{id}</option> })}
                </select>
            </label>
            <label class="field compact">
                <span class="label">{"Count the expected downtime in"}</span>
                <select onchange={on_figures} data-testid="figures-calendar-select">
                    <option value="" selected={figures.is_empty()}>{"every minute (24×7)"}</option>
                    {for app.model.calendars.keys().map(|id| html! { <option value={id.clone()} selected={*id == figures}>{format!("the service time of {id}")}</option> })}
                </select>
            </label>
            <Field label="Business loss per hour outside those hours" unit={app.model.currency.clone()}
                value={outside.map(|m| m.to_string()).unwrap_or_default()} on_commit={on_loss}
                testid="business-loss-outside" placeholder="0 when empty" />
        </div>
    }
}
