//! # nines-core
//!
//! Exact composite availability for architectures built from cloud services and on-prem boxes,
//! with the contract behind each number: SLA commitments per configuration, downtime
//! definitions, calendar conventions and service credits.
//!
//! ```
//! use nines_core::{evaluate_json, Catalog, Convention, Options};
//!
//! let model = r#"{"root": {"serial": {"children": [
//!     {"component": {"id": "front", "availability": 99.95}},
//!     {"parallel": {"children": [
//!         {"component": {"id": "db1", "availability": 99.99}},
//!         {"component": {"id": "db2", "availability": 99.9}}]}}]}}}"#;
//! let options = Options::new(Convention::parse("2026-02")?);
//! let report = evaluate_json(model, &Catalog::empty(), &options)?;
//! assert_eq!(report.percent, "99.949990005");
//! assert_eq!(report.weakest_link.as_deref(), Some("front"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Overview
//!
//! The pipeline reads in one direction, one module per step; [`evaluate`] runs it:
//!
//! 1. [`model`]: the JSON input — `serial`, `parallel`, `k_of_n`, `failover`, `replicate`
//!    groups over components (catalog SLA, inline SLA, custom percentage, or MTBF/MTTR box),
//!    plus `shared` components referenced from several branches. [`catalog`] holds the
//!    [`Sla`]s that catalog components name.
//! 2. `plan`: validation turns the model into a flat plan, or returns every [`Problem`] with
//!    its [`JsonPath`] and [`ProblemKind`].
//! 3. `engine`: the unavailability `U`, exactly (no cancellation, no rounding per step), and
//!    `∂U/∂uᵢ` for every component, conditioning on shared components so that a dependency
//!    used by two regions fails once, not twice.
//! 4. The report, by concern: `figures` (each component's share of `U`, the weakest link),
//!    `contract` (each SLA's credit tiers as downtime, the worst case against the business
//!    loss, the caveats) and `scenario` (an outage month priced to the cent). [`report`]
//!    holds the wire types every shell prints, including the quick answers
//!    ([`report::AvailabilityAnswer`], [`report::DowntimeAnswer`]).
//!
//! Beside the pipeline, `text` holds the utilities at its edges: reading JSON with paths,
//! correctly rounded decimal ↔ `f64` conversions, dates, durations and money. Nothing here
//! reads files, clocks or the network: the CLI, the wasm API and the web app own those and
//! pass text in.
//!
//! To evaluate one design many times (what-if sweeps, optimisation), validate it once with
//! [`Prepared`] and ask for the composite alone: one sweep costs about 10 ns per component
//! (README, Benchmarks).
//!
//! ## Features
//!
//! - `bundled-catalog` (default): embeds `data/catalog/*.json` and `data/templates/*.json`;
//!   see [`Catalog::bundled`]. Without it, load any catalog with [`Catalog::from_json`].
//! - `schema`: JSON Schemas (draft 2020-12) of the model and the report, generated from these
//!   types with `schemars` (`schema::model`, `schema::report`; checked in under `data/schema/`).
//!
//! ## Limitations
//!
//! - Components fail independently, except shared components, which are exact: conditioned on
//!   where their uses meet, at most [`MAX_ENTANGLED`] of them together.
//! - Availability of a catalog component is its SLA commitment: a contractual floor, not a
//!   measurement.
//! - Failover assumes the standby is ready (its own unavailability aside) and loses the whole
//!   switchover time on every primary failure, shorter outages included; failback is free.
//! - Figures keep 12 significant digits of unavailability when printed.

#![deny(missing_docs)]

mod availability;
pub mod calendar;
pub mod catalog;
mod contract;
mod convention;
pub mod cut_sets;
pub mod decide;
mod engine;
mod evaluate;
mod figures;
mod hints;
mod intervals;
pub mod model;
mod plan;
mod problem;
mod quick;
pub mod report;
mod scenario;
#[cfg(feature = "schema")]
pub mod schema;
pub mod simulate;
pub mod sla;
mod sort;
mod text;

pub use availability::{Availability, AvailabilityError, Percent, PRINTED_DIGITS};
pub use catalog::{Catalog, CatalogManifest, CatalogVersion, Template};
pub use convention::{
    Convention, ConventionError, Period, PeriodError, Periods, YearMonth, YearMonthError,
};
pub use evaluate::{evaluate, evaluate_json, evaluate_model, Options, Prepared};
pub use model::Model;
pub use plan::condition::MAX_ENTANGLED;
pub use problem::{JsonPath, Problem, ProblemKind, Problems, Segment};
pub use quick::{combine, required_availability, Combine};
pub use report::{Downtime, Report};
pub use sla::Sla;
pub use text::date::{parse_date, parse_utc_time, DateError, TimeError};
pub use text::duration::{format_duration, format_duration_brief, parse_duration, DurationError};
pub use text::json::{exact_f64, from_json};
pub use text::money::{Money, MoneyError};
