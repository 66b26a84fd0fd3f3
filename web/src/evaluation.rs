//! The design as the app evaluates it: nines-core's report for the design without its empty
//! groups (`Model::without_empty_groups`), with every path the user sees mapped back onto the
//! design as drawn. Conversions only; the figures are nines-core's.

use crate::catalog::catalog;
use crate::tree::{self, NodePath};
use nines_core::{evaluate, Convention, Model, Options, Problem, Report};

/// What the results show.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// No component yet: a friendly empty state, not an error.
    Blank,
    /// The report of the counted part of the design.
    Report(Box<Report>),
    /// Every problem, with paths in the design.
    Problems(Vec<Problem>),
}

/// One evaluation of the design.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    /// The outcome.
    pub outcome: Outcome,
    /// Empty groups, not counted, as paths in the design (outermost first).
    pub empty_groups: Vec<NodePath>,
    /// The report's warnings and modelling hints, with paths in the design.
    pub warnings: Vec<Problem>,
}

impl Evaluation {
    /// The report, when there is one.
    pub fn report(&self) -> Option<&Report> {
        match &self.outcome {
            Outcome::Report(report) => Some(report),
            _ => None,
        }
    }
}

/// Evaluates `model` under `convention` as the app shows it.
pub fn evaluate_design(model: &Model, convention: Convention) -> Evaluation {
    evaluate_design_in(model, convention, None)
}

/// Evaluates `model` under `convention`, its expected downtime counted in the service time of
/// its calendar `calendar` (every minute when `None` or when the model has no such calendar).
pub fn evaluate_design_in(
    model: &Model,
    convention: Convention,
    calendar: Option<&str>,
) -> Evaluation {
    let mut options = Options::new(convention);
    options.calendar = calendar
        .filter(|id| model.calendars.contains_key(*id))
        .map(str::to_string);
    let (pruned, removed) = model.without_empty_groups();
    let empty_groups = removed.iter().filter_map(tree::node_path_of).collect();
    let to_design = |problems: Vec<Problem>| -> Vec<Problem> {
        problems
            .into_iter()
            .map(|mut p| {
                p.path = model.path_before_pruning(&removed, &p.path);
                p
            })
            .collect()
    };
    if model.is_blank() {
        return Evaluation {
            outcome: Outcome::Blank,
            empty_groups,
            warnings: Vec::new(),
        };
    }
    match evaluate(&pruned, catalog(), &options) {
        Ok(report) => Evaluation {
            warnings: to_design(report.warnings.clone()),
            outcome: Outcome::Report(Box::new(report)),
            empty_groups,
        },
        Err(problems) => Evaluation {
            outcome: Outcome::Problems(to_design(problems.0)),
            empty_groups,
            warnings: Vec::new(),
        },
    }
}

/// The problems that keep `model` from being evaluated as the app would (none for a blank or
/// unfinished design).
pub fn problems(model: &Model) -> Vec<Problem> {
    match evaluate_design(model, Convention::default()).outcome {
        Outcome::Problems(problems) => problems,
        Outcome::Blank | Outcome::Report(_) => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unfinished_design_keeps_its_figures_and_marks_what_is_not_counted() {
        let model = Model::from_json(
            r#"{"root": {"serial": {"children": [
                {"parallel": {"children": []}},
                {"component": {"id": "a", "availability": 99.9}},
                {"k_of_n": {"k": 5, "children": [{"component": {"id": "b", "availability": 99}}]}}]}}}"#,
        )
        .unwrap();
        let evaluation = evaluate_design(&model, Convention::default());
        assert_eq!(evaluation.empty_groups, vec![vec![0]]);
        // k = 5 of 1 child is a real mistake, named where the user sees it: the third child.
        let Outcome::Problems(problems) = &evaluation.outcome else {
            panic!("{:?}", evaluation.outcome)
        };
        assert_eq!(
            problems[0].path.to_string(),
            "root.serial.children[2].k_of_n.k"
        );
    }

    #[test]
    fn a_blank_design_is_not_an_error() {
        let evaluation = evaluate_design(&crate::factories::blank_model(), Convention::default());
        assert_eq!(evaluation.outcome, Outcome::Blank);
        assert_eq!(evaluation.empty_groups, vec![Vec::<usize>::new()]);
        assert!(problems(&crate::factories::blank_model()).is_empty());
    }
}
