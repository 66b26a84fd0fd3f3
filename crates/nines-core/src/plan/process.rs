//! Each leaf's failure process, for the risk simulation: an alternating renewal process whose
//! long-run unavailability is the leaf's `u` exactly.
//!
//! Failures arrive while the leaf is up at a rate `λ` (exponential times to failure); each
//! outage lasts a duration with mean `m`; `λ·m / (1 + λ·m) = u`. A leaf gives one of `λ` (as
//! `incidents_per_year`) or `m` (as `outage_minutes`), or neither (the model's
//! `default_outage_minutes`, else [`DEFAULT_OUTAGE_MINUTES`]), and the other follows from `u`. A
//! lognormal duration defines `m` itself. An MTBF/MTTR box has `λ = 1/MTBF` and `m = MTTR`,
//! and its planned maintenance is a fixed window at the start of every month.

use crate::availability::Availability;
use crate::model::{Component, ComponentSource, Domain, Lognormal, OutageDistribution};

/// The mean outage when the model says nothing, minutes: an assumption, shown in the report.
pub const DEFAULT_OUTAGE_MINUTES: f64 = 60.0;
/// Hours in the year of `incidents_per_year` (365 days).
pub const HOURS_PER_YEAR: f64 = 8760.0;
/// The standard normal quantile of 0.9 (a lognormal's P90 is `exp(μ + z·σ)`).
const Z90: f64 = 1.281_551_565_544_600_4;

/// How outage durations are drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Shape {
    Exponential,
    Fixed,
    /// `ln(duration in hours) ~ N(mu, sigma²)`.
    Lognormal {
        mu: f64,
        sigma: f64,
    },
}

/// A leaf's failure process.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Process {
    /// Failures per hour of up time (0: never fails).
    pub rate: f64,
    /// Mean outage, hours (infinite: always down).
    pub mean: f64,
    pub shape: Shape,
    /// Planned maintenance at the start of every month, hours (MTBF/MTTR boxes).
    pub maintenance: f64,
    /// Where its mean outage or rate comes from, for the report.
    pub from: &'static str,
}

impl Process {
    /// A process that never fails.
    pub(crate) const PERFECT: Self = Self {
        rate: 0.0,
        mean: 0.0,
        shape: Shape::Fixed,
        maintenance: 0.0,
        from: "never fails",
    };

    /// The process of a leaf with unavailability `u` (from its failures, not maintenance)
    /// given its rate or mean outage.
    pub(crate) fn from_unavailability(u: f64, given: Given, shape: Shape) -> Self {
        if u <= 0.0 {
            return Self::PERFECT;
        }
        if u >= 1.0 {
            return Self {
                rate: f64::INFINITY,
                mean: f64::INFINITY,
                shape,
                maintenance: 0.0,
                from: "always down",
            };
        }
        let (rate, mean, from) = match given {
            Given::Rate(rate, from) => (rate, u / (rate * (1.0 - u)), from),
            Given::Mean(mean, from) => (u / (mean * (1.0 - u)), mean, from),
        };
        Self {
            rate,
            mean,
            shape,
            maintenance: 0.0,
            from,
        }
    }
}

