//! [`evaluate`]: model + catalog + options → [`Report`]. A pure function.

use crate::availability::Availability;
use crate::catalog::Catalog;
use crate::convention::{Convention, YearMonth};
use crate::decimal::Shown;
use crate::duration::format_duration;
use crate::engine::solve;
use crate::error::{Problem, Problems};
use crate::model::{Component, Group, KOfN, Model, Node};
use crate::money::Money;
use crate::plan::{plan, Leaf, Origin, Plan};
use crate::report::*;
use crate::scenario::{architecture_down, leaf_down, total, Outage};
use crate::sla::{DataGuaranteeKind, SourceStatus};
use std::collections::BTreeMap;

/// How to evaluate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The calendar convention for downtime and credits.
    pub convention: Convention,
}

/// Evaluates a model against a catalog.
///
/// # Errors
/// [`Problems`] listing every problem in the model with its JSON path (empty group, `k` out of
/// range, unknown catalog id, unknown shared reference, duplicate id, …).
pub fn evaluate(model: &Model, catalog: &Catalog, options: &Options) -> Result<Report, Problems> {
    let plan = plan(model, catalog, options.convention)?;
    let solution = solve(&plan, &plan.leaf_u, true);
    let composite = Availability::from_computed(solution.unavailability);
    let convention = options.convention;
    let periods = convention.periods();

    let components = component_reports(&plan, &solution.gradient);
    let weakest_link = components
        .iter()
        .filter(|c| c.attributed_unavailability > 0.0)
        .fold(None::<&ComponentReport>, |best, c| match best {
            Some(b) if b.attributed_unavailability >= c.attributed_unavailability => Some(b),
            _ => Some(c),
        })
        .map(|c| c.id.clone());

    let mut warnings = plan.warnings.clone();
    let scenario = scenario(model, &plan, convention, &mut warnings);
    let expected_month = round12(composite.unavailability() * periods.month);
    let loss = model.business_loss_per_hour;
    let contract = Contract {
        currency: model.currency.clone(),
        business_loss_per_hour: loss,
        expected_downtime_seconds_per_month: expected_month,
        expected_monthly_business_loss: loss.map(|l| Money::for_seconds(l, expected_month)),
        services: services(&plan, periods.month),
        worst_case: worst_case(&plan, periods.month, loss),
        scenario,
    };

    Ok(Report {
        schema_version: SCHEMA_VERSION,
        generator: concat!("nines-core ", env!("CARGO_PKG_VERSION")).to_string(),
        catalog: catalog.version(),
        convention: ConventionInfo::new(convention),
        name: model.name.clone(),
        availability: composite.fraction(),
        unavailability: composite.unavailability(),
        percent: composite.percent(),
        nines: composite.nines(),
        downtime: Downtime::new(composite, convention),
        weakest_link,
        components,
        contract,
        caveats: caveats(&plan),
        warnings,
        input: Input {
            model: model.clone(),
            convention,
        },
    })
}

/// A model validated against a catalog, ready to evaluate many times: the composite
/// availability alone (no report), and what-if variants for sensitivity analysis.
///
/// ```
/// use nines_core::{Availability, Catalog, Model, Options, Prepared};
///
/// let model = Model::from_json(r#"{"root": {"serial": {"children": [
///     {"component": {"id": "web", "availability": 99.95}},
///     {"component": {"id": "db", "availability": 99.99}}]}}}"#)
/// .map_err(nines_core::Problems)?;
/// let catalog = Catalog::empty();
/// let prepared = Prepared::new(&model, &catalog, &Options::default())?;
/// assert_eq!(prepared.availability().percent(), "99.940005");
/// // What if the web tier reached 99.99%?
/// let web = prepared.component_ids().position(|id| id == "web").unwrap_or(0);
/// let better = prepared.availability_if(web, Availability::parse_percent("99.99")?);
/// assert_eq!(better.percent(), "99.980001");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Prepared<'a> {
    plan: Plan<'a>,
}

impl<'a> Prepared<'a> {
    /// Validates `model` against `catalog`.
    ///
    /// # Errors
    /// [`Problems`] as for [`evaluate`].
    pub fn new(
        model: &'a Model,
        catalog: &'a Catalog,
        options: &Options,
    ) -> Result<Self, Problems> {
        Ok(Self {
            plan: plan(model, catalog, options.convention)?,
        })
    }

    /// The composite availability.
    pub fn availability(&self) -> Availability {
        Availability::from_computed(solve(&self.plan, &self.plan.leaf_u, false).unavailability)
    }

