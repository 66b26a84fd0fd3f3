//! The engine against an exact rational reference, and the algebraic laws of composition.
//!
//! The reference enumerates every up/down state of every component instance (replicated
//! copies are independent instances, a shared component is one instance wherever it is used)
//! with exact rational probabilities, and asks the structure whether the system is up. It
//! shares no formula with the engine.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: failing loudly is the point

use nines_core::model::{Component, Group, KOfN, Model, Node, Replicate};
use nines_core::{combine, evaluate, Availability, Catalog, Combine, Options};
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, ToPrimitive, Zero};
use proptest::prelude::*;
use std::collections::BTreeMap;

/// Availability percent with four decimals, 90.0000..=99.9999, as ten-thousandths of a percent.
type Tenths4 = u32;

fn percent_text(p: Tenths4) -> String {
    format!("{}.{:04}", p / 10_000, p % 10_000)
}

/// Exact unavailability `1 − p/100`.
fn exact_u(p: Tenths4) -> BigRational {
    BigRational::new(BigInt::from(1_000_000 - p), BigInt::from(1_000_000))
}

#[derive(Clone, Debug)]
enum Tree {
    Leaf(Tenths4),
    Shared(usize),
    Serial(Vec<Tree>),
    Parallel(Vec<Tree>),
    KOfN(usize, Vec<Tree>),
    Replicate(u32, Box<Tree>),
}

const SHARED: [Tenths4; 5] = [999_000, 995_000, 990_000, 999_900, 950_000];

fn tree() -> impl Strategy<Value = Tree> {
    let leaf = prop_oneof![
        3 => (900_000u32..=999_999).prop_map(Tree::Leaf),
        2 => (0usize..SHARED.len()).prop_map(Tree::Shared),
    ];
    leaf.prop_recursive(3, 10, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 1..=3).prop_map(Tree::Serial),
            prop::collection::vec(inner.clone(), 1..=3).prop_map(Tree::Parallel),
            prop::collection::vec(inner.clone(), 1..=3)
                .prop_flat_map(|kids| (1..=kids.len(), Just(kids)))
                .prop_map(|(k, kids)| Tree::KOfN(k, kids)),
            (1u32..=2, inner).prop_map(|(n, t)| Tree::Replicate(n, Box::new(t))),
        ]
    })
}

fn to_node(tree: &Tree, next_id: &mut usize) -> Node {
    let group = |kids: &[Tree], next_id: &mut usize| Group {
        name: None,
        children: kids.iter().map(|k| to_node(k, next_id)).collect(),
        domains: Vec::new(),
        copies_range: None,
    };
    match tree {
        Tree::Leaf(p) => {
            *next_id += 1;
            Node::Component(Box::new(Component {
                id: Some(format!("c{next_id}")),
                availability: Some(Availability::parse_percent(&percent_text(*p)).unwrap()),
                ..Component::default()
            }))
        }
        Tree::Shared(i) => Node::Shared(format!("s{i}")),
        Tree::Serial(kids) => Node::Serial(group(kids, next_id)),
        Tree::Parallel(kids) => Node::Parallel(group(kids, next_id)),
        Tree::KOfN(k, kids) => Node::KOfN(KOfN {
            name: None,
            k: *k as u32,
            children: group(kids, next_id).children,
            domains: Vec::new(),
        }),
        Tree::Replicate(n, child) => Node::Replicate(Replicate {
            name: None,
            copies: *n,
            child: Box::new(to_node(child, next_id)),
            domains: Vec::new(),
            copies_range: None,
        }),
    }
}

fn model(tree: &Tree) -> Model {
    let shared = SHARED
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let component = Component {
                availability: Some(Availability::parse_percent(&percent_text(*p)).unwrap()),
                ..Component::default()
            };
            (format!("s{i}"), component)
        })
        .collect::<BTreeMap<_, _>>();
    Model {
        shared,
        ..Model::new(to_node(tree, &mut 0))
    }
}

/// Expands replicas into independent instances: returns the instance unavailabilities
/// (shared components first) and a structure over instance indices.
#[derive(Clone, Debug)]
enum Expanded {
    Var(usize),
    All(Vec<Expanded>),
    AtLeast(usize, Vec<Expanded>),
}

