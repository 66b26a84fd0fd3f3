//! What each command does: read its inputs, ask nines-core, render the answer.

use crate::args::{CatalogCommand, Catalogs, Command, Compose, ServiceHours};
use crate::{print, read_input, render, shown, Failure, Out};
use nines_core::calendar::{Calendar, Holiday, TimeZone, WeekHours};
use nines_core::decide::{DecideOptions, Optimizer, SloOptions};
use nines_core::report::{AvailabilityAnswer, DowntimeAnswer};
use nines_core::simulate::SimulateOptions;
use nines_core::{
    combine, required_availability, Catalog, CatalogManifest, Combine, Convention, Model, Options,
};

pub fn run(command: Command, out: &mut Out) -> Result<(), Failure> {
    match command {
        Command::Serial(c) => composed(Combine::Serial, c, out),
        Command::Parallel(c) => composed(Combine::Parallel, c, out),
        Command::KOfN { k, compose } => composed(Combine::KOfN(k), compose, out),
        Command::Downtime {
            availability,
            allowed,
            per,
            period,
            hours,
            json,
        } => {
            let convention = period.convention();
            let calendar = service_calendar(&hours)?;
            calendar.check_holidays_in(convention).map_err(|problem| {
                let given = hours
                    .calendar
                    .as_ref()
                    .map_or("--holiday".to_string(), |file| {
                        format!("--calendar {file}: {}", problem.path)
                    });
                Failure::Input(format!("{given}: {}", problem.message))
            })?;
            let lengths = calendar.service_periods(convention);
            let availability = match (availability, allowed) {
                (Some(a), _) => a,
                (None, Some(seconds)) => required_availability(seconds, per, &lengths)?,
                (None, None) => {
                    return Err(Failure::Input("give an availability or --allowed".into()))
                }
            };
            let answer = DowntimeAnswer::in_calendar(availability, convention, &calendar);
            shown(out, json, &answer, render::downtime)
        }
        Command::Eval {
            file,
            period,
            catalogs,
            cut_sets,
            calendar,
            json,
        } => {
            let model = Model::from_json(&read_input(&file, "FILE")?)?;
            let catalog = catalog_for(&model, &catalogs)?;
            let options = Options {
                convention: period.convention(),
                cut_sets,
                calendar,
            };
            let report = nines_core::evaluate_model(model, &catalog, &options)?;
            shown(out, json, &report, render::report)?;
            // The process ends next: freeing a large report node by node would cost about 5%
            // of the run (1,000 components, measured); the operating system takes it back whole.
            std::mem::forget((report, catalog));
            Ok(())
        }
        Command::Simulate {
            file,
            trials,
            seed,
            target,
            period,
            catalogs,
            json,
        } => {
            let text = read_input(&file, "FILE")?;
            let catalog = catalog(&catalogs)?;
            let model = Model::from_json(&text)?;
            let options = SimulateOptions {
                convention: period.convention(),
                trials,
                seed,
                target,
            };
            let report = crate::simulate::run(&model, &catalog, options)?;
            shown(out, json, &report, render::risk)
        }
        Command::Improve {
            file,
            target,
            period,
            catalogs,
            json,
        } => {
            let (model, catalog) = model_and_catalog(&file, &catalogs)?;
            let options = DecideOptions {
                convention: period.convention(),
                target,
            };
            let answer = nines_core::decide::improve(&model, &catalog, &options)?;
            shown(out, json, &answer, crate::decide::improve)
        }
        Command::Optimize {
            file,
            target,
            period,
            catalogs,
            json,
        } => {
            let (model, catalog) = model_and_catalog(&file, &catalogs)?;
            let options = DecideOptions {
                convention: period.convention(),
                target,
            };
            let answer = Optimizer::new(&model, &catalog, &options)?.run();
            shown(out, json, &answer, crate::decide::optimize)
        }
        Command::Slo {
            file,
            target,
            confidence,
            trials,
            seed,
            time_zone,
            period,
            catalogs,
            openslo,
            json,
        } => {
            let (model, catalog) = model_and_catalog(&file, &catalogs)?;
            let options = SloOptions {
                convention: period.convention(),
                target,
                confidence,
                trials,
                seed,
                time_zone,
            };
            if openslo {
                let yaml = nines_core::decide::openslo_yaml(&model, &catalog, &options)?;
                return print(out, &yaml);
            }
            let answer = nines_core::decide::slo(&model, &catalog, &options)?;
            shown(out, json, &answer, crate::decide::slo)
        }
        Command::Catalog {
            command: Some(command),
            ..
        } => catalog_command(command, out),
        Command::Catalog {
            command: None,
            query,
            provider,
            stale_before,
            summary,
            catalogs,
            json,
        } => {
            let catalog = catalog(&catalogs)?;
            if summary {
                let summary = catalog.summary();
                return shown(out, json, &summary, |x| render::summary(&catalog, x));
            }
            let mut found = catalog.search(query.as_deref().unwrap_or(""), provider.as_deref());
            if let Some(date) = stale_before {
                found.retain(|e| e.source.as_of < date);
            }
            shown(out, json, &found, |x| render::entries(&catalog, x))
        }
    }
}

