//! The reducer's actions, natively: every edit is one undo step and keeps the model valid.

use super::*;
use crate::factories::{blank_model, custom_component, empty_group};
use crate::tree::GroupKind;
use nines_core::JsonPath;

fn state(json: &str) -> Rc<AppState> {
    Rc::new(AppState::new(
        Model::from_json(json).unwrap(),
        "2026-02".to_string(),
    ))
}

fn two() -> Rc<AppState> {
    state(
        r#"{"root": {"serial": {"children": [
            {"component": {"id": "a", "availability": 99.9}},
            {"component": {"id": "b", "availability": 99.5}}]}}}"#,
    )
}

fn ids(state: &AppState) -> Vec<String> {
    tree::ids(&state.model).into_iter().collect()
}

fn run(state: Rc<AppState>, actions: Vec<Action>) -> Rc<AppState> {
    actions.into_iter().fold(state, |s, a| s.reduce(a))
}

#[test]
fn add_appends_to_the_group_given_with_a_fresh_id_and_selects_it() {
    let s = run(two(), vec![Action::AddTo(vec![], custom_component())]);
    assert_eq!(tree::children(&s.model.root).len(), 3);
    assert_eq!(s.selected, vec![2]);
    assert_eq!(ids(&s), ["a", "b", "custom"]);
    let s = run(
        s,
        vec![
            Action::AddTo(vec![], empty_group(GroupKind::Parallel)),
            Action::AddTo(vec![3], custom_component()),
        ],
    );
    assert_eq!(s.selected, vec![3, 0]);
    assert_eq!(ids(&s), ["a", "b", "custom", "custom-2"]);
    assert_eq!(s.undo.len(), 3);
}

#[test]
fn move_within_and_between_groups() {
    let s = run(
        two(),
        vec![
            Action::Shift(vec![1], true),
            Action::AddTo(vec![], empty_group(GroupKind::Parallel)),
            Action::MoveTo(vec![0], vec![2]),
        ],
    );
    // b moved up, then into the new parallel group (now at index 1).
    assert_eq!(s.selected, vec![1, 0]);
    let moved = tree::node_at(&s.model.root, &[1, 0]);
    assert!(matches!(moved, Some(Node::Component(c)) if c.id.as_deref() == Some("b")));
    assert_eq!(s.focus_request, 2);
    assert_eq!(s.undo.len(), 3);
}

#[test]
fn delete_selects_and_focuses_a_neighbour() {
    let s = run(
        two(),
        vec![Action::Select(vec![0]), Action::Delete(vec![0])],
    );
    assert_eq!(ids(&s), ["b"]);
    assert_eq!(s.selected, vec![0]);
    assert_eq!(s.focus_request, 2); // the click, then the delete

    let s = run(s, vec![Action::Delete(vec![0])]);
    assert_eq!(s.selected, Vec::<usize>::new());
}

#[test]
fn share_moves_a_component_to_shared_without_changing_it() {
    let s = run(two(), vec![Action::MakeShared(vec![1])]);
    assert_eq!(
        tree::node_at(&s.model.root, &[1]),
        Some(&Node::Shared("b".to_string()))
    );
    assert!(s.model.shared.contains_key("b"));
    let s = run(
        s,
        vec![Action::AddTo(vec![], Node::Shared("b".to_string()))],
    );
    assert_eq!(tree::children(&s.model.root).len(), 3);
}

#[test]
fn undo_and_redo_walk_the_history() {
    let start = two();
    let s = run(
        start.clone(),
        vec![Action::SetName(Some("x".into())), Action::Delete(vec![0])],
    );
    let s = run(s, vec![Action::Undo, Action::Undo]);
    assert_eq!(s.model, start.model);
    assert_eq!(s.redo.len(), 2);
    let s = run(s, vec![Action::Redo]);
    assert_eq!(s.model.name.as_deref(), Some("x"));
    // A new edit forgets what was undone.
    let s = run(s, vec![Action::SetCurrency("EUR".into())]);
    assert!(s.redo.is_empty());
    // Selecting, switching views and pickers are not edits.
    let s2 = run(
        s.clone(),
        vec![Action::Select(vec![1]), Action::SetView(View::Compare)],
    );
    assert_eq!(s2.undo.len(), s.undo.len());
}

#[test]
fn load_replaces_the_design_in_one_undoable_step_and_says_so() {
    let start = two();
    let loaded = Loaded {
        label: "Untitled design".into(),
        example: None,
        model: blank_model(),
    };
    let s = run(start.clone(), vec![Action::Load(Box::new(loaded))]);
    assert_eq!(s.model, blank_model());
    assert!(s.notice);
    assert_eq!(s.undo.len(), 1);
    assert!(!s.edited_since_load());
    let s = run(s, vec![Action::AddTo(vec![], custom_component())]);
    assert!(s.edited_since_load());
    let s = run(s, vec![Action::Undo, Action::Undo]);
    assert_eq!(s.model, start.model);
    assert!(!s.notice);
}

#[test]
fn comparing_two_designs_is_one_step() {
    let designs = vec![
        SavedScenario {
            label: "A".into(),
            model: two().model.clone(),
        },
        SavedScenario {
            label: "B".into(),
            model: blank_model(),
        },
    ];
    let s = run(two(), vec![Action::LoadForComparison(designs)]);
    assert_eq!(s.saved.len(), 2);
    assert_eq!(s.view, View::Compare);
    assert_eq!(s.model, blank_model());
    assert_eq!(s.undo.len(), 1);
}

#[test]
fn a_bad_import_keeps_the_model_and_can_be_dismissed() {
    let start = two();
    let problems = crate::parse::import_model(
        "bad.json",
        "{\"root\": ",
        crate::library::test_library().catalog(),
    )
    .unwrap_err();
    let s = run(
        start.clone(),
        vec![Action::ImportFailed(ImportProblems {
            source: "bad.json".into(),
            problems,
        })],
    );
    assert_eq!(s.model, start.model);
    assert!(s.undo.is_empty());
    let shown = s.import_problems.as_ref().unwrap();
    assert_eq!(
        shown.problems[0].path,
        JsonPath::from("root").in_document("bad.json")
    );
    let s = run(s, vec![Action::DismissImportProblems]);
    assert!(s.import_problems.is_none());
}

#[test]
fn the_month_is_a_calendar_month() {
    let s = run(
        two(),
        vec![
            Action::SetMonth("2026-13".into()),
            Action::SetMonth("30-day".into()),
        ],
    );
    assert_eq!(s.month, "2026-02");
    let s = run(s, vec![Action::SetMonth("2026-03".into())]);
    assert_eq!(s.month, "2026-03");
}

#[test]
fn the_library_loads_or_says_why_and_a_retry_fetches_again_without_touching_the_design() {
    let s = two();
    assert!(s.library().is_none());
    let failed = run(
        s.clone(),
        vec![Action::LibraryFailed(
            "catalog/aws.json: HTTP 404 Not Found".to_string(),
        )],
    );
    assert_eq!(
        failed.library,
        LibraryState::Failed("catalog/aws.json: HTTP 404 Not Found".to_string())
    );
    let retried = run(failed, vec![Action::RetryLibrary]);
    assert_eq!(
        (&retried.library, retried.library_attempt),
        (&LibraryState::Loading, 1)
    );
    let library = crate::library::test_library();
    let ready = run(retried, vec![Action::LibraryLoaded(library.clone())]);
    assert_eq!(ready.library(), Some(&library));
    assert_eq!((&ready.model, ready.undo.len()), (&s.model, 0));
}
