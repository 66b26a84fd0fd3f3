//! Risk: how bad a month can get. Simulates months of a model's failure processes and reports
//! the downtime distribution, the probability of missing a target, credits and losses, each with
//! a 95% confidence interval ([`RiskReport`]).
//!
//! Each component (and failure domain) is an alternating renewal process in equilibrium
//! (`plan::process`); each trial is one month, independent of the others; its outages run
//! through the architecture's structure exactly (`network`). The work is split in chunks of
//! [`CHUNK`] trials with their own random streams, so a chunk gives the same months on any
//! thread: the CLI runs chunks in parallel, the browser a few at a time, with the same bytes.
//! Pure: no clock, no I/O, randomness only from the seed.
//!
//! ```
//! use nines_core::simulate::{Simulation, SimulateOptions};
//! use nines_core::{Catalog, Model};
//!
//! let model = Model::from_json(r#"{"target": 99.9, "root": {"parallel": {"children": [
//!     {"component": {"id": "a", "availability": 99, "outage_minutes": 120}},
//!     {"component": {"id": "b", "availability": 99, "outage_minutes": 120}}]}}}"#)?;
//! let catalog = Catalog::empty();
//! let options = SimulateOptions { trials: 20_000, ..SimulateOptions::default() };
//! let report = Simulation::new(&model, &catalog, options)?.run();
//! // The simulated mean agrees with the exact unavailability (1e-4) within its interval.
//! let mean = report.mean_unavailability;
//! assert!(mean.low <= report.exact_unavailability && report.exact_unavailability <= mean.high);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod block;
mod months;
mod network;
mod random;
mod rare;
mod tally;

use crate::availability::{Availability, Percent};
use crate::catalog::Catalog;
use crate::convention::Convention;
use crate::engine::solve;
use crate::intervals::{total, Intervals};
use crate::model::Model;
use crate::plan::process::Shape;
use crate::plan::{plan, Plan};
use crate::problem::{JsonPath, Problem, Problems};
use crate::report::{
    Breach, BreachMethod, ConventionInfo, CreditShare, DowntimeQuantiles, Estimate, Histogram,
    MoneyEstimate, MoneyRisk, OutageShape, ProcessReport, RiskReport, ServiceRisk,
    RISK_SCHEMA_VERSION,
};
use crate::sla::{uptime_below, Sla};
use crate::text::money::Money;
use block::Block;
use network::{Network, State};
use random::Random;
use tally::{quantile, wilson, ServiceTally, Tally};

pub use network::MAX_PROCESSES;

/// Trials per chunk: the unit of work (and of random streams).
pub const CHUNK: u64 = 8192;
/// Most trials a simulation may run.
pub const MAX_TRIALS: u64 = 10_000_000;
/// Trials when the options do not say.
pub const DEFAULT_TRIALS: u64 = 100_000;
/// Bins of the downtime histogram.
const BINS: usize = 24;

/// How to simulate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SimulateOptions {
    /// The calendar convention: each trial is one of its months.
    pub convention: Convention,
    /// Months to simulate, 1 to [`MAX_TRIALS`].
    pub trials: u64,
    /// The seed of the random streams.
    pub seed: u64,
    /// The availability to miss, percent; the model's `target` when absent.
    pub target: Option<Availability>,
}

impl Default for SimulateOptions {
    fn default() -> Self {
        Self {
            convention: Convention::default(),
            trials: DEFAULT_TRIALS,
            seed: 1,
            target: None,
        }
    }
}

/// A threshold a month's availability is compared with.
#[derive(Clone, Copy, Debug)]
struct Threshold {
    percent: f64,
    scaled: (i128, u32),
}

/// A service whose credits are counted: its SLA, fee and process instances.
struct Service<'a> {
    leaf: usize,
    sla: &'a Sla,
    /// Its tiers, worked out once: each threshold exactly, the credit percent (capped) and the
    /// credit for its fee in cents.
    tiers: Vec<((i128, u32), f64, i64)>,
    /// Its instances in the network, and the domain instances it lives in.
    instances: Vec<u32>,
    domains: Vec<u32>,
    /// The service time its calendar counts in the month (absent: every minute), and its
    /// length in milliseconds.
    hours: Option<Intervals>,
    service_ms: i64,
}

