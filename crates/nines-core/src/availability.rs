//! [`Availability`]: a probability of being up, kept as its complement so that 10+ nines survive.

use crate::text::decimal::{display, Decimal, DecimalError};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Significant digits of unavailability kept when printing a percentage.
///
/// `f64` carries about 16; a composite of many components loses a few to rounding, so twelve
/// digits are both honest and stable.
pub const PRINTED_DIGITS: usize = 12;

/// The probability that something is up, stored as its unavailability `u = 1 − a`.
///
/// Invariant: `0 ≤ u ≤ 1`, never NaN. Working in `u` keeps three parallel 99.99% components
/// at `u = 1e-12` instead of rounding `a` to `1.0`.
///
/// ```
/// use nines_core::Availability;
/// let a = Availability::parse_percent("99.99%")?;
/// assert_eq!(a.unavailability(), 1e-4);
/// assert_eq!(a.percent(), "99.99");
/// # Ok::<(), nines_core::AvailabilityError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub struct Availability {
    unavailability: f64,
}

/// Why a value is not an availability.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AvailabilityError {
    /// The text or value is not a finite number.
    #[error("not a number: {0:?}")]
    NotANumber(String),
    /// The value lies outside 0..=100%.
    #[error("{0}% is outside 0..=100%")]
    OutOfRange(String),
}

impl Availability {
    /// Always up.
    pub const UP: Self = Self {
        unavailability: 0.0,
    };
    /// Always down.
    pub const DOWN: Self = Self {
        unavailability: 1.0,
    };

    /// From an unavailability fraction `u` (0 = always up, 1 = always down).
    ///
    /// # Errors
    /// [`AvailabilityError`] when `u` is NaN or outside 0..=1, e.g. `from_unavailability(1.5)`.
    pub fn from_unavailability(u: f64) -> Result<Self, AvailabilityError> {
        if u.is_nan() {
            return Err(AvailabilityError::NotANumber(display(u)));
        }
        if !(0.0..=1.0).contains(&u) {
            return Err(AvailabilityError::OutOfRange(display((1.0 - u) * 100.0)));
        }
        Ok(Self { unavailability: u })
    }

    /// Clamps a computed unavailability into 0..=1 (rounding can step just outside).
    pub(crate) fn from_computed(u: f64) -> Self {
        Self {
            unavailability: if u.is_nan() { 1.0 } else { u.clamp(0.0, 1.0) },
        }
    }

    /// From a percentage such as `99.95`, taking the exact decimal complement of its shortest
    /// decimal form: `99.99` gives `u = 1e-4` exactly (as the nearest `f64`), not `1.0000000000287557e-4`.
    ///
    /// # Errors
    /// [`AvailabilityError`] for NaN, infinities and values outside 0..=100.
    pub fn from_percent(percent: f64) -> Result<Self, AvailabilityError> {
        let decimal = Decimal::from_f64(percent).map_err(|e| match e {
            DecimalError::Negative => AvailabilityError::OutOfRange(display(percent)),
            DecimalError::NotANumber => AvailabilityError::NotANumber(display(percent)),
        })?;
        Self::from_percent_decimal(&decimal, &display(percent))
    }

    /// Parses `"99.95"` or `"99.95%"`.
    ///
    /// # Errors
    /// [`AvailabilityError::NotANumber`] for text such as `"abc"` or `"NaN"`;
    /// [`AvailabilityError::OutOfRange`] for `"100.5%"`.
    pub fn parse_percent(text: &str) -> Result<Self, AvailabilityError> {
        let trimmed = text.trim();
        let number = trimmed.strip_suffix('%').unwrap_or(trimmed).trim();
        if let Some(unavailability) = plain_complement(number) {
            return Ok(Self { unavailability });
        }
        let decimal = Decimal::parse(number).map_err(|e| match e {
            DecimalError::Negative => AvailabilityError::OutOfRange(number.to_string()),
            DecimalError::NotANumber => AvailabilityError::NotANumber(text.to_string()),
        })?;
        Self::from_percent_decimal(&decimal, number)
    }

    fn from_percent_decimal(decimal: &Decimal, shown: &str) -> Result<Self, AvailabilityError> {
        let complement = decimal
            .subtracted_from(100)
            .ok_or_else(|| AvailabilityError::OutOfRange(shown.to_string()))?;
        Ok(Self {
            unavailability: complement.shifted_down(2).to_f64(),
        })
    }

    /// The unavailability fraction `u`.
    pub fn unavailability(self) -> f64 {
        self.unavailability
    }

    /// The availability fraction `1 − u` (loses the digits of `u` below 1e-16; prefer
    /// [`Availability::unavailability`] for arithmetic).
    pub fn fraction(self) -> f64 {
        1.0 - self.unavailability
    }

