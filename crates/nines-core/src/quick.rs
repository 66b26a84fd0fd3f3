//! The quick answers: the composite availability of independent parts ([`combine`], through
//! the same plan and engine as a model) and the availability a downtime budget needs
//! ([`required_availability`]).

use crate::availability::Availability;
use crate::catalog::Catalog;
use crate::convention::{Convention, Period, Periods};
use crate::engine::solve;
use crate::model::{Component, Group, KOfN, Model, Node};
use crate::plan::plan;
use crate::problem::{JsonPath, Problem};
use crate::report::round12;
use crate::text::decimal::Shown;

/// How [`combine`] joins its parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Combine {
    /// All must be up.
    Serial,
    /// Any one suffices.
    Parallel,
    /// At least `k` must be up.
    KOfN(u32),
}

/// Composite availability of independent parts, through the same engine as [`evaluate`].
///
/// # Errors
/// A [`Problem`] at `availabilities` for an empty list, or at `k` for `k` outside `1..=n`.
pub fn combine(how: Combine, parts: &[Availability]) -> Result<Availability, Problem> {
    if parts.is_empty() {
        return Err(Problem::value(
            "availabilities",
            "empty group: add at least one child",
        ));
    }
    let children: Vec<Node> = parts
        .iter()
        .enumerate()
        .map(|(i, &a)| {
            Node::Component(Box::new(Component {
                id: Some(format!("{}", i + 1)),
                availability: Some(a),
                ..Component::default()
            }))
        })
        .collect();
    let group = Group::of;
    let root = match how {
        Combine::Serial => Node::Serial(group(children)),
        Combine::Parallel => Node::Parallel(group(children)),
        Combine::KOfN(k) => {
            if k == 0 || k as usize > parts.len() {
                let message = format!("k = {k} must be between 1 and n = {} children", parts.len());
                return Err(Problem::value("k", message));
            }
            Node::KOfN(KOfN {
                name: None,
                k,
                children,
                domains: Vec::new(),
            })
        }
    };
    let model = Model::new(root);
    let catalog = Catalog::empty();
    let plan = plan(&model, &catalog, Convention::default()).map_err(|problems| {
        problems
            .0
            .into_iter()
            .next()
            .unwrap_or_else(|| Problem::value("availabilities", "not evaluable"))
    })?;
    Ok(Availability::from_computed(
        solve(&plan, &plan.leaf_u, false).unavailability,
    ))
}

/// The availability that allows `seconds` of downtime per `period` whose lengths are `lengths`:
/// a convention's [`Convention::periods`], or a calendar's service time
/// ([`crate::calendar::Calendar::service_periods`]).
///
/// # Errors
/// A [`Problem`] at `allowed` when the downtime is negative or longer than the period.
pub fn required_availability(
    seconds: f64,
    period: Period,
    lengths: &Periods,
) -> Result<Availability, Problem> {
    let length = lengths.get(period);
    let allowed = JsonPath::from("allowed");
    if !(seconds.is_finite() && (0.0..=length).contains(&seconds)) {
        let message = format!(
            "{} s is not between 0 and the {} s of a {period}",
            Shown(seconds),
            Shown(length)
        );
        return Err(Problem::value(allowed, message));
    }
    Availability::from_unavailability(round12(seconds / length.max(f64::MIN_POSITIVE)))
        .map_err(|e| Problem::value(allowed, e.to_string()))
}
