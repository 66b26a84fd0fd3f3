//! Calendars through every figure: worked examples with their arithmetic, the scenario's
//! counting per incident, property tests, and bad input with its JSON path.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: failing loudly is the point

use nines_core::calendar::{Calendar, WeekHours};
use nines_core::report::DowntimeAnswer;
use nines_core::{evaluate_json, Availability, Catalog, Convention, Options};
use proptest::prelude::*;

fn percent(text: &str) -> Availability {
    Availability::parse_percent(text).unwrap()
}

fn month(text: &str) -> Convention {
    Convention::parse(text).unwrap()
}

fn office(zone: &str) -> Calendar {
    Calendar {
        hours: WeekHours::parse("mon-fri 09:00-17:00").ok(),
        ..Calendar::from_json(&format!(r#"{{"time_zone": "{zone}"}}"#)).unwrap()
    }
}

fn month_seconds(calendar: &Calendar, at: &str, pct: &str) -> f64 {
    DowntimeAnswer::in_calendar(percent(pct), month(at), calendar)
        .seconds
        .month
}

#[test]
fn worked_examples() {
    // 99.9% of a 30-day month, every minute: 0.001 × 30 × 86,400 s = 2,592 s = 43 min 12 s.
    let plain = DowntimeAnswer::in_calendar(
        percent("99.9"),
        Convention::ThirtyDay,
        &Calendar::around_the_clock(),
    );
    assert_eq!(plain.seconds.month, 2592.0);
    assert_eq!(plain.text.month, "43 min 12 s");
    assert_eq!(plain.service_seconds, None, "24×7 UTC is today's answer");
    // 99.9% of Mon–Fri 09:00–17:00 in March 2026 (22 working days):
    // 0.001 × 22 × 8 h = 0.176 h = 10 min 33.6 s.
    let berlin = office("Europe/Berlin");
    let answer = DowntimeAnswer::in_calendar(percent("99.9"), month("2026-03"), &berlin);
    assert_eq!(answer.seconds.month, 633.6);
    assert_eq!(answer.text.month, "10 min 33.6 s");
    assert_eq!(
        answer.service_seconds.map(|s| s.month),
        Some(176.0 * 3600.0)
    );
    assert_eq!(
        answer.around_the_clock.map(|d| d.seconds.month),
        Some(2678.4)
    );
    // The same month with Friday 20 March off: 21 × 8 h → 0.001 × 168 h = 10 min 4.8 s.
    let mut holiday = berlin.clone();
    holiday.holidays = serde_json::from_str(r#"["2026-03-20"]"#).unwrap();
    assert_eq!(month_seconds(&holiday, "2026-03", "99.9"), 604.8);
    // Every minute in Berlin: March has 743 hours (clocks go forward on the 29th), October
    // 745 (back on the 25th); UTC has 744 in both.
    let all_day = Calendar::from_json(r#"{"time_zone": "Europe/Berlin"}"#).unwrap();
    assert_eq!(
        month_seconds(&all_day, "2026-03", "99.9"),
        0.001 * 743.0 * 3600.0
    );
    assert_eq!(
        month_seconds(&all_day, "2026-10", "99.9"),
        0.001 * 745.0 * 3600.0
    );
    let utc = Calendar::around_the_clock();
    assert_eq!(month_seconds(&utc, "2026-03", "99.9"), 2678.4);
    assert_eq!(month_seconds(&utc, "2026-10", "99.9"), 2678.4);
}

/// The scenario of `data/examples/hosting-business-hours.json`: a hosting contract measured
/// Mon–Fri 08:00–18:00 Berlin time, company holiday 16 Feb, weekly maintenance Wed 17:00–19:00.
#[test]
fn incidents_count_only_service_minutes() {
    let text = include_str!("../../../data/examples/hosting-business-hours.json");
    let report = evaluate_json(text, &Catalog::empty(), &Options::new(month("2026-02"))).unwrap();
    let scenario = report.contract.scenario.unwrap();
    let counts: Vec<[f64; 5]> = scenario
        .incidents
        .iter()
        .map(|c| {
            [
                c.counted_minutes,
                c.outside_hours_minutes,
                c.holiday_minutes,
                c.maintenance_minutes,
                c.outside_month_minutes,
            ]
        })
        .collect();
    assert_eq!(
        counts,
        [
            // Tue 03:00–06:00 Berlin: the night, outside the hours.
            [0.0, 180.0, 0.0, 0.0, 0.0],
            // Wed 17:30–19:30: 17:30–19:00 in the maintenance window, 19:00–19:30 after hours.
            [0.0, 30.0, 0.0, 90.0, 0.0],
            // Fri 16:00 to Sat 02:00, across midnight into a day without hours: Friday's two.
            [120.0, 480.0, 0.0, 0.0, 0.0],
            // Mon 16 Feb 10:00–11:00, a holiday.
            [0.0, 0.0, 60.0, 0.0, 0.0],
        ]
    );
    // Service time: 19 working days × 10 h − 4 Wednesdays × 1 h of maintenance = 186 h;
    // 2 h down → 98.9247…% < 99%: the 25% tier, 25% of EUR 890 = EUR 222.50.
    let server = &scenario.services[0];
    assert_eq!(server.service_seconds, Some(186.0 * 3600.0));
    assert_eq!(server.downtime_seconds, 7200.0);
    assert_eq!(server.credit.to_string(), "222.50");
    // Business loss: 2 h 30 min inside office hours at EUR 2,000/h (Wed 17:30–18:00 and
    // Fri 16:00–18:00), 13 h 30 min outside at EUR 100/h: 5,000 + 1,350.
    assert_eq!(scenario.business_hours_downtime_seconds, Some(9000.0));
    assert_eq!(
        scenario.business_loss.map(|m| m.to_string()).as_deref(),
        Some("6,350.00")
    );
    // The contract view: each tier as downtime in the contract's 186 service hours.
    let tiers = &report.contract.services[0].tiers;
    assert_eq!(tiers[0].after_seconds, 0.005 * 186.0 * 3600.0);
}

#[test]
fn figures_can_count_a_calendar() {
    let model = r#"{"calendars": {"office": {"hours": {"mon": [["09:00", "17:00"]], "tue": [["09:00", "17:00"]],
        "wed": [["09:00", "17:00"]], "thu": [["09:00", "17:00"]], "fri": [["09:00", "17:00"]]}}},
        "root": {"component": {"id": "app", "availability": 99.9}}}"#;
    let options = Options {
        calendar: Some("office".to_string()),
        ..Options::new(month("2026-03"))
    };
    let report = evaluate_json(model, &Catalog::empty(), &options).unwrap();
    assert_eq!(report.downtime.seconds.month, 633.6);
    assert_eq!(report.contract.expected_downtime_seconds_per_month, 633.6);
    let calendar = report.convention.calendar.unwrap();
    assert_eq!(calendar.description, "Mon–Fri 09:00–17:00 (UTC)");
}

