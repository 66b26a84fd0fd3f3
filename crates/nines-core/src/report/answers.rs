//! The answers to the quick questions, one wire shape each, printed alike by the CLI's `--json`
//! and returned alike by the JS package:
//!
//! - [`AvailabilityAnswer`]: `nines serial|parallel|k-of-n --json`; JS `serial`, `parallel`,
//!   `kOfN`.
//! - [`DowntimeAnswer`]: `nines downtime PCT --json` and `nines downtime --allowed D --json`;
//!   JS `downtime` and `required`.

use super::{Downtime, PeriodTexts};
use crate::availability::Availability;
use crate::calendar::Calendar;
use crate::convention::{Convention, Periods};
use serde::Serialize;

/// An availability in every form.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AvailabilityAnswer {
    /// Availability as a fraction (loses the digits of `unavailability` below 1e-16).
    pub availability: f64,
    /// Unavailability as a fraction: the exact figure.
    pub unavailability: f64,
    /// Availability in percent with every significant digit, e.g. `"99.9999999999"`.
    pub percent: String,
    /// `−log10(unavailability)`; `null` for 100%.
    pub nines: Option<f64>,
}

impl AvailabilityAnswer {
    /// `availability` in every form.
    pub fn new(availability: Availability) -> Self {
        Self {
            availability: availability.fraction(),
            unavailability: availability.unavailability(),
            percent: availability.percent(),
            nines: availability.nines(),
        }
    }
}

/// An availability and the downtime it allows per period under a convention.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DowntimeAnswer {
    /// Availability as a fraction.
    pub availability: f64,
    /// Unavailability as a fraction: the exact figure.
    pub unavailability: f64,
    /// Availability in percent with every significant digit.
    pub percent: String,
    /// `−log10(unavailability)`; `null` for 100%.
    pub nines: Option<f64>,
    /// The convention's name: `30-day`, `365/12`, `gregorian` or a month `YYYY-MM`.
    pub convention: Convention,
    /// A sentence stating the period lengths.
    pub convention_description: String,
    /// Downtime allowed per period, seconds (12 significant digits).
    pub seconds: Periods,
    /// The same, for people: `43 min 12 s`.
    pub text: PeriodTexts,
    /// The calendar whose service time `seconds` counts (absent: every minute, UTC).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calendar: Option<String>,
    /// Service time in each period, seconds: for a calendar month its own (its day the month's
    /// average, its week seven of those), else the share of a typical week.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_seconds: Option<Periods>,
    /// The same percentage of every minute (24×7, UTC), side by side.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub around_the_clock: Option<Downtime>,
}

impl DowntimeAnswer {
    /// The downtime `availability` allows under `convention`.
    pub fn new(availability: Availability, convention: Convention) -> Self {
        let figure = AvailabilityAnswer::new(availability);
        let downtime = Downtime::new(availability, convention);
        Self {
            availability: figure.availability,
            unavailability: figure.unavailability,
            percent: figure.percent,
            nines: figure.nines,
            convention,
            convention_description: convention.describe(),
            seconds: downtime.seconds,
            text: downtime.text,
            calendar: None,
            service_seconds: None,
            around_the_clock: None,
        }
    }

    /// The downtime `availability` allows in the service time of `calendar` under
    /// `convention`, beside the same percentage of every minute. A 24×7 UTC calendar gives
    /// [`DowntimeAnswer::new`]'s answer.
    pub fn in_calendar(
        availability: Availability,
        convention: Convention,
        calendar: &Calendar,
    ) -> Self {
        let plain = Self::new(availability, convention);
        if calendar.is_trivial() {
            return plain;
        }
        let service = calendar.service_periods(convention);
        let downtime = Downtime::over(availability, &service);
        Self {
            seconds: downtime.seconds,
            text: downtime.text,
            calendar: Some(calendar.describe()),
            service_seconds: Some(service.map(super::round12)),
            around_the_clock: Some(Downtime::new(availability, convention)),
            ..plain
        }
    }
}
