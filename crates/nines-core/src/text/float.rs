//! Correctly rounded conversions between `f64` and decimal digits, so that reports do not
//! depend on the standard library's float formatting and the wasm package does not carry its
//! decimal-to-float parser and tables.
//!
//! - [`shortest`]: the shortest digits that read back as the value, from `zmij` (the writer
//!   serde_json already uses). Where two shortest candidates are equally close it takes the
//!   even one, as JavaScript's `Number#toString` does; Rust's `Display` takes the larger.
//! - [`significant`] and [`fixed`]: the value rounded to `N` significant digits or `N`
//!   decimals, as `format!("{:.Ne}")` and `format!("{:.N}")` round it (the exact binary value,
//!   ties to even), for up to [`MAX_SIGNIFICANT`] significant digits.
//! - [`nearest`]: the `f64` nearest to a decimal, ties to even, as `str::parse` gives it.
//!
//! Fast paths decide almost every case; where they cannot (a decimal exactly halfway, a
//! decimal too small or too long for one division), a small exact big-integer comparison does.

use std::cmp::Ordering;

/// The most significant digits [`significant`] and [`fixed`] round exactly; asked for more, they
/// return the shortest digits instead of the exact binary expansion.
pub(crate) const MAX_SIGNIFICANT: i32 = 15;

/// Digits as ASCII with their power of ten: `value = digits × 10^exponent`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Digits {
    pub(crate) digits: Vec<u8>,
    pub(crate) exponent: i32,
}

impl Digits {
    /// The power of ten of the leading digit.
    fn leading(&self) -> i32 {
        self.exponent + self.digits.len() as i32 - 1
    }
}

/// The shortest digits that read back as `x` (finite, not negative), without trailing zeros.
pub(crate) fn shortest(x: f64) -> Digits {
    let mut buffer = zmij::Buffer::new();
    let (int_part, frac_part, exponent) = shortest_text(&mut buffer, x);
    let digits = int_part.bytes().chain(frac_part.bytes()).collect();
    normalized(digits, exponent - frac_part.len() as i32)
}

/// [`shortest`] as an integer and a power of ten, `mantissa · 10^exponent` with no trailing
/// zeros in `mantissa`, read straight from the formatted text (no digit vector). For `x` below
/// 10^17 (the digits must fit a `u64`).
pub(crate) fn shortest_integer(x: f64) -> (u64, i32) {
    let mut buffer = zmij::Buffer::new();
    let (int_part, frac_part, exponent) = shortest_text(&mut buffer, x);
    let mut value = int_part
        .bytes()
        .chain(frac_part.bytes())
        .fold(0u64, |value, digit| value * 10 + u64::from(digit - b'0'));
    let mut exponent = exponent - frac_part.len() as i32;
    while value != 0 && value % 10 == 0 {
        value /= 10;
        exponent += 1;
    }
    (value, exponent)
}

/// zmij's shortest text of `|x|` as its integer digits, fraction digits and power of ten:
/// `("1", "25", 3)` for `1.25e3`.
fn shortest_text(buffer: &mut zmij::Buffer, x: f64) -> (&str, &str, i32) {
    let text = buffer.format_finite(x.abs());
    let (mantissa, exponent) = match text.split_once('e') {
        Some((mantissa, exponent)) => (mantissa, exponent.parse::<i32>().unwrap_or(0)),
        None => (text, 0),
    };
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    (int_part, frac_part, exponent)
}

/// `x` (finite, not negative) rounded to `significant` significant digits, ties to even.
pub(crate) fn significant(x: f64, significant: usize) -> Digits {
    let shortest = shortest(x);
    let position = shortest.leading() - significant as i32 + 1;
    round(x, shortest, position)
}

/// `x` (finite, not negative) rounded to `decimals` digits after the point, ties to even.
pub(crate) fn fixed(x: f64, decimals: u32) -> Digits {
    round(x, shortest(x), -(decimals as i32))
}