    /// The percentage with every significant digit: the exact decimal complement of `100·u`
    /// rounded to [`PRINTED_DIGITS`] significant digits, e.g. `"99.9999999999"` for `u = 1e-12`.
    pub fn percent(self) -> String {
        if let Some(plain) = PlainPercent::of(self) {
            return plain.text();
        }
        self.printed_percent()
            .map_or_else(|| "0".to_string(), |percent| percent.to_string())
    }

    /// The printed percentage as a number: `99.95` for [`Availability::percent`]'s `"99.95"`.
    pub fn percent_number(self) -> f64 {
        if let Some(number) = PlainPercent::of(self).and_then(PlainPercent::to_f64) {
            return number;
        }
        self.printed_percent()
            .map_or(0.0, |percent| percent.to_f64())
    }

    /// The percentage with only the digits that carry information: the complement of `100·u`
    /// rounded to `significant` significant digits (at least 1, at most [`PRINTED_DIGITS`]).
    /// `"99.9975"` stays whole, `"99.939905059995"` becomes `"99.9399"` with 3 digits; never
    /// `"100"` unless `u` is 0.
    ///
    /// ```
    /// use nines_core::Availability;
    /// let a = Availability::parse_percent("99.939905059995")?;
    /// assert_eq!(a.percent_significant(3), "99.9399");
    /// assert_eq!(Availability::parse_percent("99.9975")?.percent_significant(3), "99.9975");
    /// assert_eq!(Availability::parse_percent("99.9999999999")?.percent_significant(3), "99.9999999999");
    /// # Ok::<(), nines_core::AvailabilityError>(())
    /// ```
    pub fn percent_significant(self, significant: usize) -> String {
        self.rounded_percent(significant.clamp(1, PRINTED_DIGITS))
            .map_or_else(|| "0".to_string(), |percent| percent.to_string())
    }

    fn printed_percent(self) -> Option<Decimal> {
        self.rounded_percent(PRINTED_DIGITS)
    }

    fn rounded_percent(self, significant: usize) -> Option<Decimal> {
        Decimal::from_f64_rounded(self.unavailability * 100.0, significant)
            .ok()
            .and_then(|d| d.subtracted_from(100))
    }

    /// The number of nines, `−log10(u)`; `None` for a perfect 100%.
    pub fn nines(self) -> Option<f64> {
        (self.unavailability > 0.0).then(|| -libm::log10(self.unavailability))
    }
}

impl std::fmt::Display for Availability {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}%", self.percent())
    }
}

/// `(100 − percent) / 100` for a plain decimal such as `99.95` whose complement is an integer
/// below 2^53 over a power of ten up to 10^22: one exact subtraction and one correctly rounded
/// division, so the value [`Availability::from_percent_decimal`] gives (which takes ten times
/// as long, through its digits; most percentages in models are like this). `None` otherwise.
fn plain_complement(number: &str) -> Option<f64> {
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let digits = || whole.bytes().chain(fraction.bytes());
    if whole.len() > 3 || fraction.len() > 16 || !digits().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    let value = digits().fold(0u64, |value, b| value * 10 + u64::from(b - b'0'));
    let scale = fraction.len() as u32;
    let complement = (100 * 10u64.pow(scale)).checked_sub(value)?;
    let power = crate::text::float::EXACT_POWERS.get(scale as usize + 2)?;
    // Exactly representable, so the division is the only rounding.
    (complement < 1 << 53).then(|| complement as f64 / power)
}

/// The printed percentage `value / 10^scale` in the common case, without the decimal
/// machinery: `100·u`'s shortest digits, rounded to [`PRINTED_DIGITS`] as the general path
/// rounds them, and the complement in a `u64`. Same digits as [`Availability::percent`]'s
/// general path (which answers where this cannot: a tie, 0%, 100%, more than 17 decimals), at
/// a tenth of its cost (a report prints each component's percentage twice; `nines eval` of
/// 1,000 components spent a tenth of its instructions there, measured).
#[derive(Clone, Copy, Debug, PartialEq)]
struct PlainPercent {
    value: u64,
    scale: u32,
}