fn expand(tree: &Tree, vars: &mut Vec<BigRational>) -> Expanded {
    match tree {
        Tree::Leaf(p) => {
            vars.push(exact_u(*p));
            Expanded::Var(vars.len() - 1)
        }
        Tree::Shared(i) => Expanded::Var(*i),
        Tree::Serial(kids) => Expanded::All(kids.iter().map(|k| expand(k, vars)).collect()),
        Tree::Parallel(kids) => {
            Expanded::AtLeast(1, kids.iter().map(|k| expand(k, vars)).collect())
        }
        Tree::KOfN(k, kids) => {
            Expanded::AtLeast(*k, kids.iter().map(|k| expand(k, vars)).collect())
        }
        Tree::Replicate(n, child) => {
            Expanded::AtLeast(1, (0..*n).map(|_| expand(child, vars)).collect())
        }
    }
}

fn up(structure: &Expanded, state: u32) -> bool {
    match structure {
        Expanded::Var(v) => state >> v & 1 == 0,
        Expanded::All(kids) => kids.iter().all(|k| up(k, state)),
        Expanded::AtLeast(k, kids) => kids.iter().filter(|c| up(c, state)).count() >= *k,
    }
}

/// Exact unavailability by enumerating every state (bit set = instance down).
fn reference(tree: &Tree) -> Option<BigRational> {
    reference_with(tree, SHARED.iter().map(|&p| exact_u(p)).collect())
}

/// [`reference`] with the shared components' unavailabilities given.
fn reference_with(tree: &Tree, shared: Vec<BigRational>) -> Option<BigRational> {
    let mut vars = shared;
    let structure = expand(tree, &mut vars);
    if vars.len() > 12 {
        return None;
    }
    let mut down = BigRational::zero();
    for state in 0u32..(1 << vars.len()) {
        if up(&structure, state) {
            continue;
        }
        let mut p = BigRational::one();
        for (v, u) in vars.iter().enumerate() {
            p *= if state >> v & 1 == 1 {
                u.clone()
            } else {
                BigRational::one() - u
            };
        }
        down += p;
    }
    Some(down)
}

/// The exact `∂U/∂uᵢ = U(i down) − U(i up)` of the component with this id (`sN` for a shared
/// one, `cN` for the N-th leaf of the tree), by the same enumeration; `None` for trees too large
/// or a component in a replica (each copy is its own instance).
fn reference_derivative(tree: &Tree, id: &str) -> Option<BigRational> {
    let with = |p: Tenths4| -> Option<BigRational> {
        let forced = force(tree, id, p, &mut 0)?;
        match id.strip_prefix('s').and_then(|i| i.parse::<usize>().ok()) {
            Some(i) => {
                let mut vars: Vec<BigRational> = SHARED.iter().map(|&p| exact_u(p)).collect();
                vars[i] = exact_u(p);
                reference_with(&forced, vars)
            }
            None => reference(&forced),
        }
    };
    Some(with(0)? - with(1_000_000)?)
}

/// `tree` with leaf `id` at availability `p` (ten-thousandths of a percent); `None` when the
/// leaf is inside a replica.
fn force(tree: &Tree, id: &str, p: Tenths4, next: &mut usize) -> Option<Tree> {
    let kids = |kids: &[Tree], next: &mut usize| -> Option<Vec<Tree>> {
        kids.iter().map(|k| force(k, id, p, next)).collect()
    };
    Some(match tree {
        Tree::Leaf(q) => {
            *next += 1;
            Tree::Leaf(if format!("c{next}") == id { p } else { *q })
        }
        Tree::Shared(i) => Tree::Shared(*i),
        Tree::Serial(k) => Tree::Serial(kids(k, next)?),
        Tree::Parallel(k) => Tree::Parallel(kids(k, next)?),
        Tree::KOfN(n, k) => Tree::KOfN(*n, kids(k, next)?),
        Tree::Replicate(n, child) => {
            let before = *next;
            let copied = force(child, id, p, next)?;
            let hit = (before + 1..=*next).any(|i| format!("c{i}") == id);
            if hit && *n > 1 {
                return None;
            }
            Tree::Replicate(*n, Box::new(copied))
        }
    })
}