/// A calendar of `spans` on each weekday (intervals that may be empty) in `zone`.
fn calendar_of(zone: &str, days: &[Vec<(u16, u16)>; 7], holidays: &[u32]) -> Calendar {
    let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let rules: Vec<String> = names
        .iter()
        .zip(days)
        .flat_map(|(day, spans)| {
            spans.iter().map(move |&(a, b)| {
                format!(
                    "{day} {:02}:{:02}-{:02}:{:02}",
                    a / 60,
                    a % 60,
                    b / 60,
                    b % 60
                )
            })
        })
        .collect();
    let mut calendar = Calendar::from_json(&format!(r#"{{"time_zone": "{zone}"}}"#)).unwrap();
    calendar.hours = WeekHours::parse(&rules.join("; ")).ok();
    calendar.holidays = holidays
        .iter()
        .map(|d| serde_json::from_str(&format!("\"2026-10-{d:02}\"")).unwrap())
        .collect();
    calendar
}

fn zones() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "UTC",
        "Europe/Berlin",
        "America/New_York",
        "Australia/Lord_Howe",
        "Asia/Kolkata",
        "America/Havana",
    ])
}

/// One disjoint interval per day, in minutes, or none.
fn days() -> impl Strategy<Value = [Vec<(u16, u16)>; 7]> {
    prop::array::uniform7(prop::option::of((0u16..1439, 1u16..1440)).prop_map(|span| {
        span.map(|(a, len)| (a, (a + len).min(1440)))
            .into_iter()
            .collect()
    }))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn service_time_fits_in_its_period(
        zone in zones(),
        days in days(),
        holidays in prop::collection::vec(1u32..=31, 0..4),
        m in 1u32..=12,
    ) {
        let calendar = calendar_of(zone, &days, &holidays);
        let convention = month(&format!("2026-{m:02}"));
        let service = calendar.service_periods(convention);
        // A local month is its days ± one hour of daylight saving time.
        let length = convention.periods().month + 3600.0;
        prop_assert!(service.month >= 0.0 && service.month <= length);
        prop_assert!(service.quarter >= service.month && service.year >= service.quarter);
        prop_assert!(service.year <= 366.0 * 86_400.0);
    }

    #[test]
    fn allowed_downtime_grows_as_the_percentage_falls(
        zone in zones(),
        days in days(),
        a in 0u32..=100_000,
        b in 0u32..=100_000,
    ) {
        let calendar = calendar_of(zone, &days, &[]);
        let (high, low) = (a.max(b), a.min(b));
        let at = |thousandths: u32| {
            let pct = format!("{}.{:03}", thousandths / 1000, thousandths % 1000);
            month_seconds(&calendar, "2026-10", &pct)
        };
        prop_assert!(at(low) >= at(high));
    }
}

