//! The simulation against what is known exactly: the engine's long-run unavailability, the
//! Poisson distribution of outages, an analytic breach probability, and a rare breach with a
//! closed form. Seeds are fixed, so every run draws the same months; the comparisons use 99.9%
//! intervals (3.29 standard errors) so that a fixed seed is not a lucky pick.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code
#![allow(clippy::disallowed_methods)] // the references need no bit-reproducible exp

use nines_core::report::{BreachMethod, RiskReport};
use nines_core::simulate::{SimulateOptions, Simulation};
use nines_core::{Catalog, Convention, Model};

/// 99.9% over 95%: the reported intervals widened for the comparisons here.
const WIDEN: f64 = 3.290_526_731_491_926 / 1.959_963_984_540_054;

fn simulate(text: &str, trials: u64, seed: u64) -> RiskReport {
    simulate_in(text, trials, seed, SimulateOptions::default().convention)
}

fn simulate_in(text: &str, trials: u64, seed: u64, convention: Convention) -> RiskReport {
    let model = Model::from_json(text).unwrap_or_else(|p| panic!("{p}"));
    let catalog = Catalog::bundled().unwrap();
    let options = SimulateOptions {
        trials,
        seed,
        convention,
        ..SimulateOptions::default()
    };
    Simulation::new(&model, &catalog, options)
        .unwrap_or_else(|p| panic!("{p}"))
        .run()
}

/// Whether `exact` lies in the reported interval widened to 99.9%.
fn within(estimate: f64, low: f64, high: f64, exact: f64) -> bool {
    let (below, above) = (estimate - low, high - estimate);
    exact >= estimate - WIDEN * below && exact <= estimate + WIDEN * above
}

/// The simulated mean unavailability agrees with the exact engine on every golden fixture and
/// example (catalog and inline SLAs, failover, replicate, shared components, k of n).
#[test]
fn the_mean_month_is_the_exact_unavailability() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../");
    for dir in ["tests/fixtures", "data/examples"] {
        let mut files: Vec<_> = std::fs::read_dir(format!("{root}{dir}"))
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        files.sort();
        for path in files {
            let text = std::fs::read_to_string(&path).unwrap();
            // Calendars are laid over a named month.
            let r = if text.contains("\"calendars\"") {
                simulate_in(&text, 60_000, 7, Convention::parse("2026-02").unwrap())
            } else {
                simulate(&text, 60_000, 7)
            };
            let m = r.mean_unavailability;
            assert!(
                within(m.estimate, m.low, m.high, r.exact_unavailability),
                "{}: simulated {:e} [{:e}, {:e}] vs exact {:e}",
                path.display(),
                m.estimate,
                m.low,
                m.high,
                r.exact_unavailability
            );
        }
    }
}

/// Poisson tail `P(N ≥ k)` for mean `mean`.
fn poisson_at_least(mean: f64, k: u32) -> f64 {
    let mut term = (-mean).exp();
    let mut below = 0.0;
    for n in 0..k {
        below += term;
        term *= mean / f64::from(n + 1);
    }
    1.0 - below
}

/// One component with short fixed outages (one minute): its month's downtime is one minute per
/// outage, and outages arrive at rate λ over the up time, so `P(downtime ≥ k min) = P(N ≥ k)`
/// for `N ~ Poisson(λ·T·(1 − u))` (to within the minute an outage can straddle the month's
/// end, 2·10⁻⁵ of it).
#[test]
fn fixed_outages_are_poisson() {
    // u = 1e-4 with one-minute outages: λ = u / (m (1 − u)) per hour, ≈ 4.32 outages a month.
    let text = r#"{"target": 99.99, "root": {"component": {"id": "c", "availability": 99.99,
        "outage_minutes": 1, "outage_distribution": "fixed"}}}"#;
    let u: f64 = 1e-4;
    let rate = u / ((1.0 / 60.0) * (1.0 - u)); // per hour
    let mean = rate * 720.0 * (1.0 - u);
    // 99.99% of 30 days is 4 min 19.2 s: a breach is at least five outages.
    let r = simulate(text, 120_000, 3);
    let b = r.breach.unwrap();
    let exact = poisson_at_least(mean, 5);
    assert!(
        within(b.probability, b.low, b.high, exact),
        "P(N ≥ 5): simulated {} [{}, {}] vs Poisson {exact}",
        b.probability,
        b.low,
        b.high
    );
    // The median month has exactly four outages (four minutes) when P(N ≤ 3) < 0.5 < P(N ≤ 4).
    assert_eq!(r.downtime_seconds.p50, 240.0);
}

