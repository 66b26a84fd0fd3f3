//! Human-readable output. Every figure names its unit and convention.

use nines_core::catalog::CatalogSummary;
use nines_core::report::{BreachMethod, CaveatKind, DowntimeAnswer, Report};
use nines_core::{format_duration, Catalog, Convention, Sla};
use std::fmt::Write;

/// An enum's JSON name (`billing_month`, `unavailable_minutes`), the same words as `--json`.
fn label<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn nines(n: Option<f64>) -> String {
    n.map_or("∞ (100%)".to_string(), |n| format!("{n:.2}"))
}

/// Availability, nines and downtime per period; with a calendar, its service time and the
/// same percentage of every minute beside it.
pub fn downtime(answer: &DowntimeAnswer) -> String {
    let t = &answer.text;
    let mut out = format!(
        "availability    {}%\n\
         unavailability  {:e}\n\
         nines           {}\n\
         downtime        {} per day, {} per week, {} per month, {} per quarter, {} per year\n",
        answer.percent,
        answer.unavailability,
        nines(answer.nines),
        t.day,
        t.week,
        t.month,
        t.quarter,
        t.year,
    );
    if let (Some(calendar), Some(service), Some(plain)) = (
        &answer.calendar,
        &answer.service_seconds,
        &answer.around_the_clock,
    ) {
        let _ = writeln!(out, "counted in      the service time of {calendar}");
        let _ = writeln!(
            out,
            "service time    {} h per month, {} h per year",
            hours(service.month),
            hours(service.year)
        );
        let _ = writeln!(
            out,
            "24×7 (UTC)      {} per month, {} per year at the same percentage",
            plain.text.month, plain.text.year
        );
    }
    let _ = writeln!(out, "convention      {}", answer.convention_description);
    out
}

