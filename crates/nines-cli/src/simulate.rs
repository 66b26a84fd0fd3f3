//! `nines simulate`: the chunks of a simulation on every core (rayon), merged in chunk order, so
//! the report is the same bytes as a single-threaded run with the same seed. A progress bar on
//! stderr when it is a terminal.

use crate::Failure;
use indicatif::{ProgressBar, ProgressStyle};
use nines_core::report::RiskReport;
use nines_core::simulate::{SimulateOptions, Simulation};
use nines_core::{Catalog, Model};
use rayon::prelude::*;
use std::io::IsTerminal;

/// Simulates `model` with `options` on every core.
pub fn run(
    model: &Model,
    catalog: &Catalog,
    options: SimulateOptions,
) -> Result<RiskReport, Failure> {
    let simulation = Simulation::new(model, catalog, options)?;
    let chunks = simulation.chunks();
    let bar = if std::io::stderr().is_terminal() && chunks > 8 {
        let bar = ProgressBar::new(options.trials);
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} months ({eta})") {
            bar.set_style(style);
        }
        bar
    } else {
        ProgressBar::hidden()
    };
    let results: Vec<_> = (0..chunks)
        .into_par_iter()
        .map(|chunk| {
            let result = simulation.run_chunk(chunk);
            bar.inc(nines_core::simulate::CHUNK);
            result
        })
        .collect();
    bar.finish_and_clear();
    Ok(simulation.report(results))
}
