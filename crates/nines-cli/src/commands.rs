//! What each command does: read its inputs, ask nines-core, render the answer.

use crate::args::{CatalogCommand, Catalogs, Command, Compose};
use crate::{read_input, render, to_json, Failure};
use nines_core::decide::{DecideOptions, Optimizer, SloOptions};
use nines_core::report::{AvailabilityAnswer, DowntimeAnswer};
use nines_core::simulate::SimulateOptions;
use nines_core::{combine, required_availability, Catalog, Combine, Convention, Model, Options};

pub fn run(command: Command) -> Result<String, Failure> {
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
            catalogs,
            cut_sets,
            json,
        } => {
            let text = read_input(&file, "FILE")?;
            let catalog = catalog(&catalogs)?;
            let options = Options {
                convention: calendar.convention(),
                cut_sets,
            };
            let report = nines_core::evaluate_json(&text, &catalog, &options)?;
            if json {
                to_json(&report)
            } else {
                Ok(render::report(&report))
            }
        }
        Command::Simulate {
            file,
            trials,
            seed,
            target,
            calendar,
            catalogs,
            json,
        } => {
            let text = read_input(&file, "FILE")?;
            let catalog = catalog(&catalogs)?;
            let model = Model::from_json(&text)?;
            let options = SimulateOptions {
                convention: calendar.convention(),
                trials,
                seed,
                target,
            };
            let report = crate::simulate::run(&model, &catalog, options)?;
            if json {
                to_json(&report)
            } else {
                Ok(render::risk(&report))
            }
        }
        Command::Improve {
            file,
            target,
            calendar,
            catalogs,
            json,
        } => {
            let (model, catalog) = model_and_catalog(&file, &catalogs)?;
            let options = DecideOptions {
                convention: calendar.convention(),
                target,
            };
            let answer = nines_core::decide::improve(&model, &catalog, &options)?;
            if json {
                to_json(&answer)
            } else {
                Ok(crate::decide::improve(&answer))
            }
        }
        Command::Optimize {
            file,
            target,
            calendar,
            catalogs,
            json,
        } => {
            let (model, catalog) = model_and_catalog(&file, &catalogs)?;
            let options = DecideOptions {
                convention: calendar.convention(),
                target,
            };
            let answer = Optimizer::new(&model, &catalog, &options)?.run();
            if json {
                to_json(&answer)
            } else {
                Ok(crate::decide::optimize(&answer))
            }
        }
        Command::Slo {
            file,
            target,
            confidence,
            trials,
            seed,
            time_zone,
            calendar,
            catalogs,
            openslo,
            json,
        } => {
            let (model, catalog) = model_and_catalog(&file, &catalogs)?;
            let options = SloOptions {
                convention: calendar.convention(),
                target,
                confidence,
                trials,
                seed,
                time_zone,
            };
            if openslo {
                return nines_core::decide::openslo_yaml(&model, &catalog, &options)
                    .map_err(Failure::from);
            }
            let answer = nines_core::decide::slo(&model, &catalog, &options)?;
            if json {
                to_json(&answer)
            } else {
                Ok(crate::decide::slo(&answer))
            }
        }
        Command::Catalog {
            command: Some(command),
            ..
        } => catalog_command(command),
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
                return if json {
                    to_json(&summary)
                } else {
                    Ok(render::summary(&catalog, &summary))
                };
            }
            let mut found = catalog.search(query.as_deref().unwrap_or(""), provider.as_deref());
            if let Some(date) = stale_before {
                found.retain(|e| e.source.as_of < date);
            }
            if json {
                to_json(&found)
            } else {
                Ok(render::entries(&catalog, &found))
            }
        }
    }
}

fn catalog_command(command: CatalogCommand) -> Result<String, Failure> {
    match command {
        CatalogCommand::Show {
            id,
            calendar,
            catalogs,
            json,
        } => {
            let catalog = catalog(&catalogs)?;
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
        CatalogCommand::Check { file } => {
            let text = read_input(&file, "FILE")?;
            let checked = Catalog::from_json(&text)?;
            let summary = checked.summary();
            Ok(format!(
                "{file}: ok, catalog {} ({}) with {} entries\n",
                checked.version().version,
                checked.version().date,
                summary.entries
            ))
        }
    }
}

/// The model of `file` and the catalog with the user's files.
fn model_and_catalog(file: &str, catalogs: &Catalogs) -> Result<(Model, Catalog), Failure> {
    let text = read_input(file, "FILE")?;
    let catalog = catalog(catalogs)?;
    Ok((Model::from_json(&text)?, catalog))
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
        catalog.merge(theirs, catalogs.replace).map_err(in_file)?;
    }
    Ok(catalog)
}
