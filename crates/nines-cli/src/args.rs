//! The command line, as clap reads it. Every argument that names a value says its unit.

use clap::{Args, Parser, Subcommand};
use nines_core::{Availability, Convention, Period, YearMonth};

/// Exact composite availability, SLA contracts, downtime and service credits.
#[derive(Parser)]
#[command(name = "nines", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// All must be up: availability of components in series.
    Serial(Compose),
    /// Any one suffices: availability of redundant components.
    Parallel(Compose),
    /// At least K of the components must be up.
    #[command(name = "k-of-n")]
    KOfN {
        /// How many must be up.
        k: u32,
        #[command(flatten)]
        compose: Compose,
    },
    /// Downtime allowed by an availability, or (with --allowed) the availability a downtime needs.
    Downtime {
        /// The availability, e.g. 99.9 or 99.9%.
        #[arg(value_parser = parse_availability, allow_negative_numbers = true, required_unless_present = "allowed", conflicts_with = "allowed")]
        availability: Option<Availability>,
        /// Reverse: the downtime allowed, e.g. 43m12s, 8.76h, 1d2h.
        #[arg(long, value_parser = parse_seconds)]
        allowed: Option<f64>,
        /// The period of --allowed: day, week, month, quarter or year.
        #[arg(long, default_value = "month", value_parser = parse_period, requires = "allowed")]
        per: Period,
        #[command(flatten)]
        period: Conventions,
        #[command(flatten)]
        hours: ServiceHours,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Evaluate a model file (JSON; `-` for stdin) and print its report.
    Eval {
        /// The model file, or `-` for standard input.
        file: String,
        #[command(flatten)]
        period: Conventions,
        #[command(flatten)]
        catalogs: Catalogs,
        /// Also list how the design fails: its minimal cut sets up to this size (1–6).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=6))]
        cut_sets: Option<u32>,
        /// Count expected downtime in the service time of this calendar of the model
        /// (an id of its `calendars`).
        #[arg(long, value_name = "ID")]
        calendar: Option<String>,
        /// Print the JSON report.
        #[arg(long)]
        json: bool,
    },
    /// Simulate months of a model (JSON; `-` for stdin): how bad a month can get, how likely a
    /// breach is, and what credits pay against the loss.
    Simulate {
        /// The model file, or `-` for standard input.
        file: String,
        /// Months to simulate (1 to 10,000,000).
        #[arg(long, default_value_t = nines_core::simulate::DEFAULT_TRIALS)]
        trials: u64,
        /// The seed of the random streams: the same seed gives the same report.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The availability a month must reach, percent (default: the model's `target`).
        #[arg(long, value_parser = parse_availability, allow_negative_numbers = true)]
        target: Option<Availability>,
        #[command(flatten)]
        period: Conventions,
        #[command(flatten)]
        catalogs: Catalogs,
        /// Print the JSON risk report.
        #[arg(long)]
        json: bool,
    },
    /// What it would take to reach a target: the availability each component alone must reach,
    /// importance measures, and the copies, members or k each group needs.
    Improve {
        /// The model file, or `-` for standard input.
        file: String,
        /// The availability to reach, percent (default: the model's `target`).
        #[arg(long, value_parser = parse_availability, allow_negative_numbers = true)]
        target: Option<Availability>,
        #[command(flatten)]
        period: Conventions,
        #[command(flatten)]
        catalogs: Catalogs,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// The cheapest combination of alternatives and copies that meets a target, and the
    /// frontier of monthly fee against availability.
    Optimize {
        /// The model file, or `-` for standard input.
        file: String,
        /// The availability to reach, percent (default: the model's `target`).
        #[arg(long, value_parser = parse_availability, allow_negative_numbers = true)]
        target: Option<Availability>,
        #[command(flatten)]
        period: Conventions,
        #[command(flatten)]
        catalogs: Catalogs,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// The error budget of an SLO, the SLO the design supports, and an OpenSLO document.
    Slo {
        /// The model file, or `-` for standard input.
        file: String,
        /// The SLO, percent (default: the model's `target`).
        #[arg(long, value_parser = parse_availability, allow_negative_numbers = true)]
        target: Option<Availability>,
        /// Also simulate months and give the SLO met in this share of them, e.g. 0.975.
        #[arg(long)]
        confidence: Option<f64>,
        /// Months to simulate with --confidence.
        #[arg(long, default_value_t = nines_core::simulate::DEFAULT_TRIALS)]
        trials: u64,
        /// The seed of the simulation.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The IANA time zone of the OpenSLO calendar window.
        #[arg(long, default_value = "Etc/UTC")]
        time_zone: String,
        #[command(flatten)]
        period: Conventions,
        #[command(flatten)]
        catalogs: Catalogs,
        /// Print the OpenSLO v1 document (YAML).
        #[arg(long, conflicts_with = "json")]
        openslo: bool,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// List, show or check SLA catalog entries.
    #[command(args_conflicts_with_subcommands = true)]
    Catalog {
        #[command(subcommand)]
        command: Option<CatalogCommand>,
        /// Words that must all appear in the id, service or configuration.
        query: Option<String>,
        /// Only this provider: azure, aws or gcp.
        #[arg(long)]
        provider: Option<String>,
        /// Only entries whose source is dated before this day (YYYY-MM-DD): the ones to review.
        #[arg(long, value_parser = parse_date)]
        stale_before: Option<chrono::NaiveDate>,
        /// Print counts per provider and per source status instead of the entries.
        #[arg(long)]
        summary: bool,
        #[command(flatten)]
        catalogs: Catalogs,
        /// Print the entries as JSON (the catalog schema).
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum CatalogCommand {
    /// Show one entry with its credit tiers as downtime per month.
    Show {
        /// The entry id, e.g. azure/virtual-machines/availability-zones.
        id: String,
        #[command(flatten)]
        period: Conventions,
        #[command(flatten)]
        catalogs: Catalogs,
        /// Print the entry as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Check a catalog file and list every problem with its path: a catalog ({version, date,
    /// entries}), a manifest ({version, date, files}: its files are read beside it) or one
    /// provider file ({provider, entries}).
    Check {
        /// The catalog file, or `-` for standard input.
        file: String,
    },
}

#[derive(Args)]
pub struct Compose {
    /// Availabilities in percent, e.g. 99.95 99.99%.
    #[arg(required = true, value_parser = parse_availability, allow_negative_numbers = true)]
    pub availabilities: Vec<Availability>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// How long a month is.
#[derive(Args, Clone, Copy)]
pub struct Conventions {
    /// A calendar month, YYYY-MM (28–31 days).
    #[arg(long, value_parser = parse_month, conflicts_with = "convention")]
    pub month: Option<YearMonth>,
    /// A fixed convention: 30-day (default), 365/12 or gregorian.
    #[arg(long, value_parser = parse_convention)]
    pub convention: Option<Convention>,
}

impl Conventions {
    pub fn convention(self) -> Convention {
        match (self.month, self.convention) {
            (Some(month), _) => Convention::CalendarMonth(month),
            (None, Some(convention)) => convention,
            (None, None) => Convention::default(),
        }
    }
}

/// The service time a percentage counts: hours in a time zone, holidays, or a calendar file.
#[derive(Args, Clone, Default)]
pub struct ServiceHours {
    /// Service hours, local time: "mon-fri 09:00-17:00" (rules joined by ";", intervals by ",").
    #[arg(long, value_name = "HOURS", conflicts_with = "calendar")]
    pub hours: Option<String>,
    /// The IANA time zone of the hours and holidays, e.g. Europe/Berlin (default UTC).
    #[arg(long = "tz", value_name = "ZONE", conflicts_with = "calendar")]
    pub time_zone: Option<String>,
    /// A day without service, YYYY-MM-DD (repeat for several).
    #[arg(long = "holiday", value_name = "DATE", conflicts_with = "calendar")]
    pub holidays: Vec<String>,
    /// A calendar file: {"time_zone", "hours", "holidays", "maintenance"} (`-` for stdin).
    #[arg(long, value_name = "FILE")]
    pub calendar: Option<String>,
}

/// Catalogs of the user's own beside the bundled one.
#[derive(Args, Clone, Default)]
pub struct Catalogs {
    /// A catalog file of your own contracts ({version, date, entries}), merged with the bundled
    /// catalog; repeat for several.
    #[arg(long = "catalog", value_name = "FILE")]
    pub files: Vec<String>,
    /// Let entries of --catalog files replace bundled entries with the same id.
    #[arg(long = "override", requires = "files")]
    pub replace: bool,
}

fn parse_availability(text: &str) -> Result<Availability, String> {
    Availability::parse_percent(text).map_err(|e| e.to_string())
}

fn parse_seconds(text: &str) -> Result<f64, String> {
    nines_core::parse_duration(text).map_err(|e| e.to_string())
}

fn parse_period(text: &str) -> Result<Period, String> {
    Period::parse(text).map_err(|e| e.to_string())
}

fn parse_month(text: &str) -> Result<YearMonth, String> {
    YearMonth::parse(text).map_err(|e| e.to_string())
}

fn parse_convention(text: &str) -> Result<Convention, String> {
    Convention::parse(text).map_err(|e| e.to_string())
}

fn parse_date(text: &str) -> Result<chrono::NaiveDate, String> {
    nines_core::parse_date(text).map_err(|e| e.to_string())
}