impl Service<'_> {
    /// The credit percent and cents a month of `down_ms` earns.
    fn credit(&self, down_ms: i64, month_ms: i64) -> (f64, i64) {
        let up = month_ms - down_ms;
        self.tiers
            .iter()
            .filter(|(below, _, _)| uptime_below(*below, up, month_ms))
            .fold((0.0, 0), |best, &(_, percent, cents)| {
                if percent > best.0 {
                    (percent, cents)
                } else {
                    best
                }
            })
    }
}

/// One chunk's result, to merge in chunk order with [`Simulation::report`].
#[derive(Clone, Debug)]
pub struct ChunkResult(Work);

#[derive(Clone, Debug)]
enum Work {
    /// Ordinary months.
    Months(Tally),
    /// Months of the rare-breach mixture.
    Rare(rare::RareTally),
}

/// A model ready to simulate.
pub struct Simulation<'a> {
    model: &'a Model,
    catalog: &'a Catalog,
    plan: Plan<'a>,
    network: Network,
    options: SimulateOptions,
    month_ms: i64,
    /// The target (if any) first, then each distinct SLA commitment.
    thresholds: Vec<Threshold>,
    has_target: bool,
    services: Vec<Service<'a>>,
    /// The business calendar's hours in the month, when the model has one.
    business_hours: Option<Intervals>,
    exact: f64,
    /// The cut-set mixture for a rare breach of the target (none without a target).
    mixture: Option<rare::Mixture>,
}

impl<'a> Simulation<'a> {
    /// Validates the model and the options and builds what every month walks.
    ///
    /// # Errors
    /// [`Problems`] as for [`crate::evaluate`], plus trials outside 1..=[`MAX_TRIALS`], a target
    /// outside (0, 100), or more than [`MAX_PROCESSES`] process instances.
    pub fn new(
        model: &'a Model,
        catalog: &'a Catalog,
        options: SimulateOptions,
    ) -> Result<Self, Problems> {
        let mut problems = Vec::new();
        if !(1..=MAX_TRIALS).contains(&options.trials) {
            let message = format!("{} trials: expected 1 to {MAX_TRIALS}", options.trials);
            problems.push(Problem::value("trials", message));
        }
        let target = options.target.or(model.target);
        if let Some(t) = options.target {
            let u = t.unavailability();
            if !(u > 0.0 && u < 1.0) {
                let message = format!("{t} is not a target between 0% and 100% (exclusive)");
                problems.push(Problem::value("target", message));
            }
        }
        let plan = match plan(model, catalog, options.convention) {
            Ok(plan) if problems.is_empty() => plan,
            Ok(_) => return Err(Problems(problems)),
            Err(mut found) => {
                found.0.extend(problems);
                return Err(found);
            }
        };
        let month_ms = (options.convention.periods().month * 1000.0).round() as i64;
        let mut network = Network::new(&plan, month_ms).map_err(|n| {
            Problems::from(Problem::value(
                JsonPath::root(),
                format!("{n} component instances to simulate (replicated copies counted); at most {MAX_PROCESSES}"),
            ))
        })?;
        let origin = calendar_origin(&plan, options.convention)?;
        let in_month = |calendar: &crate::calendar::Calendar| {
            origin.map(|start| calendar.spans(start, month_ms).service)
        };
        let mut services = services(&plan, &network);
        for service in &services {
            for &i in service.instances.iter().chain(&service.domains) {
                network.counted[i as usize] = true;
            }
        }
        for service in &mut services {
            service.hours = plan.leaves[service.leaf].calendar.and_then(in_month);
            service.service_ms = service.hours.as_ref().map_or(month_ms, total);
        }
        let business_hours = plan.business_calendar.and_then(in_month);
        let thresholds = thresholds(target, &services);
        let exact = solve(&plan, &plan.leaf_u, false).unavailability;
        let mixture = target.and_then(|_| rare::Mixture::new(&network));
        Ok(Self {
            model,
            catalog,
            plan,
            network,
            options,
            month_ms,
            has_target: target.is_some(),
            thresholds,
            services,
            business_hours,
            exact,
            mixture,
        })
    }

