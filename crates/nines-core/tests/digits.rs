//! Every digit of a percentage counts: a model's `"availability": 99.99999999999999` is read
//! from its decimal text, so its unavailability is the exact complement (here 1e-16), as the
//! CLI's composers read `nines serial 99.99999999999999`. Checked for 15-, 16- and 17-digit
//! percentages against an independent reference: the complement written out in decimal digits
//! and parsed by std (correctly rounded).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use nines_core::{combine, evaluate_json, Availability, Catalog, Combine, Options};
use proptest::prelude::*;

/// `100 − p` divided by 100, written in decimal and read by std: the exact complement, rounded
/// once.
fn reference(percent: &str) -> f64 {
    let (int, frac) = percent.split_once('.').unwrap_or((percent, ""));
    let scale = frac.len();
    let value: u128 = format!("{int}{frac}").parse().unwrap();
    let hundred = 100u128 * 10u128.pow(scale as u32);
    let complement = hundred - value; // × 10^-scale percent
    format!("{complement}e-{}", scale + 2).parse().unwrap()
}

fn from_model(percent: &str) -> f64 {
    let text = format!(r#"{{"root": {{"component": {{"id": "a", "availability": {percent}}}}}}}"#);
    evaluate_json(&text, &Catalog::empty(), &Options::default())
        .unwrap()
        .unavailability
}

fn from_composer(percent: &str) -> f64 {
    let a = Availability::parse_percent(percent).unwrap();
    combine(Combine::Serial, &[a]).unwrap().unavailability()
}

#[test]
fn sixteen_and_seventeen_digits_are_not_rounded_away() {
    for (percent, u) in [
        ("99.99999999999999", 1e-16),
        ("99.999999999999999", 1e-17),
        ("99.9999999999999", 1e-15),
        ("99.00000000000001", 0.0099999999999999),
    ] {
        assert_eq!(from_model(percent), reference(percent), "{percent}");
        assert_eq!(from_model(percent), u, "{percent}");
        assert_eq!(from_composer(percent), from_model(percent), "{percent}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// 15, 16 and 17 significant digits between 90% and 100%.
    #[test]
    fn model_and_composer_read_every_digit(digits in 15usize..=17, mantissa in any::<u64>()) {
        let frac_digits = digits - 2;
        let fraction = mantissa % 10u64.pow(frac_digits as u32);
        let percent = format!("9{}.{:0width$}", mantissa % 10, fraction, width = frac_digits);
        let exact = reference(&percent);
        prop_assert_eq!(from_model(&percent).to_bits(), exact.to_bits(), "{}", percent);
        prop_assert_eq!(from_composer(&percent).to_bits(), exact.to_bits(), "{}", percent);
    }
}