    /// Component ids in report order (shared components first); indices for
    /// [`Prepared::availability_if`].
    pub fn component_ids(&self) -> impl Iterator<Item = &str> {
        self.plan.leaves.iter().map(|leaf| &*leaf.id)
    }

    /// The composite availability if the component at `index` had `availability` instead
    /// (an index past the end changes nothing).
    pub fn availability_if(&self, index: usize, availability: Availability) -> Availability {
        let mut leaf_u = self.plan.leaf_u.clone();
        if let Some(u) = leaf_u.get_mut(index) {
            *u = availability.unavailability();
        }
        Availability::from_computed(solve(&self.plan, &leaf_u, false).unavailability)
    }
}

/// Parses a model from JSON and evaluates it.
///
/// # Errors
/// [`Problems`] for malformed JSON, unknown fields and every model problem, with JSON paths.
pub fn evaluate_json(text: &str, catalog: &Catalog, options: &Options) -> Result<Report, Problems> {
    let model = Model::from_json(text)?;
    evaluate(&model, catalog, options)
}

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
/// [`Problems`] for an empty list or `k` outside `1..=n`.
pub fn combine(how: Combine, parts: &[Availability]) -> Result<Availability, Problems> {
    let children: Vec<Node> = parts
        .iter()
        .enumerate()
        .map(|(i, &a)| {
            Node::Component(Component {
                id: Some(format!("{}", i + 1)),
                availability: Some(a),
                ..Component::default()
            })
        })
        .collect();
    let group = |children| Group {
        name: None,
        children,
    };
    let root = match how {
        Combine::Serial => Node::Serial(group(children)),
        Combine::Parallel => Node::Parallel(group(children)),
        Combine::KOfN(k) => Node::KOfN(KOfN {
            name: None,
            k,
            children,
        }),
    };
    let model = Model {
        name: None,
        currency: "USD".to_string(),
        business_loss_per_hour: None,
        shared: BTreeMap::new(),
        root,
        incidents: Vec::new(),
    };
    let catalog = Catalog::empty();
    let plan = plan(&model, &catalog, Convention::default()).map_err(|problems| {
        // Report in terms of the argument list rather than the internal model.
        Problems(
            problems
                .into_iter()
                .map(|p| {
                    let argument = if p.path.ends_with(".k") {
                        "k"
                    } else {
                        "availabilities"
                    };
                    Problem::new(argument, p.message)
                })
                .collect(),
        )
    })?;
    Ok(Availability::from_computed(
        solve(&plan, &plan.leaf_u, false).unavailability,
    ))
}

/// The availability that allows `seconds` of downtime per `period` (`day`, `week`, `month`,
/// `quarter` or `year`) under `convention`.
///
/// # Errors
/// A [`Problem`] naming `allowed` when the downtime exceeds the period or is negative, or
/// `per` for an unknown period.
pub fn required_availability(
    seconds: f64,
    period: &str,
    convention: Convention,
) -> Result<Availability, Problem> {
    let p = convention.periods();
    let length = match period {
        "day" => p.day,
        "week" => p.week,
        "month" => p.month,
        "quarter" => p.quarter,
        "year" => p.year,
        other => {
            return Err(Problem::new(
                "per",
                format!("unknown period {other:?}: expected day, week, month, quarter or year"),
            ))
        }
    };
    if !(seconds.is_finite() && (0.0..=length).contains(&seconds)) {
        return Err(Problem::new(
            "allowed",
            format!(
                "{} s is not between 0 and the {} s of a {period}",
                Shown(seconds),
                Shown(length)
            ),
        ));
    }
    Availability::from_unavailability(round12(seconds / length))
        .map_err(|e| Problem::new("allowed", e.to_string()))
}

fn component_reports(plan: &Plan, gradient: &[f64]) -> Vec<ComponentReport> {
    let attributed: Vec<f64> = plan
        .leaves
        .iter()
        .zip(gradient)
        .map(|(leaf, g)| (leaf.availability.unavailability() * g).max(0.0))
        .collect();
    let sum: f64 = attributed.iter().sum();
    // Models reuse a handful of availabilities: format each distinct one once.
    let mut percents: BTreeMap<u64, String> = BTreeMap::new();
    plan.leaves
        .iter()
        .zip(&attributed)
        .map(|(leaf, &attributed)| ComponentReport {
            id: leaf.id.to_string(),
            name: leaf.name.unwrap_or(&leaf.id).to_string(),
            path: plan.path(leaf),
            source: match leaf.origin {
                Origin::Catalog(_) => "catalog",
                Origin::InlineSla => "sla",
                Origin::Custom => "custom",
                Origin::OnPrem => "on_prem",
            },
            catalog: match &leaf.origin {
                Origin::Catalog(id) => Some(id.to_string()),
                _ => None,
            },
            shared: leaf.shared,
            instances: leaf.instances,
            availability: leaf.availability.fraction(),
            unavailability: leaf.availability.unavailability(),
            percent: percents
                .entry(leaf.availability.unavailability().to_bits())
                .or_insert_with(|| leaf.availability.percent())
                .clone(),
            attributed_unavailability: attributed,
            share: if sum > 0.0 { attributed / sum } else { 0.0 },
        })
        .collect()
}

