//! Per component: the availability it alone must reach, and exact importance measures.
//!
//! With every other part fixed, U is a function of one component's unavailability `u`,
//! monotone and, where the component appears once, affine: `U(u) = U(0) + u·(U(1) − U(0))`.
//! Two evaluations give Birnbaum `U(1) − U(0)`, RAW `U(1)/U`, RRW `U/U(0)`, and the
//! required `u* = (U_target − U(0)) / (U(1) − U(0))`. Inside a `replicate` or under a
//! failover's primary, `U(u)` is a monotone polynomial or piecewise function: `u*` comes from a
//! bracketing search to the last bit.

use super::groups::group_needs;
use super::what_if::WhatIf;
use super::{target, DecideOptions};
use crate::catalog::Catalog;
use crate::engine::solve;
use crate::model::Model;
use crate::plan::build::Wrap;
use crate::plan::{plan, plan_with, Shape};
use crate::problem::Problems;
use crate::report::{ComponentNeed, ImproveAnswer, NeedStatus};

/// What it would take to reach the target (the options', else the model's): the availability
/// each component alone must reach, importance measures, and the count each group needs.
///
/// ```
/// use nines_core::decide::{improve, DecideOptions};
/// use nines_core::{Availability, Catalog, Model};
///
/// let model = Model::from_json(r#"{"root": {"serial": {"children": [
///     {"component": {"id": "web", "availability": 99.95}},
///     {"component": {"id": "db", "availability": 99.99}}]}}}"#)?;
/// let options = DecideOptions {
///     target: Some(Availability::parse_percent("99.97")?),
///     ..DecideOptions::default()
/// };
/// let answer = improve(&model, &Catalog::empty(), &options)?;
/// // web alone must reach 0.9997 / 0.9999 = 99.979998%.
/// let web = &answer.components[0];
/// assert_eq!(format!("{:.8}", web.required_availability.unwrap_or(0.0)), "0.99979998");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`Problems`] as for [`crate::evaluate`], and a missing target or one outside (0, 100).
pub fn improve(
    model: &Model,
    catalog: &Catalog,
    options: &DecideOptions,
) -> Result<ImproveAnswer, Problems> {
    let (target, base) = super::both(
        target(model, options),
        plan(model, catalog, options.convention),
    )?;
    let solution = solve(&base, &base.leaf_u, true);
    let shape = Shape {
        groups: true,
        wrap: Wrap::All,
    };
    let mut what_if = WhatIf::new(plan_with(model, catalog, options.convention, shape)?);
    let goal = target.unavailability();
    let now = solution.unavailability;
    let attributed: Vec<f64> = base
        .leaf_u
        .iter()
        .zip(&solution.gradient)
        .map(|(u, g)| (u * g).max(0.0))
        .collect();
    let sum: f64 = attributed.iter().sum();
    let components = (0..base.leaves.len())
        .map(|leaf| {
            let share = if sum > 0.0 {
                attributed[leaf] / sum
            } else {
                0.0
            };
            need(&mut what_if, leaf, now, goal, share)
        })
        .collect();
    Ok(ImproveAnswer {
        target: target.percent_number(),
        availability: 1.0 - now,
        components,
        groups: group_needs(&mut what_if, goal),
    })
}

/// One component's need and importance; leaves `what_if` as it found it.
fn need(what_if: &mut WhatIf, leaf: usize, now: f64, goal: f64, share: f64) -> ComponentNeed {
    let own = what_if.leaf_u[leaf];
    let at = |what_if: &mut WhatIf, u: f64| {
        what_if.set_leaf(leaf, u);
        what_if.value()
    };
    let (perfect, down) = (at(what_if, 0.0), at(what_if, 1.0));
    let status = if now <= goal {
        NeedStatus::Met
    } else if perfect > goal {
        NeedStatus::Impossible
    } else {
        NeedStatus::Possible
    };
    let required_u = match status {
        NeedStatus::Impossible => None,
        _ if down <= goal => Some(1.0),
        _ if what_if.affine(leaf) => Some(((goal - perfect) / (down - perfect)).clamp(0.0, 1.0)),
        _ => Some(bracket(|u| at(what_if, u), perfect, down, goal)),
    };
    what_if.set_leaf(leaf, own);
    let leaf_info = &what_if.plan.leaves[leaf];
    ComponentNeed {
        id: leaf_info.id.to_string(),
        required_availability: required_u.map(|u| 1.0 - u),
        status,
        birnbaum: down - perfect,
        raw: (now > 0.0).then(|| down / now),
        rrw: (perfect > 0.0).then(|| now / perfect),
        share,
        instances: leaf_info.copies.instances,
    }
}

/// The largest `u` in 0..=1 with `U(u) ≤ goal`, for a monotone `U` (`value`) with
/// `U(0) = perfect ≤ goal < U(1) = down`: regula falsi (Illinois) with a bisection every fourth
/// round as a safeguard, down to adjacent floats.
fn bracket(mut value: impl FnMut(f64) -> f64, perfect: f64, down: f64, goal: f64) -> f64 {
    let (mut lo, mut hi) = (0.0f64, 1.0f64);
    let (mut f_lo, mut f_hi) = (perfect - goal, down - goal);
    let mut side = 0i8;
    for round in 0..400 {
        if next_up(lo) >= hi {
            break;
        }
        let mut x = lo - f_lo * (hi - lo) / (f_hi - f_lo);
        if round % 4 == 3 || !(x > lo && x < hi) {
            x = lo + (hi - lo) / 2.0;
        }
        if !(x > lo && x < hi) {
            break;
        }
        let f = value(x) - goal;
        if f <= 0.0 {
            (lo, f_lo) = (x, f);
            if side == -1 {
                f_hi /= 2.0;
            }
            side = -1;
        } else {
            (hi, f_hi) = (x, f);
            if side == 1 {
                f_lo /= 2.0;
            }
            side = 1;
        }
    }
    lo
}

/// The next `f64` above a non-negative `x`.
fn next_up(x: f64) -> f64 {
    f64::from_bits(x.to_bits() + 1)
}