    /// How many chunks the trials make: the ordinary months, then (with a target whose
    /// breach can be forced) as many of the rare-breach mixture (`rare`).
    pub fn chunks(&self) -> u64 {
        let months = self.options.trials.div_ceil(CHUNK);
        if self.mixture.is_some() {
            2 * months
        } else {
            months
        }
    }

    /// Simulates chunk `chunk` (0-based): the same months whenever and wherever it runs.
    pub fn run_chunk(&self, chunk: u64) -> ChunkResult {
        let months = self.options.trials.div_ceil(CHUNK);
        let index = chunk % months.max(1);
        let first = index * CHUNK;
        let trials = CHUNK.min(self.options.trials.saturating_sub(first));
        let mut random = Random::for_chunk(self.options.seed, chunk);
        if chunk >= months {
            if let (Some(mixture), Some(&threshold)) = (&self.mixture, self.thresholds.first()) {
                let tally = rare::run(self, mixture, threshold, &mut random, trials);
                return ChunkResult(Work::Rare(tally));
            }
        }
        let mut tally = Tally {
            below: vec![0; self.thresholds.len()],
            services: vec![ServiceTally::default(); self.services.len()],
            ..Tally::default()
        };
        let mut month = Month::new(&self.network);
        let mut block = Block::new(&self.network, &mut random);
        let hours = self.business_hours.as_deref().unwrap_or(&[]);
        for months in block::sizes(trials) {
            block.draw(&self.network, &mut random, months, &[]);
            for m in 0..months {
                month.draw(&self.network, &mut random, self.month_ms, &block, m);
                let (down, inside) = month.downtime(&self.network, self.month_ms, hours);
                if self.business_hours.is_some() {
                    tally.business_hours_ms.push(inside as u32);
                }
                self.count(&month, down, &mut tally);
            }
        }
        ChunkResult(Work::Months(tally))
    }

    /// Runs every chunk in order and reports.
    pub fn run(&self) -> RiskReport {
        let chunks = (0..self.chunks()).map(|c| self.run_chunk(c)).collect();
        self.report(chunks)
    }

    /// Adds one month to the tally.
    fn count(&self, month: &Month, down: i64, tally: &mut Tally) {
        tally.trials += 1;
        tally.downtime_ms.push(down as u32);
        let up = self.month_ms - down;
        for (threshold, below) in self.thresholds.iter().zip(&mut tally.below) {
            if down > 0 && uptime_below(threshold.scaled, up, self.month_ms) {
                *below += 1;
            }
        }
        let mut all = 0.0;
        for (service, counts) in self.services.iter().zip(&mut tally.services) {
            let mut cents = 0.0;
            for &instance in &service.instances {
                let own = month.down_ms(instance, &service.domains, service.hours.as_deref());
                let (percent, credit) = if own == 0 {
                    (0.0, 0)
                } else {
                    service.credit(own, service.service_ms)
                };
                counts.tier(percent);
                cents += credit as f64;
            }
            if cents > 0.0 {
                counts.credited += 1;
            }
            counts.credit.add(cents);
            all += cents;
        }
        tally.credit.add(all);
    }

