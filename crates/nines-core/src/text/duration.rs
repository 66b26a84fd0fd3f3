//! Human durations: `43m12s` in, `43 min 12 s` out.

use crate::text::decimal::Decimal;

/// Why a duration did not parse.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("expected a duration such as 43m12s, 8.76h or 1d2h (units d, h, m, s, ms), got {0:?}")]
pub struct DurationError(pub String);

/// Parses `43m12s`, `8.76h`, `1d2h30m`, `90s` or `250ms` into seconds.
///
/// # Errors
/// [`DurationError`] for empty text, a missing unit, an unknown unit or a negative number.
pub fn parse_duration(text: &str) -> Result<f64, DurationError> {
    let bad = || DurationError(text.to_string());
    let mut rest = text.trim();
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
        let seconds_per_unit = match rest[..unit_len].trim() {
            "d" => 86_400.0,
            "h" => 3_600.0,
            "m" | "min" => 60.0,
            "s" => 1.0,
            "ms" => 0.001,
            _ => return Err(bad()),
        };
        total += number * seconds_per_unit;
        rest = &rest[unit_len..];
    }
    if total.is_finite() {
        Ok(total)
    } else {
        Err(bad())
    }
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
