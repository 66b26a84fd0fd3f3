use super::calendar_editor::{array_at, on_click, on_text};
use serde_json::{json, Value};
use yew::prelude::*;

/// Recurring maintenance windows (excluded from service time): every week on a weekday, or
/// every month on a day (`first-sun` … `last-sun`, or 1–31), from–to in local time.
pub fn maintenance_list(json: &Value, commit: &Callback<Value>, id: &str) -> Html {
    let windows = json["maintenance"].as_array().cloned().unwrap_or_default();
    let add = on_click(json, commit, |calendar| {
        if let Some(list) = array_at(calendar, "maintenance") {
            list.push(json!({"every": "week", "day": "sun", "from": "02:00", "to": "04:00"}));
        }
    });
    html! {
        <fieldset class="maintenance">
            <legend>{"Maintenance windows (excluded)"}</legend>
            {for windows.iter().enumerate().map(|(i, w)| window_row(json, commit, id, i, w))}
            <button class="small" onclick={add} data-testid={format!("{id}-maintenance-add")}>{"Add a window"}</button>
        </fieldset>
    }
}

/// One window's fields and a button to remove it.
fn window_row(json: &Value, commit: &Callback<Value>, id: &str, i: usize, window: &Value) -> Html {
    let set = |key: &'static str| {
        on_text::<Event>(json, commit, move |calendar, text| {
            let value = match (key, text.parse::<u64>()) {
                ("day", Ok(n)) => json!(n),
                _ => Value::String(text),
            };
            if let Some(w) = calendar["maintenance"]
                .get_mut(i)
                .and_then(Value::as_object_mut)
            {
                w.insert(key.to_string(), value);
            }
        })
    };
    let remove = on_click(json, commit, move |calendar| {
        if let Some(list) = array_at(calendar, "maintenance").filter(|l| i < l.len()) {
            list.remove(i);
        }
    });
    let text = |key: &str| match &window[key] {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let every = text("every");
    let testid = |what: &str| format!("{id}-maintenance-{i}-{what}");
    html! {
        <div class="window" data-testid={testid("row")}>
            <select onchange={set("every")} aria-label="Recurs every" data-testid={testid("every")}>
                <option value="week" selected={every == "week"}>{"every week"}</option>
                <option value="month" selected={every == "month"}>{"every month"}</option>
            </select>
            <input class="day-field" value={text("day")} onchange={set("day")} size="9"
                aria-label="Day (sun, first-sun, last-sun or 1–31)" title="sun … sat; monthly: first-sun … last-sun or 1–31"
                data-testid={testid("day")} />
            <input class="clock" value={text("from")} onchange={set("from")} size="5" aria-label="From" data-testid={testid("from")} />
            {"–"}
            <input class="clock" value={text("to")} onchange={set("to")} size="5" aria-label="To" data-testid={testid("to")} />
            <button class="small" onclick={remove} aria-label="Remove this window" data-testid={testid("remove")}>{"×"}</button>
        </div>
    }
}