/// What a leaf gives of its process, besides its unavailability.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Given {
    /// Failures per hour, and which field gave them.
    Rate(f64, &'static str),
    /// Mean outage, hours, and which field gave it.
    Mean(f64, &'static str),
}

/// The shape of `distribution`, and the mean it implies in hours (a lognormal's), or a problem
/// with the field it concerns.
pub(crate) fn shape(
    distribution: Option<OutageDistribution>,
) -> Result<(Shape, Option<f64>), (&'static str, String)> {
    match distribution {
        None | Some(OutageDistribution::Exponential) => Ok((Shape::Exponential, None)),
        Some(OutageDistribution::Fixed) => Ok((Shape::Fixed, None)),
        Some(OutageDistribution::Lognormal(Lognormal {
            median_minutes,
            p90_minutes,
        })) => {
            let positive = |x: f64| x.is_finite() && x > 0.0;
            if !positive(median_minutes) {
                return Err((
                    "median_minutes",
                    "expected a duration in minutes (> 0)".into(),
                ));
            }
            if !(positive(p90_minutes) && p90_minutes > median_minutes) {
                return Err((
                    "p90_minutes",
                    format!(
                        "must be more than the median ({} minutes): nine outages in ten last less than it",
                        crate::text::decimal::display(median_minutes)
                    ),
                ));
            }
            let mu = libm::log(median_minutes / 60.0);
            let sigma = libm::log(p90_minutes / median_minutes) / Z90;
            let mean = libm::exp(mu + sigma * sigma / 2.0);
            Ok((Shape::Lognormal { mu, sigma }, Some(mean)))
        }
    }
}

/// A problem with a failure-process field: the path below the component or domain, and what.
pub(crate) type FieldProblem = (Vec<&'static str>, String);

/// The failure process of a component with unavailability `u`, from its fields.
pub(crate) fn of_component(
    component: &Component,
    source: ComponentSource<'_>,
    u: f64,
    default_minutes: f64,
) -> Result<Process, Vec<FieldProblem>> {
    let (shape, lognormal_mean) =
        shape(component.outage_distribution).map_err(|(field, message)| {
            vec![(vec!["outage_distribution", "lognormal", field], message)]
        })?;
    if source == ComponentSource::OnPrem {
        return on_prem(component, shape, lognormal_mean.is_some());
    }
    let given = given(
        component.incidents_per_year,
        component.outage_minutes,
        lognormal_mean,
        default_minutes,
        u,
    )?;
    Ok(Process::from_unavailability(u, given, shape))
}

/// An MTBF/MTTR box: `λ = 1/MTBF`, `m = MTTR`, and its maintenance window.
fn on_prem(
    component: &Component,
    shape: Shape,
    lognormal: bool,
) -> Result<Process, Vec<FieldProblem>> {
    let mut problems = Vec::new();
    for (given, field) in [
        (component.incidents_per_year.is_some(), "incidents_per_year"),
        (component.outage_minutes.is_some(), "outage_minutes"),
    ] {
        if given {
            problems.push((
                vec![field],
                "follows from mtbf_hours and mttr_hours: leave it out".to_string(),
            ));
        }
    }
    if lognormal {
        problems.push((
            vec!["outage_distribution"],
            "an MTBF box's mean outage is its mttr_hours: use exponential or fixed".to_string(),
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let (mtbf, mttr) = (
        component.mtbf_hours.unwrap_or(0.0),
        component.mttr_hours.unwrap_or(0.0),
    );
    Ok(Process {
        rate: if mtbf > 0.0 {
            1.0 / mtbf
        } else {
            f64::INFINITY
        },
        mean: mttr,
        shape,
        maintenance: component.maintenance_hours_per_month.unwrap_or(0.0),
        from: "mtbf_hours and mttr_hours",
    })
}

/// Which of rate and mean the fields give (the other follows from `u`).
fn given(
    incidents_per_year: Option<f64>,
    outage_minutes: Option<f64>,
    lognormal_mean: Option<f64>,
    default_minutes: f64,
    u: f64,
) -> Result<Given, Vec<FieldProblem>> {
    let positive = |x: f64| x.is_finite() && x > 0.0;
    match (incidents_per_year, outage_minutes, lognormal_mean) {
        (Some(_), Some(_), _) => Err(vec![(
            vec!["outage_minutes"],
            "give incidents_per_year or outage_minutes, not both: the other follows from the availability".to_string(),
        )]),
        (Some(_), None, Some(_)) | (None, Some(_), Some(_)) => Err(vec![(
            vec!["outage_distribution"],
            "a lognormal duration sets the mean outage itself: leave out incidents_per_year and outage_minutes".to_string(),
        )]),
        (Some(y), None, None) if positive(y) => {
            Ok(Given::Rate(y / HOURS_PER_YEAR, "incidents_per_year"))
        }
        (Some(y), None, None) if y == 0.0 && u == 0.0 => Ok(Given::Rate(0.0, "incidents_per_year")),
        (Some(y), None, None) => Err(vec![(
            vec!["incidents_per_year"],
            format!(
                "{} is not a number of failures a year that gives the availability (expected > 0)",
                crate::text::decimal::display(y)
            ),
        )]),
        (None, Some(m), None) if positive(m) => Ok(Given::Mean(m / 60.0, "outage_minutes")),
        (None, Some(m), None) => Err(vec![(
            vec!["outage_minutes"],
            format!(
                "{} is not a mean outage in minutes (expected > 0)",
                crate::text::decimal::display(m)
            ),
        )]),
        (None, None, Some(mean)) => Ok(Given::Mean(mean, "lognormal median and p90")),
        (None, None, None) => Ok(Given::Mean(default_minutes / 60.0, "default")),
    }
}

/// A domain's unavailability and process: from its availability and one of rate or mean
/// outage, or from both rate and mean outage.
pub(crate) fn of_domain(
    domain: &Domain,
    default_minutes: f64,
) -> Result<(Availability, Process), Vec<FieldProblem>> {
    let (shape, lognormal_mean) =
        shape(domain.outage_distribution).map_err(|(field, message)| {
            vec![(vec!["outage_distribution", "lognormal", field], message)]
        })?;
    match (
        domain.availability,
        domain.incidents_per_year,
        domain.outage_minutes,
    ) {
        (Some(availability), incidents, minutes) => {
            let u = availability.unavailability();
            let given = given(incidents, minutes, lognormal_mean, default_minutes, u)?;
            Ok((availability, Process::from_unavailability(u, given, shape)))
        }
        (None, Some(y), minutes) => {
            let mean = match (minutes, lognormal_mean) {
                (Some(m), None) if m.is_finite() && m > 0.0 => m / 60.0,
                (None, Some(mean)) => mean,
                _ => {
                    return Err(vec![(
                        vec!["outage_minutes"],
                        "with incidents_per_year and no availability, give the mean outage (minutes, > 0)".to_string(),
                    )])
                }
            };
            if !(y.is_finite() && y >= 0.0) {
                return Err(vec![(
                    vec!["incidents_per_year"],
                    "expected ≥ 0 failures a year".to_string(),
                )]);
            }
            let load = y / HOURS_PER_YEAR * mean;
            let availability = Availability::from_computed(load / (1.0 + load));
            let given = Given::Rate(y / HOURS_PER_YEAR, "incidents_per_year");
            Ok((
                availability,
                Process::from_unavailability(availability.unavailability(), given, shape),
            ))
        }
        (None, None, _) => Err(vec![(
            vec![],
            "give availability, or incidents_per_year with outage_minutes".to_string(),
        )]),
    }
}