fn a(text: &str) -> Availability {
    Availability::parse_percent(text).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Random trees with up to five shared components and replicas match the exact reference
    /// to 1e-14 relative in unavailability, and every component's attributed unavailability
    /// `uᵢ·∂U/∂uᵢ` matches the reference's `uᵢ·(U(i down) − U(i up))`.
    #[test]
    fn matches_exact_reference(tree in tree()) {
        let Some(exact) = reference(&tree) else { return Ok(()); };
        let m = model(&tree);
        let report = evaluate(&m, &Catalog::empty(), &Options::default()).unwrap();
        let got = report.unavailability;
        let exact = exact.to_f64().unwrap();
        let error = if exact == 0.0 { got.abs() } else { ((got - exact) / exact).abs() };
        prop_assert!(error <= 1e-14, "engine {got:e} vs exact {exact:e} (relative error {error:e})");
        for component in &report.components {
            let Some(derivative) = reference_derivative(&tree, &component.id) else { continue };
            let expected = component.unavailability * derivative.to_f64().unwrap();
            let got = component.attributed_unavailability;
            prop_assert!(
                (got - expected).abs() <= 1e-12 * expected.abs().max(1e-300),
                "{}: attributed {got:e} vs exact {expected:e}", component.id
            );
        }
    }

    #[test]
    fn serial_at_most_min_and_parallel_at_least_max(ps in prop::collection::vec(900_000u32..=999_999, 1..6)) {
        let parts: Vec<Availability> = ps.iter().map(|&p| a(&percent_text(p))).collect();
        let serial = combine(Combine::Serial, &parts).unwrap().unavailability();
        let parallel = combine(Combine::Parallel, &parts).unwrap().unavailability();
        let max_u = parts.iter().map(|p| p.unavailability()).fold(0.0, f64::max);
        let min_u = parts.iter().map(|p| p.unavailability()).fold(1.0, f64::min);
        prop_assert!(serial >= max_u);
        prop_assert!(parallel <= min_u);
    }

    #[test]
    fn k_of_n_limits_are_serial_and_parallel(ps in prop::collection::vec(900_000u32..=999_999, 1..8)) {
        let parts: Vec<Availability> = ps.iter().map(|&p| a(&percent_text(p))).collect();
        let n = parts.len() as u32;
        let close = |x: f64, y: f64| (x - y).abs() <= 1e-12 * x.abs().max(y.abs());
        let serial = combine(Combine::Serial, &parts).unwrap().unavailability();
        let all = combine(Combine::KOfN(n), &parts).unwrap().unavailability();
        prop_assert!(close(serial, all), "{serial:e} vs {all:e}");
        let parallel = combine(Combine::Parallel, &parts).unwrap().unavailability();
        let one = combine(Combine::KOfN(1), &parts).unwrap().unavailability();
        prop_assert!(close(parallel, one), "{parallel:e} vs {one:e}");
    }

    #[test]
    fn monotone_in_every_input(
        ps in prop::collection::vec(900_000u32..=999_000, 2..6),
        which in 0usize..6,
        k in 1u32..6,
    ) {
        let which = which % ps.len();
        let k = 1 + (k - 1) % ps.len() as u32;
        let parts: Vec<Availability> = ps.iter().map(|&p| a(&percent_text(p))).collect();
        let mut better = parts.clone();
        better[which] = a(&percent_text(ps[which] + 999));
        for how in [Combine::Serial, Combine::Parallel, Combine::KOfN(k)] {
            let before = combine(how, &parts).unwrap().unavailability();
            let after = combine(how, &better).unwrap().unavailability();
            prop_assert!(after <= before, "{how:?}: improving part {which} raised U from {before:e} to {after:e}");
        }
    }

    #[test]
    fn model_json_round_trips(tree in tree()) {
        let m = model(&tree);
        let back = Model::from_json(&m.to_json()).unwrap();
        prop_assert_eq!(back, m);
    }
}

/// Failover with no switchover loss is the parallel pair; with loss it is worse, by exactly
/// `(1 − u_s)·min(u_p, λT)`.
#[test]
fn failover_loses_switchover_time() {
    let text = |minutes: f64| {
        format!(
            r#"{{"root": {{"failover": {{"primary": {{"component": {{"id": "p", "availability": 99.9}}}},
               "standby": {{"component": {{"id": "s", "availability": 99.5}}}},
               "switchover_minutes": {minutes}, "incidents_per_year": 12}}}}}}"#
        )
    };
    let u = |minutes| {
        nines_core::evaluate_json(&text(minutes), &Catalog::empty(), &Options::default())
            .unwrap()
            .unavailability
    };
    let parallel = 0.001 * 0.005;
    assert!((u(0.0) - parallel).abs() < 1e-18);
    // 12 switchovers a year of 30 min in a 365-day year (30-day convention): λT = 360/525600.
    let switching = 360.0 / 525_600.0;
    let expected = parallel + (1.0 - 0.005) * f64::min(0.001, switching);
    assert!(((u(30.0) - expected) / expected).abs() < 1e-12);
}

