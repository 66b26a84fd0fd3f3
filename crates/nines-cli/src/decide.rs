//! Human-readable output of `improve`, `optimize` and `slo`.

use nines_core::report::{Design, ImproveAnswer, NeedStatus, OptimizeAnswer, SloAnswer};
use nines_core::{Availability, Period};
use std::fmt::Write;

/// A fraction as a percentage with every significant digit.
fn percent(fraction: f64) -> String {
    Availability::from_unavailability((1.0 - fraction).clamp(0.0, 1.0))
        .map_or_else(|_| "?".to_string(), Availability::percent)
}

fn figure(x: Option<f64>) -> String {
    x.map_or("∞".to_string(), |x| format!("{x:.4}"))
}

/// Per component and per group, what it would take.
pub fn improve(a: &ImproveAnswer) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "target {}%, design {}%\n",
        a.target,
        percent(a.availability)
    );
    let _ = writeln!(
        out,
        "{:<28} {:>20} {:>10} {:>10} {:>10} {:>8}",
        "component", "must reach", "Birnbaum", "RAW", "RRW", "share"
    );
    for c in &a.components {
        let need = match (c.status, c.required_availability) {
            (NeedStatus::Impossible, _) | (_, None) => "impossible".to_string(),
            (status, Some(r)) => {
                let mark = if status == NeedStatus::Met {
                    " (met)"
                } else {
                    ""
                };
                format!("{}%{mark}", percent(r))
            }
        };
        let copies = if c.instances > 1 {
            format!(" ×{}", c.instances)
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "{:<28} {:>20} {:>10.3e} {:>10} {:>10} {:>7.1}%",
            format!("{}{copies}", c.id),
            need,
            c.birnbaum,
            figure(c.raw),
            figure(c.rrw),
            c.share * 100.0
        );
    }
    if a.components.iter().any(|c| c.instances > 1) {
        let _ = writeln!(
            out,
            "\n×n: a component inside a replicate; its availability applies to every copy."
        );
    }
    if !a.groups.is_empty() {
        let _ = writeln!(
            out,
            "\n{:<48} {:>10} {:>8} {:>9}",
            "group", "kind", "now", "needs"
        );
        for g in &a.groups {
            let needs = g.required.map_or("none".to_string(), |r| r.to_string());
            let _ = writeln!(
                out,
                "{:<48} {:>10} {:>8} {:>9}",
                g.path,
                g.kind.key(),
                g.current,
                needs
            );
        }
    }
    out
}

fn design(out: &mut String, currency: &str, d: &Design) {
    let _ = writeln!(
        out,
        "  {} {currency}/month  {}%",
        d.monthly_fee,
        percent(d.availability)
    );
}

/// The cheapest design and the frontier, with what changes from step to step.
pub fn optimize(a: &OptimizeAnswer) -> String {
    let mut out = String::new();
    let proof = if a.optimal {
        "proven optimal"
    } else {
        "best found (the search stopped before it could prove it optimal)"
    };
    let _ = writeln!(
        out,
        "target {}%: {} of {} combinations evaluated, {proof}",
        a.target, a.evaluated, a.combinations
    );
    let _ = writeln!(out, "\nas written:");
    design(&mut out, &a.currency, &a.current);
    let _ = writeln!(out, "\ncheapest that meets the target:");
    match &a.cheapest {
        None => {
            let _ = writeln!(out, "  none: no combination reaches it");
        }
        Some(c) => {
            design(&mut out, &a.currency, c);
            for choice in &c.choices {
                let _ = writeln!(out, "    {} → {}", choice.id, choice.label);
            }
        }
    }
    let _ = writeln!(out, "\nfrontier (fee against availability):");
    let mut previous: Vec<(&str, &str)> = Vec::new();
    for step in &a.frontier {
        design(&mut out, &a.currency, step);
        let now: Vec<(&str, &str)> = step
            .choices
            .iter()
            .map(|c| (c.id.as_str(), c.label.as_str()))
            .collect();
        for (id, label) in now.iter().filter(|c| !previous.contains(c)) {
            let _ = writeln!(out, "    {id} → {label}");
        }
        for (id, _) in previous.iter().filter(|p| !now.iter().any(|c| c.0 == p.0)) {
            let _ = writeln!(out, "    {id} → as written");
        }
        previous = now;
    }
    out
}

/// The error budget and the SLO the design supports.
pub fn slo(a: &SloAnswer) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "SLO {}% ({})", a.target, a.convention.description);
    for period in Period::ALL {
        let (name, b) = (period.name(), a.budget.text.get(period));
        let (e, r) = (a.expected.text.get(period), a.remaining.text.get(period));
        let _ = writeln!(
            out,
            "  per {name:<8} budget {b:<18} design {e:<18} left {r}"
        );
    }
    let _ = writeln!(
        out,
        "\nthe design supports {}% in the long run (its exact availability)",
        a.supported.long_run
    );
    if let Some(s) = &a.supported.simulated {
        let _ = writeln!(
            out,
            "{}% of simulated months reach {}% ({} months, seed {})",
            s.confidence * 100.0,
            s.percent,
            s.trials,
            s.seed
        );
        match s.one_month_in {
            Some(n) => {
                let _ = writeln!(
                    out,
                    "the design misses {}% in 1 month out of {n:.0}",
                    a.target
                );
            }
            None => {
                let _ = writeln!(out, "the design missed {}% in none of the months", a.target);
            }
        }
    }
    out
}