/// `x` rounded to a multiple of `10^position`, from its shortest digits; at most
/// [`MAX_SIGNIFICANT`] significant digits are exact, finer grids give the shortest digits.
///
/// A grid finer than the shortest digits gives them back unchanged for a normal `x`: it is
/// within half a unit in the last place of them, less than half a step of any grid of at most
/// 15 significant digits. A subnormal has fewer bits, so there the exact expansion is rounded.
fn round(x: f64, shortest: Digits, position: i32) -> Digits {
    let leading = shortest.leading();
    if leading - position >= MAX_SIGNIFICANT {
        return shortest;
    }
    // The digits to round: the shortest ones, or a subnormal's exact expansion when the grid
    // is finer than its shortest digits.
    let known = if position > shortest.exponent {
        shortest
    } else if x.is_subnormal() {
        exact(x)
    } else {
        return shortest;
    };
    let digits = &known.digits;
    if position > leading + 1 {
        return normalized(Vec::new(), 0); // below half of the grid step
    }
    // Keep the digits above `position`; the dropped ones decide the rounding.
    let kept = usize::try_from(leading - position + 1).unwrap_or(0);
    let (head, dropped) = digits.split_at(kept.min(digits.len()));
    let up = match dropped.first().copied() {
        None => false,
        Some(first) if first != b'5' || dropped.len() > 1 => first >= b'5',
        // The digits sit exactly halfway: the exact binary value decides.
        Some(_) => match compare(x, &known) {
            Ordering::Greater => true,
            Ordering::Less => false,
            Ordering::Equal => head.last().is_some_and(|d| (d - b'0') % 2 == 1),
        },
    };
    let mut head = head.to_vec();
    if up {
        increment(&mut head);
    }
    normalized(head, position)
}

/// More significant digits than any `f64` midpoint has (767); the rest only break ties.
const MAX_EXACT_DIGITS: usize = 800;

/// The powers of ten an `f64` holds exactly.
pub(crate) const EXACT_POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The `f64` nearest to `digits × 10^-scale`, ties to even (`inf` above `f64::MAX`).
pub(crate) fn nearest(digits: &[u8], scale: u32) -> f64 {
    let digits = &digits[digits.iter().take_while(|&&d| d == b'0').count()..];
    if digits.is_empty() {
        return 0.0;
    }
    if digits.len() > MAX_EXACT_DIGITS {
        // Digits this far down only break ties: keep a nonzero one in their place.
        let (kept, rest) = digits.split_at(MAX_EXACT_DIGITS);
        let mut digits = kept.to_vec();
        digits.push(if rest.iter().all(|&d| d == b'0') {
            b'0'
        } else {
            b'1'
        });
        let dropped = (rest.len() - 1) as u32;
        return match scale.checked_sub(dropped) {
            Some(scale) => nearest(&digits, scale),
            None => f64::INFINITY,
        };
    }
    let magnitude = digits.len() as i64 - i64::from(scale); // value < 10^magnitude
    if magnitude > 310 {
        return f64::INFINITY;
    }
    if magnitude < -330 {
        return 0.0;
    }
    // One exact operand and one correctly rounded division (Clinger's fast path).
    let leading = leading_value(digits);
    if digits.len() <= 15 {
        if let Some(&power) = EXACT_POWERS.get(scale as usize) {
            return leading / power;
        }
    }
    // Otherwise an estimate within a few units in the last place, then exact comparisons with
    // the midpoints to either side until the decimal lies between them.
    let exponent = magnitude - digits.len().min(19) as i64;
    // Scaled in two steps below 1e-300, so that the estimate does not underflow on the way.
    let mut estimate = if exponent < -300 {
        leading * power_of_ten(exponent + 300) * 1e-300
    } else {
        leading * power_of_ten(exponent)
    };
    let exact = ExactDecimal::new(digits, scale);
    for _ in 0..64 {
        if estimate.is_infinite() {
            return estimate;
        }
        let up = next_up(estimate);
        match exact.compare_midpoint(estimate, up) {
            Ordering::Greater => estimate = up,
            Ordering::Equal if mantissa_is_odd(estimate) => return up,
            _ => {
                let down = next_down(estimate);
                match exact.compare_midpoint(down, estimate) {
                    Ordering::Less => estimate = down,
                    Ordering::Equal if mantissa_is_odd(estimate) => return down,
                    _ => return estimate,
                }
            }
        }
    }
    estimate
}

