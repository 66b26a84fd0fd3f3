//! Calendars: the hours a contract or a business counts, in a time zone, minus holidays and
//! maintenance windows.
//!
//! ```json
//! {"time_zone": "Europe/Berlin",
//!  "hours": {"mon": [["09:00", "17:00"]], "tue": [["09:00", "17:00"]], "sun": []},
//!  "holidays": ["2026-12-25"],
//!  "maintenance": [{"every": "month", "day": "first-sun", "from": "02:00", "to": "04:00"}]}
//! ```
//!
//! A calendar is checked as it is read: an unknown zone, `25:00`, an inverted or overlapping
//! interval or a maintenance day that does not fit its recurrence fail with the value's JSON
//! path. [`service`] turns one into UTC intervals and service time per period.

pub mod service;
pub mod zone;

use crate::text::date::deserialize_date;
use crate::text::json::{text, value_error};
use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::fmt::Write;

pub use zone::Zone;

/// Minutes in a day.
const DAY_MINUTES: u16 = 1440;

/// Service hours, holidays and maintenance windows in a time zone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Calendar {
    /// An IANA time zone, e.g. `Europe/Berlin`; `UTC` when absent.
    #[serde(default = "TimeZone::utc")]
    pub time_zone: TimeZone,
    /// Service hours per weekday (local time); a day left out has none. Absent: 24×7.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<WeekHours>,
    /// Days without service, `YYYY-MM-DD` (local dates).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<chrono::NaiveDate>"))]
    pub holidays: Holidays,
    /// Recurring maintenance windows (local time): excluded from service time.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub maintenance: Vec<Maintenance>,
}

/// Holiday dates.
pub type Holidays = Vec<Holiday>;

/// One holiday, a local date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Holiday(#[serde(deserialize_with = "deserialize_date")] pub NaiveDate);

/// An IANA time zone name and its rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeZone {
    name: String,
    zone: Zone,
}

/// Service hours for each day of the week.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct WeekHours {
    /// Monday.
    #[serde(default, skip_serializing_if = "DayHours::is_closed")]
    pub mon: DayHours,
    /// Tuesday.
    #[serde(default, skip_serializing_if = "DayHours::is_closed")]
    pub tue: DayHours,
    /// Wednesday.
    #[serde(default, skip_serializing_if = "DayHours::is_closed")]
    pub wed: DayHours,
    /// Thursday.
    #[serde(default, skip_serializing_if = "DayHours::is_closed")]
    pub thu: DayHours,
    /// Friday.
    #[serde(default, skip_serializing_if = "DayHours::is_closed")]
    pub fri: DayHours,
    /// Saturday.
    #[serde(default, skip_serializing_if = "DayHours::is_closed")]
    pub sat: DayHours,
    /// Sunday.
    #[serde(default, skip_serializing_if = "DayHours::is_closed")]
    pub sun: DayHours,
}

/// One day's service intervals, sorted and disjoint: `[["09:00", "12:00"], ["13:00", "17:00"]]`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct DayHours(Vec<ClockSpan>);

/// `[from, to]` on one day, `from` before `to` (`to` may be `24:00`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ClockSpan {
    /// Minutes after midnight.
    pub from: u16,
    /// Minutes after midnight, up to 1440.
    pub to: u16,
}

/// A recurring maintenance window, excluded from service time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Maintenance {
    /// `week` or `month`.
    pub every: Every,
    /// A weekday (`sun`) for weekly windows; `first-sun` … `last-sun` or a day of the month
    /// (1–31; none in shorter months) for monthly ones.
    pub day: MaintenanceDay,
    /// Local start, `HH:MM`.
    #[serde(serialize_with = "clock_out")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub from: u16,
    /// Local end, `HH:MM`; at or before `from`, the window ends the next day.
    #[serde(serialize_with = "clock_out")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub to: u16,
}

/// How often a maintenance window recurs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Every {
    /// Every week, on a weekday.
    Week,
    /// Every month, on the n-th weekday or a day of the month.
    Month,
}

