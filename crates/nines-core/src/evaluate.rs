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
use crate::report::{
    CalendarInfo, Caveat, ComponentReport, Contract, ConventionInfo, CutSetReport, Downtime, Input,
    Report, SCHEMA_VERSION,
};
use crate::scenario::scenario;
use std::borrow::Cow;

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
    report(Cow::Borrowed(model), catalog, options)
}

/// The report of `model`, which it echoes in `input`: moved there when owned (a parsed model
/// is not copied), cloned when borrowed.
fn report(model: Cow<'_, Model>, catalog: &Catalog, options: &Options) -> Result<Report, Problems> {
    let sections = sections(&model, catalog, options)?;
    let (convention, figures) = (options.convention, sections.figures);
    Ok(Report {
        schema_version: SCHEMA_VERSION,
        generator: concat!("nines-core ", env!("CARGO_PKG_VERSION")).to_string(),
        catalog: catalog.version(),
        name: model.name.clone(),
        availability: sections.composite.fraction(),
        unavailability: sections.composite.unavailability(),
        percent: sections.composite.percent(),
        nines: sections.composite.nines(),
        downtime: match &figures {
            Some(calendar) => Downtime::over(sections.composite, &calendar.service_seconds),
            None => Downtime::new(sections.composite, convention),
        },
        convention: ConventionInfo {
            calendar: figures,
            ..ConventionInfo::new(convention)
        },
        weakest_link: weakest_link(&sections.components),
        components: sections.components,
        contract: sections.contract,
        cut_sets: sections.cut_sets,
        caveats: sections.caveats,
        warnings: sections.warnings,
        input: Input {
            model: model.into_owned(),
            convention,
            calendar: options.calendar.clone(),
        },
    })
}

/// What the plan of a model gives the report: everything but the echoed input.
struct Sections {
    figures: Option<CalendarInfo>,
    composite: Availability,
    components: Vec<ComponentReport>,
    contract: Contract,
    cut_sets: Option<CutSetReport>,
    caveats: Vec<Caveat>,
    warnings: Vec<Problem>,
}

fn sections(model: &Model, catalog: &Catalog, options: &Options) -> Result<Sections, Problems> {
    let plan = plan(model, catalog, options.convention)?;
    let figures = figures_calendar(model, options)?;
    let solution = solve(&plan, &plan.leaf_u, true);
    let composite = Availability::from_computed(solution.unavailability);
    let mut warnings = plan.warnings.clone();
    let scenario = scenario(model, &plan, options.convention, &mut warnings);
    warnings.extend(hints(model, &plan, catalog));
    Ok(Sections {
        composite,
        components: component_reports(&plan, &solution.gradient),
        contract: contract(
            model,
            &plan,
            composite,
            options.convention,
            figures.as_ref(),
            scenario,
        ),
        cut_sets: options
            .cut_sets
            .map(|order| cut_sets(&plan, composite.unavailability(), order)),
        caveats: caveats(&plan),
        warnings,
        figures,
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
    evaluate_model(Model::from_json(text)?, catalog, options)
}

/// Evaluates a model it is given to keep: as [`evaluate`], but the report's `input` takes the
/// model itself instead of a copy (a shell that parsed the model for itself uses this).
///
/// # Errors
/// [`Problems`] as for [`evaluate`].
pub fn evaluate_model(
    model: Model,
    catalog: &Catalog,
    options: &Options,
) -> Result<Report, Problems> {
    report(Cow::Owned(model), catalog, options)
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
