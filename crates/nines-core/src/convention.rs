//! Calendar conventions: how long "a month" is when a percentage becomes downtime.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

const DAY: f64 = 86_400.0;

/// A calendar month such as `2026-02`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    year: i32,
    month: u32,
}

/// Why a month is not valid.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("expected a month as YYYY-MM (e.g. 2026-02), got {0:?}")]
pub struct YearMonthError(pub String);

impl YearMonth {
    /// # Errors
    /// [`YearMonthError`] unless `1 ≤ month ≤ 12` and `1 ≤ year ≤ 9999`.
    pub fn new(year: i32, month: u32) -> Result<Self, YearMonthError> {
        if (1..=9999).contains(&year) && (1..=12).contains(&month) {
            Ok(Self { year, month })
        } else {
            Err(YearMonthError(format!("{year:04}-{month:02}")))
        }
    }

    /// Parses `YYYY-MM`.
    ///
    /// # Errors
    /// [`YearMonthError`] for anything else, e.g. `"2026-13"` or `"Feb 2026"`.
    pub fn parse(text: &str) -> Result<Self, YearMonthError> {
        let bad = || YearMonthError(text.to_string());
        let (year, month) = text.trim().split_once('-').ok_or_else(bad)?;
        if year.len() != 4 || month.len() != 2 {
            return Err(bad());
        }
        let year: i32 = year.parse().map_err(|_| bad())?;
        let month: u32 = month.parse().map_err(|_| bad())?;
        Self::new(year, month).map_err(|_| bad())
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1..=12.
    pub fn month(self) -> u32 {
        self.month
    }

    /// The first day of the month.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or(NaiveDate::MIN)
    }

    /// The month after this one.
    pub fn next(self) -> Self {
        if self.month == 12 {
            Self {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Self {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    /// Days in this month (28–31).
    pub fn days(self) -> i64 {
        (self.next().first_day() - self.first_day()).num_days()
    }

    fn quarter_days(self) -> i64 {
        let first = Self::new(self.year, (self.month - 1) / 3 * 3 + 1).unwrap_or(self);
        (0..3)
            .scan(first, |m, _| {
                let days = m.days();
                *m = m.next();
                Some(days)
            })
            .sum()
    }

    fn year_days(self) -> i64 {
        let start = NaiveDate::from_ymd_opt(self.year, 1, 1).unwrap_or(NaiveDate::MIN);
        let end = NaiveDate::from_ymd_opt(self.year + 1, 1, 1).unwrap_or(NaiveDate::MAX);
        (end - start).num_days()
    }

    /// The month containing `date`.
    pub fn of(date: NaiveDate) -> Self {
        Self {
            year: date.year(),
            month: date.month(),
        }
    }
}

impl std::fmt::Display for YearMonth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::text::json::text(d, Self::parse)
    }
}

/// How long a day, week, month, quarter and year are. Every downtime figure names one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Convention {
    /// A named calendar month (28–31 days); its quarter and year are the real ones.
    CalendarMonth(YearMonth),
    /// A 30-day month, 90-day quarter and 365-day year: the figures most SLA tables quote.
    #[default]
    ThirtyDay,
    /// A 365/12-day month (30.4167 days), 365-day year.
    Days365Over12,
    /// The mean Gregorian month, 365.2425/12 days (30.436875), and a 365.2425-day year.
    Gregorian,
}

/// Why a convention name is not known.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown convention {0:?}: expected 30-day, 365/12, gregorian or a month YYYY-MM")]
pub struct ConventionError(pub String);

/// A period that downtime is counted per.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// 86,400 s.
    Day,
    /// 7 days.
    Week,
    /// The convention's month.
    Month,
    /// Three of the convention's months.
    Quarter,
    /// The convention's year.
    Year,
}

/// Why a period name is not known.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown period {0:?}: expected day, week, month, quarter or year")]
pub struct PeriodError(pub String);

impl Period {
    /// Every period, shortest first.
    pub const ALL: [Self; 5] = [
        Self::Day,
        Self::Week,
        Self::Month,
        Self::Quarter,
        Self::Year,
    ];

    /// `day`, `week`, `month`, `quarter` or `year`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Day => "day",
            Self::Week => "week",
            Self::Month => "month",
            Self::Quarter => "quarter",
            Self::Year => "year",
        }
    }

    /// Parses a period's name.
    ///
    /// # Errors
    /// [`PeriodError`] for any other text, e.g. `"fortnight"`.
    pub fn parse(text: &str) -> Result<Self, PeriodError> {
        Self::ALL
            .into_iter()
            .find(|p| p.name() == text.trim())
            .ok_or_else(|| PeriodError(text.to_string()))
    }
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Seconds in each period under a convention.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Periods {
    /// 86,400 s.
    pub day: f64,
    /// 604,800 s.
    pub week: f64,
    /// The convention's month.
    pub month: f64,
    /// Three of the convention's months (a calendar quarter for a calendar month).
    pub quarter: f64,
    /// The convention's year.
    pub year: f64,
}