/// The day a maintenance window falls on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MaintenanceDay {
    /// A weekday (weekly windows).
    Weekday(Weekday),
    /// The `n`-th weekday of the month (1–4), or the last (`n` = 5).
    Nth(u8, Weekday),
    /// A day of the month, 1–31.
    Date(u8),
}

impl<'de> Deserialize<'de> for Maintenance {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        const FIELDS: &[&str] = &["every", "day", "from", "to"];
        d.deserialize_struct("Maintenance", FIELDS, MaintenanceVisitor)
    }
}

/// Reads a maintenance window, checking its day against `every` as soon as both are read (so
/// the error's path names the second of them).
struct MaintenanceVisitor;

impl<'de> serde::de::Visitor<'de> for MaintenanceVisitor {
    type Value = Maintenance;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a maintenance window {every, day, from, to}")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Maintenance, A::Error> {
        use serde::de::Error;
        let (mut every, mut day, mut from, mut to) = (None, None, None, None);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "every" => every = Some(map.next_value::<Every>()?),
                "day" => day = Some(map.next_value::<MaintenanceDay>()?),
                "from" => from = Some(map.next_value::<Clock>()?.0),
                "to" => to = Some(map.next_value::<Clock>()?.0),
                other => {
                    return Err(A::Error::unknown_field(
                        other,
                        &["every", "day", "from", "to"],
                    ))
                }
            }
            if let (Some(every), Some(day)) = (every, day) {
                fits(every, day).map_err(value_error)?;
            }
            if let (Some(from), Some(to)) = (from, to) {
                if from == to {
                    return Err(value_error(
                        "from and to are equal: a window is shorter than a day",
                    ));
                }
            }
        }
        Ok(Maintenance {
            every: every.ok_or_else(|| A::Error::missing_field("every"))?,
            day: day.ok_or_else(|| A::Error::missing_field("day"))?,
            from: from.ok_or_else(|| A::Error::missing_field("from"))?,
            to: to.ok_or_else(|| A::Error::missing_field("to"))?,
        })
    }
}

/// Whether `day` can be the day of a window recurring `every` week or month.
fn fits(every: Every, day: MaintenanceDay) -> Result<(), String> {
    match (every, day) {
        (Every::Week, MaintenanceDay::Weekday(_))
        | (Every::Month, MaintenanceDay::Nth(..) | MaintenanceDay::Date(_)) => Ok(()),
        (Every::Week, day) => Err(format!(
            "day {day}: a weekly window needs a weekday (mon … sun)"
        )),
        (Every::Month, day) => Err(format!(
            "day {day}: a monthly window needs first-{day} … last-{day} or a day 1–31"
        )),
    }
}

impl Maintenance {
    /// The window's length in minutes (under 24 hours).
    pub fn minutes(&self) -> u16 {
        if self.to > self.from {
            self.to - self.from
        } else {
            DAY_MINUTES - self.from + self.to
        }
    }

    /// Whether the window starts on `date`.
    pub fn starts_on(&self, date: NaiveDate) -> bool {
        use chrono::Datelike;
        match self.day {
            MaintenanceDay::Weekday(w) => date.weekday() == w,
            MaintenanceDay::Date(d) => date.day() == u32::from(d),
            MaintenanceDay::Nth(n, w) => {
                let week = (date.day() - 1) / 7 + 1;
                let last = date
                    .checked_add_days(chrono::Days::new(7))
                    .is_none_or(|later| later.month() != date.month());
                date.weekday() == w && (u32::from(n) == week || (n == 5 && last))
            }
        }
    }
}

const WEEKDAYS: [(&str, Weekday); 7] = [
    ("mon", Weekday::Mon),
    ("tue", Weekday::Tue),
    ("wed", Weekday::Wed),
    ("thu", Weekday::Thu),
    ("fri", Weekday::Fri),
    ("sat", Weekday::Sat),
    ("sun", Weekday::Sun),
];

const ORDINALS: [&str; 5] = ["first", "second", "third", "fourth", "last"];