#[test]
fn bad_calendars_in_a_model_name_their_path() {
    let error = |model: &str| {
        evaluate_json(model, &Catalog::empty(), &Options::new(month("2026-02")))
            .map(|_| String::new())
            .unwrap_or_else(|p| p.to_string())
    };
    let root = r#""root": {"component": {"id": "a", "availability": 99.9}}"#;
    assert_eq!(
        error(&format!(r#"{{"calendars": {{"office": {{"time_zone": "Mars/Olympus"}}}}, {root}}}"#)),
        "calendars.office.time_zone: unknown time zone \"Mars/Olympus\": expected an IANA name such as Europe/Berlin, America/New_York or UTC"
    );
    assert_eq!(
        error(&format!(
            r#"{{"calendars": {{"office": {{"hours": {{"tue": [["08:00", "12:00"], ["10:00", "14:00"]]}}}}}}, {root}}}"#
        )),
        "calendars.office.hours.tue: 08:00–12:00 and 10:00–14:00 overlap"
    );
    assert_eq!(
        error(&format!(
            r#"{{"calendars": {{"office": {{"holidays": ["2026-13-01"]}}}}, {root}}}"#
        )),
        "calendars.office.holidays[0]: expected a date such as 2026-11-25, got \"2026-13-01\""
    );
    assert_eq!(
        error(&format!(r#"{{"business_calendar": "office", {root}}}"#)),
        "business_calendar: unknown calendar \"office\": define it in the model's calendars"
    );
    assert_eq!(
        error(&format!(r#"{{"business_loss_per_hour_outside_hours": 10, {root}}}"#)),
        "business_loss_per_hour_outside_hours: give business_calendar: the hours outside which this rate applies"
    );
    let sla = r#"{"component": {"id": "h", "sla": {"id": "x/y/z", "provider": "x", "service": "Y",
        "configuration": "Z", "commitment": 99.5, "window": "calendar_month",
        "downtime_definition": {"kind": "unavailable_minutes", "text": "down"},
        "credit_tiers": [], "credit_cap": 10, "claim_window": "30 days",
        "data_guarantee": {"kind": "not_applicable", "text": ""}, "calendar": "support",
        "source": {"url": "about:blank", "as_of": "2026-01-01", "status": "unverified"}}}}"#;
    assert_eq!(
        error(&format!(r#"{{"root": {sla}}}"#)),
        "root.component.sla.calendar: Y (Z) is measured over calendar \"support\", which the model's calendars do not define"
    );
    let options = Options {
        calendar: Some("nope".to_string()),
        ..Options::new(month("2026-02"))
    };
    let unknown = evaluate_json(&format!("{{{root}}}"), &Catalog::empty(), &options).unwrap_err();
    assert_eq!(
        unknown.to_string(),
        "options.calendar: unknown calendar \"nope\": the model's calendars define none by that id"
    );
}
