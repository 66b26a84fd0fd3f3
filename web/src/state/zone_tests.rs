//! Designs that wait for the time-zone table, natively: they load once it is there (one undo
//! step, or none for the autosave), a failed fetch keeps them waiting, a bad one is reported.

use super::*;
use crate::zones::Zones;

const FIRST: &str = r#"{"root": {"component": {"id": "a", "availability": 99.9}}}"#;
const ZONED: &str = r#"{"name": "Office hours", "calendars": {"office": {"time_zone": "UTC",
    "hours": {"mon": [["09:00", "17:00"]]}}},
    "root": {"component": {"id": "b", "availability": 99.5}}}"#;

fn start() -> Rc<AppState> {
    Rc::new(AppState::new(
        Model::from_json(FIRST).unwrap(),
        "2026-02".to_string(),
    ))
}

fn waiting(text: &str, quiet: bool) -> Action {
    Action::Wait(Box::new(Pending {
        label: "Office hours".to_string(),
        example: Some("office.json".to_string()),
        file: None,
        text: text.to_string(),
        quiet,
    }))
}

#[test]
fn a_waiting_design_loads_once_the_table_is_there() {
    let s = start().reduce(waiting(ZONED, false));
    assert_eq!(s.model, Model::from_json(FIRST).unwrap());
    assert!(crate::zones::needed(ZONED));
    let failed = s.reduce(Action::ZonesLoaded(Err("offline".to_string())));
    assert_eq!(failed.zones, Zones::Failed("offline".to_string()));
    assert!(failed.pending.is_some());
    let retried = failed.reduce(Action::RetryZones);
    assert_eq!(
        (retried.zones.clone(), retried.zone_attempt),
        (Zones::Loading, 1)
    );
    let loaded = retried.reduce(Action::ZonesLoaded(Ok(())));
    assert_eq!(loaded.model.name.as_deref(), Some("Office hours"));
    assert_eq!(
        loaded.model.calendars["office"].describe(),
        "Mon 09:00–17:00 (UTC)"
    );
    assert_eq!(loaded.undo.len(), 1);
    assert!(loaded.notice && loaded.pending.is_none());
    assert_eq!(
        loaded.loaded.as_ref().and_then(|l| l.example.as_deref()),
        Some("office.json")
    );
}

#[test]
fn the_autosave_comes_back_quietly_and_a_bad_design_is_reported() {
    let quiet = start()
        .reduce(waiting(ZONED, true))
        .reduce(Action::ZonesLoaded(Ok(())));
    assert_eq!(quiet.model.name.as_deref(), Some("Office hours"));
    assert!(quiet.undo.is_empty() && !quiet.notice);
    let bad = ZONED.replace("17:00", "08:00");
    let reported = start()
        .reduce(waiting(&bad, false))
        .reduce(Action::ZonesLoaded(Ok(())));
    assert_eq!(reported.model, Model::from_json(FIRST).unwrap());
    let problems = reported.import_problems.as_ref().unwrap();
    assert_eq!(problems.source, "Office hours");
    assert_eq!(
        problems.problems[0].to_string(),
        "calendars.office.hours.mon[0]: 09:00–08:00 ends before it starts: split hours that cross midnight over two days"
    );
}