impl Periods {
    /// The length of one period, in seconds.
    pub fn get(&self, period: Period) -> f64 {
        match period {
            Period::Day => self.day,
            Period::Week => self.week,
            Period::Month => self.month,
            Period::Quarter => self.quarter,
            Period::Year => self.year,
        }
    }

    /// Each period's length mapped through `f`, e.g. seconds of downtime at an unavailability.
    #[must_use]
    pub fn map(&self, f: impl Fn(f64) -> f64) -> Self {
        Self {
            day: f(self.day),
            week: f(self.week),
            month: f(self.month),
            quarter: f(self.quarter),
            year: f(self.year),
        }
    }
}

impl Convention {
    /// Parses `30-day`, `365/12`, `gregorian` or `YYYY-MM`.
    ///
    /// # Errors
    /// [`ConventionError`] for any other text.
    pub fn parse(text: &str) -> Result<Self, ConventionError> {
        match text.trim() {
            "30-day" | "30day" | "thirty-day" => Ok(Self::ThirtyDay),
            "365/12" => Ok(Self::Days365Over12),
            "gregorian" => Ok(Self::Gregorian),
            other => YearMonth::parse(other)
                .map(Self::CalendarMonth)
                .map_err(|_| ConventionError(text.to_string())),
        }
    }

    /// The stable machine name: `30-day`, `365/12`, `gregorian` or `calendar-month`.
    pub fn name(self) -> &'static str {
        match self {
            Self::CalendarMonth(_) => "calendar-month",
            Self::ThirtyDay => "30-day",
            Self::Days365Over12 => "365/12",
            Self::Gregorian => "gregorian",
        }
    }

    /// The calendar month, for [`Convention::CalendarMonth`].
    pub fn month(self) -> Option<YearMonth> {
        match self {
            Self::CalendarMonth(month) => Some(month),
            _ => None,
        }
    }

    /// A sentence a person can read next to any figure.
    pub fn describe(self) -> String {
        match self {
            Self::CalendarMonth(m) => format!(
                "calendar month {m} ({} days); quarter and year are the calendar ones",
                m.days()
            ),
            Self::ThirtyDay => "30-day month, 90-day quarter, 365-day year".to_string(),
            Self::Days365Over12 => {
                "365/12-day month (30.4167 days), 91.25-day quarter, 365-day year".to_string()
            }
            Self::Gregorian => {
                "mean Gregorian month of 365.2425/12 days (30.436875), 365.2425-day year"
                    .to_string()
            }
        }
    }

    /// Seconds in each period.
    pub fn periods(self) -> Periods {
        let (month_days, quarter_days, year_days) = match self {
            Self::CalendarMonth(m) => (
                m.days() as f64,
                m.quarter_days() as f64,
                m.year_days() as f64,
            ),
            Self::ThirtyDay => (30.0, 90.0, 365.0),
            Self::Days365Over12 => (365.0 / 12.0, 365.0 / 4.0, 365.0),
            Self::Gregorian => (365.2425 / 12.0, 365.2425 / 4.0, 365.2425),
        };
        Periods {
            day: DAY,
            week: 7.0 * DAY,
            month: month_days * DAY,
            quarter: quarter_days * DAY,
            year: year_days * DAY,
        }
    }
}

impl std::fmt::Display for Convention {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::CalendarMonth(m) => write!(f, "{m}"),
            other => f.write_str(other.name()),
        }
    }
}

impl Serialize for Convention {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Convention {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::text::json::text(d, Self::parse)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_lengths() {
        assert_eq!(YearMonth::parse("2026-02").map(YearMonth::days), Ok(28));
        assert_eq!(YearMonth::parse("2028-02").map(YearMonth::days), Ok(29));
        assert_eq!(YearMonth::parse("2026-12").map(YearMonth::days), Ok(31));
        assert!(YearMonth::parse("2026-13").is_err());
        assert!(YearMonth::parse("26-01").is_err());
    }

    #[test]
    fn calendar_periods() {
        let p = Convention::parse("2026-02").map(Convention::periods);
        let p = p.unwrap();
        assert_eq!(p.month, 28.0 * DAY);
        assert_eq!(p.quarter, 90.0 * DAY); // Jan 31 + Feb 28 + Mar 31
        assert_eq!(p.year, 365.0 * DAY);
        let leap = Convention::parse("2028-05").unwrap().periods();
        assert_eq!(leap.quarter, 91.0 * DAY);
        assert_eq!(leap.year, 366.0 * DAY);
    }

    #[test]
    fn periods_by_name() {
        let p = Convention::ThirtyDay.periods();
        assert_eq!(Period::parse("month").map(|m| p.get(m)), Ok(30.0 * DAY));
        assert_eq!(p.get(Period::Week), 7.0 * DAY);
        assert!(Period::parse("fortnight").is_err());
        assert_eq!(p.map(|s| s / DAY).quarter, 90.0);
    }

    #[test]
    fn names_round_trip() {
        for name in ["30-day", "365/12", "gregorian", "2026-02"] {
            assert_eq!(Convention::parse(name).unwrap().to_string(), name);
        }
        assert!(Convention::parse("lunar").is_err());
    }
}
