//! `nines`: the command line over `nines-core`. Reads files and arguments, prints reports.
//!
//! Exit codes: 0 success, 2 bad input (one line naming the argument or JSON path), 1 internal
//! error (e.g. stdout closed).

mod render;

use clap::{Args, Parser, Subcommand};
use nines_core::report::{AvailabilityAnswer, DowntimeAnswer};
use nines_core::{
    combine, parse_duration, required_availability, Availability, Catalog, Combine, Convention,
    Options, Period, Problem, Problems, YearMonth,
};
use serde::Serialize;
use std::io::{Read, Write};
use std::process::ExitCode;

/// Exact composite availability, SLA contracts, downtime and service credits.
#[derive(Parser)]
#[command(name = "nines", version, about, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
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
        calendar: Calendar,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Evaluate a model file (JSON; `-` for stdin) and print its report.
    Eval {
        /// The model file, or `-` for standard input.
        file: String,
        #[command(flatten)]
        calendar: Calendar,
        /// Print the JSON report.
        #[arg(long)]
        json: bool,
    },
    /// List or show SLA catalog entries.
    #[command(args_conflicts_with_subcommands = true)]
    Catalog {
        #[command(subcommand)]
        show: Option<CatalogCommand>,
        /// Words that must all appear in the id, service or configuration.
        query: Option<String>,
        /// Only this provider: azure, aws or gcp.
        #[arg(long)]
        provider: Option<String>,
        /// Print the entries as JSON (the catalog schema).
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum CatalogCommand {
    /// Show one entry with its credit tiers as downtime per month.
    Show {
        /// The entry id, e.g. azure/virtual-machines/availability-zones.
        id: String,
        #[command(flatten)]
        calendar: Calendar,
        /// Print the entry as JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
struct Compose {
    /// Availabilities in percent, e.g. 99.95 99.99%.
    #[arg(required = true, value_parser = parse_availability, allow_negative_numbers = true)]
    availabilities: Vec<Availability>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Args, Clone, Copy)]
struct Calendar {
    /// A calendar month, YYYY-MM (28–31 days).
    #[arg(long, value_parser = parse_month, conflicts_with = "convention")]
    month: Option<YearMonth>,
    /// A fixed convention: 30-day (default), 365/12 or gregorian.
    #[arg(long, value_parser = parse_convention)]
    convention: Option<Convention>,
}

impl Calendar {
    fn convention(self) -> Convention {
        match (self.month, self.convention) {
            (Some(month), _) => Convention::CalendarMonth(month),
            (None, Some(convention)) => convention,
            (None, None) => Convention::default(),
        }
    }
}

fn parse_availability(text: &str) -> Result<Availability, String> {
    Availability::parse_percent(text).map_err(|e| e.to_string())
}

fn parse_seconds(text: &str) -> Result<f64, String> {
    parse_duration(text).map_err(|e| e.to_string())
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

/// A failure, and which exit code it earns.
enum Failure {
    /// The user's input is wrong: exit 2.
    Input(String),
    /// Something else broke: exit 1.
    Internal(String),
}

impl From<Problems> for Failure {
    fn from(problems: Problems) -> Self {
        Self::Input(problems.to_string())
    }
}

impl From<Problem> for Failure {
    fn from(problem: Problem) -> Self {
        Self::Input(problem.to_string())
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) if !error.use_stderr() => {
            // --help and --version
            let _ = error.print();
            return ExitCode::SUCCESS;
        }
        Err(error) => {
            // clap's message runs until the first blank line; keep it on one line.
            let rendered = error.render().to_string();
            let message: Vec<&str> = rendered
                .lines()
                .take_while(|line| !line.trim().is_empty())
                .map(str::trim)
                .collect();
            eprintln!("nines: {}", message.join(" ").trim_start_matches("error: "));
            return ExitCode::from(2);
        }
    };
    match run(cli.command) {
        Ok(output) => match std::io::stdout().write_all(output.as_bytes()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("nines: internal error: cannot write output: {e}");
                ExitCode::from(1)
            }
        },
        Err(Failure::Input(message)) => {
            eprintln!("nines: {message}");
            ExitCode::from(2)
        }
        Err(Failure::Internal(message)) => {
            eprintln!("nines: internal error: {message}");
            ExitCode::from(1)
        }
    }
}

fn run(command: Command) -> Result<String, Failure> {
    match command {
        Command::Serial(c) => composed(Combine::Serial, c),
        Command::Parallel(c) => composed(Combine::Parallel, c),
        Command::KOfN { k, compose } => composed(Combine::KOfN(k), compose),
        Command::Downtime {
            availability,
            allowed,
            per,
            calendar,
            json,
        } => {
            let convention = calendar.convention();
            let availability = match (availability, allowed) {
                (Some(a), _) => a,
                (None, Some(seconds)) => required_availability(seconds, per, convention)?,
                (None, None) => {
                    return Err(Failure::Input("give an availability or --allowed".into()))
                }
            };
            let answer = DowntimeAnswer::new(availability, convention);
            if json {
                to_json(&answer)
            } else {
                Ok(render::downtime(&answer))
            }
        }
        Command::Eval {
            file,
            calendar,
            json,
        } => {
            let text = read_input(&file)?;
            let catalog = bundled_catalog()?;
            let options = Options {
                convention: calendar.convention(),
            };
            let report = nines_core::evaluate_json(&text, &catalog, &options)?;
            if json {
                to_json(&report)
            } else {
                Ok(render::report(&report))
            }
        }
        Command::Catalog {
            show: Some(CatalogCommand::Show { id, calendar, json }),
            ..
        } => {
            let catalog = bundled_catalog()?;
            let entry = catalog.get(&id).ok_or_else(|| {
                Failure::Input(format!(
                    "ID: unknown catalog id {id:?} (see `nines catalog`)"
                ))
            })?;
            if json {
                to_json(entry)
            } else {
                Ok(render::entry(entry, calendar.convention()))
            }
        }
        Command::Catalog {
            show: None,
            query,
            provider,
            json,
        } => {
            let catalog = bundled_catalog()?;
            let found = catalog.search(query.as_deref().unwrap_or(""), provider.as_deref());
            if json {
                to_json(&found)
            } else {
                Ok(render::entries(&catalog, &found))
            }
        }
    }
}

fn composed(how: Combine, compose: Compose) -> Result<String, Failure> {
    let availability = combine(how, &compose.availabilities)?;
    if compose.json {
        to_json(&AvailabilityAnswer::new(availability))
    } else {
        Ok(render::downtime(&DowntimeAnswer::new(
            availability,
            Convention::default(),
        )))
    }
}

fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<String, Failure> {
    serde_json::to_string_pretty(value)
        .map(|mut s| {
            s.push('\n');
            s
        })
        .map_err(|e| Failure::Internal(e.to_string()))
}

fn read_input(file: &str) -> Result<String, Failure> {
    let mut text = String::new();
    let result = if file == "-" {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::File::open(file).and_then(|mut f| f.read_to_string(&mut text).map(|_| ()))
    };
    result.map_err(|e| Failure::Input(format!("FILE {file}: {e}")))?;
    Ok(text)
}

fn bundled_catalog() -> Result<Catalog, Failure> {
    Catalog::bundled().map_err(|problems| Failure::Internal(problems.to_string()))
}
