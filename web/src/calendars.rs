//! Calendar edits as nines-core reads them: an edited calendar (JSON, as typed) goes into the
//! model's JSON and the whole model is read back, so a bad value fails with the core's error
//! and its path in the model (`calendars.office.hours.mon[0]: …`). Nothing is checked here.

use nines_core::Model;
use serde_json::Value;

/// `model` with the calendar `id` set to `calendar` (removed when `None`), as the core reads
/// it.
///
/// # Errors
/// The core's first problem, `path: message`, when the model no longer reads or evaluates
/// (say, an SLA still names a removed calendar).
pub fn with_calendar(model: &Model, id: &str, calendar: Option<Value>) -> Result<Model, String> {
    let mut json = model_value(model)?;
    let Some(object) = json.as_object_mut() else {
        return Err("the model is not a JSON object".to_string());
    };
    let calendars = object
        .entry("calendars".to_string())
        .or_insert_with(|| Value::Object(Default::default()));
    if let Some(calendars) = calendars.as_object_mut() {
        match calendar {
            Some(calendar) => calendars.insert(id.to_string(), calendar),
            None => calendars.remove(id),
        };
    }
    read_back(model, &json)
}

/// `json` read as a model, unless it fails to read, or its evaluation has a problem that
/// `before`'s did not.
///
/// # Errors
/// The core's first (new) problem, `path: message`.
pub fn read_back(before: &Model, json: &Value) -> Result<Model, String> {
    let model = Model::from_json(&json.to_string()).map_err(|p| {
        p.0.first()
            .map_or_else(|| "not a model".to_string(), ToString::to_string)
    })?;
    let known = crate::evaluation::problems(before);
    match crate::evaluation::problems(&model)
        .into_iter()
        .find(|p| !known.contains(p))
    {
        Some(problem) => Err(problem.to_string()),
        None => Ok(model),
    }
}

/// `model` as a JSON value (through its text, the one serialisation the app already has).
///
/// # Errors
/// When the text does not read back as JSON (it always does).
pub fn model_value(model: &Model) -> Result<Value, String> {
    serde_json::from_str(&crate::codec::model_to_json(model, false)).map_err(|e| e.to_string())
}

/// An id for a new calendar that the model does not use yet: `hours`, `hours-2`, ….
pub fn new_id(model: &Model) -> String {
    (1..)
        .map(|n| match n {
            1 => "hours".to_string(),
            n => format!("hours-{n}"),
        })
        .find(|id| !model.calendars.contains_key(id))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const MODEL: &str = r#"{"calendars": {"office": {"hours": {"mon": [["09:00", "17:00"]]}}},
        "root": {"component": {"id": "a", "availability": 99.9}}}"#;

    #[test]
    fn a_bad_calendar_names_its_path_in_the_model_and_changes_nothing() {
        let model = Model::from_json(MODEL).unwrap();
        let bad = json!({"hours": {"mon": [["17:00", "09:00"]]}});
        assert_eq!(
            with_calendar(&model, "office", Some(bad)).unwrap_err(),
            "calendars.office.hours.mon[0]: 17:00–09:00 ends before it starts: split hours that cross midnight over two days"
        );
        let good = json!({"hours": {"tue": [["08:00", "12:00"], ["13:00", "18:00"]]}});
        let edited = with_calendar(&model, "office", Some(good)).unwrap();
        assert_eq!(
            edited.calendars["office"].describe(),
            "Tue 08:00–12:00, 13:00–18:00 (UTC)"
        );
        assert_eq!(new_id(&edited), "hours");
        assert!(with_calendar(&edited, "office", None)
            .unwrap()
            .calendars
            .is_empty());
    }

    #[test]
    fn a_calendar_an_sla_still_names_stays() {
        let model = Model::from_json(
            r#"{"calendars": {"office": {}}, "root": {"component": {"id": "a", "sla": {
                "id": "x/y/z", "provider": "x", "service": "y", "configuration": "z",
                "commitment": 99.5, "window": "calendar_month",
                "downtime_definition": {"kind": "unavailable_minutes", "text": "t"},
                "credit_tiers": [{"below": 99.5, "credit": 10}], "credit_cap": 50,
                "claim_window": "30 days", "calendar": "office",
                "data_guarantee": {"kind": "none", "text": "none"},
                "source": {"url": "about:blank", "as_of": "2026-01-15", "status": "unverified"}}}}}"#,
        )
        .unwrap();
        assert_eq!(
            with_calendar(&model, "office", None).unwrap_err(),
            "root.component.sla.calendar: y (z) is measured over calendar \"office\", which the model's calendars do not define"
        );
    }
}