/// Two independent components in series, outages of 30 minutes: a month misses 99.9% (43 min
/// 12 s) when it has at least two outages between them, `P(N₁ + N₂ ≥ 2)` with `N₁ + N₂`
/// Poisson of the summed means (overlaps and outages cut by the month's end are about 10⁻³ of
/// it).
#[test]
fn serial_breach_is_analytic() {
    let text = r#"{"target": 99.9, "root": {"serial": {"children": [
        {"component": {"id": "a", "availability": 99.96, "outage_minutes": 30, "outage_distribution": "fixed"}},
        {"component": {"id": "b", "availability": 99.98, "outage_minutes": 30, "outage_distribution": "fixed"}}]}}}"#;
    let mean = [4e-4f64, 2e-4]
        .iter()
        .map(|u| u / (0.5 * (1.0 - u)) * 720.0 * (1.0 - u))
        .sum::<f64>();
    let r = simulate(text, 120_000, 5);
    let b = r.breach.unwrap();
    let exact = poisson_at_least(mean, 2);
    assert_eq!(b.method, BreachMethod::Months);
    assert!(
        within(b.probability, b.low, b.high, exact),
        "simulated {} [{}, {}] vs {exact}",
        b.probability,
        b.low,
        b.high
    );
}

/// A rare breach with a closed form: one component at 99.99999% with ten-hour outages misses
/// 99.9% in a month with probability `u·P(b | down) + (1 − u)(1 − e^(−λ(T−D)))` (a failure
/// before the last D of the month, or an outage under way at its start that outlasts D or is
/// followed by one), about 7.3·10⁻⁶: a few months in 100,000 would show it; importance sampling
/// measures it to better than ±10%, and its interval covers the exact value.
#[test]
fn a_rare_breach_is_measured_by_importance_sampling() {
    let text = r#"{"target": 99.9, "root": {"component": {"id": "c", "availability": 99.99999,
        "outage_minutes": 600, "outage_distribution": "fixed"}}}"#;
    let (u, d, t): (f64, f64, f64) = (1e-7, 10.0, 720.0);
    let rate = u / (d * (1.0 - u));
    let allowed = 0.001 * t;
    let down_start =
        1.0 - (-rate * (t - allowed)).exp() * ((rate * allowed).exp() - 1.0) / (rate * d);
    let exact = u * down_start + (1.0 - u) * (1.0 - (-rate * (t - allowed)).exp());
    let r = simulate(text, 100_000, 9);
    let b = r.breach.unwrap();
    assert_eq!(b.method, BreachMethod::ImportanceSampling);
    assert!(
        (b.high - b.low) / 2.0 <= 0.1 * b.probability,
        "±{} of {}",
        (b.high - b.low) / 2.0,
        b.probability
    );
    assert!(
        within(b.probability, b.low, b.high, exact),
        "{} [{}, {}] vs exact {exact}",
        b.probability,
        b.low,
        b.high
    );
}

/// Importance sampling and counting months agree where counting months works (a breach about
/// 1 in 2,000 months for a redundant pair in one zone).
#[test]
fn importance_sampling_agrees_with_months() {
    let text = r#"{"target": 99.95, "domains": {"zone": {"availability": 99.9999, "outage_minutes": 120}},
        "root": {"parallel": {"children": [
            {"component": {"id": "a", "availability": 99.9, "outage_minutes": 240, "domains": ["zone"]}},
            {"component": {"id": "b", "availability": 99.9, "outage_minutes": 240, "domains": ["zone"]}}]}}}"#;
    let many = simulate(text, 400_000, 21).breach.unwrap();
    assert_eq!(many.method, BreachMethod::Months);
    // Few months: the count is below 100, so the mixture is used.
    let few = simulate(text, 8_000, 22).breach.unwrap();
    assert_eq!(few.method, BreachMethod::ImportanceSampling);
    let gap = (few.probability - many.probability).abs();
    let spread = WIDEN * ((few.high - few.low) / 2.0 + (many.high - many.low) / 2.0);
    assert!(
        gap <= spread,
        "{} vs {} (allowed {spread})",
        few.probability,
        many.probability
    );
}

/// The same model, options and seed give the same report; chunks can run in any order.
#[test]
fn seeds_make_reports_reproducible() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/examples/azure-two-regions.json"
    ))
    .unwrap();
    let model = Model::from_json(&text).unwrap();
    let catalog = Catalog::bundled().unwrap();
    let options = SimulateOptions {
        trials: 20_000,
        seed: 4,
        convention: Convention::parse("2026-02").unwrap(),
        target: None,
    };
    let simulation = Simulation::new(&model, &catalog, options).unwrap();
    let forward = simulation.run();
    let mut backward: Vec<_> = (0..simulation.chunks())
        .rev()
        .map(|c| (c, simulation.run_chunk(c)))
        .collect();
    backward.sort_by_key(|(c, _)| *c);
    let again = simulation.report(backward.into_iter().map(|(_, r)| r).collect());
    assert_eq!(forward, again);
    let other = Simulation::new(&model, &catalog, SimulateOptions { seed: 5, ..options })
        .unwrap()
        .run();
    assert_ne!(forward.downtime_seconds, other.downtime_seconds);
}

