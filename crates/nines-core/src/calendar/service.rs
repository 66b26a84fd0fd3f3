//! Service time: a calendar's hours, holidays and maintenance windows as UTC intervals in a
//! window, and the service seconds per period that downtime figures count.
//!
//! Local times become UTC instants through the zone's rule: a local time skipped by a
//! daylight-saving jump is the jump's instant (so hours inside the gap are empty), and a local
//! time that occurs twice is the earlier (so hours across the fall-back fold last an hour
//! longer). A calendar month, quarter or year is the local one.

use super::{Calendar, Every, Maintenance, DAY_MINUTES};
use crate::convention::{Convention, Periods, YearMonth};
use crate::intervals::{clip, normalize, subtract, total, Intervals};
use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime};

/// A calendar's intervals in one UTC window, milliseconds from its start, clipped to it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Spans {
    /// The weekly service hours (holidays and maintenance not taken out).
    pub hours: Intervals,
    /// Holidays, whole local days.
    pub holidays: Intervals,
    /// Maintenance windows.
    pub maintenance: Intervals,
    /// Service time: hours, minus holidays, minus maintenance.
    pub service: Intervals,
}

impl Calendar {
    /// The calendar's intervals in the UTC window `[start, start + length_ms)`.
    pub fn spans(&self, start: NaiveDateTime, length_ms: i64) -> Spans {
        let end = start + chrono::Duration::milliseconds(length_ms);
        // Two days either side: any zone's offset, and a maintenance window from the day before.
        let first = start.date() - Days::new(2);
        let last = end.date() + Days::new(2);
        let mut spans = Spans::default();
        for date in first.iter_days().take_while(|d| *d <= last) {
            self.day_spans(date, start, &mut spans);
        }
        let tidy = |set: Intervals| clip(&normalize(set), 0, length_ms);
        let hours = tidy(spans.hours);
        let holidays = tidy(spans.holidays);
        let maintenance = tidy(spans.maintenance);
        let service = subtract(&subtract(&hours, &holidays), &maintenance);
        Spans {
            hours,
            holidays,
            maintenance,
            service,
        }
    }

    /// Adds one local date's hours, holiday and maintenance windows (unsorted).
    fn day_spans(&self, date: NaiveDate, origin: NaiveDateTime, out: &mut Spans) {
        let at = |minutes: u16| self.utc_ms(date, minutes, origin);
        match &self.hours {
            Some(hours) => {
                let day = hours.day(date.weekday());
                out.hours
                    .extend(day.spans().iter().map(|s| (at(s.from), at(s.to))));
            }
            None => out.hours.push((at(0), at(DAY_MINUTES))),
        }
        if self.holidays.iter().any(|h| h.0 == date) {
            out.holidays.push((at(0), at(DAY_MINUTES)));
        }
        for m in self.maintenance.iter().filter(|m| m.starts_on(date)) {
            out.maintenance.push((at(m.from), at(m.from + m.minutes())));
        }
    }

    /// Milliseconds from `origin` (UTC) to `minutes` after local midnight of `date`.
    fn utc_ms(&self, date: NaiveDate, minutes: u16, origin: NaiveDateTime) -> i64 {
        let local = date.and_time(NaiveTime::MIN) + chrono::Duration::minutes(i64::from(minutes));
        (self.time_zone.zone().utc_of(local) - origin).num_milliseconds()
    }

    /// The UTC instant of local midnight starting `date`.
    pub fn local_midnight(&self, date: NaiveDate) -> NaiveDateTime {
        self.time_zone.zone().utc_of(date.and_time(NaiveTime::MIN))
    }

    /// Service seconds between two local dates (from midnight to midnight).
    pub fn service_seconds(&self, from: NaiveDate, to: NaiveDate) -> f64 {
        let start = self.local_midnight(from);
        let length = (self.local_midnight(to) - start).num_milliseconds();
        total(&self.spans(start, length).service) as f64 / 1000.0
    }

    /// Service seconds in each period under `convention`: for a calendar month its own service
    /// time, its quarter's and its year's (local), with a day as the month's average and a
    /// week as seven of those; for fixed-length conventions the share of a typical week (its
    /// hours minus its weekly windows) of each period's length.
    pub fn service_periods(&self, convention: Convention) -> Periods {
        let Some(month) = convention.month() else {
            let share = self.typical_week_share();
            return convention.periods().map(|seconds| seconds * share);
        };
        let quarter_start =
            YearMonth::new(month.year(), (month.month() - 1) / 3 * 3 + 1).unwrap_or(month);
        let quarter_end = quarter_start.next().next().next();
        let year_start = NaiveDate::from_ymd_opt(month.year(), 1, 1).unwrap_or_default();
        let year_end = NaiveDate::from_ymd_opt(month.year() + 1, 1, 1).unwrap_or_default();
        let month_seconds = self.service_seconds(month.first_day(), month.next().first_day());
        let day = month_seconds / month.days() as f64;
        Periods {
            day,
            week: 7.0 * day,
            month: month_seconds,
            quarter: self.service_seconds(quarter_start.first_day(), quarter_end.first_day()),
            year: self.service_seconds(year_start, year_end),
        }
    }

