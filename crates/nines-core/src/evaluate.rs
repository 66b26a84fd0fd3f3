//! The entry points: [`evaluate`] (model + catalog + options → [`Report`]) and [`Prepared`] for
//! evaluating one design many times. Pure functions. The quick answers are in `quick.rs`.

use crate::availability::Availability;
use crate::catalog::Catalog;
use crate::contract::{caveats, contract};
use crate::convention::Convention;
use crate::cut_sets::cut_sets;
use crate::engine::solve;
use crate::figures::{component_reports, weakest_link};
use crate::hints::hints;
use crate::model::Model;
use crate::plan::{plan, Plan};
use crate::problem::{JsonPath, Problem, Problems};
use crate::report::{CalendarInfo, ConventionInfo, Downtime, Input, Report, SCHEMA_VERSION};
use crate::scenario::scenario;

/// How to evaluate.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The calendar convention for downtime and credits.
    pub convention: Convention,
    /// List the minimal cut sets up to this order (1 to 6; 3 is the usual choice) in the
    /// report's `cut_sets`.
    pub cut_sets: Option<u32>,
    /// Count the expected downtime figures in the service time of this calendar (an id of the
    /// model's `calendars`); every minute when absent.
    pub calendar: Option<String>,
}

impl Options {
    /// Options with `convention` and nothing else.
    pub fn new(convention: Convention) -> Self {
        Self {
            convention,
            cut_sets: None,
            calendar: None,
        }
    }
}

/// Evaluates a model against a catalog.
///
/// # Errors
/// [`Problems`] listing every problem in the model with its JSON path (empty group, `k` out of
/// range, unknown catalog id, unknown shared reference, duplicate id, …).
pub fn evaluate(model: &Model, catalog: &Catalog, options: &Options) -> Result<Report, Problems> {
    let plan = plan(model, catalog, options.convention)?;
    let convention = options.convention;
    let figures = figures_calendar(model, options)?;
    let solution = solve(&plan, &plan.leaf_u, true);
    let composite = Availability::from_computed(solution.unavailability);
    let components = component_reports(&plan, &solution.gradient);
    let mut warnings = plan.warnings.clone();
    let scenario = scenario(model, &plan, convention, &mut warnings);
    warnings.extend(hints(model, &plan, catalog));
    Ok(Report {
        schema_version: SCHEMA_VERSION,
        generator: concat!("nines-core ", env!("CARGO_PKG_VERSION")).to_string(),
        catalog: catalog.version(),
        convention: ConventionInfo {
            calendar: figures.clone(),
            ..ConventionInfo::new(convention)
        },
        name: model.name.clone(),
        availability: composite.fraction(),
        unavailability: composite.unavailability(),
        percent: composite.percent(),
        nines: composite.nines(),
        downtime: match &figures {
            Some(calendar) => Downtime::over(composite, &calendar.service_seconds),
            None => Downtime::new(composite, convention),
        },
        weakest_link: weakest_link(&components),
        components,
        contract: contract(
            model,
            &plan,
            composite,
            convention,
            figures.as_ref(),
            scenario,
        ),
        cut_sets: options
            .cut_sets
            .map(|order| cut_sets(&plan, composite.unavailability(), order)),
        caveats: caveats(&plan),
        warnings,
        input: Input {
            model: model.clone(),
            convention,
            calendar: options.calendar.clone(),
        },
    })
}

/// The calendar `options` count the figures in, unless it is every minute in UTC.
///
/// # Errors
/// A problem at `options.calendar` when the model does not define it.
fn figures_calendar(model: &Model, options: &Options) -> Result<Option<CalendarInfo>, Problems> {
    let Some(id) = options.calendar.as_deref() else {
        return Ok(None);
    };
    match model.calendars.get(id) {
        Some(calendar) if calendar.is_trivial() => Ok(None),
        Some(calendar) => Ok(Some(CalendarInfo::new(id, calendar, options.convention))),
        None => Err(Problems(vec![Problem::value(
            JsonPath::from("options").key("calendar"),
            format!("unknown calendar {id:?}: the model's calendars define none by that id"),
        )])),
    }
}

/// Parses a model from JSON and evaluates it.
///
/// # Errors
/// [`Problems`] for malformed JSON, unknown fields and every model problem, with JSON paths.
pub fn evaluate_json(text: &str, catalog: &Catalog, options: &Options) -> Result<Report, Problems> {
    let model = Model::from_json(text)?;
    evaluate(&model, catalog, options)
}

/// A model validated against a catalog, ready to evaluate many times: the composite
/// availability alone (no report), and what-if variants for sensitivity analysis.
///
/// ```
/// use nines_core::{Availability, Catalog, Model, Options, Prepared};
///
/// let model = Model::from_json(r#"{"root": {"serial": {"children": [
///     {"component": {"id": "web", "availability": 99.95}},
///     {"component": {"id": "db", "availability": 99.99}}]}}}"#)?;
/// let catalog = Catalog::empty();
/// let prepared = Prepared::new(&model, &catalog, &Options::default())?;
/// assert_eq!(prepared.availability().percent(), "99.940005");
/// // What if the web tier reached 99.99%?
/// let web = prepared.component_ids().position(|id| id == "web").unwrap_or(0);
/// let better = prepared.availability_if(web, Availability::parse_percent("99.99")?);
/// assert_eq!(better.percent(), "99.980001");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Prepared<'a> {
    plan: Plan<'a>,
}

impl<'a> Prepared<'a> {
    /// Validates `model` against `catalog`.
    ///
    /// # Errors
    /// [`Problems`] as for [`evaluate`].
    pub fn new(
        model: &'a Model,
        catalog: &'a Catalog,
        options: &Options,
    ) -> Result<Self, Problems> {
        Ok(Self {
            plan: plan(model, catalog, options.convention)?,
        })
    }

    /// The composite availability.
    pub fn availability(&self) -> Availability {
        Availability::from_computed(solve(&self.plan, &self.plan.leaf_u, false).unavailability)
    }

    /// Component ids in report order (shared components first); indices for
    /// [`Prepared::availability_if`].
    pub fn component_ids(&self) -> impl Iterator<Item = &str> {
        self.plan.leaves.iter().map(|leaf| &*leaf.id)
    }

    /// The composite availability if the component at `index` had `availability` instead
    /// (an index past the end changes nothing).
    pub fn availability_if(&self, index: usize, availability: Availability) -> Availability {
        let mut leaf_u = self.plan.leaf_u.clone();
        if let Some(u) = leaf_u.get_mut(index) {
            *u = availability.unavailability();
        }
        Availability::from_computed(solve(&self.plan, &leaf_u, false).unavailability)
    }
}
