//! Exact decimal helpers: percentages are typed as decimals ("99.99"), and their complements
//! must be exact, so they are handled as digit strings rather than as binary fractions.

use crate::text::float;

/// `x` in the layout of Rust's `Display` for `f64` (`0.1`, `1000000`, `-2.5`, `NaN`, `inf`),
/// with the digits of [`float::shortest`] (a tie between two shortest candidates goes to the
/// even one, as in JavaScript).
pub(crate) fn display(x: f64) -> String {
    if x.is_nan() {
        return "NaN".to_string();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x.is_infinite() {
        return format!("{sign}inf");
    }
    format!("{sign}{}", Decimal::from_digits(float::shortest(x.abs())))
}

/// Shows an `f64` in `format!` as [`display`] writes it: `format!("{} s", Shown(x))`.
pub(crate) struct Shown(pub(crate) f64);

impl std::fmt::Display for Shown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&display(self.0))
    }
}

/// A non-negative decimal number `digits × 10^-scale`, kept as ASCII digits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Decimal {
    digits: Vec<u8>,
    scale: usize,
}

/// Why a decimal string did not parse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum DecimalError {
    NotANumber,
    Negative,
}

impl Decimal {
    /// Parses a plain decimal such as `99.95`, `100`, `.5` or `1e-3`.
    pub(crate) fn parse(text: &str) -> Result<Self, DecimalError> {
        let text = text.trim();
        if text.starts_with('-') {
            return Err(DecimalError::Negative);
        }
        let text = text.strip_prefix('+').unwrap_or(text);
        let (mantissa, exponent) = match text.find(['e', 'E']) {
            Some(at) => {
                let exponent: i32 = text[at + 1..]
                    .parse()
                    .map_err(|_| DecimalError::NotANumber)?;
                (&text[..at], exponent)
            }
            None => (text, 0),
        };
        let (int_part, frac_part) = match mantissa.split_once('.') {
            Some((int_part, frac_part)) => (int_part, frac_part),
            None => (mantissa, ""),
        };
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if (int_part.is_empty() && frac_part.is_empty())
            || !all_digits(int_part)
            || !all_digits(frac_part)
            || exponent.unsigned_abs() > 400
        {
            return Err(DecimalError::NotANumber);
        }
        let mut digits: Vec<u8> = int_part.bytes().chain(frac_part.bytes()).collect();
        let mut scale = frac_part.len() as i64 - i64::from(exponent);
        if scale < 0 {
            digits.extend(std::iter::repeat_n(b'0', scale.unsigned_abs() as usize));
            scale = 0;
        }
        Ok(Self::normalized(digits, scale as usize))
    }

    /// The shortest decimal that reads back as `value` ([`float::shortest`]).
    pub(crate) fn from_f64(value: f64) -> Result<Self, DecimalError> {
        Self::checked(value).map(|value| Self::from_digits(float::shortest(value)))
    }

    /// `value` rounded to `significant` significant digits (at most
    /// [`float::MAX_SIGNIFICANT`]), ties to even, as `format!("{value:.N$e}")` rounds.
    pub(crate) fn from_f64_rounded(value: f64, significant: usize) -> Result<Self, DecimalError> {
        Self::checked(value).map(|value| Self::from_digits(float::significant(value, significant)))
    }

    /// `value` rounded to `decimals` places, ties to even, as `format!("{value:.N$}")` rounds.
    pub(crate) fn from_f64_fixed(value: f64, decimals: u32) -> Result<Self, DecimalError> {
        Self::checked(value).map(|value| Self::from_digits(float::fixed(value, decimals)))
    }

    fn checked(value: f64) -> Result<f64, DecimalError> {
        if !value.is_finite() {
            Err(DecimalError::NotANumber)
        } else if value.is_sign_negative() {
            Err(DecimalError::Negative)
        } else {
            Ok(value)
        }
    }

    fn from_digits(d: float::Digits) -> Self {
        match usize::try_from(d.exponent) {
            Ok(zeros) => {
                let mut digits = d.digits;
                digits.extend(std::iter::repeat_n(b'0', zeros));
                Self::normalized(digits, 0)
            }
            Err(_) => Self::normalized(d.digits, d.exponent.unsigned_abs() as usize),
        }
    }

    fn normalized(mut digits: Vec<u8>, mut scale: usize) -> Self {
        while scale > 0 && digits.last() == Some(&b'0') {
            digits.pop();
            scale -= 1;
        }
        let leading = digits.iter().take_while(|&&d| d == b'0').count();
        digits.drain(..leading.min(digits.len().saturating_sub(1)));
        if digits.is_empty() {
            digits.push(b'0');
        }
        Self { digits, scale }
    }

    fn aligned(&self, scale: usize) -> Vec<u8> {
        let mut digits = self.digits.clone();
        digits.extend(std::iter::repeat_n(b'0', scale - self.scale));
        digits
    }

