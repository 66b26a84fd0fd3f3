use super::calendar_editor::on_text;
use serde_json::Value;
use yew::prelude::*;

/// The calendar's IANA time zone: a text field that searches every zone the core knows (a
/// native suggestion list, filtered as you type).
pub fn zone_picker(json: &Value, commit: &Callback<Value>, id: &str) -> Html {
    let zone = json["time_zone"].as_str().unwrap_or("UTC").to_string();
    let list = format!("{id}-zones");
    let onchange = on_text::<Event>(json, commit, |calendar, text| {
        calendar["time_zone"] = Value::String(text);
    });
    html! {
        <label class="field zone-picker">
            <span class="label">{"Time zone (type to search)"}</span>
            <input type="search" list={list.clone()} value={zone} {onchange} autocomplete="off"
                spellcheck="false" data-testid={format!("{id}-zone")} placeholder="e.g. Europe/Berlin" />
            <datalist id={list}>
                {for crate::zones::names().into_iter().map(|name| html! { <option value={name} /> })}
            </datalist>
        </label>
    }
}