    /// The report from every chunk's result, in chunk order.
    pub fn report(&self, chunks: Vec<ChunkResult>) -> RiskReport {
        let mut tally = Tally::default();
        let mut rare: Option<rare::RareTally> = None;
        for ChunkResult(chunk) in chunks {
            match chunk {
                Work::Months(months) => tally.merge(months),
                Work::Rare(more) => {
                    let all = rare.get_or_insert_with(rare::RareTally::default);
                    all.trials += more.trials;
                    all.sums.sum += more.sums.sum;
                    all.sums.squares += more.sums.squares;
                }
            }
        }
        let n = tally.trials;
        let month_s = self.month_ms as f64 / 1000.0;
        let mut sorted = tally.downtime_ms.clone();
        let sum_ms: f64 = sorted.iter().map(|&d| f64::from(d)).sum();
        let sum_sq: f64 = sorted.iter().map(|&d| f64::from(d) * f64::from(d)).sum();
        let (mean_ms, low_ms, mut high_ms) = tally::Sums {
            sum: sum_ms,
            squares: sum_sq,
        }
        .mean(n);
        let down_months = sorted.iter().filter(|&&d| d > 0).count() as u64;
        if down_months < 10 {
            // Too few months with downtime for a normal interval: bound the mean by the share of
            // months that may have downtime at all (a month is at most all downtime).
            high_ms = high_ms.max(wilson(down_months, n).2 * self.month_ms as f64);
        }
        sorted.sort_unstable();
        let q = |p| f64::from(quantile(&sorted, p)) / 1000.0;
        let downtime = DowntimeQuantiles {
            mean: crate::report::round12(mean_ms / 1000.0),
            p50: q(0.5),
            p90: q(0.9),
            p99: q(0.99),
            p999: q(0.999),
        };
        let mut breaches = self
            .thresholds
            .iter()
            .zip(&tally.below)
            .map(|(t, &k)| self.breach(t, k, n));
        let breach = if self.has_target {
            breaches.next()
        } else {
            None
        };
        let commitments: Vec<Breach> = breaches.collect();
        let breach = breach.map(|b| rare::estimate(b, rare));
        RiskReport {
            schema_version: RISK_SCHEMA_VERSION,
            generator: concat!("nines-core ", env!("CARGO_PKG_VERSION")).to_string(),
            catalog: self.catalog.version(),
            convention: ConventionInfo::new(self.options.convention),
            name: self.model.name.clone(),
            trials: n,
            seed: self.options.seed,
            month_seconds: month_s,
            exact_unavailability: self.exact,
            mean_unavailability: Estimate {
                estimate: crate::report::round12(mean_ms / self.month_ms as f64),
                low: crate::report::round12(low_ms / self.month_ms as f64),
                high: crate::report::round12(high_ms / self.month_ms as f64),
            },
            downtime_seconds: downtime,
            histogram: histogram(&sorted, downtime.p999),
            breach,
            commitments,
            services: self.service_risks(&tally),
            money: self.money(&tally, &sorted),
            processes: self.processes(),
            assumptions: assumptions(self.model),
        }
    }

    /// Each month's business loss in cents: inside the business calendar's hours at
    /// `business_loss_per_hour`, outside them at `business_loss_per_hour_outside_hours`.
    fn losses(&self, tally: &Tally, sorted: &[u32]) -> Option<Vec<f64>> {
        let per_ms = |money: Money| money.cents() as f64 / 3_600_000.0;
        let inside = per_ms(self.model.business_loss_per_hour?);
        if self.business_hours.is_none() {
            return Some(sorted.iter().map(|&d| f64::from(d) * inside).collect());
        }
        let outside = per_ms(
            self.model
                .business_loss_per_hour_outside_hours
                .unwrap_or(Money::ZERO),
        );
        let months = tally.downtime_ms.iter().zip(&tally.business_hours_ms);
        Some(
            months
                .map(|(&down, &hours)| {
                    f64::from(hours) * inside + f64::from(down - hours) * outside
                })
                .collect(),
        )
    }

    /// The downtime, seconds, that a share `p` of the ordinary months simulated in `chunks`
    /// stays within (the `p`-quantile of the monthly downtime).
    pub fn downtime_quantile(&self, chunks: &[ChunkResult], p: f64) -> f64 {
        let mut all: Vec<u32> = chunks
            .iter()
            .filter_map(|ChunkResult(work)| match work {
                Work::Months(tally) => Some(tally.downtime_ms.iter().copied()),
                Work::Rare(_) => None,
            })
            .flatten()
            .collect();
        all.sort_unstable();
        f64::from(quantile(&all, p)) / 1000.0
    }

    /// The length of a simulated month, seconds.
    pub fn month_seconds(&self) -> f64 {
        self.month_ms as f64 / 1000.0
    }

