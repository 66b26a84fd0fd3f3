//! Human durations: `43m12s` in, `43 min 12 s` out.

use crate::text::decimal::Decimal;

/// Why a duration did not parse.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("expected a duration such as 4h, 4 hours, 240 min, 4:00, 43m12s or 1d 2h, got {0:?}")]
pub struct DurationError(pub String);

/// Parses a duration as people type it into seconds: numbers with units (`43m12s`, `8.76h`,
/// `1d 2h`, `4 hours`, `240 min`, `90 seconds`, `250ms`; units d, h, m, s, ms in short or long
/// form, spaces and commas between parts), or `h:mm` / `h:mm:ss` (`4:00`, `0:43:12`).
///
/// ```
/// use nines_core::parse_duration;
/// assert_eq!(parse_duration("4 hours"), parse_duration("240 min"));
/// assert_eq!(parse_duration("4:00")?, 14_400.0);
/// assert_eq!(parse_duration("1d 2h")?, 93_600.0);
/// # Ok::<(), nines_core::DurationError>(())
/// ```
///
/// # Errors
/// [`DurationError`] for empty text, a number without a unit, an unknown unit or a negative
/// number.
pub fn parse_duration(text: &str) -> Result<f64, DurationError> {
    let bad = || DurationError(text.to_string());
    let trimmed = text.trim();
    if trimmed.contains(':') {
        return clock(trimmed).ok_or_else(bad);
    }
    let mut rest = trimmed;
    if rest.is_empty() {
        return Err(bad());
    }
    let mut total = 0.0;
    while !rest.is_empty() {
        let number_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .ok_or_else(bad)?;
        let number = Decimal::parse(&rest[..number_len])
            .map_err(|_| bad())?
            .to_f64();
        rest = &rest[number_len..];
        let unit_len = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        let unit = rest[..unit_len].trim().trim_matches(',').trim();
        total += number * unit_seconds(unit).ok_or_else(bad)?;
        rest = &rest[unit_len..];
    }
    if total.is_finite() {
        Ok(total)
    } else {
        Err(bad())
    }
}

/// Units as people write them (a plural `s` may follow all but `ms`), in seconds.
const UNITS: [(&str, f64); 12] = [
    ("ms", 0.001),
    ("d", 86_400.0),
    ("day", 86_400.0),
    ("h", 3_600.0),
    ("hr", 3_600.0),
    ("hour", 3_600.0),
    ("m", 60.0),
    ("min", 60.0),
    ("minute", 60.0),
    ("s", 1.0),
    ("sec", 1.0),
    ("second", 1.0),
];

/// Seconds in one `unit` (any case), in short or long form, singular or plural.
fn unit_seconds(unit: &str) -> Option<f64> {
    let find = |u: &str| UNITS.iter().find(|(name, _)| name.eq_ignore_ascii_case(u));
    find(unit)
        .or_else(|| {
            unit.strip_suffix(['s', 'S'])
                .filter(|u| u.len() > 1)
                .and_then(find)
        })
        .map(|(_, seconds)| *seconds)
}

/// `h:mm` or `h:mm:ss` (seconds may have decimals) in seconds.
fn clock(text: &str) -> Option<f64> {
    let number = |part: &str| Decimal::parse(part).ok().map(|d| d.to_f64());
    let sixty = |part: &str| {
        part.len() >= 2
            && part.as_bytes()[0] < b'6'
            && part.bytes().all(|b| b.is_ascii_digit() || b == b'.')
    };
    let (h, rest) = text.split_once(':')?;
    let (m, s) = rest.split_once(':').unwrap_or((rest, "00"));
    let whole = !h.is_empty() && h.bytes().all(|b| b.is_ascii_digit()) && m.len() == 2;
    (whole && sixty(m) && sixty(s)).then_some(())?;
    Some(number(h)? * 3_600.0 + number(m)? * 60.0 + number(s)?)
}

/// Formats seconds in the largest sensible units, two at most, rounded: `1 d 10 h`,
/// `5 h 16 min`, `24 min 14 s`, `52 s`, `2.6 s`, `500 ms`. [`format_duration`] gives every
/// digit.
///
/// ```
/// assert_eq!(nines_core::format_duration_brief(18_951.54), "5 h 16 min");
/// assert_eq!(nines_core::format_duration_brief(3_599.7), "1 h");
/// ```
pub fn format_duration_brief(seconds: f64) -> String {
    if !seconds.is_finite() || seconds < 0.0 {
        return "—".to_string();
    }
    if seconds < 10.0 {
        return format_duration(if seconds < 1.0 {
            Decimal::from_f64_rounded(seconds, 3).map_or(seconds, |d| d.to_f64())
        } else {
            Decimal::from_f64_fixed(seconds, 1).map_or(seconds, |d| d.to_f64())
        });
    }
    // The smaller of the two units shown, in seconds.
    let step = if seconds >= 86_400.0 {
        3_600.0
    } else if seconds >= 3_600.0 {
        60.0
    } else {
        1.0
    };
    format_duration(libm::round(seconds / step) * step)
}