impl PlainPercent {
    fn of(availability: Availability) -> Option<Self> {
        let x = availability.unavailability * 100.0;
        if !(x > 0.0 && x < 100.0) {
            return None;
        }
        let (mut mantissa, mut exponent) = crate::text::float::shortest_integer(x);
        let digits = mantissa.checked_ilog10()? + 1;
        if let Some(dropped) = digits.checked_sub(PRINTED_DIGITS as u32).filter(|&d| d > 0) {
            // Rounded as the general path rounds the shortest digits: by the first dropped
            // digit, unless the dropped digits are exactly a 5 (then the binary value decides).
            let power = 10u64.pow(dropped);
            let rest = mantissa % power;
            if dropped == 1 && rest == 5 {
                return None;
            }
            mantissa = mantissa / power + u64::from(rest / (power / 10) >= 5);
            exponent += dropped as i32;
        }
        // x < 100: a positive exponent leaves a whole number below 100.
        mantissa *= 10u64.pow(exponent.clamp(0, 2) as u32);
        let scale = (-exponent).max(0) as u32;
        if scale > 17 {
            return None;
        }
        let (mut value, mut scale) = (100 * 10u64.pow(scale) - mantissa, scale);
        while scale > 0 && value % 10 == 0 {
            value /= 10;
            scale -= 1;
        }
        Some(Self { value, scale })
    }

    /// The nearest `f64`, when one division gives it (both operands exact).
    fn to_f64(self) -> Option<f64> {
        let power = crate::text::float::EXACT_POWERS.get(self.scale as usize)?;
        (self.value < 1 << 53).then(|| self.value as f64 / power)
    }

    /// As [`Decimal`] writes it: `99.95`, `0.005`, `50`.
    fn text(self) -> String {
        let mut buffer = itoa::Buffer::new();
        let digits = buffer.format(self.value);
        let scale = self.scale as usize;
        let mut text = String::with_capacity(digits.len() + scale + 2);
        match digits.len().checked_sub(scale) {
            _ if scale == 0 => text.push_str(digits),
            Some(whole) if whole > 0 => {
                text.push_str(&digits[..whole]);
                text.push('.');
                text.push_str(&digits[whole..]);
            }
            _ => {
                text.push_str("0.");
                text.extend(std::iter::repeat_n('0', scale - digits.len()));
                text.push_str(digits);
            }
        }
        text
    }
}

/// Serialized as a percentage number, e.g. `99.95`.
impl Serialize for Availability {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.percent_number())
    }
}

/// Read from the number's decimal text, so that every digit counts: `99.99999999999999` is
/// `u = 1e-16` exactly, whatever an `f64` would have made of it.
impl<'de> Deserialize<'de> for Availability {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::text::json::number(deserializer, Self::parse_percent)
    }
}

/// A percentage in 0..=100 that is not an availability (a credit, a tier threshold).
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Serialize)]
#[serde(transparent)]
pub struct Percent(f64);

impl Percent {
    /// # Errors
    /// [`AvailabilityError`] when `value` is NaN or outside 0..=100.
    pub fn new(value: f64) -> Result<Self, AvailabilityError> {
        if value.is_nan() {
            return Err(AvailabilityError::NotANumber(display(value)));
        }
        if !(0.0..=100.0).contains(&value) {
            return Err(AvailabilityError::OutOfRange(display(value)));
        }
        Ok(Self(value))
    }

    /// Parses a percentage such as `"25"` or `"99.95"`: the `f64` nearest to its decimal value.
    ///
    /// # Errors
    /// [`AvailabilityError`] for text that is not a number, or a value outside 0..=100.
    pub fn parse(text: &str) -> Result<Self, AvailabilityError> {
        let number = text.trim();
        let decimal = Decimal::parse(number).map_err(|e| match e {
            DecimalError::Negative => AvailabilityError::OutOfRange(number.to_string()),
            DecimalError::NotANumber => AvailabilityError::NotANumber(text.to_string()),
        })?;
        Self::new(decimal.to_f64()).map_err(|_| AvailabilityError::OutOfRange(number.to_string()))
    }

    /// The value in percent.
    pub fn value(self) -> f64 {
        self.0
    }

    /// The exact decimal value as `(n, s)` with `value = n × 10^-s`.
    pub(crate) fn scaled(self) -> (i128, u32) {
        Decimal::from_f64(self.0)
            .ok()
            .and_then(|d| d.to_scaled_integer())
            .unwrap_or((0, 0))
    }

    /// This percentage read as an availability.
    pub fn as_availability(self) -> Availability {
        Availability::from_percent(self.0).unwrap_or(Availability::DOWN)
    }
}

/// The shortest decimal, without `%`: `25`, `99.95`.
impl std::fmt::Display for Percent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&display(self.0))
    }
}

impl<'de> Deserialize<'de> for Percent {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::text::json::number(deserializer, Self::parse)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The common-case percentage gives the general path's digits and number, bit for bit,
    /// wherever it answers; it answers every three-decimal percentage from 90% up.
    mod plain_percent {
        use super::super::*;
        use proptest::prelude::*;