fn weekday(text: &str) -> Option<Weekday> {
    WEEKDAYS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(text.trim()))
        .map(|&(_, w)| w)
}

fn weekday_name(day: Weekday) -> &'static str {
    WEEKDAYS[day.num_days_from_monday() as usize].0
}

impl MaintenanceDay {
    /// Parses `sun`, `first-sun` … `last-sun`.
    fn parse(text: &str) -> Result<Self, String> {
        if let Some(day) = weekday(text) {
            return Ok(Self::Weekday(day));
        }
        let nth = text.split_once('-').and_then(|(n, day)| {
            let n = ORDINALS.iter().position(|o| o.eq_ignore_ascii_case(n))?;
            Some(Self::Nth(u8::try_from(n + 1).ok()?, weekday(day)?))
        });
        nth.ok_or_else(|| {
            format!("unknown day {text:?}: expected mon … sun, first-sun … last-sun or 1–31")
        })
    }
}

impl std::fmt::Display for MaintenanceDay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            Self::Weekday(w) => f.write_str(weekday_name(w)),
            Self::Nth(n, w) => write!(f, "{}-{}", ORDINALS[usize::from(n - 1)], weekday_name(w)),
            Self::Date(d) => write!(f, "{d}"),
        }
    }
}

impl Serialize for MaintenanceDay {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match *self {
            Self::Date(d) => s.serialize_u8(d),
            _ => s.collect_str(self),
        }
    }
}

impl<'de> Deserialize<'de> for MaintenanceDay {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Written {
            Number(u8),
            Text(String),
        }
        match Written::deserialize(d)? {
            Written::Number(n @ 1..=31) => Ok(Self::Date(n)),
            Written::Number(n) => Err(value_error(format!("day {n} of the month: expected 1–31"))),
            Written::Text(text) => Self::parse(&text).map_err(value_error),
        }
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for MaintenanceDay {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "MaintenanceDay".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "mon … sun (weekly), first-sun … last-sun or 1–31 (monthly)",
            "anyOf": [
                {"type": "string", "pattern": "^((first|second|third|fourth|last)-)?(mon|tue|wed|thu|fri|sat|sun)$"},
                {"type": "integer", "minimum": 1, "maximum": 31}
            ]
        })
    }
}

/// Parses `HH:MM` (`00:00` … `24:00`) as minutes after midnight.
pub fn parse_clock(text: &str) -> Result<u16, String> {
    let bad = || format!("expected a time of day HH:MM (00:00 … 24:00), got {text:?}");
    let (h, m) = text.trim().split_once(':').ok_or_else(bad)?;
    if h.len() != 2 || m.len() != 2 || !format!("{h}{m}").bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let (h, m): (u16, u16) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    let minutes = h * 60 + m;
    if m >= 60 || minutes > DAY_MINUTES {
        return Err(bad());
    }
    Ok(minutes)
}

/// `HH:MM` for minutes after midnight.
pub fn format_clock(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

fn clock_in<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u16, D::Error> {
    text(d, parse_clock)
}

fn clock_out<S: serde::Serializer>(minutes: &u16, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&format_clock(*minutes))
}

impl ClockSpan {
    /// A span from `from` to `to`, minutes after midnight.
    ///
    /// # Errors
    /// When `to` is not after `from`.
    pub fn new(from: u16, to: u16) -> Result<Self, String> {
        if to <= from {
            return Err(format!(
                "{}–{} ends before it starts: split hours that cross midnight over two days",
                format_clock(from),
                format_clock(to)
            ));
        }
        Ok(Self { from, to })
    }
}

impl Serialize for ClockSpan {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        [format_clock(self.from), format_clock(self.to)].serialize(s)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for ClockSpan {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ClockSpan".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "[from, to], local HH:MM, from before to (to may be 24:00)",
            "type": "array", "minItems": 2, "maxItems": 2,
            "items": {"type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$"}
        })
    }
}

