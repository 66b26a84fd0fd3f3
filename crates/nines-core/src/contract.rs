//! The contract view: what each SLA promises (its credit tiers as downtime in the month), the
//! worst month the contracts allow against the business loss, and the caveats a reader must see.

use crate::availability::Availability;
use crate::calendar::Calendar;
use crate::convention::Convention;
use crate::model::Model;
use crate::plan::Plan;
use crate::report::{
    round12, CalendarInfo, Caveat, CaveatKind, Contract, DataStore, Scenario, Service, TierReport,
    WorstCase,
};
use crate::sla::DataGuaranteeKind;
use crate::text::duration::format_duration;
use crate::text::money::Money;
use std::collections::BTreeMap;

/// The contract view of a plan whose composite availability is `composite`; the expected
/// downtime counts the service time of `figures` when given.
pub(crate) fn contract(
    model: &Model,
    plan: &Plan,
    composite: Availability,
    convention: Convention,
    figures: Option<&CalendarInfo>,
    scenario: Option<Scenario>,
) -> Contract {
    let month = convention.periods().month;
    let counted_month = figures.map_or(month, |c| c.service_seconds.month);
    let expected_month = round12(composite.unavailability() * counted_month);
    let loss = model.business_loss_per_hour;
    let business = plan
        .business_calendar
        .zip(model.business_calendar.as_deref())
        .map(|(calendar, id)| CalendarInfo::new(id, calendar, convention));
    Contract {
        currency: model.currency.clone(),
        business_loss_per_hour: loss,
        business_loss_per_hour_outside_hours: model.business_loss_per_hour_outside_hours,
        expected_downtime_seconds_per_month: expected_month,
        expected_monthly_business_loss: loss.map(|inside| {
            let down = composite.unavailability() * month;
            match &business {
                // Outages fall at any hour alike: the business's share of the month is in hours.
                Some(b) => {
                    let share = b.service_seconds.month / month;
                    let outside = model.business_loss_per_hour_outside_hours;
                    Money::for_seconds(inside, round12(down * share))
                        + Money::for_seconds(
                            outside.unwrap_or(Money::ZERO),
                            round12(down * (1.0 - share)),
                        )
                }
                None => Money::for_seconds(inside, round12(down)),
            }
        }),
        business_calendar: business,
        services: services(plan, convention),
        worst_case: worst_case(plan, convention, loss),
        scenario,
        data: data_stores(plan),
    }
}

/// Seconds of a convention's month that an SLA measured over `calendar` counts.
fn service_month(calendar: Option<&Calendar>, convention: Convention) -> f64 {
    calendar.map_or(convention.periods().month, |c| {
        c.service_periods(convention).month
    })
}

/// Every component whose SLA covers a service that holds data, or that publishes a durability
/// or recovery figure.
fn data_stores(plan: &Plan) -> Vec<DataStore> {
    plan.leaves
        .iter()
        .filter_map(|leaf| {
            let sla = leaf.sla?;
            let holds_data = sla.data_guarantee.kind == DataGuaranteeKind::None;
            if !holds_data && sla.durability.is_none() && sla.recovery.is_empty() {
                return None;
            }
            let durability = match &sla.durability {
                Some(d) => format!(
                    "the provider designs for {}% durability, but that is a design figure, not a commitment",
                    d.design_percent
                ),
                None => "no durability figure is published for it".to_string(),
            };
            Some(DataStore {
                component: leaf.id.to_string(),
                sla: sla.id.clone(),
                availability_commitment: sla.commitment.percent(),
                design_durability: sla.durability.clone(),
                recovery: sla.recovery.clone(),
                not_covered: format!(
                    "The SLA commits to the service's availability ({}%), not to your data: no credit is owed for data lost or corrupted, {durability}, and {}",
                    sla.commitment.percent(),
                    if sla.recovery.is_empty() {
                        "no recovery point or recovery time is promised"
                    } else {
                        "only the recovery commitments listed are contractual"
                    }
                ),
            })
        })
        .collect()
}

