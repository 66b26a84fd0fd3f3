//! Shared components at scale: many of them, exact, and as precise as independent ones.
//!
//! The references here share no code or formula with the engine: a transfer matrix along a
//! ladder of zones, and a closed form per block, both in exact rational arithmetic.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use nines_core::{evaluate_json, Catalog, Options};
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, ToPrimitive, Zero};
use proptest::prelude::*;

/// A percentage in ten-thousandths (`999_950` is 99.995%) as text, and its exact
/// unavailability.
fn text(p: u32) -> String {
    format!("{}.{:04}", p / 10_000, p % 10_000)
}

fn u(p: u32) -> BigRational {
    BigRational::new(BigInt::from(1_000_000 - p), BigInt::from(1_000_000))
}

fn engine_u(model: &str) -> f64 {
    evaluate_json(model, &Catalog::empty(), &Options::default())
        .unwrap_or_else(|p| panic!("{p}"))
        .unavailability
}

fn relative_error(got: f64, exact: &BigRational) -> f64 {
    let exact = exact.to_f64().unwrap();
    ((got - exact) / exact).abs()
}

/// A ladder of `n` blocks over `n + 1` shared zones: block `j` runs on zone `j` (with its own
/// server `a`) or on zone `j + 1` (with server `b`), so neighbouring blocks share a zone.
fn ladder(zones: &[u32], a: &[u32], b: &[u32]) -> String {
    let shared: Vec<String> = zones
        .iter()
        .enumerate()
        .map(|(i, &p)| format!(r#""z{i}": {{"availability": {}}}"#, text(p)))
        .collect();
    let blocks: Vec<String> = (0..a.len())
        .map(|j| {
            format!(
                r#"{{"parallel": {{"children": [
                {{"serial": {{"children": [{{"shared": "z{j}"}}, {{"component": {{"id": "a{j}", "availability": {}}}}}]}}}},
                {{"serial": {{"children": [{{"shared": "z{}"}}, {{"component": {{"id": "b{j}", "availability": {}}}}}]}}}}]}}}}"#,
                text(a[j]),
                j + 1,
                text(b[j])
            )
        })
        .collect();
    format!(
        r#"{{"shared": {{{}}}, "root": {{"serial": {{"children": [{}]}}}}}}"#,
        shared.join(", "),
        blocks.join(", ")
    )
}

/// The ladder's exact unavailability by a transfer matrix over the zones' states.
fn ladder_reference(zones: &[u32], a: &[u32], b: &[u32]) -> BigRational {
    let one = BigRational::one();
    let p = |zone: usize, down: bool| {
        if down {
            u(zones[zone])
        } else {
            &one - u(zones[zone])
        }
    };
    // A path is down if its zone is down or its server is.
    let path_down = |zone_down: bool, server: u32| if zone_down { one.clone() } else { u(server) };
    // f[x] = P(blocks so far up, zone j in state x)
    let mut f = [p(0, false), p(0, true)];
    for j in 0..a.len() {
        let mut next = [BigRational::zero(), BigRational::zero()];
        for (y, slot) in next.iter_mut().enumerate() {
            for (x, fx) in f.iter().enumerate() {
                let block_up = &one - path_down(x == 1, a[j]) * path_down(y == 1, b[j]);
                *slot += fx * block_up * p(j + 1, y == 1);
            }
        }
        f = next;
    }
    &one - (&f[0] + &f[1])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    /// 24 shared zones along a ladder of 23 blocks (25 zones): exact to 1e-15 relative.
    #[test]
    fn a_ladder_of_shared_zones_is_exact(
        zones in prop::collection::vec(990_000u32..=999_990, 25),
        a in prop::collection::vec(990_000u32..=999_990, 24),
        b in prop::collection::vec(990_000u32..=999_990, 24),
    ) {
        let got = engine_u(&ladder(&zones, &a, &b));
        let error = relative_error(got, &ladder_reference(&zones, &a, &b));
        prop_assert!(error <= 1e-15, "relative error {error:e}");
    }
}

/// Two thousand shared components, each used twice within its own block: evaluated block by
/// block (no limit of 20 any more), exact against the closed form per block
/// `U_block = u_s + (1 − u_s)·u_x·u_y`.
#[test]
fn thousands_of_locally_shared_components() {
    let blocks = 2000;
    let p = |i: usize, salt: usize| 990_000 + ((i * 7919 + salt * 104_729) % 9_990) as u32;
    let shared: Vec<String> = (0..blocks)
        .map(|i| format!(r#""s{i}": {{"availability": {}}}"#, text(p(i, 0))))
        .collect();
    let children: Vec<String> = (0..blocks)
        .map(|i| {
            format!(
                r#"{{"parallel": {{"children": [
                {{"serial": {{"children": [{{"shared": "s{i}"}}, {{"component": {{"id": "x{i}", "availability": {}}}}}]}}}},
                {{"serial": {{"children": [{{"shared": "s{i}"}}, {{"component": {{"id": "y{i}", "availability": {}}}}}]}}}}]}}}}"#,
                text(p(i, 1)),
                text(p(i, 2))
            )
        })
        .collect();
    let model = format!(
        r#"{{"shared": {{{}}}, "root": {{"serial": {{"children": [{}]}}}}}}"#,
        shared.join(", "),
        children.join(", ")
    );
    // Each block is up with probability n / 10^18 (three six-digit unavailabilities): multiply
    // the numerators and the denominators apart, so the product needs no gcd at every step.
    let million = BigInt::from(1_000_000);
    let (mut num, mut den) = (BigInt::one(), BigInt::one());
    for i in 0..blocks {
        let [s, x, y] = [0, 1, 2].map(|salt| BigInt::from(1_000_000 - p(i, salt)));
        // 1 − (s + (1 − s)·x·y), over 10^18
        let down = &s * &million * &million + (&million - &s) * &x * &y;
        num *= &million * &million * &million - down;
        den *= &million * &million * &million;
    }
    let exact = BigRational::new_raw(&den - &num, den);
    let error = relative_error(engine_u(&model), &exact);
    assert!(error <= 1e-14, "relative error {error:e}");
}