/// A dependency shared by two regions fails once: the published worksheet mistake
/// (treating each region's copy as independent) overstates availability.
#[test]
fn shared_dependency_counts_once() {
    let model = r#"{
        "shared": {"idp": {"availability": 99.9}},
        "root": {"replicate": {"copies": 2, "child": {"serial": {"children": [
            {"shared": "idp"}, {"component": {"id": "app", "availability": 99.9}}]}}}}}"#;
    let u = nines_core::evaluate_json(model, &Catalog::empty(), &Options::default())
        .unwrap()
        .unavailability;
    // Exact: 1 − 0.999 · (1 − 0.001²) = 0.001 + 0.999·1e-6
    let exact = 0.001 + 0.999e-6;
    assert!(((u - exact) / exact).abs() < 1e-12, "{u:e}");
    // Independent copies would give (1 − 0.999²)² ≈ 3.996e-6: 250× too optimistic.
    assert!(u > 200.0 * (1.0f64 - 0.999 * 0.999).powi(2));
}

/// Money in a model is written back as numbers, so exported models import again.
#[test]
fn models_with_money_round_trip() {
    let text = r#"{"business_loss_per_hour": 5000.5, "root": {"component":
        {"id": "a", "availability": 99.95, "monthly_fee": 146.99}}}"#;
    let model = Model::from_json(text).unwrap();
    let again = Model::from_json(&model.to_json()).unwrap();
    assert_eq!(again, model);
    assert!(model.to_json().contains("\"monthly_fee\": 146.99"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Whatever the text, evaluation returns a report or problems with paths; it never panics.
    #[test]
    fn arbitrary_text_never_panics(
        tree in tree(),
        cut in 0usize..4000,
        junk in "[\\[\\]{}:,\"a-z0-9.eE+-]{0,12}",
    ) {
        let json = model(&tree).to_json();
        let at = cut.min(json.len());
        let at = (0..=at).rev().find(|&i| json.is_char_boundary(i)).unwrap_or(0);
        for text in [format!("{}{junk}", &json[..at]), json.replacen("99.", &junk, 1)] {
            if let Err(problems) = nines_core::evaluate_json(&text, &Catalog::empty(), &Options::default()) {
                prop_assert!(!problems.0.is_empty());
                prop_assert!(problems.0.iter().all(|p| !p.path.to_string().is_empty() && !p.message.is_empty()));
            }
        }
    }
}

/// Component instances by name: `(component id, copy path outermost first)`, shared ones first.
type Instance = (String, Vec<u32>);

/// [`expand`], naming each instance.
fn expand_named(
    tree: &Tree,
    next_id: &mut usize,
    copy: &[u32],
    names: &mut Vec<Instance>,
) -> Expanded {
    match tree {
        Tree::Leaf(_) => {
            *next_id += 1;
            names.push((format!("c{next_id}"), copy.to_vec()));
            Expanded::Var(names.len() - 1)
        }
        Tree::Shared(i) => Expanded::Var(*i),
        Tree::Serial(kids) => Expanded::All(
            kids.iter()
                .map(|k| expand_named(k, next_id, copy, names))
                .collect(),
        ),
        Tree::Parallel(kids) => Expanded::AtLeast(
            1,
            kids.iter()
                .map(|k| expand_named(k, next_id, copy, names))
                .collect(),
        ),
        Tree::KOfN(k, kids) => Expanded::AtLeast(
            *k,
            kids.iter()
                .map(|k| expand_named(k, next_id, copy, names))
                .collect(),
        ),
        Tree::Replicate(n, child) => {
            let start = *next_id;
            let copies = (1..=*n)
                .map(|c| {
                    *next_id = start; // every copy has the same component ids
                    let mut path = copy.to_vec();
                    path.push(c);
                    expand_named(child, next_id, &path, names)
                })
                .collect();
            Expanded::AtLeast(1, copies)
        }
    }
}

/// Whether the set of instances `set` (bits) holds every instance of `sub`.
fn holds(set: u32, sub: u32) -> bool {
    set & sub == sub
}

/// Every minimal cut set of at most `order` instances, by trying every set of that size.
fn brute_force_cut_sets(tree: &Tree, order: usize) -> Option<Vec<Vec<Instance>>> {
    let mut names: Vec<Instance> = (0..SHARED.len())
        .map(|i| (format!("s{i}"), Vec::new()))
        .collect();
    let structure = expand_named(tree, &mut 0, &[], &mut names);
    if names.len() > 16 {
        return None;
    }
    let n = names.len();
    let mut minimal: Vec<u32> = Vec::new();
    for size in 1..=order.min(n) {
        for state in 0u32..(1 << n) {
            let contains_a_smaller = minimal.iter().any(|&m| holds(state, m));
            if state.count_ones() as usize != size || contains_a_smaller {
                continue;
            }
            if !up(&structure, state) {
                minimal.push(state);
            }
        }
    }
    let mut sets: Vec<Vec<Instance>> = minimal
        .iter()
        .map(|&state| {
            let mut set: Vec<Instance> = (0..n)
                .filter(|i| state >> i & 1 == 1)
                .map(|i| names[i].clone())
                .collect();
            set.sort();
            set
        })
        .collect();
    sets.sort();
    Some(sets)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    /// The cut sets nines lists are exactly the minimal sets of at most three failures that
    /// take the design down, found by trying every set; each with the product of its
    /// unavailabilities.
    #[test]
    fn cut_sets_match_brute_force(tree in tree()) {
        let Some(expected) = brute_force_cut_sets(&tree, 3) else { return Ok(()); };
        let options = Options { cut_sets: Some(3), ..Options::default() };
        let report = evaluate(&model(&tree), &Catalog::empty(), &options).unwrap();
        let listed = report.cut_sets.unwrap();
        prop_assert!(listed.complete);
        let mut found: Vec<Vec<Instance>> = listed
            .sets
            .iter()
            .map(|set| {
                let mut members: Vec<Instance> = set
                    .members
                    .iter()
                    .map(|m| (m.component.clone().unwrap_or_default(), m.copy.clone()))
                    .collect();
                members.sort();
                members
            })
            .collect();
        found.sort();
        prop_assert_eq!(&found, &expected);
        let u_of = |id: &str| report.components.iter().find(|c| c.id == id).map(|c| c.unavailability).unwrap();
        for set in &listed.sets {
            let product: f64 = set.members.iter().map(|m| u_of(m.component.as_deref().unwrap())).product();
            prop_assert!((set.probability - product).abs() <= 1e-11 * product);
        }
    }
}

/// The textbook bridge network (five components, paths 1–4, 2–5, 1–3–5, 2–3–4) written as its
/// minimal path sets over shared components: its minimal cut sets are {1,2}, {4,5}, {1,3,5} and
/// {2,3,4} (e.g. Rausand & Høyland, System Reliability Theory, the bridge structure).
#[test]
fn bridge_network_cut_sets() {
    let shared: Vec<String> = (1..=5)
        .map(|i| format!(r#""b{i}": {{"availability": 9{i}}}"#))
        .collect();
    let path = |ids: &[u32]| {
        let refs: Vec<String> = ids
            .iter()
            .map(|i| format!(r#"{{"shared": "b{i}"}}"#))
            .collect();
        format!(r#"{{"serial": {{"children": [{}]}}}}"#, refs.join(", "))
    };
    let model = format!(
        r#"{{"shared": {{{}}}, "root": {{"parallel": {{"children": [{}, {}, {}, {}]}}}}}}"#,
        shared.join(", "),
        path(&[1, 4]),
        path(&[2, 5]),
        path(&[1, 3, 5]),
        path(&[2, 3, 4])
    );
    let options = Options {
        cut_sets: Some(3),
        ..Options::default()
    };
    let report = nines_core::evaluate_json(&model, &Catalog::empty(), &options).unwrap();
    let sets: Vec<String> = report
        .cut_sets
        .unwrap()
        .sets
        .iter()
        .map(|s| {
            s.members
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    // Most probable first: u = 0.09, 0.08, 0.07, 0.06, 0.05 for b1..b5.
    assert_eq!(sets, ["b1 b2", "b4 b5", "b2 b3 b4", "b1 b3 b5"]);
    // Exact bridge unavailability by conditioning on the bridge component b3 (the textbook way):
    // b3 up: (b1 ∥ b2) – (b4 ∥ b5) in series; b3 down: (b1–b4) ∥ (b2–b5).
    let u = [0.09, 0.08, 0.07, 0.06, 0.05];
    let series = |a: f64, b: f64| 1.0 - (1.0 - a) * (1.0 - b);
    let up3 = series(u[0] * u[1], u[3] * u[4]);
    let down3 = series(u[0], u[3]) * series(u[1], u[4]);
    let exact = (1.0 - u[2]) * up3 + u[2] * down3;
    assert!(
        (report.unavailability - exact).abs() <= 1e-15,
        "{} vs {exact}",
        report.unavailability
    );
}