impl DayHours {
    /// Checked intervals: each `from` before `to`, none overlapping (touching ones merge).
    ///
    /// # Errors
    /// An inverted or overlapping interval, named by its times.
    pub fn new(mut spans: Vec<ClockSpan>) -> Result<Self, String> {
        crate::sort::sort(&mut spans);
        let mut merged: Vec<ClockSpan> = Vec::with_capacity(spans.len());
        for span in spans {
            match merged.last_mut() {
                Some(last) if span.from < last.to => {
                    return Err(format!(
                        "{}–{} and {}–{} overlap",
                        format_clock(last.from),
                        format_clock(last.to),
                        format_clock(span.from),
                        format_clock(span.to)
                    ))
                }
                Some(last) if span.from == last.to => last.to = span.to,
                _ => merged.push(span),
            }
        }
        Ok(Self(merged))
    }

    /// All day, `00:00`–`24:00`.
    pub fn all_day() -> Self {
        Self(vec![ClockSpan {
            from: 0,
            to: DAY_MINUTES,
        }])
    }

    /// The intervals, sorted.
    pub fn spans(&self) -> &[ClockSpan] {
        &self.0
    }

    /// No service that day.
    pub fn is_closed(&self) -> bool {
        self.0.is_empty()
    }

    fn describe(&self) -> String {
        self.0
            .iter()
            .map(|s| format!("{}–{}", format_clock(s.from), format_clock(s.to)))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl<'de> Deserialize<'de> for DayHours {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_seq(SpansVisitor)
    }
}

/// Reads a day's intervals, refusing an overlap as soon as it is read (so the error's path
/// names the day).
struct SpansVisitor;

impl<'de> serde::de::Visitor<'de> for SpansVisitor {
    type Value = DayHours;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a list of [from, to] intervals")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<DayHours, A::Error> {
        let mut spans = Vec::new();
        while let Some(span) = seq.next_element::<ClockSpan>()? {
            spans.push(span);
            if let Err(message) = DayHours::new(spans.clone()) {
                return Err(value_error(message));
            }
        }
        DayHours::new(spans).map_err(value_error)
    }
}

impl<'de> Deserialize<'de> for ClockSpan {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_seq(SpanVisitor)
    }
}

/// Reads `[from, to]`, refusing an inverted span at its `to`.
struct SpanVisitor;

impl<'de> serde::de::Visitor<'de> for SpanVisitor {
    type Value = ClockSpan;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("[from, to] as two times HH:MM")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<ClockSpan, A::Error> {
        let missing = || serde::de::Error::invalid_length(0, &"[from, to]");
        let from = seq.next_element::<Clock>()?.ok_or_else(missing)?;
        let to = seq.next_element::<Clock>()?.ok_or_else(missing)?;
        let span = ClockSpan::new(from.0, to.0).map_err(value_error)?;
        match seq.next_element::<serde::de::IgnoredAny>()? {
            Some(_) => Err(serde::de::Error::invalid_length(3, &"[from, to]")),
            None => Ok(span),
        }
    }
}

/// A time of day read from `HH:MM`.
struct Clock(u16);

impl<'de> Deserialize<'de> for Clock {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        clock_in(d).map(Self)
    }
}

impl WeekHours {
    /// The hours of `day`.
    pub fn day(&self, day: Weekday) -> &DayHours {
        match day {
            Weekday::Mon => &self.mon,
            Weekday::Tue => &self.tue,
            Weekday::Wed => &self.wed,
            Weekday::Thu => &self.thu,
            Weekday::Fri => &self.fri,
            Weekday::Sat => &self.sat,
            Weekday::Sun => &self.sun,
        }
    }

    fn day_mut(&mut self, day: Weekday) -> &mut DayHours {
        match day {
            Weekday::Mon => &mut self.mon,
            Weekday::Tue => &mut self.tue,
            Weekday::Wed => &mut self.wed,
            Weekday::Thu => &mut self.thu,
            Weekday::Fri => &mut self.fri,
            Weekday::Sat => &mut self.sat,
            Weekday::Sun => &mut self.sun,
        }
    }