    fn breach(&self, t: &Threshold, k: u64, n: u64) -> Breach {
        let (p, low, high) = wilson(k, n);
        Breach {
            target: t.percent,
            probability: crate::report::round12(p),
            low: crate::report::round12(low),
            high: crate::report::round12(high),
            method: BreachMethod::Months,
            months: k,
            allowed_seconds: crate::report::round12(
                (1.0 - t.percent / 100.0) * self.month_ms as f64 / 1000.0,
            ),
        }
    }

    fn service_risks(&self, tally: &Tally) -> Vec<ServiceRisk> {
        let n = tally.trials;
        self.services
            .iter()
            .zip(&tally.services)
            .map(|(service, counts)| {
                let (p, low, high) = wilson(counts.credited, n);
                let (mean, mean_low, mean_high) = counts.credit.mean(n);
                let instance_months = (n * service.instances.len() as u64).max(1);
                let mut distribution: Vec<CreditShare> = counts
                    .tiers
                    .iter()
                    .map(|&(bits, months)| CreditShare {
                        credit_percent: f64::from_bits(bits),
                        months,
                        share: crate::report::round12(months as f64 / instance_months as f64),
                    })
                    .collect();
                distribution.sort_unstable_by(|a, b| b.credit_percent.total_cmp(&a.credit_percent));
                ServiceRisk {
                    component: self.plan.leaves[service.leaf].id.to_string(),
                    sla: service.sla.id.clone(),
                    instances: service.instances.len() as u64,
                    p_credit: crate::report::round12(p),
                    p_credit_low: crate::report::round12(low),
                    p_credit_high: crate::report::round12(high),
                    expected_credit: cents(mean),
                    expected_credit_low: cents(mean_low),
                    expected_credit_high: cents(mean_high),
                    credit_distribution: distribution,
                    credits_unknown: service.sla.credit_tiers.is_unknown(),
                }
            })
            .collect()
    }

    fn money(&self, tally: &Tally, sorted: &[u32]) -> MoneyRisk {
        let n = tally.trials;
        let (credit, credit_low, credit_high) = tally.credit.mean(n);
        let loss = self.losses(tally, sorted).map(|mut losses| {
            let sums = losses.iter().fold(tally::Sums::default(), |mut s, &l| {
                s.add(l);
                s
            });
            let (mean, low, high) = sums.mean(n);
            losses.sort_unstable_by(f64::total_cmp);
            let p99 = quantile(&losses, 0.99);
            (
                MoneyEstimate {
                    estimate: cents(mean),
                    low: cents(low),
                    high: cents(high),
                },
                cents(p99),
                mean,
            )
        });
        MoneyRisk {
            currency: self.model.currency.clone(),
            expected_credit: MoneyEstimate {
                estimate: cents(credit),
                low: cents(credit_low),
                high: cents(credit_high),
            },
            credits_cover: loss
                .as_ref()
                .filter(|l| l.2 > 0.0)
                .map(|l| crate::report::round12(credit / l.2)),
            expected_loss: loss.as_ref().map(|l| l.0),
            p99_loss: loss.map(|l| l.1),
        }
    }

    fn processes(&self) -> Vec<ProcessReport> {
        self.plan
            .leaves
            .iter()
            .map(|leaf| {
                let p = &leaf.process;
                ProcessReport {
                    component: leaf.id.to_string(),
                    failures_per_year: crate::report::round12(
                        p.rate * crate::plan::process::HOURS_PER_YEAR,
                    ),
                    mean_outage_minutes: crate::report::round12(p.mean * 60.0),
                    distribution: match p.shape {
                        Shape::Exponential => OutageShape::Exponential,
                        Shape::Fixed => OutageShape::Fixed,
                        Shape::Lognormal { .. } => OutageShape::Lognormal,
                    },
                    outage_from: p.from.into(),
                }
            })
            .collect()
    }
}

/// Rounds a mean amount in cents to a [`Money`].
fn cents(value: f64) -> Money {
    Money::from_cents(libm::round(value.max(0.0)) as i64)
}

