//! Published worked examples, each with its source. Percentages are compared as the exact
//! strings nines prints; downtime in seconds.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: failing loudly is the point

use nines_core::{combine, Availability, Combine, Convention, Downtime};

fn a(text: &str) -> Availability {
    Availability::parse_percent(text).unwrap()
}

fn percent(how: Combine, parts: &[&str]) -> String {
    let parts: Vec<Availability> = parts.iter().map(|p| a(p)).collect();
    combine(how, &parts).unwrap().percent()
}

/// Azure Architecture Center, "Composite SLA" (App Service 99.95% writing to SQL Database
/// 99.99%): 99.95% × 99.99% = 99.94%, exactly 99.940005%.
/// <https://learn.microsoft.com/azure/architecture/framework/resiliency/business-metrics>
#[test]
fn app_service_times_sql_database() {
    assert_eq!(percent(Combine::Serial, &["99.95", "99.99"]), "99.940005");
}

/// Same source, the fallback variant: the web app (99.95%) with SQL Database (99.99%) or a
/// queue fallback (99.9%): 99.95% × (1 − 0.0001 × 0.001) = 99.949990005%.
#[test]
fn web_app_with_fallback_path() {
    let parts = [
        a("99.95"),
        combine(Combine::Parallel, &[a("99.99"), a("99.9")]).unwrap(),
    ];
    assert_eq!(
        combine(Combine::Serial, &parts).unwrap().percent(),
        "99.949990005"
    );
}

/// Same source, multi-region: two regions of a 99.95% stack, 1 − 0.0005² = 99.999975%.
#[test]
fn two_regions() {
    assert_eq!(percent(Combine::Parallel, &["99.95", "99.95"]), "99.999975");
}

/// AWS Well-Architected Framework, Reliability Pillar, "Calculating availability with hard
/// dependencies": a 99.99% system with two independent 99.99% dependencies,
/// 99.99% × 99.99% × 99.99% = 99.97% (exactly 99.9700029999%).
/// <https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/availability.html>
#[test]
fn three_in_series() {
    assert_eq!(
        percent(Combine::Serial, &["99.99", "99.99", "99.99"]),
        "99.9700029999"
    );
}

/// Same source, "Calculating availability with redundant components": two independent 99.9%
/// components give 99.9999%.
#[test]
fn redundant_pair() {
    assert_eq!(percent(Combine::Parallel, &["99.9", "99.9"]), "99.9999");
}

/// Working in unavailability keeps twelve nines: three parallel 99.99% components.
#[test]
fn twelve_nines_are_not_rounded_to_100() {
    let parts = [a("99.99"), a("99.99"), a("99.99")];
    let result = combine(Combine::Parallel, &parts).unwrap();
    assert_eq!(result.unavailability(), 1e-12);
    assert_eq!(result.percent(), "99.9999999999");
}

/// The downtime every SLA table quotes for 99.9%: 43.2 min in a 30-day month, 8.76 h in a
/// 365-day year; February 2026 has 28 days (40.32 min); the mean Gregorian month
/// (365.2425/12 days) allows 2629.746 s.
#[test]
fn downtime_of_three_nines() {
    let seconds =
        |convention: &str| Downtime::new(a("99.9"), Convention::parse(convention).unwrap()).seconds;
    assert_eq!(seconds("30-day").month, 43.2 * 60.0);
    assert_eq!(seconds("30-day").year, 8.76 * 3600.0);
    assert_eq!(seconds("2026-02").month, 40.32 * 60.0);
    assert_eq!(seconds("gregorian").month, 2629.746);
    assert_eq!(seconds("365/12").month, 2628.0);
}