/// The first (up to) 19 digits as a number; the caller scales it by the power of ten of the
/// digits left out.
fn leading_value(digits: &[u8]) -> f64 {
    let n = digits
        .iter()
        .take(19)
        .fold(0u64, |n, &d| n * 10 + u64::from(d - b'0'));
    n as f64
}

/// `10^exponent` to within a few units in the last place, by exact powers up to `1e22`.
fn power_of_ten(exponent: i64) -> f64 {
    let step = if exponent < 0 { 1e-22 } else { 1e22 };
    let mut remaining = exponent.unsigned_abs();
    let mut value = 1.0f64;
    while remaining >= 22 {
        value *= step;
        remaining -= 22;
    }
    let mut last = 1.0f64;
    for _ in 0..remaining {
        last *= 10.0;
    }
    if exponent < 0 {
        value / last
    } else {
        value * last
    }
}

fn next_up(x: f64) -> f64 {
    f64::from_bits(x.to_bits() + 1)
}

fn next_down(x: f64) -> f64 {
    if x == 0.0 {
        0.0
    } else {
        f64::from_bits(x.to_bits() - 1)
    }
}

fn mantissa_is_odd(x: f64) -> bool {
    x.to_bits() & 1 == 1
}

/// `x = mantissa × 2^exponent` exactly, for a finite `x ≥ 0`.
fn binary(x: f64) -> (u64, i32) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    }
}

/// A decimal `digits × 10^-scale` kept exactly, for comparisons with binary values.
struct ExactDecimal {
    numerator: Big,
    scale: u32,
}

impl ExactDecimal {
    fn new(digits: &[u8], scale: u32) -> Self {
        Self {
            numerator: Big::from_digits(digits),
            scale,
        }
    }

    /// How this decimal compares with the midpoint of two adjacent `f64`s `low < high`.
    fn compare_midpoint(&self, low: f64, high: f64) -> Ordering {
        // The midpoint is (2·m_low + 1) × 2^(e_low − 1) when both share an exponent, and
        // (m_low + m_high/2) otherwise; doubling both mantissas at the smaller exponent covers
        // both: midpoint = (m_low·2^(e_low−e) + m_high·2^(e_high−e)) × 2^(e − 1).
        let (m_low, e_low) = binary(low);
        let (m_high, e_high) = binary(high);
        let e = e_low.min(e_high);
        let sum = (u128::from(m_low) << (e_low - e)) + (u128::from(m_high) << (e_high - e));
        self.compare_binary(sum, e - 1)
    }

    /// How this decimal compares with `mantissa × 2^exponent`.
    fn compare_binary(&self, mantissa: u128, exponent: i32) -> Ordering {
        // digits × 10^-scale  vs  mantissa × 2^exponent, both sides times 10^scale × 2^-min(exponent, 0).
        let mut left = self.numerator.clone();
        let mut right = Big::from_u128(mantissa);
        right.mul_pow10(self.scale);
        if exponent >= 0 {
            right.shl(exponent.unsigned_abs());
        } else {
            left.shl(exponent.unsigned_abs());
        }
        left.cmp(&right)
    }
}

/// Every decimal digit of `x` (finite, not negative): `mantissa × 5^-e × 10^e` for
/// `x = mantissa × 2^e`, up to 767 significant digits.
fn exact(x: f64) -> Digits {
    let (mantissa, exponent) = binary(x);
    let mut n = Big::from_u128(u128::from(mantissa));
    if exponent >= 0 {
        n.shl(exponent.unsigned_abs());
        return normalized(n.to_digits(), 0);
    }
    let mut fives = exponent.unsigned_abs();
    while fives >= 13 {
        n.mul_add(1_220_703_125, 0); // 5^13, the largest power of five in a u32
        fives -= 13;
    }
    n.mul_add(5u32.pow(fives), 0);
    normalized(n.to_digits(), exponent)
}