/// The UTC start of the month the calendars are laid over, when the plan uses any: a
/// calendar month is required, as service hours, holidays and maintenance depend on its days.
fn calendar_origin(
    plan: &Plan,
    convention: Convention,
) -> Result<Option<chrono::NaiveDateTime>, Problems> {
    let uses = plan.business_calendar.is_some() || plan.leaves.iter().any(|l| l.calendar.is_some());
    if !uses {
        return Ok(None);
    }
    match convention.month() {
        Some(month) => Ok(Some(month.first_day().and_time(chrono::NaiveTime::MIN))),
        None => Err(Problems::from(Problem::value(
            "month",
            "the model's calendars need a calendar month (e.g. --month 2026-03): service hours, holidays and maintenance windows depend on the month's own days",
        ))),
    }
}

/// The services: every leaf with an SLA, with its instances and the domains it lives in.
fn services<'a>(plan: &Plan<'a>, network: &Network) -> Vec<Service<'a>> {
    let mut services: Vec<Service<'a>> = plan
        .leaves
        .iter()
        .enumerate()
        .filter_map(|(leaf, l)| {
            let sla = l.sla?;
            let fee = l.fee.unwrap_or(Money::ZERO);
            let tiers = sla
                .credit_tiers
                .tiers()
                .iter()
                .map(|tier| {
                    let percent = tier.credit.value().min(sla.credit_cap.value());
                    let credit = Percent::new(percent)
                        .map(|p| sla.credit_amount(fee, p))
                        .unwrap_or(Money::ZERO);
                    (tier.below.scaled(), percent, credit.cents())
                })
                .collect();
            Some(Service {
                leaf,
                sla,
                tiers,
                instances: Vec::new(),
                domains: Vec::new(),
                hours: None,
                service_ms: 0,
            })
        })
        .collect();
    for (i, instance) in network.instances.iter().enumerate() {
        for service in services.iter_mut() {
            if service.leaf == instance.leaf {
                service.instances.push(i as u32);
            }
            if plan.leaves[service.leaf].domains.contains(&instance.leaf) {
                service.domains.push(i as u32);
            }
        }
    }
    services
}

/// The target (if any) and each distinct SLA commitment, highest first after the target.
fn thresholds(target: Option<Availability>, services: &[Service]) -> Vec<Threshold> {
    let mut percents: Vec<f64> = services
        .iter()
        .map(|s| s.sla.commitment.percent_number())
        .collect();
    percents.sort_unstable_by(|a, b| b.total_cmp(a));
    percents.dedup();
    target
        .map(|t| t.percent_number())
        .into_iter()
        .chain(percents)
        .filter_map(|percent| {
            let scaled = Percent::new(percent).ok()?.scaled();
            Some(Threshold { percent, scaled })
        })
        .collect()
}

fn histogram(sorted: &[u32], p999_seconds: f64) -> Histogram {
    let zero_months = sorted.iter().take_while(|&&d| d == 0).count() as u64;
    let top_ms = (p999_seconds * 1000.0).max(1.0);
    let bin_ms = libm::ceil(top_ms / BINS as f64).max(1.0);
    let mut counts = vec![0u64; BINS];
    let mut beyond = 0;
    for &d in &sorted[zero_months as usize..] {
        let bin = (libm::ceil(f64::from(d) / bin_ms) as usize).saturating_sub(1);
        match counts.get_mut(bin) {
            Some(count) => *count += 1,
            None => beyond += 1,
        }
    }
    Histogram {
        zero_months,
        bin_seconds: bin_ms / 1000.0,
        counts,
        beyond,
    }
}

/// What every figure of the report assumes, in words.
fn assumptions(model: &Model) -> Vec<String> {
    let minutes = model
        .default_outage_minutes
        .unwrap_or(crate::plan::process::DEFAULT_OUTAGE_MINUTES);
    vec![
        format!(
            "A component that gives neither outage_minutes nor incidents_per_year has outages of {} minutes on average (the model's default_outage_minutes); its failure rate then follows from its availability. Longer outages at the same availability mean fewer, worse months",
            crate::text::decimal::display(minutes)
        ),
        "Each component fails and recovers on its own (an alternating renewal process: exponential times to failure), except shared components and failure domains, which fail once for everything that uses them".to_string(),
        "Each simulated month starts in the long-run state: a component is down at its start with probability equal to its unavailability".to_string(),
        "A component's downtime for its SLA is its own outages and those of the domains it lives in; the provider's own downtime definition (error rates, minimum periods) is not modelled".to_string(),
    ]
}