/// Bad input names its field and simulates nothing.
#[test]
fn bad_input_is_refused_with_its_path() {
    let bad = |text: &str, options: SimulateOptions| -> String {
        let model = Model::from_json(text).unwrap_or_else(|p| panic!("{p}"));
        match Simulation::new(&model, &Catalog::empty(), options) {
            Ok(_) => panic!("accepted {text}"),
            Err(p) => p.to_string(),
        }
    };
    let ok = SimulateOptions::default();
    let one = |fields: &str| {
        format!(r#"{{"root": {{"component": {{"id": "c", "availability": 99.9{fields}}}}}}}"#)
    };
    assert_eq!(
        bad(&one(r#", "incidents_per_year": -1"#), ok),
        "root.component.incidents_per_year: -1 is not a number of failures a year that gives the availability (expected > 0)"
    );
    assert!(bad(
        &one(
            r#", "outage_distribution": {"lognormal": {"median_minutes": 60, "p90_minutes": 30}}"#
        ),
        ok
    )
    .starts_with(
        "root.component.outage_distribution.lognormal.p90_minutes: must be more than the median"
    ));
    assert!(bad(
        &one(r#", "incidents_per_year": 2, "outage_minutes": 30"#),
        ok
    )
    .starts_with(
        "root.component.outage_minutes: give incidents_per_year or outage_minutes, not both"
    ));
    assert!(bad(&one(r#", "domains": ["nowhere"]"#), ok)
        .starts_with("root.component.domains[0]: unknown domain \"nowhere\""));
    assert_eq!(
        bad(&one(""), SimulateOptions { trials: 0, ..ok }),
        "trials: 0 trials: expected 1 to 10000000"
    );
    assert!(bad(
        &one(""),
        SimulateOptions {
            trials: 10_000_001,
            ..ok
        }
    )
    .starts_with("trials:"));
    assert!(bad(
        r#"{"target": 100, "root": {"component": {"id": "c", "availability": 99}}}"#,
        ok
    )
    .starts_with("target: 100% is not a target"));
    assert!(bad(
        r#"{"default_outage_minutes": 0, "root": {"component": {"id": "c", "availability": 99}}}"#,
        ok
    )
    .starts_with("default_outage_minutes: 0 is not a mean outage"));
}

/// The business loss of simulated months is priced by the business calendar: with outages
/// equally likely at any hour, the mean loss is `U × (hours inside × rate inside + hours
/// outside × rate outside)`.
#[test]
fn simulated_loss_follows_the_business_calendar() {
    let model = r#"{"business_loss_per_hour": 1000, "business_loss_per_hour_outside_hours": 10,
        "business_calendar": "office",
        "calendars": {"office": {"time_zone": "Europe/Berlin", "hours": {"mon": [["08:00", "18:00"]],
          "tue": [["08:00", "18:00"]], "wed": [["08:00", "18:00"]], "thu": [["08:00", "18:00"]],
          "fri": [["08:00", "18:00"]]}}},
        "root": {"component": {"id": "app", "availability": 99, "outage_minutes": 30}}}"#;
    let r = simulate_in(model, 200_000, 3, Convention::parse("2026-02").unwrap());
    // February 2026: 20 working days × 10 h = 200 h inside, 472 h outside.
    let expected = 0.01 * (200.0 * 1000.0 + 472.0 * 10.0);
    let loss = r.money.expected_loss.unwrap();
    let (low, high) = (loss.low.to_string(), loss.high.to_string());
    let number = |s: &str| s.replace(',', "").parse::<f64>().unwrap();
    let widen = (number(&high) - number(&low)) * 0.6; // 95% → about 99.9%
    assert!(
        number(&low) - widen <= expected && expected <= number(&high) + widen,
        "simulated loss [{low}, {high}] vs {expected}"
    );
    // Without a calendar month the calendar has no days to lay over.
    let catalog = Catalog::bundled().unwrap();
    let model = Model::from_json(model).unwrap();
    let refused = Simulation::new(&model, &catalog, SimulateOptions::default())
        .err()
        .unwrap();
    assert!(refused
        .to_string()
        .starts_with("month: the model's calendars need a calendar month"));
}

/// A service's credits come from its own outages, whether or not they take the design down:
/// in a redundant pair it owes credits as often as it does on its own.
#[test]
fn a_redundant_service_still_owes_its_credits() {
    let web = r#"{"component": {"id": "web", "catalog": "azure/app-service/paid-tiers", "monthly_fee": 100}}"#;
    let other = r#"{"component": {"id": "other", "availability": 99.99}}"#;
    let alone = simulate(&format!(r#"{{"root": {web}}}"#), 20_000, 3);
    let paired = simulate(
        &format!(r#"{{"root": {{"parallel": {{"children": [{web}, {other}]}}}}}}"#),
        20_000,
        3,
    );
    let (a, p) = (&alone.services[0], &paired.services[0]);
    assert_eq!((a.component.as_str(), p.component.as_str()), ("web", "web"));
    assert!(a.p_credit > 0.05, "{}", a.p_credit);
    assert!(
        within(p.p_credit, p.p_credit_low, p.p_credit_high, a.p_credit),
        "alone {} against paired {} [{}, {}]",
        a.p_credit,
        p.p_credit,
        p.p_credit_low,
        p.p_credit_high
    );
    // The pair is down far less often than either service owes a credit.
    assert!(paired.mean_unavailability.estimate < alone.mean_unavailability.estimate / 10.0);
}
