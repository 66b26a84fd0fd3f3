use super::calendar_editor::{array_at, on_click, on_text};
use serde_json::Value;
use yew::prelude::*;

/// Holidays (local dates without service): each removable, and a date field to add one.
pub fn holiday_list(json: &Value, commit: &Callback<Value>, id: &str) -> Html {
    let days: Vec<String> = json["holidays"]
        .as_array()
        .map(|list| {
            list.iter()
                .filter_map(|d| d.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    // A date field cleared (or a second change after the field was emptied) adds nothing.
    let add = on_text::<Event>(json, commit, |calendar, text| {
        if text.trim().is_empty() {
            return;
        }
        if let Some(list) = array_at(calendar, "holidays") {
            list.push(Value::String(text));
        }
    });
    html! {
        <fieldset class="holidays">
            <legend>{"Holidays (no service)"}</legend>
            <ul class="chips" data-testid={format!("{id}-holidays")}>
                {for days.iter().enumerate().map(|(i, day)| {
                    let remove = on_click(json, commit, move |calendar| {
                        if let Some(list) = array_at(calendar, "holidays").filter(|l| i < l.len()) {
                            list.remove(i);
                        }
                    });
                    html! {
                        <li class="chip">{day}
                            <button class="small" onclick={remove} aria-label={format!("Remove holiday {day}")}
                                data-testid={format!("{id}-holiday-{i}-remove")}>{"×"}</button>
                        </li>
                    }
                })}
            </ul>
            <label class="field compact">
                <span class="label">{"Add a holiday"}</span>
                // Keyed by the count, so that the field is empty again once a date is added.
                <input key={days.len()} type="date" value="" onchange={add} data-testid={format!("{id}-holiday-add")} />
            </label>
        </fieldset>
    }
}