/// Seconds as hours with at most two decimals: `176`, `182.14`.
fn hours(seconds: f64) -> String {
    let text = format!("{:.2}", seconds / 3600.0);
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The report, for people.
pub fn report(r: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", r.name.as_deref().unwrap_or("model"));
    let _ = writeln!(out, "  availability    {}%", r.percent);
    let _ = writeln!(out, "  unavailability  {:e}", r.unavailability);
    let _ = writeln!(out, "  nines           {}", nines(r.nines));
    let t = &r.downtime.text;
    let _ = writeln!(
        out,
        "  downtime        {} per day, {} per month, {} per year",
        t.day, t.month, t.year
    );
    let _ = writeln!(out, "  convention      {}", r.convention.description);
    if let Some(calendar) = &r.convention.calendar {
        let _ = writeln!(
            out,
            "  counted in      service time of {} ({}): {} h this month",
            calendar.id,
            calendar.description,
            hours(calendar.service_seconds.month)
        );
    }
    let _ = writeln!(
        out,
        "  catalog         {} ({})",
        r.catalog.version, r.catalog.date
    );
    if let Some(weakest) = &r.weakest_link {
        let _ = writeln!(out, "  weakest link    {weakest}");
    }
    let _ = writeln!(out, "\ncomponents (share of unavailability)");
    for c in &r.components {
        let _ = writeln!(
            out,
            "  {:>6.2}%  {:<28} {}%{}",
            c.share * 100.0,
            c.id,
            c.percent,
            c.catalog
                .as_deref()
                .map(|id| format!("  [{id}]"))
                .unwrap_or_default()
        );
    }
    if let Some(cut_sets) = &r.cut_sets {
        let _ = writeln!(
            out,
            "\nhow it fails (minimal cut sets of up to {} failures, most probable first; share of unavailability to first order){}",
            cut_sets.order,
            if cut_sets.complete { "" } else { " — incomplete: the least probable were dropped" }
        );
        for set in cut_sets.sets.iter().take(10) {
            let members: Vec<String> = set.members.iter().map(ToString::to_string).collect();
            let _ = writeln!(
                out,
                "  {:>6.2}%  {:.3e}  {}",
                set.share * 100.0,
                set.probability,
                members.join(" + ")
            );
        }
        if cut_sets.sets.len() > 10 {
            let _ = writeln!(
                out,
                "  … {} more (--json lists them all)",
                cut_sets.sets.len() - 10
            );
        }
    }
    let contract = &r.contract;
    let cur = &contract.currency;
    if !contract.services.is_empty() {
        let _ = writeln!(out, "\ncontract (credit tiers as downtime per month)");
        for s in &contract.services {
            let tiers: Vec<String> = s
                .tiers
                .iter()
                .map(|t| format!("{}% after {}", t.credit.value(), t.after))
                .collect();
            let _ = writeln!(
                out,
                "  {:<28} {}%  {}",
                s.component,
                s.commitment,
                if s.credits_unknown {
                    "credits unknown (tiers not sourced)".to_string()
                } else if tiers.is_empty() {
                    "no percentage credits".to_string()
                } else {
                    tiers.join(", ")
                }
            );
            if let Some(calendar) = &s.calendar {
                let _ = writeln!(
                    out,
                    "  {:<28} measured over {}: {} h of service time in the month",
                    "",
                    calendar.description,
                    hours(calendar.service_seconds.month)
                );
            }
        }
        let w = &contract.worst_case;
        let _ = writeln!(
            out,
            "  worst case: {cur} {} credit on {cur} {} fees after {} down{}",
            w.credit,
            w.fees,
            format_duration(w.downtime_seconds),
            w.business_loss
                .map(|l| format!(", against a business loss of {cur} {l}"))
                .unwrap_or_default()
        );
        if !w.credits_unknown.is_empty() {
            let _ = writeln!(
                out,
                "  credits unknown for {}: not in the worst-case credit",
                w.credits_unknown.join(", ")
            );
        }
    }
    if !contract.data.is_empty() {
        let _ = writeln!(
            out,
            "
data (what the SLAs say about your data)"
        );
        for d in &contract.data {
            let _ = writeln!(out, "  {:<28} {}", d.component, d.not_covered);
            for r in &d.recovery {
                let _ = writeln!(
                    out,
                    "  {:<28} contractual: {} {} ({})",
                    "",
                    r.kind.label(),
                    format_duration(r.minutes * 60.0),
                    r.source.url
                );
            }
        }
    }
    if let Some(s) = &contract.scenario {
        let _ = writeln!(
            out,
            "\nscenario (month from {}): architecture down {} (uptime {}%), credits owed {cur} {}{}",
            s.window_start,
            format_duration(s.architecture_downtime_seconds),
            s.architecture_uptime,
            s.total_credit,
            s.business_loss
                .map(|l| format!(", business loss {cur} {l}"))
                .unwrap_or_default()
        );
        if let Some(inside) = s.business_hours_downtime_seconds {
            let _ = writeln!(
                out,
                "  {} of it in business hours, {} outside",
                format_duration(inside),
                format_duration(s.architecture_downtime_seconds - inside)
            );
        }
        for count in &s.incidents {
            let at = format!("incidents[{}]", count.incident);
            let _ = writeln!(out, "  {at:<28} {}", count.why);
        }
        for svc in &s.services {
            let _ = writeln!(
                out,
                "  {:<28} down {}, uptime {}%, credit {}",
                svc.copy
                    .map(|c| format!("{} (copy {c})", svc.component))
                    .unwrap_or_else(|| svc.component.clone()),
                format_duration(svc.downtime_seconds),
                svc.uptime,
                if svc.credit_unknown {
                    "unknown (tiers not sourced)".to_string()
                } else {
                    format!("{}% = {cur} {}", svc.credit_percent.value(), svc.credit)
                }
            );
        }
    }
    if !r.caveats.is_empty() {
        let _ = writeln!(out, "\ncaveats");
        // The loud ones in full; each entry's own notes and conditions as a count, so that
        // the figures above stay in view (`--json` and `nines catalog show` have them all).
        let mut details: Vec<(&str, usize)> = Vec::new();
        for c in &r.caveats {
            match (c.kind, c.sla.as_deref()) {
                (CaveatKind::Precondition | CaveatKind::Provider, Some(sla)) => {
                    match details.iter_mut().find(|(id, _)| *id == sla) {
                        Some((_, count)) => *count += 1,
                        None => details.push((sla, 1)),
                    }
                }
                (kind, _) => {
                    let loud = matches!(kind, CaveatKind::NoDataGuarantee | CaveatKind::CreditCap);
                    let _ = writeln!(out, "  {} {}", if loud { "!!" } else { "- " }, c.text);
                }
            }
        }
        for (sla, count) in details {
            let in_catalog = r
                .components
                .iter()
                .any(|c| c.catalog.as_deref() == Some(sla));
            let see = if in_catalog {
                format!("`nines catalog show {sla}`")
            } else {
                "--json".to_string()
            };
            let _ = writeln!(out, "  -  {sla}: {count} more conditions and notes ({see})");
        }
    }
    if !r.warnings.is_empty() {
        let _ = writeln!(out, "\nwarnings");
        for w in &r.warnings {
            let _ = writeln!(out, "  {w}");
        }
    }
    out
}

/// A catalog listing.
pub fn entries(catalog: &Catalog, found: &[&Sla]) -> String {
    let mut out = String::new();
    for e in found {
        let _ = writeln!(
            out,
            "{:<58} {:>8}%  {}",
            e.id,
            e.commitment.percent(),
            label(&e.source.status)
        );
    }
    let version = catalog.version();
    let _ = writeln!(
        out,
        "{} of {} entries, catalog {} ({})",
        found.len(),
        catalog.entries().len(),
        version.version,
        version.date
    );
    out
}

/// Entries per provider and per source status, with shares.
pub fn summary(catalog: &Catalog, summary: &CatalogSummary) -> String {
    let mut out = String::new();
    let version = catalog.version();
    let _ = writeln!(
        out,
        "catalog {} ({}): {} entries",
        version.version, version.date, summary.entries
    );
    let share = |n: usize| 100.0 * n as f64 / summary.entries.max(1) as f64;
    for (provider, n) in &summary.providers {
        let _ = writeln!(out, "  {provider:<12} {n:>4} entries");
    }
    for (status, n) in &summary.statuses {
        let _ = writeln!(out, "  {:<12} {n:>4} ({:.1}%)", label(status), share(*n));
    }
    let unknown = summary.credits_unknown;
    let _ = writeln!(
        out,
        "  credits unknown {unknown} ({:.1}%): tiers not sourced, shown as unknown, never as 0",
        share(unknown)
    );
    out
}

/// One catalog entry in full.
pub fn entry(e: &Sla, convention: Convention) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", e.id);
    let _ = writeln!(
        out,
        "  {} — {} ({})",
        e.service, e.configuration, e.provider
    );
    let _ = writeln!(out, "  commitment      {}", e.commitment);
    let _ = writeln!(out, "  window          {}", label(&e.window));
    let _ = writeln!(
        out,
        "  downtime        {}: {}",
        label(&e.downtime_definition.kind),
        e.downtime_definition.text
    );
    let _ = writeln!(out, "  credit tiers    ({})", convention.describe());
    let tiers = e.tier_downtime(convention.periods().month);
    if e.credit_tiers.is_unknown() {
        let _ = writeln!(
            out,
            "    unknown: the provider's credit tiers could not be sourced"
        );
    } else if tiers.is_empty() {
        let _ = writeln!(out, "    none (no percentage credits)");
    }
    for t in tiers {
        let _ = writeln!(
            out,
            "    below {}% → {}% credit (after {} down in the month)",
            t.below.value(),
            t.credit.value(),
            format_duration(t.after_seconds)
        );
    }
    let _ = writeln!(out, "  credit cap      {}%", e.credit_cap.value());
    let _ = writeln!(out, "  claim           {}", e.claim_window);
    let _ = writeln!(
        out,
        "  data            {}: {}",
        label(&e.data_guarantee.kind),
        e.data_guarantee.text
    );
    if let Some(d) = &e.durability {
        let _ = writeln!(
            out,
            "  durability      {}% by design, not a commitment: {} ({})",
            d.design_percent, d.text, d.source.url
        );
    }
    for r in &e.recovery {
        let _ = writeln!(
            out,
            "  recovery        {} {}{}: {}",
            r.kind.label(),
            format_duration(r.minutes * 60.0),
            r.objects_percent
                .map(|p| format!(" for {p}% of objects"))
                .unwrap_or_default(),
            r.text
        );
    }
    for p in &e.preconditions {
        let _ = writeln!(out, "  precondition    {p}");
    }
    for c in &e.caveats {
        let _ = writeln!(out, "  caveat          {c}");
    }
    let _ = writeln!(
        out,
        "  source          {} (as of {}, {})",
        e.source.url,
        e.source.as_of,
        label(&e.source.status)
    );
    out
}

