//! The outage scenario: the model's incidents placed in the scenario month (clipped to it), the
//! down intervals of each component and of the architecture (derived from its structure, exact
//! to the millisecond), and the credit each SLA owes for that month.

use crate::availability::Availability;
use crate::convention::{Convention, YearMonth};
use crate::intervals::{covered_by_at_least, normalize, total, Intervals};
use crate::model::Model;
use crate::plan::{Plan, Step};
use crate::problem::{JsonPath, Problem};
use crate::report::{ArchitectureOutage, Scenario, ScenarioService};
use crate::text::money::Money;

mod hours;
use chrono::NaiveDateTime;

/// One component outage placed in the scenario window.
#[derive(Clone, Debug, PartialEq)]
struct Outage {
    /// Index of the incident in the model.
    incident: usize,
    leaf: usize,
    copy: Option<u32>,
    start_ms: i64,
    end_ms: i64,
}

/// The scenario month the incidents fall in, as a start and a length in milliseconds.
struct Window {
    start: NaiveDateTime,
    length_ms: i64,
}

/// The outcome of the model's incidents, or `None` without incidents; incidents outside the
/// month or aimed at a missing copy are ignored with a warning.
pub(crate) fn scenario(
    model: &Model,
    plan: &Plan,
    convention: Convention,
    warnings: &mut Vec<Problem>,
) -> Option<Scenario> {
    if model.incidents.is_empty() {
        return None;
    }
    let window = window(model, convention);
    let outages = outages(model, plan, &window, warnings);
    let (services, total_credit) = service_credits(plan, &outages, &window);
    let down_intervals = down(plan, &outages, plan.root(), None);
    let architecture = total(&down_intervals);
    let seconds = architecture as f64 / 1000.0;
    let (business_loss, business_hours_seconds) =
        hours::business_loss(model, plan, &down_intervals, &window);
    Some(Scenario {
        window_start: window.start,
        window_seconds: window.length_ms as f64 / 1000.0,
        architecture_downtime_seconds: seconds,
        architecture_uptime: uptime(architecture, window.length_ms),
        architecture_outages: down_intervals
            .iter()
            .map(|&(from, to)| ArchitectureOutage {
                start: window.start + chrono::TimeDelta::milliseconds(from),
                seconds: (to - from) as f64 / 1000.0,
                incidents: outages
                    .iter()
                    .filter(|o| o.start_ms < to && o.end_ms > from)
                    .map(|o| o.incident)
                    .collect(),
            })
            .collect(),
        business_loss,
        business_hours_downtime_seconds: business_hours_seconds,
        incidents: hours::incident_counts(model, plan, &outages, &window),
        services,
        total_credit,
    })
}

/// The calendar month of the convention, or for fixed-length conventions a month of that
/// length starting on the first day of the earliest incident's month.
fn window(model: &Model, convention: Convention) -> Window {
    let month = convention.month().unwrap_or_else(|| {
        model
            .incidents
            .iter()
            .map(|i| YearMonth::of(i.start.date()))
            .min()
            .unwrap_or(YearMonth::of(chrono::NaiveDate::MIN))
    });
    Window {
        start: month.first_day().and_time(chrono::NaiveTime::MIN),
        length_ms: (convention.periods().month * 1000.0).round() as i64,
    }
}

/// Each incident as an outage in the window, clipped to it.
fn outages(
    model: &Model,
    plan: &Plan,
    window: &Window,
    warnings: &mut Vec<Problem>,
) -> Vec<Outage> {
    let mut outages = Vec::new();
    for (i, incident) in model.incidents.iter().enumerate() {
        let at = JsonPath::from("incidents").index(i);
        let Some(leaf) = plan.leaf_by_id(&incident.component) else {
            continue;
        };
        let begin = (incident.start - window.start).num_milliseconds();
        let end = begin.saturating_add((incident.minutes * 60_000.0).round() as i64);
        let (start_ms, end_ms) = (begin.max(0), end.min(window.length_ms));
        if start_ms >= end_ms && incident.minutes > 0.0 {
            let message = format!(
                "outside the scenario month starting {}; ignored",
                window.start
            );
            warnings.push(Problem::value(at.key("start"), message));
            continue;
        }
        if (start_ms, end_ms) != (begin, end) {
            warnings.push(Problem::value(
                at.clone(),
                "extends beyond the scenario month; clipped",
            ));
        }
        let copies = plan.leaves[leaf].copies.innermost;
        if incident.copy.is_some_and(|c| c > copies) {
            let message = format!("component has {copies} copies; incident ignored");
            warnings.push(Problem::value(at.key("copy"), message));
            continue;
        }
        outages.push(Outage {
            incident: i,
            leaf,
            copy: incident.copy,
            start_ms,
            end_ms,
        });
    }
    outages
}