    /// Parses the CLI's short form: `mon-fri 09:00-17:00`, several rules joined by `;`, several
    /// intervals by `,` (`mon-fri 08:00-12:00,13:00-17:00; sat 09:00-13:00`).
    ///
    /// # Errors
    /// A rule that is not `DAYS HH:MM-HH:MM[,…]`, or hours that overlap or invert.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut spans: [Vec<ClockSpan>; 7] = Default::default();
        for rule in text.split(';').map(str::trim).filter(|r| !r.is_empty()) {
            let (days, times) = rule.split_once(' ').ok_or_else(|| {
                format!("{rule:?}: expected days and hours, e.g. \"mon-fri 09:00-17:00\"")
            })?;
            for day in day_range(days)? {
                for interval in times.split(',') {
                    let (from, to) = interval.trim().split_once('-').ok_or_else(|| {
                        format!("{interval:?}: expected HH:MM-HH:MM, e.g. 09:00-17:00")
                    })?;
                    let span = ClockSpan::new(parse_clock(from)?, parse_clock(to)?)?;
                    spans[day.num_days_from_monday() as usize].push(span);
                }
            }
        }
        let mut hours = Self::default();
        for (i, day_spans) in spans.into_iter().enumerate() {
            *hours.day_mut(WEEKDAYS[i].1) = DayHours::new(day_spans)?;
        }
        Ok(hours)
    }

    /// `Mon–Fri 09:00–17:00; Sat 10:00–14:00`, consecutive days with the same hours joined.
    pub fn describe(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        let mut i = 0;
        while i < 7 {
            let hours = self.day(WEEKDAYS[i].1);
            let mut j = i;
            while j + 1 < 7 && self.day(WEEKDAYS[j + 1].1) == hours {
                j += 1;
            }
            if !hours.is_closed() {
                let name = |k: usize| capitalized(WEEKDAYS[k].0);
                let days = if i == j {
                    name(i)
                } else {
                    format!("{}–{}", name(i), name(j))
                };
                parts.push(format!("{days} {}", hours.describe()));
            }
            i = j + 1;
        }
        if parts.is_empty() {
            "no service hours".to_string()
        } else {
            parts.join("; ")
        }
    }
}

fn capitalized(name: &str) -> String {
    let mut out = name.to_string();
    out[..1].make_ascii_uppercase();
    out
}

/// `mon-fri`, `sat`, `mon,wed,fri` or `sat-sun` as weekdays.
fn day_range(text: &str) -> Result<Vec<Weekday>, String> {
    let bad = || format!("{text:?}: expected days such as mon-fri, sat or mon,wed");
    let mut days = Vec::new();
    for part in text.split(',') {
        match part.split_once('-') {
            Some((a, b)) => {
                let (a, b) = (weekday(a).ok_or_else(bad)?, weekday(b).ok_or_else(bad)?);
                let (a, b) = (a.num_days_from_monday(), b.num_days_from_monday());
                if b < a {
                    return Err(bad());
                }
                days.extend((a..=b).map(|d| WEEKDAYS[d as usize].1));
            }
            None => days.push(weekday(part).ok_or_else(bad)?),
        }
    }
    Ok(days)
}

impl TimeZone {
    /// `UTC`.
    pub fn utc() -> Self {
        Self {
            name: "UTC".to_string(),
            zone: Zone::UTC,
        }
    }

    /// The zone named `name`.
    ///
    /// # Errors
    /// An unknown name, with the known one that differs only in case, if any.
    pub fn parse(name: &str) -> Result<Self, String> {
        match Zone::named(name.trim()) {
            Some(zone) => Ok(Self {
                name: name.trim().to_string(),
                zone,
            }),
            None => Err(match Zone::suggest(name) {
                Some(known) => format!("unknown time zone {name:?}: did you mean {known}?"),
                None => format!(
                    "unknown time zone {name:?}: expected an IANA name such as Europe/Berlin, America/New_York or UTC"
                ),
            }),
        }
    }

    /// The IANA name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The zone's rule.
    pub fn zone(&self) -> &Zone {
        &self.zone
    }
}