/// The risk report, for people: every figure with its interval, unit and assumption.
pub fn risk(r: &nines_core::report::RiskReport) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", r.name.as_deref().unwrap_or("model"));
    let _ = writeln!(
        out,
        "  simulated       {} months ({}), seed {}",
        r.trials, r.convention.description, r.seed
    );
    let m = &r.mean_unavailability;
    let _ = writeln!(
        out,
        "  unavailability  {:.4e} simulated (95% CI {:.4e} – {:.4e}); exact {:.4e}",
        m.estimate, m.low, m.high, r.exact_unavailability
    );
    let d = &r.downtime_seconds;
    let _ = writeln!(
        out,
        "  downtime/month  mean {}, median {}, P90 {}, P99 {}, P99.9 {}",
        format_duration(d.mean),
        format_duration(d.p50),
        format_duration(d.p90),
        format_duration(d.p99),
        format_duration(d.p999)
    );
    for b in r.breach.iter().chain(&r.commitments) {
        let probability = if b.months == 0 && b.method == BreachMethod::Months {
            format!("< {:.2e} (no month missed it)", b.high)
        } else {
            format!(
                "{:.3e} (95% CI {:.2e} – {:.2e}, {})",
                b.probability,
                b.low,
                b.high,
                b.method.key()
            )
        };
        let _ = writeln!(
            out,
            "  below {}%  {probability}: more than {} down",
            b.target,
            format_duration(b.allowed_seconds)
        );
    }
    let cur = &r.money.currency;
    for s in &r.services {
        let credit = if s.credits_unknown {
            "credits unknown (tiers not sourced)".to_string()
        } else {
            format!(
                "P(credit) {:.3e}, expected {cur} {}/month",
                s.p_credit, s.expected_credit
            )
        };
        let _ = writeln!(out, "  {:<28} {credit}", s.component);
    }
    let money = &r.money;
    if let (Some(loss), Some(cover)) = (&money.expected_loss, money.credits_cover) {
        let _ = writeln!(
            out,
            "  money/month     expected loss {cur} {} (P99 month {cur} {}), expected credits {cur} {}: credits cover {:.2}% of the loss",
            loss.estimate,
            money.p99_loss.map(|m| m.to_string()).unwrap_or_default(),
            money.expected_credit.estimate,
            cover * 100.0
        );
    }
    let _ = writeln!(out, "\nassumptions");
    for a in &r.assumptions {
        let _ = writeln!(out, "  - {a}");
    }
    out
}