/// Every component with an SLA, its tiers as downtime in its month's service time.
fn services(plan: &Plan, convention: Convention) -> Vec<Service> {
    plan.leaves
        .iter()
        .filter_map(|leaf| {
            let sla = leaf.sla?;
            let month_seconds = service_month(leaf.calendar, convention);
            let calendar = leaf.calendar.zip(sla.calendar.as_deref());
            Some(Service {
                component: leaf.id.to_string(),
                sla: sla.id.clone(),
                provider: sla.provider.clone(),
                service: sla.service.clone(),
                configuration: sla.configuration.clone(),
                commitment: sla.commitment.percent(),
                window: sla.window,
                downtime_kind: sla.downtime_definition.kind,
                instances: leaf.copies.instances,
                monthly_fee: leaf.fee,
                credit_cap: sla.credit_cap,
                max_credit: sla.max_credit(),
                credits_unknown: sla.credit_tiers.is_unknown(),
                calendar: calendar.map(|(c, id)| CalendarInfo::new(id, c, convention)),
                tiers: sla
                    .tier_downtime(month_seconds)
                    .into_iter()
                    .map(|t| TierReport {
                        below: t.below,
                        credit: t.credit,
                        after_seconds: round12(t.after_seconds),
                        after: format_duration(t.after_seconds),
                    })
                    .collect(),
                source: sla.source.clone(),
            })
        })
        .collect()
}

/// Every service at its bottom tier in the same month, against the business loss of the
/// downtime that takes them all there.
fn worst_case(plan: &Plan, convention: Convention, loss: Option<Money>) -> WorstCase {
    let mut fees = Money::ZERO;
    let mut credit = Money::ZERO;
    let mut downtime: f64 = 0.0;
    let mut credits_unknown = Vec::new();
    for leaf in &plan.leaves {
        let Some(sla) = leaf.sla else { continue };
        if sla.credit_tiers.is_unknown() {
            credits_unknown.push(leaf.id.to_string());
        }
        let fee = leaf.fee.unwrap_or(Money::ZERO);
        fees = fees + leaf.instances_fee(fee);
        credit = credit + leaf.instances_fee(sla.credit_amount(fee, sla.max_credit()));
        let month_seconds = service_month(leaf.calendar, convention);
        if let Some(bottom) = sla.tier_downtime(month_seconds).last() {
            downtime = downtime.max(bottom.after_seconds);
        }
    }
    let downtime = round12(downtime);
    WorstCase {
        fees,
        credit,
        downtime_seconds: downtime,
        business_loss: loss.map(|l| Money::for_seconds(l, downtime)),
        credits_unknown,
    }
}

/// Every SLA's caveats, each naming the components it concerns, plus the two that hold for any
/// model with an SLA; loudest kind first.
pub(crate) fn caveats(plan: &Plan) -> Vec<Caveat> {
    let mut found: BTreeMap<(CaveatKind, Option<String>, String), Vec<String>> = BTreeMap::new();
    for leaf in &plan.leaves {
        let Some(sla) = leaf.sla else { continue };
        let who = sla.label();
        for caveat in sla.caveats() {
            let key = (
                caveat.kind,
                Some(sla.id.clone()),
                format!("{who}: {}", caveat.text),
            );
            found.entry(key).or_default().push(leaf.id.to_string());
        }
    }
    if plan.leaves.iter().any(|leaf| leaf.sla.is_some()) {
        for (kind, text) in [
            (
                CaveatKind::SoleRemedy,
                "Service credits are the sole remedy under these SLAs: they refund part of a fee, never the business loss, and must be claimed before the deadline",
            ),
            (
                CaveatKind::SlaIsNotAvailability,
                "An SLA commitment is a contractual floor with its own downtime definition, not a measured availability; composite figures use it as an estimate",
            ),
        ] {
            found.insert((kind, None, text.to_string()), Vec::new());
        }
    }
    found
        .into_iter()
        .map(|((kind, sla, text), components)| Caveat {
            kind,
            sla,
            components,
            text,
        })
        .collect()
}
