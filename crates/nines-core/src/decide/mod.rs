//! Decisions: what it would take to reach a target, the cheapest design that meets it, and the
//! SLO a design supports.
//!
//! - [`improve`]: the availability each component alone must reach, importance measures
//!   (Birnbaum, RAW, RRW, share) and the fewest copies, members or the `k` each group needs
//!   (`importance`, `groups`);
//! - [`Optimizer`]: the cheapest combination of alternatives and replica counts that meets the
//!   target, and the Pareto frontier of monthly fee against availability (`optimize`);
//! - [`apply`]: a design's choices written into the model (an alternative in a component's
//!   place, a group's copies or members), for a shell's "apply" or "try" (`apply`);
//! - [`slo`]: the error budget per period, the SLO the design supports, and an OpenSLO
//!   document (`slo`).
//!
//! Everything is evaluated by the exact engine on the validated model. U is affine in each
//! component's unavailability wherever the component appears once in the structure, so
//! "what must this component reach" is a linear equation solved from two evaluations; inside a
//! `replicate` (its `u` applies to every copy) or under a failover's primary it is a monotone
//! polynomial, solved to the last bit by a bracketing search.

mod apply;
mod groups;
mod importance;
mod optimize;
mod slo;
mod what_if;

use crate::availability::Availability;
use crate::convention::Convention;
use crate::model::Model;
use crate::problem::{Problem, Problems};

pub use apply::apply;
pub use importance::improve;
pub use optimize::{Optimizer, Search, EXHAUSTIVE_LIMIT, MAX_COMBINATIONS, MAX_EVALUATIONS};
#[cfg(feature = "yaml")]
pub use slo::openslo_yaml;
pub use slo::{openslo, slo, OpenSlo, SloOptions};

/// How to decide.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct DecideOptions {
    /// The calendar convention.
    pub convention: Convention,
    /// The availability to reach; the model's `target` when absent.
    pub target: Option<Availability>,
}

/// Both results, or every problem of either.
pub(crate) fn both<A, B>(
    a: Result<A, Problems>,
    b: Result<B, Problems>,
) -> Result<(A, B), Problems> {
    match (a, b) {
        (Ok(a), Ok(b)) => Ok((a, b)),
        (Err(mut x), Err(y)) => {
            for problem in y.0 {
                if !x.0.contains(&problem) {
                    x.0.push(problem);
                }
            }
            Err(x)
        }
        (Err(x), _) | (_, Err(x)) => Err(x),
    }
}

/// The target of `options`, else the model's, checked to be inside (0, 100).
pub(crate) fn target(model: &Model, options: &DecideOptions) -> Result<Availability, Problems> {
    target_of(model, options.target)
}

/// `given`, else the model's target, checked to be inside (0, 100).
pub(crate) fn target_of(
    model: &Model,
    given: Option<Availability>,
) -> Result<Availability, Problems> {
    let Some(target) = given.or(model.target) else {
        return Err(Problem::value(
            "target",
            "give a target availability, as an option or as the model's `target`",
        )
        .into());
    };
    checked(target).map_err(Problems::from)
}

/// A target as a person types it (`99.95` or `99.95%`), checked as every decision checks it:
/// inside (0, 100). For a shell that validates the field before it asks for an answer.
///
/// ```
/// use nines_core::decide::parse_target;
/// assert_eq!(parse_target("99.95%").unwrap().percent(), "99.95");
/// assert_eq!(parse_target("100").unwrap_err().to_string(),
///     "target: 100% is not a target between 0% and 100% (exclusive)");
/// assert_eq!(parse_target("abc").unwrap_err().path.to_string(), "target");
/// ```
///
/// # Errors
/// A [`Problem`] at `target` for text that is no percentage, or 0% or 100% or beyond.
pub fn parse_target(text: &str) -> Result<Availability, Problem> {
    Availability::parse_percent(text)
        .map_err(|e| Problem::value("target", e.to_string()))
        .and_then(checked)
}

fn checked(target: Availability) -> Result<Availability, Problem> {
    let u = target.unavailability();
    if !(u > 0.0 && u < 1.0) {
        let message = format!("{target} is not a target between 0% and 100% (exclusive)");
        return Err(Problem::value("target", message));
    }
    Ok(target)
}