/// One month's draws: each instance's intervals, and the walk of their events.
pub(crate) struct Month {
    pub(crate) state: State,
    intervals: Vec<Vec<(i64, i64)>>,
    drawn: Vec<u32>,
    scratch: std::cell::RefCell<Vec<(i64, i64)>>,
}

impl Month {
    fn new(network: &Network) -> Self {
        Self {
            state: network.state(),
            intervals: vec![Vec::new(); network.instances.len()],
            drawn: Vec::new(),
            scratch: std::cell::RefCell::new(Vec::new()),
        }
    }

    /// Draws month `m` of `block`: of the instances with anything in it, only the outages
    /// that can change the root (`network::prune`) or that an SLA counts; the others would be
    /// drawn and never looked at. Leaves no instance to walk when their outages do not overlap
    /// as the root needs to go down.
    fn draw(
        &mut self,
        network: &Network,
        random: &mut Random,
        month_ms: i64,
        block: &Block,
        m: usize,
    ) {
        for &i in &self.drawn {
            self.intervals[i as usize].clear();
        }
        self.drawn.clear();
        self.state.relevant.clear();
        let bit = 1u64 << m;
        for &i in &block.to_draw[m] {
            let nonquiet = block.nonquiet[i as usize] & bit != 0;
            if block.relevant[i as usize] & bit != 0 {
                self.state.relevant.push(i);
            }
            // How a non-quiet month starts: a uniform above the quiet probability (any
            // uniform below it makes the month quiet, as with planned maintenance only).
            let sampler = &network.instances[i as usize].sampler;
            let r = if nonquiet {
                sampler.quiet + random.uniform() * (1.0 - sampler.quiet)
            } else {
                0.0
            };
            let out = &mut self.intervals[i as usize];
            sampler.sample(r, random, month_ms, out);
            if !out.is_empty() {
                self.drawn.push(i);
            }
        }
        let state = &mut self.state;
        if !state.relevant.is_empty()
            && !network.root_may_be_down(&block.live[m], &self.intervals, &mut state.overlaps)
        {
            state.relevant.clear();
        }
    }

    /// The architecture's downtime in the month, and how much of it falls in `hours` (sorted,
    /// disjoint; empty: none), milliseconds: the events of the instances that can change it
    /// (`network::prune`), walked in time order.
    fn downtime(&mut self, network: &Network, month_ms: i64, hours: &[(i64, i64)]) -> (i64, i64) {
        let state = &mut self.state;
        for &i in &state.relevant {
            // Planned maintenance, when the instance has any, is its first interval.
            let planned = usize::from(network.instances[i as usize].sampler.maintenance > 0);
            for (k, &(start, end)) in self.intervals[i as usize].iter().enumerate() {
                let kind = if k < planned { 2 } else { 1 };
                state.events.push(network::event(start, kind, i));
                state.events.push(network::event(end, -kind, i));
            }
        }
        network.downtime_within(state, month_ms, hours)
    }

    /// An instance's downtime in the month, with the domains it lives in, milliseconds; only
    /// what falls in `hours` when given (an SLA's service time).
    fn down_ms(&self, instance: u32, domains: &[u32], hours: Option<&[(i64, i64)]>) -> i64 {
        let own = &self.intervals[instance as usize];
        let no_domain = domains
            .iter()
            .all(|&d| self.intervals[d as usize].is_empty());
        if no_domain && own.len() <= 1 {
            return own.first().map_or(0, |&(a, b)| match hours {
                Some(hours) => network::overlap(hours, a, b),
                None => b - a,
            });
        }
        let mut all = self.scratch.borrow_mut();
        all.clear();
        all.extend_from_slice(own);
        for &d in domains {
            all.extend_from_slice(&self.intervals[d as usize]);
        }
        match hours {
            Some(hours) => crate::intervals::normalize(all.clone())
                .iter()
                .map(|&(a, b)| network::overlap(hours, a, b))
                .sum(),
            None => crate::intervals::union_length(&mut all),
        }
    }
}