    /// The share of a week (Monday 00:00 to Monday 00:00, local clock time) that is service
    /// time: the hours minus the weekly maintenance windows. Holidays, daylight saving time and
    /// monthly windows need a calendar month.
    pub fn typical_week_share(&self) -> f64 {
        let week = i64::from(DAY_MINUTES) * 7;
        let monday = NaiveDate::from_isoywd_opt(2026, 1, chrono::Weekday::Mon).unwrap_or_default();
        let mut hours = Vec::new();
        let mut maintenance = Vec::new();
        for (index, date) in monday.iter_days().take(7).enumerate() {
            let day_start = index as i64 * i64::from(DAY_MINUTES);
            match &self.hours {
                Some(h) => hours.extend(
                    h.day(date.weekday())
                        .spans()
                        .iter()
                        .map(|s| (day_start + i64::from(s.from), day_start + i64::from(s.to))),
                ),
                None => hours.push((day_start, day_start + i64::from(DAY_MINUTES))),
            }
            let weekly = |m: &&Maintenance| m.every == Every::Week && m.starts_on(date);
            for m in self.maintenance.iter().filter(weekly) {
                let from = day_start + i64::from(m.from);
                let to = from + i64::from(m.minutes());
                // A Sunday window past midnight continues into Monday's start.
                maintenance.extend([(from, to.min(week)), (0, (to - week).max(0))]);
            }
        }
        let service = subtract(&normalize(hours), &normalize(maintenance));
        total(&service) as f64 / week as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::WeekHours;

    const HOUR: f64 = 3600.0;

    fn calendar(json: &str) -> Calendar {
        Calendar::from_json(json).unwrap()
    }

    fn month(text: &str) -> Convention {
        Convention::parse(text).unwrap()
    }

    #[test]
    fn office_hours_in_a_month_of_22_working_days() {
        let office = Calendar {
            hours: WeekHours::parse("mon-fri 09:00-17:00").ok(),
            ..calendar(r#"{"time_zone": "Europe/Berlin"}"#)
        };
        // March 2026: 22 weekdays × 8 h = 176 h; the DST switch (Sunday 29th) is outside.
        let p = office.service_periods(month("2026-03"));
        assert_eq!(p.month, 176.0 * HOUR);
        assert_eq!(p.day, 176.0 * HOUR / 31.0);
        // Q1 2026: 22 + 20 + 22 weekdays; 2026: 261 weekdays.
        assert_eq!(p.quarter, 64.0 * 8.0 * HOUR);
        assert_eq!(p.year, 261.0 * 8.0 * HOUR);
        // A typical week: 40 of 168 hours.
        let p = office.service_periods(Convention::ThirtyDay);
        assert_eq!(p.week, 40.0 * HOUR);
        assert_eq!(p.month, 30.0 * 24.0 * HOUR * 40.0 / 168.0);
    }

    #[test]
    fn daylight_saving_months_in_berlin_against_utc() {
        let berlin = calendar(r#"{"time_zone": "Europe/Berlin"}"#);
        let utc = Calendar::around_the_clock();
        // 29 March 2026 has 23 hours in Berlin, 25 October 25 hours.
        assert_eq!(berlin.service_periods(month("2026-03")).month, 743.0 * HOUR);
        assert_eq!(utc.service_periods(month("2026-03")).month, 744.0 * HOUR);
        assert_eq!(berlin.service_periods(month("2026-10")).month, 745.0 * HOUR);
        assert_eq!(berlin.service_periods(month("2026-10")).year, 8760.0 * HOUR);
        // Hours inside the gap vanish; hours across the fold last an hour longer.
        let night = |day: &str| {
            calendar(&format!(
                r#"{{"time_zone": "Europe/Berlin", "hours": {{"{day}": [["02:00", "03:00"]]}}}}"#
            ))
        };
        let sunday = |d| NaiveDate::from_ymd_opt(2026, if d == 29 { 3 } else { 10 }, d).unwrap();
        let one_day = |c: &Calendar, d| c.service_seconds(sunday(d), sunday(d) + Days::new(1));
        assert_eq!(one_day(&night("sun"), 29), 0.0);
        assert_eq!(one_day(&night("sun"), 25), 2.0 * HOUR);
    }

    #[test]
    fn holidays_and_maintenance_come_out_of_service_time() {
        let office = calendar(
            r#"{"time_zone": "UTC", "hours": {"mon": [["09:00", "17:00"]], "tue": [["09:00", "17:00"]],
                "wed": [["09:00", "17:00"]], "thu": [["09:00", "17:00"]], "fri": [["09:00", "17:00"]]},
                "holidays": ["2026-03-20", "2026-03-21"],
                "maintenance": [{"every": "week", "day": "wed", "from": "16:00", "to": "18:00"},
                                {"every": "month", "day": "last-sun", "from": "23:00", "to": "10:00"}]}"#,
        );
        // 22 weekdays; Friday the 20th off (Saturday the 21st had no hours anyway); 4 Wednesdays
        // lose an hour each; the last Sunday's window runs to Monday 30th 10:00, one hour.
        assert_eq!(
            office.service_periods(month("2026-03")).month,
            (21.0 * 8.0 - 4.0 - 1.0) * HOUR
        );
        // A typical week: 40 hours less Wednesday's hour.
        assert_eq!(office.typical_week_share(), 39.0 / 168.0);
        let spans = office.spans(
            office.local_midnight(NaiveDate::from_ymd_opt(2026, 3, 20).unwrap()),
            86_400_000,
        );
        assert_eq!(spans.holidays, vec![(0, 86_400_000)]);
        assert!(spans.service.is_empty());
    }

    #[test]
    fn sunday_windows_wrap_into_monday() {
        let late = calendar(
            r#"{"maintenance": [{"every": "week", "day": "sun", "from": "23:00", "to": "01:00"}]}"#,
        );
        assert_eq!(late.typical_week_share(), 166.0 / 168.0);
    }
}
