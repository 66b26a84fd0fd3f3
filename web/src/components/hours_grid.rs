use super::calendar_editor::{on_click, on_text};
use serde_json::{json, Value};
use yew::prelude::*;

/// The weekdays as the calendar JSON names them, with a label for people.
pub const DAYS: [(&str, &str); 7] = [
    ("mon", "Mon"),
    ("tue", "Tue"),
    ("wed", "Wed"),
    ("thu", "Thu"),
    ("fri", "Fri"),
    ("sat", "Sat"),
    ("sun", "Sun"),
];

/// Service hours per weekday: 24×7, or for each day its intervals (`from`–`to`, local time;
/// several a day) or closed.
pub fn hours_grid(json: &Value, commit: &Callback<Value>, id: &str) -> Html {
    let hours = json.get("hours").filter(|h| h.is_object());
    let toggle = on_click(json, commit, |calendar| {
        let object = calendar.as_object_mut();
        let Some(object) = object else { return };
        if object.remove("hours").is_none() {
            let day = json!([["09:00", "17:00"]]);
            let week = json!({"mon": day, "tue": day, "wed": day, "thu": day, "fri": day});
            object.insert("hours".to_string(), week);
        }
    });
    html! {
        <fieldset class="hours-grid">
            <legend>{"Service hours (local time)"}</legend>
            <label class="check">
                <input type="checkbox" checked={hours.is_none()} onclick={toggle}
                    data-testid={format!("{id}-24x7")} />
                {" Every hour, every day (24×7)"}
            </label>
            if hours.is_some() {
                <div class="week" role="group" aria-label="Hours per weekday">
                    {for DAYS.iter().map(|(day, label)| day_row(json, commit, id, day, label))}
                </div>
            }
        </fieldset>
    }
}

/// One weekday: its intervals, each removable, and a button to add one.
fn day_row(
    json: &Value,
    commit: &Callback<Value>,
    id: &str,
    day: &'static str,
    label: &str,
) -> Html {
    let spans = json["hours"][day].as_array().cloned().unwrap_or_default();
    let add = on_click(json, commit, move |calendar| {
        let spans = &mut calendar["hours"][day];
        let last_end = spans
            .as_array()
            .and_then(|s| s.last())
            .and_then(|s| s[1].as_str())
            .map(str::to_string);
        let span = match last_end {
            Some(end) => json!([end, "24:00"]),
            None => json!(["09:00", "17:00"]),
        };
        match spans.as_array_mut() {
            Some(list) => list.push(span),
            None => *spans = json!([span]),
        }
    });
    html! {
        <div class="day" data-testid={format!("{id}-day-{day}")}>
            <span class="day-name">{label}</span>
            <span class="spans">
                if spans.is_empty() { <span class="closed">{"closed"}</span> }
                {for spans.iter().enumerate().map(|(i, span)| span_inputs(json, commit, id, day, i, span))}
            </span>
            <button class="small" onclick={add} aria-label={format!("Add hours on {label}")}
                data-testid={format!("{id}-add-{day}")}>{"+"}</button>
        </div>
    }
}

/// The `from` and `to` of one interval, and a button to remove it.
fn span_inputs(
    json: &Value,
    commit: &Callback<Value>,
    id: &str,
    day: &'static str,
    i: usize,
    span: &Value,
) -> Html {
    let end = |side: usize| {
        on_text::<Event>(json, commit, move |calendar, text| {
            let slot = calendar["hours"][day]
                .get_mut(i)
                .and_then(|s| s.get_mut(side));
            if let Some(slot) = slot {
                *slot = Value::String(text);
            }
        })
    };
    let remove = on_click(json, commit, move |calendar| {
        if let Some(list) = calendar["hours"][day].as_array_mut() {
            if i < list.len() {
                list.remove(i);
            }
        }
    });
    let text = |side: usize| span[side].as_str().unwrap_or("").to_string();
    html! {
        <span class="span">
            <input class="clock" value={text(0)} onchange={end(0)} inputmode="numeric" size="5"
                aria-label={format!("{day} interval {} from", i + 1)} data-testid={format!("{id}-{day}-{i}-from")} />
            {"–"}
            <input class="clock" value={text(1)} onchange={end(1)} inputmode="numeric" size="5"
                aria-label={format!("{day} interval {} to", i + 1)} data-testid={format!("{id}-{day}-{i}-to")} />
            <button class="small" onclick={remove} aria-label={format!("Remove {day} interval {}", i + 1)}
                data-testid={format!("{id}-{day}-{i}-remove")}>{"×"}</button>
        </span>
    }
}