fn catalog_command(command: CatalogCommand, out: &mut Out) -> Result<(), Failure> {
    match command {
        CatalogCommand::Show {
            id,
            period,
            catalogs,
            json,
        } => {
            let catalog = catalog(&catalogs)?;
            let entry = catalog.get(&id).ok_or_else(|| {
                Failure::Input(format!(
                    "ID: unknown catalog id {id:?} (see `nines catalog`)"
                ))
            })?;
            shown(out, json, entry, |x| render::entry(x, period.convention()))
        }
        CatalogCommand::Check { file } => {
            let line = checked_catalog(&file)?;
            print(out, &format!("{file}: ok, {line}\n"))
        }
    }
}

/// Checks a catalog file of any of the three shapes: a catalog (`{version, date, entries}`), a
/// manifest (`{version, date, files}`, its files read beside it, as `data/catalog/catalog.json`)
/// or one provider file (`{provider, entries}`); says what it holds.
fn checked_catalog(file: &str) -> Result<String, Failure> {
    let text = read_input(file, "FILE")?;
    let keys = serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&text)
        .map(|object| {
            (
                object.contains_key("files"),
                object.contains_key("provider"),
            )
        })
        .unwrap_or_default();
    let catalog = match keys {
        (true, _) => {
            let manifest = CatalogManifest::from_json(&text)?;
            let folder = std::path::Path::new(file)
                .parent()
                .unwrap_or(std::path::Path::new(""));
            let mut texts = Vec::new();
            for (i, name) in manifest.files.iter().enumerate() {
                let path = folder.join(name).to_string_lossy().into_owned();
                let text = read_input(&path, &format!("{file}: files[{i}]"))?;
                texts.push((name.as_str(), text));
            }
            let files: Vec<(&str, &str)> = texts.iter().map(|(n, t)| (*n, t.as_str())).collect();
            Catalog::from_files(&manifest, &files)?
        }
        (false, true) => {
            let entries = Catalog::provider_entries("", &text)?;
            return Ok(format!("provider file with {} entries", entries.len()));
        }
        _ => Catalog::from_json(&text)?,
    };
    let version = catalog.version();
    let entries = catalog.summary().entries;
    Ok(format!(
        "catalog {} ({}) with {entries} entries",
        version.version, version.date
    ))
}

/// The model of `file` and the catalog with the user's files.
fn model_and_catalog(file: &str, catalogs: &Catalogs) -> Result<(Model, Catalog), Failure> {
    let text = read_input(file, "FILE")?;
    let catalog = catalog(catalogs)?;
    Ok((Model::from_json(&text)?, catalog))
}

fn composed(how: Combine, compose: Compose, out: &mut Out) -> Result<(), Failure> {
    let availability = combine(how, &compose.availabilities)?;
    shown(
        out,
        compose.json,
        &AvailabilityAnswer::new(availability),
        |_| render::downtime(&DowntimeAnswer::new(availability, Convention::default())),
    )
}

/// The calendar of `--calendar FILE`, or of `--hours`, `--tz` and `--holiday`; 24×7 UTC when
/// none is given.
fn service_calendar(args: &ServiceHours) -> Result<Calendar, Failure> {
    if let Some(file) = &args.calendar {
        let text = read_input(file, "--calendar")?;
        return Calendar::from_json(&text)
            .map_err(|problems| Failure::Input(format!("--calendar {file}: {problems}")));
    }
    let mut calendar = Calendar::around_the_clock();
    if let Some(zone) = &args.time_zone {
        calendar.time_zone =
            TimeZone::parse(zone).map_err(|e| Failure::Input(format!("--tz: {e}")))?;
    }
    if let Some(hours) = &args.hours {
        let hours = WeekHours::parse(hours).map_err(|e| Failure::Input(format!("--hours: {e}")))?;
        calendar.hours = Some(hours);
    }
    for day in &args.holidays {
        let date =
            nines_core::parse_date(day).map_err(|e| Failure::Input(format!("--holiday: {e}")))?;
        calendar.holidays.push(Holiday(date));
    }
    Ok(calendar)
}

/// The catalog `model` is evaluated against: without `--catalog` files, the bundled catalog's
/// entries are read only if the model names one (its version alone otherwise).
fn catalog_for(model: &Model, catalogs: &Catalogs) -> Result<Catalog, Failure> {
    if catalogs.files.is_empty() {
        Catalog::bundled_for(model).map_err(|problems| Failure::Internal(problems.to_string()))
    } else {
        catalog(catalogs)
    }
}

/// The bundled catalog with the user's `--catalog` files merged in, in order.
fn catalog(catalogs: &Catalogs) -> Result<Catalog, Failure> {
    let mut catalog =
        Catalog::bundled().map_err(|problems| Failure::Internal(problems.to_string()))?;
    for file in &catalogs.files {
        let text = read_input(file, "--catalog")?;
        let in_file = |problems: nines_core::Problems| {
            let listed: Vec<String> = problems
                .0
                .iter()
                .map(|p| format!("{}: {}", p.path, p.message))
                .collect();
            Failure::Input(format!("--catalog {file}: {}", listed.join("; ")))
        };
        let theirs = Catalog::from_json(&text).map_err(in_file)?;
        catalog
            .merge(theirs, catalogs.replace)
            .map_err(|mut clashes| {
                for clash in &mut clashes.0 {
                    clash.message.push_str(" (--override)");
                }
                in_file(clashes)
            })?;
    }
    Ok(catalog)
}
