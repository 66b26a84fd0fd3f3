//! [`Money`]: whole cents, so credits are exact to the cent.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An amount of money in cents of the model's currency.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money {
    cents: i64,
}

/// Why an amount is not valid money.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0} is not an amount of money (expected 0 to 1e12, at most cents)")]
pub struct MoneyError(pub String);

const MAX_UNITS: f64 = 1e12;

impl Money {
    /// Zero.
    pub const ZERO: Self = Self { cents: 0 };

    /// From whole cents.
    pub fn from_cents(cents: i64) -> Self {
        Self { cents }
    }

    /// From a number of currency units such as `146.0`, rounded to the nearest cent.
    ///
    /// # Errors
    /// [`MoneyError`] for NaN, negative amounts and amounts above 10^12 units.
    pub fn from_units(units: f64) -> Result<Self, MoneyError> {
        if !(0.0..=MAX_UNITS).contains(&units) {
            return Err(MoneyError(crate::text::decimal::display(units)));
        }
        Ok(Self {
            cents: libm::round(units * 100.0) as i64,
        })
    }

    /// From the decimal text of an amount such as `"146.005"`, rounded half up to the cent from
    /// its exact value.
    ///
    /// # Errors
    /// [`MoneyError`] for text that is not a number, negative amounts and amounts above 10^12
    /// units.
    pub fn parse(text: &str) -> Result<Self, MoneyError> {
        let bad = || MoneyError(text.trim().to_string());
        let decimal = crate::text::decimal::Decimal::parse(text).map_err(|_| bad())?;
        let (n, scale) = decimal.to_scaled_integer().ok_or_else(bad)?;
        let denominator = 10i128.checked_pow(scale).ok_or_else(bad)?;
        // cents = n × 100 / 10^scale, rounded half up
        let cents = n
            .checked_mul(200)
            .map(|twice| (twice + denominator) / (2 * denominator))
            .ok_or_else(bad)?;
        if cents > (MAX_UNITS as i128) * 100 {
            return Err(bad());
        }
        i64::try_from(cents)
            .map(Self::from_cents)
            .map_err(|_| bad())
    }

    /// The amount in cents.
    pub fn cents(self) -> i64 {
        self.cents
    }

    /// The amount as reports write it: two decimals, no grouping (`1234.50`).
    pub fn decimal(self) -> String {
        format!("{}.{:02}", self.cents / 100, (self.cents % 100).abs())
    }

    /// `percent` (given exactly as `n × 10^-scale`) of this amount, rounded half up to the cent.
    pub(crate) fn percent_of(self, (n, scale): (i128, u32)) -> Self {
        let denominator = 100 * 10i128.pow(scale.min(20));
        let numerator = i128::from(self.cents) * n;
        let cents = (2 * numerator + denominator) / (2 * denominator);
        Self {
            cents: i64::try_from(cents).unwrap_or(i64::MAX),
        }
    }

    /// Money for `seconds` of downtime at `per_hour`, rounded to the cent.
    pub(crate) fn for_seconds(per_hour: Self, seconds: f64) -> Self {
        Self {
            cents: libm::round(per_hour.cents as f64 * seconds / 3600.0) as i64,
        }
    }
}

impl std::ops::Add for Money {
    type Output = Self;
    fn add(self, other: Self) -> Self {
        Self {
            cents: self.cents.saturating_add(other.cents),
        }
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Self>>(iter: I) -> Self {
        iter.fold(Self::ZERO, |a, b| a + b)
    }
}

impl std::fmt::Display for Money {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sign = if self.cents < 0 { "-" } else { "" };
        let abs = self.cents.unsigned_abs();
        let units = (abs / 100).to_string();
        let mut grouped = String::new();
        for (i, c) in units.chars().enumerate() {
            if i > 0 && (units.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        write!(f, "{sign}{grouped}.{:02}", abs % 100)
    }
}

/// Serialized as [`Money::decimal`], e.g. `"1234.50"`.
impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.decimal())
    }
}

/// In a model, amounts are written as they are read: numbers of currency units (`146.5`), so
/// that a model round-trips; reports write them as decimal strings.
pub(crate) fn as_units<S: Serializer>(money: &Option<Money>, s: S) -> Result<S::Ok, S::Error> {
    match money {
        Some(m) => s.serialize_f64(m.cents as f64 / 100.0),
        None => s.serialize_none(),
    }
}

/// Deserialized from a number of currency units, e.g. `146.5`, exactly as written.
impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::text::json::number(d, Self::parse)
    }
}

/// serde: an amount as a report writes it, a decimal string (`"1234.50"`).
pub(crate) fn from_text<'de, D: Deserializer<'de>>(d: D) -> Result<Money, D::Error> {
    let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
    Money::parse(&text).map_err(serde::de::Error::custom)
}

/// serde: an optional amount as a report writes it (absent: `None`; with `#[serde(default)]`).
pub(crate) fn from_text_option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Money>, D::Error> {
    from_text(d).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_is_exact_to_the_cent() {
        let fee = Money::from_units(146.0).unwrap();
        assert_eq!(fee.percent_of((10, 0)).cents(), 1460);
        assert_eq!(fee.percent_of((25, 0)).cents(), 3650);
        let odd = Money::from_units(0.05).unwrap();
        assert_eq!(odd.percent_of((10, 0)).cents(), 1); // 0.5 cent rounds up
        assert_eq!(Money::from_cents(123_456_789).to_string(), "1,234,567.89");
        assert!(Money::from_units(-1.0).is_err());
        assert_eq!(Money::parse("146.005").map(Money::cents), Ok(14_601));
        assert_eq!(Money::parse("0.004").map(Money::cents), Ok(0));
        assert_eq!(Money::parse("1e3").map(Money::cents), Ok(100_000));
        assert!(Money::parse("-1").is_err());
        assert!(Money::parse("1e13").is_err());
        assert!(Money::parse("1e40").is_err());
        assert!(Money::from_units(f64::NAN).is_err());
    }
}