        fn agrees(a: Availability) -> Result<bool, TestCaseError> {
            let Some(plain) = PlainPercent::of(a) else {
                return Ok(false);
            };
            let general = a.printed_percent();
            prop_assert_eq!(
                Some(plain.text()),
                general.as_ref().map(ToString::to_string)
            );
            if let Some(number) = plain.to_f64() {
                let expected = general.map_or(0.0, |d| d.to_f64());
                prop_assert_eq!(number.to_bits(), expected.to_bits(), "{}", plain.text());
            }
            Ok(true)
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(20_000))]

            #[test]
            fn any_unavailability(u in 0.0f64..=1.0) {
                agrees(Availability::from_computed(u))?;
            }

            #[test]
            fn written_percentages(whole in 0u64..100, fraction in 0u64..10_000_000_000, places in 0u32..11) {
                let text = format!("{whole}.{:0width$}", fraction % 10u64.pow(places), width = places as usize);
                let a = Availability::parse_percent(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
                agrees(a)?;
            }
        }

        /// Every percentage of three decimals from 90% up is answered by the common case.
        #[test]
        fn answers_the_common_percentages() {
            for thousandths in 90_000..100_000u32 {
                let text = format!("{}.{:03}", thousandths / 1000, thousandths % 1000);
                let a = Availability::parse_percent(&text).unwrap_or_else(|e| panic!("{e}"));
                assert_eq!(agrees(a).ok(), Some(true), "{text}");
            }
        }

        #[test]
        fn edges() {
            for u in [
                1e-16,
                1e-12,
                1e-300,
                5e-324,
                0.5,
                0.005,
                0.99995,
                1.0 - 1e-16,
                0.0,
                1.0,
                0.1,
                0.3,
            ] {
                let _ = agrees(Availability::from_computed(u)).map_err(|e| panic!("{u}: {e}"));
            }
            assert_eq!(
                PlainPercent::of(Availability::from_computed(0.5)).map(PlainPercent::text),
                Some("50".into())
            );
            assert_eq!(
                PlainPercent::of(Availability::from_computed(0.00479)).map(PlainPercent::text),
                Some("99.521".into())
            );
            assert_eq!(
                PlainPercent::of(Availability::from_computed(0.99995)).map(PlainPercent::text),
                Some("0.005".into())
            );
        }
    }

    #[test]
    fn percent_round_trips_without_binary_noise() {
        for text in [
            "99.95",
            "99.99",
            "99.999",
            "95",
            "0",
            "100",
            "99.9999999999",
        ] {
            let a = Availability::parse_percent(text).unwrap_or(Availability::DOWN);
            assert_eq!(a.percent(), text);
        }
    }

    #[test]
    fn the_plain_complement_is_the_digitwise_one() {
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut checked = 0;
        for _ in 0..20_000 {
            let fraction_digits = (next() % 17) as usize;
            let fraction: String = (0..fraction_digits)
                .map(|_| char::from(b'0' + (next() % 10) as u8))
                .collect();
            let whole = ["99", "100", "0", "", "5", "099"][(next() % 6) as usize];
            let text = format!("{whole}.{fraction}");
            let decimal = match Decimal::parse(&text) {
                Ok(decimal) => decimal,
                Err(_) => continue,
            };
            let digitwise = Availability::from_percent_decimal(&decimal, &text).ok();
            if let Some(plain) = plain_complement(&text) {
                assert_eq!(
                    Some(plain),
                    digitwise.map(Availability::unavailability),
                    "{text}"
                );
                checked += 1;
            }
        }
        assert!(checked > 10_000, "{checked} plain cases");
    }

    #[test]
    fn complement_is_exact() {
        let a = Availability::from_percent(99.99).unwrap_or(Availability::DOWN);
        assert_eq!(a.unavailability(), 1e-4);
        let b = Availability::parse_percent("99.9999999999%").unwrap_or(Availability::DOWN);
        assert_eq!(b.unavailability(), 1e-12);
    }

    #[test]
    fn rejects_bad_values() {
        assert!(matches!(
            Availability::parse_percent("100.5%"),
            Err(AvailabilityError::OutOfRange(_))
        ));
        assert!(matches!(
            Availability::parse_percent("NaN"),
            Err(AvailabilityError::NotANumber(_))
        ));
        assert!(matches!(
            Availability::parse_percent("-1"),
            Err(AvailabilityError::OutOfRange(_))
        ));
        assert!(Availability::from_percent(f64::NAN).is_err());
        assert!(Availability::from_unavailability(1.5).is_err());
    }

    #[test]
    fn nines() {
        let a = Availability::parse_percent("99.9").unwrap_or(Availability::DOWN);
        assert!((a.nines().unwrap_or(0.0) - 3.0).abs() < 1e-12);
        assert_eq!(Availability::UP.nines(), None);
    }
}