/// Formats seconds for people: `43 min 12 s`, `8 h 45 min 36 s`, `4 min 19.2 s`, `31.5 ms`.
pub fn format_duration(seconds: f64) -> String {
    if !seconds.is_finite() || seconds < 0.0 {
        return "—".to_string();
    }
    if seconds == 0.0 {
        return "0 s".to_string();
    }
    if seconds < 1.0 {
        let ms = seconds * 1000.0;
        return if ms >= 1.0 {
            format!("{} ms", fixed(ms, 3))
        } else {
            format!("{} µs", fixed(ms * 1000.0, 3))
        };
    }
    // Round to a tenth of a second first so that 59.96 s becomes "1 min", not "60 s".
    let tenths = libm::round(seconds * 10.0) as u64;
    let (days, rem) = (tenths / 864_000, tenths % 864_000);
    let (hours, rem) = (rem / 36_000, rem % 36_000);
    let (minutes, tenths) = (rem / 600, rem % 600);
    let mut parts = Vec::new();
    if days > 0 {
        parts.push(format!("{days} d"));
    }
    if hours > 0 {
        parts.push(format!("{hours} h"));
    }
    if minutes > 0 {
        parts.push(format!("{minutes} min"));
    }
    if tenths > 0 {
        let secs = tenths as f64 / 10.0;
        parts.push(format!("{} s", fixed(secs, 1)));
    }
    parts.join(" ")
}

/// `value` to `decimals` places without trailing zeros: `31.5`, not `31.500`.
fn fixed(value: f64, decimals: u32) -> String {
    Decimal::from_f64_fixed(value, decimals).map_or_else(|_| "—".to_string(), |d| d.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses() {
        assert_eq!(parse_duration("43m12s"), Ok(2592.0));
        assert_eq!(parse_duration("8.76h"), Ok(31_536.0));
        assert_eq!(parse_duration("1d2h"), Ok(93_600.0));
        assert_eq!(parse_duration("250ms"), Ok(0.25));
        assert!(parse_duration("43").is_err());
        assert!(parse_duration("3x").is_err());
        assert!(parse_duration("").is_err());
        assert!(parse_duration("-5m").is_err());
        // What people type.
        for text in [
            "4h", "4 hours", "240 min", "4:00", "4 hrs", "3h 60m", "0:240:00",
        ] {
            let expected = if text == "0:240:00" {
                None
            } else {
                Some(14_400.0)
            };
            assert_eq!(parse_duration(text).ok(), expected, "{text}");
        }
        assert_eq!(parse_duration("1d 2h"), Ok(93_600.0));
        assert_eq!(parse_duration("1 day, 2 hours"), Ok(93_600.0));
        assert_eq!(parse_duration("0:43:12"), Ok(2592.0));
        assert_eq!(parse_duration("1:30:30.5"), Ok(5430.5));
        assert_eq!(parse_duration("43 min 12 s"), Ok(2592.0));
        assert!(parse_duration("4:0").is_err());
        assert!(parse_duration("4:75").is_err());
        assert!(parse_duration(":30").is_err());
        assert!(parse_duration("4 parsecs").is_err());
    }

    #[test]
    fn formats_briefly() {
        assert_eq!(format_duration_brief(120_960.0), "1 d 10 h"); // 1 d 9 h 36 min
        assert_eq!(format_duration_brief(18_951.54), "5 h 16 min");
        assert_eq!(format_duration_brief(1_453.8), "24 min 14 s");
        assert_eq!(format_duration_brief(51.92), "52 s");
        assert_eq!(format_duration_brief(2.59), "2.6 s");
        assert_eq!(format_duration_brief(0.5004), "500 ms");
        assert_eq!(format_duration_brief(3_599.7), "1 h");
        assert_eq!(format_duration_brief(0.0), "0 s");
    }

    #[test]
    fn formats() {
        assert_eq!(format_duration(2592.0), "43 min 12 s");
        assert_eq!(format_duration(31_536.0), "8 h 45 min 36 s");
        assert_eq!(format_duration(259.2), "4 min 19.2 s");
        assert_eq!(format_duration(59.96), "1 min");
        assert_eq!(format_duration(0.0315), "31.5 ms");
        assert_eq!(format_duration(3.1536e-5), "31.536 µs");
        assert_eq!(format_duration(90_061.0), "1 d 1 h 1 min 1 s");
    }
}