fn services(plan: &Plan, month_seconds: f64) -> Vec<Service> {
    plan.leaves
        .iter()
        .filter_map(|leaf| {
            let sla = leaf.sla.as_ref()?;
            Some(Service {
                component: leaf.id.to_string(),
                sla: sla.id.clone(),
                provider: sla.provider.clone(),
                service: sla.service.clone(),
                configuration: sla.configuration.clone(),
                commitment: sla.commitment.percent(),
                window: sla.window,
                downtime_kind: sla.downtime_definition.kind,
                instances: leaf.instances,
                monthly_fee: leaf.fee,
                credit_cap: sla.credit_cap,
                max_credit: sla.max_credit(),
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

fn instances_fee(leaf: &Leaf<'_>, fee: Money) -> Money {
    Money::from_cents(fee.cents().saturating_mul(leaf.instances as i64))
}

fn worst_case(plan: &Plan, month_seconds: f64, loss: Option<Money>) -> WorstCase {
    let mut fees = Money::ZERO;
    let mut credit = Money::ZERO;
    let mut downtime: f64 = 0.0;
    for leaf in &plan.leaves {
        let Some(sla) = &leaf.sla else { continue };
        let fee = leaf.fee.unwrap_or(Money::ZERO);
        fees = fees + instances_fee(leaf, fee);
        credit = credit + instances_fee(leaf, sla.credit_amount(fee, sla.max_credit()));
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
    }
}

/// The scenario window: the calendar month, or for fixed-length conventions a month of that
/// length starting on the first day of the earliest incident's month.
fn window(model: &Model, convention: Convention) -> (chrono::NaiveDateTime, i64) {
    let month = convention.month().unwrap_or_else(|| {
        model
            .incidents
            .iter()
            .map(|i| YearMonth::of(i.start.date()))
            .min()
            .unwrap_or(YearMonth::of(chrono::NaiveDate::MIN))
    });
    let start = month.first_day().and_time(chrono::NaiveTime::MIN);
    let length_ms = (convention.periods().month * 1000.0).round() as i64;
    (start, length_ms)
}

fn scenario(
    model: &Model,
    plan: &Plan,
    convention: Convention,
    warnings: &mut Vec<Problem>,
) -> Option<Scenario> {
    if model.incidents.is_empty() {
        return None;
    }
    let (start, window_ms) = window(model, convention);
    let index = crate::plan::leaf_index(&plan.leaves);
    let mut outages = Vec::new();
    for (i, incident) in model.incidents.iter().enumerate() {
        let Some(&leaf) = index.get(incident.component.as_str()) else {
            continue;
        };
        let begin = (incident.start - start).num_milliseconds();
        let end = begin.saturating_add((incident.minutes * 60_000.0).round() as i64);
        let (clipped_begin, clipped_end) = (begin.max(0), end.min(window_ms));
        if clipped_begin >= clipped_end && incident.minutes > 0.0 {
            warnings.push(Problem::new(
                format!("incidents[{i}].start"),
                format!("outside the scenario month starting {start}; ignored"),
            ));
            continue;
        }
        if (clipped_begin, clipped_end) != (begin, end) {
            warnings.push(Problem::new(
                format!("incidents[{i}]"),
                "extends beyond the scenario month; clipped",
            ));
        }
        let copies = plan.leaves[leaf].innermost_copies;
        if incident.copy.is_some_and(|c| c > copies) {
            warnings.push(Problem::new(
                format!("incidents[{i}].copy"),
                format!("component has {copies} copies; incident ignored"),
            ));
            continue;
        }
        outages.push(Outage {
            leaf,
            copy: incident.copy,
            start_ms: clipped_begin,
            end_ms: clipped_end,
        });
    }

    let mut services = Vec::new();
    let mut total_credit = Money::ZERO;
    for (i, leaf) in plan.leaves.iter().enumerate() {
        let Some(sla) = &leaf.sla else { continue };
        if !outages.iter().any(|o| o.leaf == i) {
            continue;
        }
        let copies = if leaf.shared {
            1
        } else {
            leaf.innermost_copies
        };
        // Outer replicates copy the whole inner group: each inner copy stands for this many.
        let outer = leaf.instances / u64::from(copies.max(1));
        for copy in 1..=copies {
            let copy_tag = (copies > 1).then_some(copy);
            let down = total(&leaf_down(&outages, i, copy_tag));
            let credit_percent = sla.credit_for(down, window_ms);
            let fee = leaf.fee.unwrap_or(Money::ZERO);
            let one = sla.credit_amount(fee, credit_percent);
            let credit = Money::from_cents(one.cents().saturating_mul(outer as i64));
            total_credit = total_credit + credit;
            services.push(ScenarioService {
                component: leaf.id.to_string(),
                sla: sla.id.clone(),
                copy: copy_tag,
                downtime_seconds: down as f64 / 1000.0,
                uptime: uptime(down, window_ms),
                credit_percent,
                credit,
            });
        }
    }
    let architecture = total(&architecture_down(plan, &outages));
    let seconds = architecture as f64 / 1000.0;
    Some(Scenario {
        window_start: start,
        window_seconds: window_ms as f64 / 1000.0,
        architecture_downtime_seconds: seconds,
        architecture_uptime: uptime(architecture, window_ms),
        business_loss: model
            .business_loss_per_hour
            .map(|l| Money::for_seconds(l, seconds)),
        services,
        total_credit,
    })
}

fn uptime(down_ms: i64, window_ms: i64) -> String {
    Availability::from_unavailability(down_ms as f64 / window_ms.max(1) as f64)
        .unwrap_or(Availability::DOWN)
        .percent()
}

fn caveats(plan: &Plan) -> Vec<Caveat> {
    let mut found: BTreeMap<(CaveatKind, Option<String>, String), Vec<String>> = BTreeMap::new();
    let mut add = |kind, sla: Option<&str>, text: String, component: &str| {
        found
            .entry((kind, sla.map(str::to_string), text))
            .or_default()
            .push(component.to_string());
    };
    let mut any_sla = false;
    for leaf in &plan.leaves {
        let Some(sla) = &leaf.sla else { continue };
        any_sla = true;
        let id = Some(sla.id.as_str());
        let who = format!("{} ({})", sla.service, sla.configuration);
        if sla.data_guarantee.kind == DataGuaranteeKind::None {
            add(
                CaveatKind::NoDataGuarantee,
                id,
                format!(
                    "{who}: this SLA covers the service's availability, not your data. {}",
                    sla.data_guarantee.text
                ),
                &leaf.id,
            );
        }
        if sla.credit_cap.value() < 100.0 {
            add(
                CaveatKind::CreditCap,
                id,
                format!(
                    "{who}: maximum credit {}% of the monthly fee",
                    sla.credit_cap
                ),
                &leaf.id,
            );
        }
        if sla.source.status == SourceStatus::Unverified {
            add(
                CaveatKind::Unverified,
                id,
                format!("{who}: some numbers in this entry are not confirmed in a primary source"),
                &leaf.id,
            );
        }
        if sla.credit_tiers.is_empty() {
            add(
                CaveatKind::NoCredits,
                id,
                format!("{who}: no credit tiers recorded; credits shown as 0"),
                &leaf.id,
            );
        }
        for condition in &sla.preconditions {
            add(
                CaveatKind::Precondition,
                id,
                format!("{who}: applies only if {condition}"),
                &leaf.id,
            );
        }
        for caveat in &sla.caveats {
            add(
                CaveatKind::Provider,
                id,
                format!("{who}: {caveat}"),
                &leaf.id,
            );
        }
    }
    if any_sla {
        add(
            CaveatKind::SoleRemedy,
            None,
            "Service credits are the sole remedy under these SLAs: they refund part of a fee, never the business loss, and must be claimed before the deadline".to_string(),
            "",
        );
        add(
            CaveatKind::SlaIsNotAvailability,
            None,
            "An SLA commitment is a contractual floor with its own downtime definition, not a measured availability; composite figures use it as an estimate".to_string(),
            "",
        );
    }
    found
        .into_iter()
        .map(|((kind, sla, text), components)| Caveat {
            kind,
            sla,
            components: components.into_iter().filter(|c| !c.is_empty()).collect(),
            text,
        })
        .collect()
}
