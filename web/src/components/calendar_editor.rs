use super::holiday_list::holiday_list;
use super::hours_grid::hours_grid;
use super::maintenance_list::maintenance_list;
use super::zone_picker::zone_picker;
use nines_core::calendar::Calendar;
use serde_json::Value;
use yew::prelude::*;

/// Props of [`CalendarEditor`].
#[derive(Properties, PartialEq)]
pub struct CalendarEditorProps {
    /// The calendar as it is.
    pub calendar: Calendar,
    /// Checks an edited calendar (its JSON, as typed) with nines-core and keeps it, or returns
    /// the core's one-line error with its JSON path (then nothing changes).
    pub on_change: Callback<Value, Option<String>>,
    /// Prefix of every `data-testid` inside.
    pub testid: AttrValue,
    /// Offers "Remove", which sends `null` to `on_change`.
    #[prop_or_default]
    pub removable: bool,
}

/// Edits one calendar: its time zone, weekly hours (or 24×7), holidays and maintenance
/// windows. Every edit goes through `on_change`; a rejected one shows the core's error here.
#[function_component(CalendarEditor)]
pub fn calendar_editor(props: &CalendarEditorProps) -> Html {
    let error = use_state(|| None::<String>);
    let json = serde_json::to_string(&props.calendar)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or(Value::Null);
    let commit = {
        let (error, on_change) = (error.clone(), props.on_change.clone());
        Callback::from(move |edited: Value| error.set(on_change.emit(edited)))
    };
    let id = props.testid.to_string();
    html! {
        <div class="calendar-editor" data-testid={id.clone()}>
            <p class="calendar-summary" data-testid={format!("{id}-summary")}>{props.calendar.describe()}</p>
            if props.removable {
                <button class="small danger remove" onclick={on_click(&Value::Null, &commit, |_| ())}
                    data-testid={format!("{id}-remove")}>{"Remove this calendar"}</button>
            }
            {zone_picker(&json, &commit, &id)}
            {hours_grid(&json, &commit, &id)}
            {holiday_list(&json, &commit, &id)}
            {maintenance_list(&json, &commit, &id)}
            if let Some(message) = &*error {
                <p class="error" role="alert" data-testid={format!("{id}-error")}>{message}</p>
            }
        </div>
    }
}

/// A callback that applies `change` (with the event's text) to a copy of `json` and commits it.
pub fn on_text<E: AsRef<web_sys::Event> + 'static>(
    json: &Value,
    commit: &Callback<Value>,
    change: impl Fn(&mut Value, String) + 'static,
) -> Callback<E> {
    let (json, commit) = (json.clone(), commit.clone());
    Callback::from(move |e: E| {
        let Some(text) = value_of(e.as_ref()) else {
            return;
        };
        let mut edited = json.clone();
        change(&mut edited, text.trim().to_string());
        commit.emit(edited);
    })
}

/// A callback that applies `change` to a copy of `json` and commits it, whatever the event.
pub fn on_click(
    json: &Value,
    commit: &Callback<Value>,
    change: impl Fn(&mut Value) + 'static,
) -> Callback<MouseEvent> {
    let (json, commit) = (json.clone(), commit.clone());
    Callback::from(move |_| {
        let mut edited = json.clone();
        change(&mut edited);
        commit.emit(edited);
    })
}

/// The value of the input or select an event came from.
fn value_of(event: &web_sys::Event) -> Option<String> {
    use wasm_bindgen::JsCast;
    let target = event.target()?;
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        return Some(input.value());
    }
    target
        .dyn_ref::<web_sys::HtmlSelectElement>()
        .map(web_sys::HtmlSelectElement::value)
}

/// The array at `key` of `json` (made an empty one when absent).
pub fn array_at<'a>(json: &'a mut Value, key: &str) -> Option<&'a mut Vec<Value>> {
    let object = json.as_object_mut()?;
    let slot = object
        .entry(key.to_string())
        .or_insert_with(|| Value::Array(Vec::new()));
    slot.as_array_mut()
}