impl Serialize for TimeZone {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.name)
    }
}

impl<'de> Deserialize<'de> for TimeZone {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        text(d, Self::parse)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for TimeZone {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "TimeZone".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({"type": "string", "description": "an IANA time zone name, e.g. Europe/Berlin"})
    }
}

impl Calendar {
    /// Every minute of every day, in UTC.
    pub fn around_the_clock() -> Self {
        Self {
            time_zone: TimeZone::utc(),
            hours: None,
            holidays: Vec::new(),
            maintenance: Vec::new(),
        }
    }

    /// A calendar from JSON text.
    ///
    /// # Errors
    /// The first problem with its JSON path, e.g. `hours.mon[0]: 17:00–09:00 ends before it
    /// starts`.
    pub fn from_json(text: &str) -> Result<Self, crate::Problems> {
        crate::text::json::from_json(text).map_err(crate::Problems::from)
    }

    /// Checks that its holidays fall in the year of `convention`'s month, as the downtime
    /// calculator requires: it counts one month, its quarter and its year, so a holiday of
    /// another year counts in no figure (a typo, most likely: `2025-12-25` when asking about
    /// 2026). A fixed-length convention (no month) counts no holidays and takes any. Calendars
    /// in a model are not held to one year: a contract's list of holidays may span several.
    ///
    /// ```
    /// use nines_core::{calendar::Calendar, Convention};
    /// let calendar = Calendar::from_json(r#"{"holidays": ["2026-12-25", "2025-12-25"]}"#)?;
    /// let problem = calendar.check_holidays_in(Convention::parse("2026-03")?).unwrap_err();
    /// assert_eq!(problem.path.to_string(), "holidays[1]");
    /// assert!(problem.message.contains("not in 2026"));
    /// assert!(calendar.check_holidays_in(Convention::default()).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// A problem at `holidays[i]` naming the first holiday outside the year.
    pub fn check_holidays_in(&self, convention: crate::Convention) -> Result<(), crate::Problem> {
        let Some(month) = convention.month() else {
            return Ok(());
        };
        let year = month.year();
        match self.holidays.iter().position(|h| h.0.year() != year) {
            None => Ok(()),
            Some(i) => Err(crate::Problem::value(
                crate::JsonPath::from("holidays").index(i),
                format!(
                    "{} is not in {year}, the year of the month asked ({month}): it would count in no figure",
                    self.holidays[i].0
                ),
            )),
        }
    }

    /// Whether every minute is service time (no hours, holidays or maintenance given).
    pub fn is_around_the_clock(&self) -> bool {
        self.hours.is_none() && self.holidays.is_empty() && self.maintenance.is_empty()
    }

    /// Every minute in UTC: figures over it are today's 24×7 figures, and reports leave it out.
    pub fn is_trivial(&self) -> bool {
        self.is_around_the_clock() && self.time_zone.zone() == &Zone::UTC
    }