/// How `x` compares with the decimal `d` exactly.
fn compare(x: f64, d: &Digits) -> Ordering {
    let (mantissa, exponent) = binary(x);
    let mut numerator = Big::from_digits(&d.digits);
    numerator.mul_pow10(d.exponent.max(0).unsigned_abs());
    let decimal = ExactDecimal {
        numerator,
        scale: d.exponent.min(0).unsigned_abs(),
    };
    decimal
        .compare_binary(u128::from(mantissa), exponent)
        .reverse()
}

/// Adds one unit in the last place of ASCII digits, carrying (`999` becomes `1000`).
fn increment(digits: &mut Vec<u8>) {
    for d in digits.iter_mut().rev() {
        if *d == b'9' {
            *d = b'0';
        } else {
            *d += 1;
            return;
        }
    }
    digits.insert(0, b'1');
}

/// `digits × 10^exponent` without leading or trailing zeros.
fn normalized(mut digits: Vec<u8>, mut exponent: i32) -> Digits {
    let leading = digits.iter().take_while(|&&d| d == b'0').count();
    digits.drain(..leading);
    while digits.last() == Some(&b'0') {
        digits.pop();
        exponent += 1;
    }
    if digits.is_empty() {
        return Digits {
            digits: vec![b'0'],
            exponent: 0,
        };
    }
    Digits { digits, exponent }
}

/// A non-negative big integer, 32-bit limbs, least significant first.
#[derive(Clone, Debug)]
struct Big(Vec<u32>);

impl Big {
    fn from_u128(mut n: u128) -> Self {
        let mut limbs = Vec::new();
        while n > 0 {
            limbs.push(n as u32);
            n >>= 32;
        }
        Self(limbs)
    }

    fn from_digits(digits: &[u8]) -> Self {
        let mut n = Self(Vec::new());
        for chunk in digits.chunks(9) {
            let value = chunk
                .iter()
                .fold(0u32, |v, &d| v * 10 + u32::from(d - b'0'));
            n.mul_add(10u32.pow(chunk.len() as u32), value);
        }
        n
    }