    /// `minuend - self` for a whole `minuend`, or `None` when the result would be negative.
    pub(crate) fn subtracted_from(&self, minuend: u32) -> Option<Self> {
        // In one machine subtraction when both fit a u64 (any percentage up to 17 digits): a
        // tenth of the digit-by-digit cost (`nines eval`, 1,000 components, measured).
        let top = u32::try_from(self.scale)
            .ok()
            .and_then(|scale| 10u64.checked_pow(scale))
            .and_then(|power| power.checked_mul(u64::from(minuend)));
        let value = std::str::from_utf8(&self.digits)
            .ok()
            .and_then(|d| d.parse::<u64>().ok());
        match (top, value) {
            (Some(top), Some(value)) if value > top => None,
            (Some(top), Some(value)) => Some(Self::normalized(
                (top - value).to_string().into_bytes(),
                self.scale,
            )),
            _ => self.subtracted_digitwise(minuend),
        }
    }

    /// [`Decimal::subtracted_from`] for any number of digits, one digit at a time.
    fn subtracted_digitwise(&self, minuend: u32) -> Option<Self> {
        let scale = self.scale;
        let mut top: Vec<u8> = minuend.to_string().into_bytes();
        top.extend(std::iter::repeat_n(b'0', scale));
        let bottom = self.aligned(scale);
        let width = top.len().max(bottom.len());
        let pad = |v: Vec<u8>| -> Vec<u8> {
            let mut padded = vec![b'0'; width - v.len()];
            padded.extend(v);
            padded
        };
        let (top, bottom) = (pad(top), pad(bottom));
        let mut result = vec![b'0'; width];
        let mut borrow = 0i8;
        for i in (0..width).rev() {
            let mut d = (top[i] - b'0') as i8 - (bottom[i] - b'0') as i8 - borrow;
            borrow = 0;
            if d < 0 {
                d += 10;
                borrow = 1;
            }
            result[i] = b'0' + d as u8;
        }
        (borrow == 0).then(|| Self::normalized(result, scale))
    }

    /// Multiplies by `10^-shift` (divides by a power of ten), exactly.
    pub(crate) fn shifted_down(&self, shift: usize) -> Self {
        Self::normalized(self.digits.clone(), self.scale + shift)
    }

    /// The value as `(integer, scale)` with `value = integer × 10^-scale`, if it fits an `i128`.
    pub(crate) fn to_scaled_integer(&self) -> Option<(i128, u32)> {
        let text = std::str::from_utf8(&self.digits).ok()?;
        Some((text.parse().ok()?, u32::try_from(self.scale).ok()?))
    }

    /// The nearest `f64`, ties to even.
    pub(crate) fn to_f64(&self) -> f64 {
        float::nearest(&self.digits, u32::try_from(self.scale).unwrap_or(u32::MAX))
    }

    fn to_digit_string(&self) -> &str {
        std::str::from_utf8(&self.digits).unwrap_or("0")
    }
}

impl std::fmt::Display for Decimal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let digits = self.to_digit_string();
        if self.scale == 0 {
            return f.write_str(digits);
        }
        if digits.len() > self.scale {
            let (int_part, frac_part) = digits.split_at(digits.len() - self.scale);
            write!(f, "{int_part}.{frac_part}")
        } else {
            let zeros = "0".repeat(self.scale - digits.len());
            write!(f, "0.{zeros}{digits}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(text: &str) -> Decimal {
        Decimal::parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"))
    }

    #[test]
    fn parses_and_prints_plain_decimals() {
        assert_eq!(dec("99.950").to_string(), "99.95");
        assert_eq!(dec("0100").to_string(), "100");
        assert_eq!(dec(".5").to_string(), "0.5");
        assert_eq!(dec("1e-3").to_string(), "0.001");
        assert_eq!(dec("2.5e2").to_string(), "250");
        assert_eq!(Decimal::parse("abc"), Err(DecimalError::NotANumber));
        assert_eq!(Decimal::parse("-1"), Err(DecimalError::Negative));
        assert_eq!(Decimal::parse("."), Err(DecimalError::NotANumber));
    }

    #[test]
    fn complements_are_exact() {
        let c = |x: &str| dec(x).subtracted_from(100).map(|d| d.to_string());
        assert_eq!(c("99.99").as_deref(), Some("0.01"));
        assert_eq!(c("99.9999999999").as_deref(), Some("0.0000000001"));
        assert_eq!(c("0").as_deref(), Some("100"));
        assert_eq!(c("100").as_deref(), Some("0"));
        assert_eq!(c("100.5"), None);
    }

    #[test]
    fn machine_and_digitwise_complements_agree() {
        let long = format!("99.{}", "9".repeat(60));
        for x in [
            "99.95",
            "0.000001",
            "100",
            "100.0000001",
            "7e-30",
            "12345678901234567890.5",
        ]
        .into_iter()
        .chain([long.as_str()])
        {
            for minuend in [0, 1, 100, u32::MAX] {
                let d = dec(x);
                assert_eq!(
                    d.subtracted_from(minuend),
                    d.subtracted_digitwise(minuend),
                    "{minuend} - {x}"
                );
            }
        }
    }

    #[test]
    fn displays_like_std() {
        for x in [
            0.1,
            1e21,
            1e-7,
            -2.5,
            0.0,
            -0.0,
            123.456,
            f64::NAN,
            f64::INFINITY,
            -f64::INFINITY,
            f64::MAX,
            5e-324,
        ] {
            assert_eq!(display(x), format!("{x}"));
        }
    }

    #[test]
    fn rounding_to_significant_digits() {
        let d = Decimal::from_f64_rounded(5.999_500_000_000_001e-4, 12).map(|d| d.to_string());
        assert_eq!(d.as_deref(), Ok("0.00059995"));
    }
}