/// Each hit SLA instance's downtime, uptime and credit (in its calendar's service time), and
/// the credits' sum.
fn service_credits(
    plan: &Plan,
    outages: &[Outage],
    window: &Window,
) -> (Vec<ScenarioService>, Money) {
    let mut services = Vec::new();
    let mut total_credit = Money::ZERO;
    for (i, leaf) in plan.leaves.iter().enumerate() {
        let Some(sla) = leaf.sla else { continue };
        if !outages.iter().any(|o| o.leaf == i) {
            continue;
        }
        let spans = hours::spans(leaf.calendar, window);
        let window_ms = total(&spans.service);
        let copies = leaf.scenario_copies();
        // Outer replicates copy the whole inner group: each inner copy stands for this many.
        let outer = leaf.copies.instances / u64::from(copies.max(1));
        for copy in 1..=copies {
            let copy_tag = (copies > 1).then_some(copy);
            let down = hours::counted(&leaf_down(outages, i, copy_tag), &spans);
            let credit_percent = sla.credit_for(down, window_ms);
            let tier_below = sla.tier_for(down, window_ms).map(|tier| tier.below);
            let one = sla.credit_amount(leaf.fee.unwrap_or(Money::ZERO), credit_percent);
            let credit = Money::from_cents(
                one.cents()
                    .saturating_mul(i64::try_from(outer).unwrap_or(i64::MAX)),
            );
            total_credit = total_credit + credit;
            services.push(ScenarioService {
                component: leaf.id.to_string(),
                sla: sla.id.clone(),
                copy: copy_tag,
                downtime_seconds: down as f64 / 1000.0,
                uptime: uptime(down, window_ms),
                tier_below,
                credit_percent,
                credit,
                credit_unknown: sla.credit_tiers.is_unknown(),
                service_seconds: leaf.calendar.map(|_| window_ms as f64 / 1000.0),
            });
        }
    }
    (services, total_credit)
}

/// The uptime percentage of a window with `down_ms` of downtime.
fn uptime(down_ms: i64, window_ms: i64) -> String {
    Availability::from_unavailability(down_ms as f64 / window_ms.max(1) as f64)
        .unwrap_or(Availability::DOWN)
        .percent()
}

/// Down intervals of one leaf in one copy (`None`: outside any replicate, or all copies).
fn leaf_down(outages: &[Outage], leaf: usize, copy: Option<u32>) -> Intervals {
    normalize(
        outages
            .iter()
            .filter(|o| o.leaf == leaf)
            .filter(|o| match (o.copy, copy) {
                (Some(hit), Some(here)) => hit == here,
                _ => true,
            })
            .map(|o| (o.start_ms, o.end_ms))
            .collect(),
    )
}

/// Down intervals of a step in one copy of its innermost replicate, from its children's.
fn down(plan: &Plan, outages: &[Outage], step: usize, copy: Option<u32>) -> Intervals {
    let kids = |span| -> Vec<Intervals> {
        plan.span(span)
            .iter()
            .map(|&c| down(plan, outages, c, copy))
            .collect()
    };
    match plan.steps[step] {
        Step::Leaf(leaf) => {
            let copy = if plan.leaves[leaf].shared { None } else { copy };
            leaf_down(outages, leaf, copy)
        }
        Step::Var(v) => leaf_down(outages, plan.vars[v], None),
        Step::Serial(span) => covered_by_at_least(&kids(span), 1),
        Step::Parallel(span) => covered_by_at_least(&kids(span), span.len),
        Step::KOfN { k, children } => {
            // Down when more than n − k children are down.
            covered_by_at_least(&kids(children), children.len - k + 1)
        }
        Step::Failover {
            primary,
            standby,
            switchover,
        } => {
            let switch_ms = plan.switchovers[switchover].ms;
            let p = down(plan, outages, primary, copy);
            let s = down(plan, outages, standby, copy);
            let mut both = covered_by_at_least(&[p.clone(), s], 2);
            both.extend(p.iter().map(|&(a, b)| (a, b.min(a + switch_ms))));
            normalize(both)
        }
        Step::Replicate { copies, child } => {
            let sets: Vec<Intervals> = (1..=copies)
                .map(|c| down(plan, outages, child, Some(c)))
                .collect();
            covered_by_at_least(&sets, sets.len())
        }
    }
}
