//! Service hours in the scenario: which of each incident's minutes an SLA measured over a
//! calendar counts (and why the others do not), and the business loss inside and outside the
//! business's own hours.

use super::{Outage, Window};
use crate::calendar::service::Spans;
use crate::calendar::Calendar;
use crate::intervals::{covered_by_at_least, subtract, total, Intervals};
use crate::model::Model;
use crate::plan::Plan;
use crate::report::{round12, IncidentCount};
use crate::text::duration::format_duration;
use crate::text::money::Money;

/// A calendar's intervals in the scenario window: every minute when `calendar` is `None`.
pub(super) fn spans(calendar: Option<&Calendar>, window: &Window) -> Spans {
    match calendar {
        Some(calendar) => calendar.spans(window.start, window.length_ms),
        None => {
            let all = vec![(0, window.length_ms)];
            Spans {
                hours: all.clone(),
                service: all,
                ..Spans::default()
            }
        }
    }
}

/// The counted part of `down`: its overlap with the service time.
pub(super) fn counted(down: &Intervals, spans: &Spans) -> i64 {
    total(&both(down, &spans.service))
}

fn both(a: &Intervals, b: &Intervals) -> Intervals {
    covered_by_at_least(&[a.clone(), b.clone()], 2)
}

/// Per incident on a component with an SLA, how many of its minutes that SLA counts and where
/// the rest went; empty unless the model uses calendars.
pub(super) fn incident_counts(
    model: &Model,
    plan: &Plan,
    outages: &[Outage],
    window: &Window,
) -> Vec<IncidentCount> {
    if !plan.leaves.iter().any(|l| l.calendar.is_some()) && plan.business_calendar.is_none() {
        return Vec::new();
    }
    outages
        .iter()
        .filter_map(|outage| {
            let leaf = &plan.leaves[outage.leaf];
            let sla = leaf.sla?;
            let incident = &model.incidents[outage.incident];
            let spans = spans(leaf.calendar, window);
            let part = vec![(outage.start_ms, outage.end_ms)];
            let maintenance = both(&part, &spans.maintenance);
            let holidays = subtract(&both(&part, &spans.holidays), &maintenance);
            let counted = counted(&part, &spans);
            let placed = outage.end_ms - outage.start_ms;
            let in_maintenance = total(&maintenance);
            let on_holidays = total(&holidays);
            let outside_hours = placed - counted - in_maintenance - on_holidays;
            let minutes = |ms: i64| round12(ms as f64 / 60_000.0);
            let outside_month = round12((incident.minutes - placed as f64 / 60_000.0).max(0.0));
            let calendar = match sla.calendar.as_deref().filter(|_| leaf.calendar.is_some()) {
                Some(id) => format!("calendar {id}"),
                None => "every minute, 24×7".to_string(),
            };
            Some(IncidentCount {
                incident: outage.incident,
                component: leaf.id.to_string(),
                sla: sla.id.clone(),
                minutes: incident.minutes,
                counted_minutes: minutes(counted),
                outside_month_minutes: outside_month,
                outside_hours_minutes: minutes(outside_hours),
                holiday_minutes: minutes(on_holidays),
                maintenance_minutes: minutes(in_maintenance),
                why: why(
                    &sla.id,
                    &calendar,
                    counted,
                    [outside_hours, on_holidays, in_maintenance],
                    outside_month,
                ),
            })
        })
        .collect()
}

/// `42 min counted by acme/hosting (calendar office); not counted: 1 h 18 min outside its
/// service hours`.
fn why(sla: &str, calendar: &str, counted: i64, excluded: [i64; 3], outside_month: f64) -> String {
    let seconds = |ms: i64| ms as f64 / 1000.0;
    let mut reasons: Vec<String> = [
        "outside its service hours",
        "on holidays",
        "in maintenance windows",
    ]
    .iter()
    .zip(excluded)
    .filter(|(_, ms)| *ms > 0)
    .map(|(what, ms)| format!("{} {what}", format_duration(seconds(ms))))
    .collect();
    if outside_month > 0.0 {
        reasons.push(format!(
            "{} outside the scenario month",
            format_duration(outside_month * 60.0)
        ));
    }
    let counted = match counted {
        0 => "nothing".to_string(),
        ms => format_duration(seconds(ms)),
    };
    if reasons.is_empty() {
        format!("all {counted} counted by {sla} ({calendar})")
    } else {
        format!(
            "{counted} counted by {sla} ({calendar}); not counted: {}",
            reasons.join(", ")
        )
    }
}

/// The business loss of the architecture's down intervals: inside the business calendar's
/// hours at `business_loss_per_hour`, outside at `business_loss_per_hour_outside_hours`; and
/// the seconds inside, when the model has a business calendar.
pub(super) fn business_loss(
    model: &Model,
    plan: &Plan,
    down: &Intervals,
    window: &Window,
) -> (Option<Money>, Option<f64>) {
    let Some(inside_rate) = model.business_loss_per_hour else {
        return (None, None);
    };
    let all = total(down);
    let Some(calendar) = plan.business_calendar else {
        return (
            Some(Money::for_seconds(inside_rate, all as f64 / 1000.0)),
            None,
        );
    };
    let inside = counted(down, &spans(Some(calendar), window));
    let outside_rate = model
        .business_loss_per_hour_outside_hours
        .unwrap_or(Money::ZERO);
    let loss = Money::for_seconds(inside_rate, inside as f64 / 1000.0)
        + Money::for_seconds(outside_rate, (all - inside) as f64 / 1000.0);
    (Some(loss), Some(inside as f64 / 1000.0))
}