    /// A line a person can read next to a figure: `Mon–Fri 09:00–17:00 (Europe/Berlin), 1
    /// holiday, 1 maintenance window excluded`.
    pub fn describe(&self) -> String {
        let mut text = match &self.hours {
            Some(hours) => hours.describe(),
            None => "24×7".to_string(),
        };
        let _ = write!(text, " ({})", self.time_zone.name);
        let count = |n: usize, one: &str| format!("{n} {one}{}", if n == 1 { "" } else { "s" });
        if !self.holidays.is_empty() {
            let _ = write!(text, ", {} excluded", count(self.holidays.len(), "holiday"));
        }
        for m in &self.maintenance {
            let every = match m.every {
                Every::Week => "every",
                Every::Month => "monthly on",
            };
            let _ = write!(
                text,
                ", maintenance {every} {} {}–{} excluded",
                m.day,
                format_clock(m.from),
                format_clock(m.to)
            );
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendars_read_and_describe_themselves() {
        let calendar = Calendar::from_json(
            r#"{"time_zone": "Europe/Berlin",
                "hours": {"mon": [["13:00", "17:00"], ["09:00", "13:00"]], "tue": [["09:00", "17:00"]],
                          "wed": [["09:00", "17:00"]], "thu": [["09:00", "17:00"]], "fri": [["09:00", "17:00"]],
                          "sat": [["10:00", "24:00"]]},
                "holidays": ["2026-12-25"],
                "maintenance": [{"every": "month", "day": "first-sun", "from": "22:00", "to": "02:00"}]}"#,
        )
        .unwrap();
        assert_eq!(
            calendar.describe(),
            "Mon–Fri 09:00–17:00; Sat 10:00–24:00 (Europe/Berlin), 1 holiday excluded, \
             maintenance monthly on first-sun 22:00–02:00 excluded"
        );
        assert_eq!(calendar.maintenance[0].minutes(), 240);
        let json = serde_json::to_string(&calendar).unwrap();
        assert_eq!(Calendar::from_json(&json).unwrap(), calendar);
        assert_eq!(
            WeekHours::parse("mon-fri 09:00-12:00,13:00-17:00; sat 10:00-24:00")
                .map(|h| h.describe()),
            Ok("Mon–Fri 09:00–12:00, 13:00–17:00; Sat 10:00–24:00".to_string())
        );
        assert_eq!(Calendar::around_the_clock().describe(), "24×7 (UTC)");
    }

    #[test]
    fn maintenance_days_fit_their_recurrence() {
        let first_sunday = Maintenance {
            every: Every::Month,
            day: MaintenanceDay::Nth(1, Weekday::Sun),
            from: 120,
            to: 240,
        };
        let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        assert!(first_sunday.starts_on(day(1)));
        assert!(!first_sunday.starts_on(day(8)));
        let last = Maintenance {
            day: MaintenanceDay::Nth(5, Weekday::Sun),
            ..first_sunday
        };
        assert!(last.starts_on(day(29)) && !last.starts_on(day(22)));
    }

    #[test]
    fn bad_calendars_name_the_value() {
        let error = |json: &str| {
            Calendar::from_json(json)
                .map(|_| String::new())
                .unwrap_or_else(|p| p.to_string())
        };
        assert_eq!(
            error(r#"{"time_zone": "Europe/Berln"}"#),
            "time_zone: unknown time zone \"Europe/Berln\": expected an IANA name such as Europe/Berlin, America/New_York or UTC"
        );
        assert_eq!(
            error(r#"{"time_zone": "europe/berlin"}"#),
            "time_zone: unknown time zone \"europe/berlin\": did you mean Europe/Berlin?"
        );
        assert_eq!(
            error(r#"{"hours": {"mon": [["17:00", "09:00"]]}}"#),
            "hours.mon[0]: 17:00–09:00 ends before it starts: split hours that cross midnight over two days"
        );
        assert_eq!(
            error(r#"{"hours": {"mon": [["09:00", "12:00"], ["11:00", "17:00"]]}}"#),
            "hours.mon: 09:00–12:00 and 11:00–17:00 overlap"
        );
        assert_eq!(
            error(r#"{"hours": {"mon": [["09:00", "25:00"]]}}"#),
            "hours.mon[0][1]: expected a time of day HH:MM (00:00 … 24:00), got \"25:00\""
        );
        assert_eq!(
            error(r#"{"holidays": ["2026-02-30"]}"#),
            "holidays[0]: expected a date such as 2026-11-25, got \"2026-02-30\""
        );
        assert_eq!(
            error(
                r#"{"maintenance": [{"every": "week", "day": "first-sun", "from": "02:00", "to": "04:00"}]}"#
            ),
            "maintenance[0].day: day first-sun: a weekly window needs a weekday (mon … sun)"
        );
        assert_eq!(
            error(
                r#"{"maintenance": [{"every": "month", "day": 32, "from": "02:00", "to": "04:00"}]}"#
            ),
            "maintenance[0].day: day 32 of the month: expected 1–31"
        );
        assert_eq!(
            error(r#"{"hours": {"monday": []}}"#).split(':').next(),
            Some("hours.monday")
        );
    }
}
