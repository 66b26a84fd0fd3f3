//! ISO 8601 dates and UTC times as nines reads them: a few fixed forms, parsed by hand rather
//! than by chrono's general format parser (which would add its size to every wasm build).

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// Why a text is not a UTC time nines reads.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("expected a UTC time such as 2026-02-03T10:00, got {0:?}")]
pub struct TimeError(pub String);

/// Parses a UTC time as every nines input writes it: `2026-02-03T10:00`, `…T10:00:30` or
/// `…T10:00:30.250`, each optionally ending in `Z`.
///
/// ```
/// let t = nines_core::parse_utc_time("2026-02-03T10:00Z")?;
/// assert_eq!(t.to_string(), "2026-02-03 10:00:00");
/// assert!(nines_core::parse_utc_time("2026-02-03 10:00").is_err());
/// # Ok::<(), nines_core::TimeError>(())
/// ```
///
/// # Errors
/// [`TimeError`] for any other form, or an impossible date or time.
pub fn parse_utc_time(text: &str) -> Result<NaiveDateTime, TimeError> {
    parse_utc(text).ok_or_else(|| TimeError(text.to_string()))
}

/// Why a text is not a date nines reads.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("expected a date such as 2026-11-25, got {0:?}")]
pub struct DateError(pub String);

/// Parses a date as every nines input writes it: `YYYY-MM-DD`.
///
/// # Errors
/// [`DateError`] for any other form or an impossible date (`2026-02-29`).
pub fn parse_date(text: &str) -> Result<NaiveDate, DateError> {
    date(text).ok_or_else(|| DateError(text.to_string()))
}

/// Parses `YYYY-MM-DD`.
fn date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let [year, month, day] = fields(text, b'-')?;
    (text.len() == 10 && year.len() == 4 && month.len() == 2 && day.len() == 2).then_some(())?;
    NaiveDate::from_ymd_opt(
        i32::try_from(number(year)?).ok()?,
        number(month)?,
        number(day)?,
    )
}

/// Parses `YYYY-MM-DDTHH:MM`, `…THH:MM:SS` or `…THH:MM:SS.fff` (up to nanoseconds), each
/// optionally ending in `Z`.
pub(crate) fn parse_utc(text: &str) -> Option<NaiveDateTime> {
    let text = text.trim();
    let text = text.strip_suffix('Z').unwrap_or(text);
    let (date, time) = text.split_once('T')?;
    let (hms, fraction) = match time.split_once('.') {
        Some((hms, fraction)) => (hms, Some(fraction)),
        None => (time, None),
    };
    let (hour, minute, second) = match hms.split(':').collect::<Vec<_>>()[..] {
        [h, m] if fraction.is_none() => (h, m, "00"),
        [h, m, s] => (h, m, s),
        _ => return None,
    };
    if [hour, minute, second].iter().any(|part| part.len() != 2) {
        return None;
    }
    let nanos = match fraction {
        None => 0,
        Some(digits) if (1..=9).contains(&digits.len()) => {
            number(digits)? * 10u32.pow(9 - digits.len() as u32)
        }
        Some(_) => return None,
    };
    let time =
        NaiveTime::from_hms_nano_opt(number(hour)?, number(minute)?, number(second)?, nanos)?;
    Some(self::date(date)?.and_time(time))
}

/// serde: a date field written `YYYY-MM-DD`.
pub(crate) fn deserialize_date<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<NaiveDate, D::Error> {
    crate::text::json::text(deserializer, parse_date)
}

/// `text` split at every `separator` into exactly `N` parts.
fn fields<const N: usize>(text: &str, separator: u8) -> Option<[&str; N]> {
    let parts: Vec<&str> = text.split(char::from(separator)).collect();
    parts.try_into().ok()
}

/// A run of ASCII digits (no sign, no spaces) as a number.
fn number(digits: &str) -> Option<u32> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_strict_iso() {
        assert_eq!(date("2026-02-28"), NaiveDate::from_ymd_opt(2026, 2, 28));
        assert_eq!(date(" 2024-02-29 "), NaiveDate::from_ymd_opt(2024, 2, 29));
        assert!(parse_date("2026-02-29").is_err());
        for bad in [
            "2026-02-29",
            "2026-2-28",
            "26-02-28",
            "2026-02-28x",
            "2026/02/28",
            "+026-02-28",
            "",
        ] {
            assert_eq!(date(bad), None, "{bad}");
        }
    }

    #[test]
    fn utc_times_take_minutes_seconds_and_fractions() {
        let at = |h, m, s, n| {
            NaiveDate::from_ymd_opt(2026, 2, 3).and_then(|d| d.and_hms_nano_opt(h, m, s, n))
        };
        assert_eq!(parse_utc("2026-02-03T10:00"), at(10, 0, 0, 0));
        assert_eq!(parse_utc("2026-02-03T10:00Z"), at(10, 0, 0, 0));
        assert_eq!(parse_utc("2026-02-03T23:59:30"), at(23, 59, 30, 0));
        assert_eq!(
            parse_utc("2026-02-03T10:00:30.25Z"),
            at(10, 0, 30, 250_000_000)
        );
        for bad in [
            "2026-02-03",
            "2026-02-03T10",
            "2026-02-03T24:00",
            "2026-02-03T10:00.5",
            "2026-02-03T10:0:00",
            "2026-02-03 10:00",
            "2026-02-03T10:00:00.1234567890",
        ] {
            assert_eq!(parse_utc(bad), None, "{bad}");
        }
    }
}