    fn mul_add(&mut self, factor: u32, addend: u32) {
        let mut carry = u64::from(addend);
        for limb in &mut self.0 {
            let product = u64::from(*limb) * u64::from(factor) + carry;
            *limb = product as u32;
            carry = product >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_pow10(&mut self, mut exponent: u32) {
        while exponent >= 9 {
            self.mul_add(1_000_000_000, 0);
            exponent -= 9;
        }
        self.mul_add(10u32.pow(exponent), 0);
    }

    fn shl(&mut self, bits: u32) {
        let (limbs, bits) = ((bits / 32) as usize, bits % 32);
        if bits > 0 {
            let mut carry = 0u32;
            for limb in &mut self.0 {
                let next = *limb >> (32 - bits);
                *limb = (*limb << bits) | carry;
                carry = next;
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        self.0.splice(0..0, std::iter::repeat_n(0, limbs));
    }

    /// The decimal digits, most significant first (`0` for zero).
    fn to_digits(&self) -> Vec<u8> {
        let mut limbs = self.significant().to_vec();
        let mut chunks = Vec::new(); // base 10^9, least significant first
        while !limbs.is_empty() {
            let mut remainder = 0u64;
            for limb in limbs.iter_mut().rev() {
                let value = (remainder << 32) | u64::from(*limb);
                *limb = (value / 1_000_000_000) as u32;
                remainder = value % 1_000_000_000;
            }
            chunks.push(remainder as u32);
            while limbs.last() == Some(&0) {
                limbs.pop();
            }
        }
        let mut digits = Vec::with_capacity(chunks.len() * 9 + 1);
        for (i, chunk) in chunks.iter().rev().enumerate() {
            let text = chunk.to_string();
            if i > 0 {
                digits.resize(digits.len() + 9 - text.len(), b'0');
            }
            digits.extend_from_slice(text.as_bytes());
        }
        if digits.is_empty() {
            digits.push(b'0');
        }
        digits
    }

    fn significant(&self) -> &[u32] {
        let len = self.0.iter().rposition(|&l| l != 0).map_or(0, |i| i + 1);
        &self.0[..len]
    }

    fn cmp(&self, other: &Self) -> Ordering {
        let (a, b) = (self.significant(), other.significant());
        a.len()
            .cmp(&b.len())
            .then_with(|| a.iter().rev().cmp(b.iter().rev()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn text(d: &Digits) -> String {
        format!("{}e{}", String::from_utf8_lossy(&d.digits), d.exponent)
    }

    /// The digits and exponent of Rust's `{:e}` output for `x`.
    fn std_digits(formatted: &str) -> Digits {
        let (mantissa, exponent) = formatted.split_once('e').unwrap();
        let digits: Vec<u8> = mantissa.bytes().filter(|b| *b != b'.').collect();
        let fraction = mantissa.split_once('.').map_or(0, |(_, f)| f.len()) as i32;
        normalized(digits, exponent.parse::<i32>().unwrap() - fraction)
    }

    /// The digits and exponent of Rust's `{:.N}` output.
    fn std_fixed(formatted: &str) -> Digits {
        let fraction = formatted.split_once('.').map_or(0, |(_, f)| f.len()) as i32;
        normalized(
            formatted.bytes().filter(|b| *b != b'.').collect(),
            -fraction,
        )
    }

    fn any_finite() -> impl Strategy<Value = f64> {
        prop_oneof![
            (0u64..0x7ff0_0000_0000_0000).prop_map(f64::from_bits),
            (0u64..1 << 52).prop_map(f64::from_bits), // subnormal
            (1e-20f64..1e6),
            (0u32..1_000_000_000).prop_map(|n| f64::from(n) / 1e6),
        ]
    }

    #[test]
    fn known_values() {
        assert_eq!(text(&shortest(0.1)), "1e-1");
        assert_eq!(text(&shortest(100.0)), "1e2");
        assert_eq!(text(&shortest(0.0)), "0e0");
        assert_eq!(text(&shortest(1e-7)), "1e-7");
        assert_eq!(text(&shortest(5e-324)), "5e-324");
        // Halfway between two 17-digit candidates: the even one, as JavaScript prints it
        // (Rust's `Display` gives …583).
        assert_eq!(
            text(&shortest(1_268_959_702_880_158.0 + 0.25)),
            "12689597028801582e-1"
        );
        assert_eq!(text(&fixed(2.5, 0)), "2e0");
        assert_eq!(text(&fixed(3.5, 0)), "4e0");
        assert_eq!(text(&fixed(0.125, 2)), "12e-2");
        assert_eq!(text(&fixed(0.375, 2)), "38e-2");
        assert_eq!(text(&fixed(9.9996, 3)), "1e1");
        assert_eq!(text(&fixed(0.06, 0)), "0e0");
        assert_eq!(text(&fixed(0.5, 0)), "0e0");
        assert_eq!(text(&fixed(0.6, 0)), "1e0");
        assert_eq!(text(&significant(5.999_500_000_000_001e-4, 12)), "59995e-8");
        assert_eq!(text(&significant(0.1, 17)), "1e-1"); // finer than MAX_SIGNIFICANT: shortest
                                                         // Subnormals carry fewer digits than they print: 5e-324 is 4.940656458412465…e-324.
        assert_eq!(text(&significant(5e-324, 2)), "49e-325");
        assert_eq!(text(&significant(5e-324, 15)), "494065645841247e-338");
        assert_eq!(text(&exact(0.375)), "375e-3");
        assert_eq!(text(&exact(2f64.powi(70))), "1180591620717411303424e0");
        assert_eq!(nearest(b"1", 4), 1e-4);
        assert_eq!(nearest(b"9999", 6), 0.009999);
        assert_eq!(nearest(b"123456789012", 26), 1.23456789012e-15);
        assert_eq!(
            nearest(b"17976931348623159", 0 /* ×10^0 */),
            1.797_693_134_862_316e16
        );
        assert_eq!(nearest(b"1", 400), 0.0);
        assert!(nearest(b"1000", 0).eq(&1000.0));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn shortest_matches_std_except_ties_to_even(x in any_finite()) {
            let ours = shortest(x);
            let std = std_digits(&format!("{x:e}"));
            let mut integer = ours.digits.clone();
            integer.resize(ours.digits.len() + ours.exponent.max(0) as usize, b'0');
            let scale = (-ours.exponent).max(0) as u32;
            prop_assert_eq!(nearest(&integer, scale).to_bits(), x.to_bits());
            if ours != std {
                // Only a tie: same length, one apart, x exactly between them, ours even.
                let mut next = ours.digits.clone();
                increment(&mut next);
                prop_assert_eq!(normalized(next, ours.exponent), std);
                let mut midpoint = ours.digits.clone();
                midpoint.push(b'5');
                let midpoint = Digits { digits: midpoint, exponent: ours.exponent - 1 };
                prop_assert_eq!(compare(x, &midpoint), Ordering::Equal);
                prop_assert_eq!(ours.digits.last().map(|d| (d - b'0') % 2), Some(0));
            }
        }

        #[test]
        fn rounding_matches_std(x in any_finite(), n in 1usize..=15, decimals in 0u32..=6) {
            prop_assert_eq!(significant(x, n), std_digits(&format!("{x:.*e}", n - 1)));
            if x < 1e8 {
                prop_assert_eq!(fixed(x, decimals), std_fixed(&format!("{x:.*}", decimals as usize)));
            }
        }

        #[test]
        fn halfway_decimals_round_like_std(x in any_finite(), significant in 1usize..=14) {
            // A decimal exactly halfway between two grid points: the shortest digits of its
            // nearest f64 end in 5 one place below the grid, so the exact comparison decides.
            let d = std_digits(&format!("{x:.*e}", significant - 1));
            let mut digits = d.digits.clone();
            digits.resize(significant, b'0');
            digits.push(b'5');
            let exponent = d.exponent + d.digits.len() as i32 - significant as i32 - 1;
            let halfway: f64 = format!("{}e{exponent}", String::from_utf8_lossy(&digits)).parse().unwrap();
            // Rounding up past f64::MAX leaves the finite numbers.
            prop_assume!(halfway.is_finite());
            let expected = std_digits(&format!("{halfway:.*e}", significant - 1));
            prop_assert_eq!(super::significant(halfway, significant), expected);
        }

        #[test]
        fn nearest_matches_std(digits in "[1-9][0-9]{0,40}", scale in 0u32..360) {
            let expected: f64 = format!("{digits}e-{scale}").parse().unwrap();
            prop_assert_eq!(nearest(digits.as_bytes(), scale).to_bits(), expected.to_bits());
        }

        #[test]
        fn nearest_rounds_exact_midpoints_like_std(x in any_finite().prop_map(|x| x % 2f64.powi(52))) {
            // The midpoint between x and the next f64, written out exactly in decimal.
            let (mantissa, exponent) = binary(x);
            let twice = u128::from(mantissa) * 2 + 1; // × 2^(exponent − 1)
            let shift = 1 - exponent; // > 0 for every value below 2^52
            let n = num_bigint::BigUint::from(twice) * num_bigint::BigUint::from(5u32).pow(shift.unsigned_abs());
            let digits = n.to_string();
            let expected: f64 = format!("{digits}e-{shift}").parse().unwrap();
            prop_assert_eq!(nearest(digits.as_bytes(), shift.unsigned_abs()).to_bits(), expected.to_bits());
        }
    }
}
