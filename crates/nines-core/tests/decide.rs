//! The decision layer: exact values by hand, the search against brute force on small random
//! models (the same optimum and frontier), group counts, and bad input with its JSON paths.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: failing loudly is the point

use nines_core::decide::{improve, slo, DecideOptions, Optimizer, SloOptions};
use nines_core::model::GroupKind;
use nines_core::report::NeedStatus;
use nines_core::{evaluate, Availability, Catalog, Model, Options};
use serde_json::{json, Value};

fn options(target: &str) -> DecideOptions {
    DecideOptions {
        target: Some(Availability::parse_percent(target).unwrap()),
        ..DecideOptions::default()
    }
}

fn model(value: Value) -> Model {
    Model::from_json(&value.to_string()).unwrap()
}

fn u_of(model: &Model) -> f64 {
    let report = evaluate(model, &Catalog::bundled().unwrap(), &Options::default()).unwrap();
    report.unavailability
}

fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * a.abs().max(b.abs()) || (a - b).abs() < 1e-300
}

#[test]
fn serial_pair_by_hand() {
    let m = model(json!({"root": {"serial": {"children": [
        {"component": {"id": "web", "availability": 99.95}},
        {"component": {"id": "db", "availability": 99.99}}]}}}));
    let a = improve(&m, &Catalog::empty(), &options("99.97")).unwrap();
    assert_eq!(a.target, 99.97);
    let (web, db) = (&a.components[0], &a.components[1]);
    // (1 − u*)(1 − 1e-4) = 1 − 3e-4
    let expected = 1.0 - (1.0 - 0.9997 / 0.9999);
    assert!(close(web.required_availability.unwrap(), expected, 1e-12));
    assert_eq!(web.status, NeedStatus::Possible);
    assert!(close(web.birnbaum, 0.9999, 1e-12), "∂U/∂u_web = 1 − u_db");
    let u = 1.0 - 0.9995 * 0.9999;
    assert!(close(web.raw.unwrap(), 1.0 / u, 1e-9));
    assert!(close(web.rrw.unwrap(), u / 1e-4, 1e-9));
    // Even a perfect db leaves web's 5e-4 > 3e-4.
    assert_eq!(db.status, NeedStatus::Impossible);
    assert_eq!(db.required_availability, None);
    assert!(close(web.share + db.share, 1.0, 1e-12));
    let a = improve(&m, &Catalog::empty(), &options("99.995")).unwrap();
    assert_eq!(a.components[0].status, NeedStatus::Impossible);
    assert_eq!(a.components[0].required_availability, None);
    let a = improve(&m, &Catalog::empty(), &options("99.9")).unwrap();
    assert_eq!(a.components[0].status, NeedStatus::Met);
    assert!(a.components[0].required_availability.unwrap() < 0.9995);
}

#[test]
fn parallel_replicate_and_k_of_n_counts() {
    let m = model(json!({"root": {"serial": {"children": [
        {"parallel": {"children": [
            {"component": {"id": "a", "availability": 99}},
            {"component": {"id": "b", "availability": 99}}]}},
        {"replicate": {"copies": 2, "child": {"component": {"id": "r", "availability": 99}}}},
        {"k_of_n": {"k": 2, "children": [
            {"component": {"id": "k1", "availability": 99}},
            {"component": {"id": "k2", "availability": 99}},
            {"component": {"id": "k3", "availability": 99}}]}}]}}}));
    let a = improve(&m, &Catalog::empty(), &options("99.9")).unwrap();
    let groups: Vec<(GroupKind, u32, Option<u32>)> = a
        .groups
        .iter()
        .map(|g| (g.kind, g.current, g.required))
        .collect();
    // U ≈ 1e-4 + 1e-4 + 2.98e-4 today: each group at its count meets 99.9% with the others.
    assert_eq!(
        groups,
        [
            (GroupKind::Parallel, 2, Some(2)),
            (GroupKind::Replicate, 2, Some(2)),
            (GroupKind::KOfN, 2, Some(2))
        ]
    );
    assert_eq!(a.groups[0].path, "root.serial.children[0].parallel");
    let a = improve(&m, &Catalog::empty(), &options("99.96")).unwrap();
    let required: Vec<Option<u32>> = a.groups.iter().map(|g| g.required).collect();
    // The budget 4e-4 against 1e-4 + 1e-4 + 2.98e-4 today: a third member or copy (1e-6)
    // brings the others to 3.98e-4; or k down to 1 (1e-6) to 2.01e-4.
    assert_eq!(required, [Some(3), Some(3), Some(1)]);
    let a = improve(&m, &Catalog::empty(), &options("99.97")).unwrap();
    // 3e-4: the replicate's 1e-4 and the k_of_n's 2.98e-4 leave nothing for the parallel.
    assert_eq!(a.groups[0].required, None);
}

#[test]
fn replicated_component_needs_a_root() {
    // Two copies of r: U = u², so 99.999% needs u* = √1e-5 in each copy.
    let m = model(json!({"root": {"replicate": {"copies": 2,
        "child": {"component": {"id": "r", "availability": 99}}}}}));
    let a = improve(&m, &Catalog::empty(), &options("99.999")).unwrap();
    let r = &a.components[0];
    assert_eq!(r.instances, 2);
    let u_star = 1.0 - r.required_availability.unwrap();
    assert!(close(u_star, 1e-5f64.sqrt(), 1e-12), "{u_star}");
    assert!(u_star * u_star <= 1e-5 * (1.0 + 1e-12));
    assert!(close(r.birnbaum, 1.0, 1e-15));
}

/// A tiny deterministic generator for the random models.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn percent(&mut self) -> f64 {
        // 90% to 99.99%, four decimals, distinct enough to avoid ties.
        90.0 + self.below(99_990) as f64 / 10_000.0
    }
}

/// A random tree; leaves may list alternatives, groups copies ranges.
fn random_node(rng: &mut Rng, depth: u32, leaves: &mut u32, shared: bool) -> Value {
    let leaf = |rng: &mut Rng, leaves: &mut u32| {
        *leaves += 1;
        let a = rng.percent();
        let mut c = json!({"id": format!("c{leaves}"), "availability": a, "monthly_fee": rng.below(50) + 1});
        if rng.below(2) == 0 {
            let alternatives: Vec<Value> = (0..1 + rng.below(2))
                .map(|_| {
                    let a = rng.percent();
                    json!({"availability": a, "monthly_fee": rng.below(80) + 1})
                })
                .collect();
            c["alternatives"] = Value::Array(alternatives);
        }
        json!({ "component": c })
    };
    if depth == 0 || rng.below(3) == 0 {
        if shared && rng.below(4) == 0 {
            return json!({"shared": "s"});
        }
        return leaf(rng, leaves);
    }
    let kids = |rng: &mut Rng, leaves: &mut u32, n: u64| -> Vec<Value> {
        (0..n)
            .map(|_| random_node(rng, depth - 1, leaves, shared))
            .collect()
    };
    match rng.below(4) {
        0 => {
            let n = 2 + rng.below(2);
            json!({"serial": {"children": kids(rng, leaves, n)}})
        }
        1 => {
            let n = 1 + rng.below(2);
            let mut group = json!({"children": kids(rng, leaves, n)});
            if rng.below(2) == 0 {
                group["copies_range"] = json!([1, 1 + rng.below(3)]);
            }
            json!({ "parallel": group })
        }
        2 => {
            let children = kids(rng, leaves, 3);
            json!({"k_of_n": {"k": 1 + rng.below(3), "children": children}})
        }
        _ => {
            let copies = 1 + rng.below(2);
            let child = random_node(rng, depth - 1, leaves, shared);
            let mut r = json!({"copies": copies, "child": child});
            if rng.below(2) == 0 {
                r["copies_range"] = json!([1, 1 + rng.below(3)]);
            }
            json!({ "replicate": r })
        }
    }
}

/// Every decision of a model in the optimizer's order: ranged groups (pre-order of their
/// closing, i.e. model post-order), then leaves with alternatives; as JSON pointers and counts.
fn decisions(
    value: &Value,
    at: &str,
    groups: &mut Vec<(String, Vec<u64>)>,
    leaves: &mut Vec<(String, u64)>,
) {
    let Some((kind, body)) = value.as_object().and_then(|o| o.iter().next()) else {
        return;
    };
    match kind.as_str() {
        "component" => {
            if let Some(alts) = body.get("alternatives").and_then(Value::as_array) {
                leaves.push((format!("{at}/component"), alts.len() as u64 + 1));
            }
        }
        "replicate" => {
            decisions(
                &body["child"],
                &format!("{at}/replicate/child"),
                groups,
                leaves,
            );
            if let Some(range) = body.get("copies_range") {
                let (lo, hi) = (range[0].as_u64().unwrap(), range[1].as_u64().unwrap());
                groups.push((format!("{at}/replicate"), (lo..=hi).collect()));
            }
        }
        "serial" | "parallel" | "k_of_n" => {
            for (i, child) in body["children"].as_array().unwrap().iter().enumerate() {
                decisions(child, &format!("{at}/{kind}/children/{i}"), groups, leaves);
            }
            if let Some(range) = body.get("copies_range") {
                let (lo, hi) = (range[0].as_u64().unwrap(), range[1].as_u64().unwrap());
                groups.push((format!("{at}/{kind}"), (lo..=hi).collect()));
            }
        }
        _ => {}
    }
}

/// The monthly fee of a concrete model: Σ fee × instances (shared once).
fn fee(value: &Value, times: u64) -> u64 {
    let Some((kind, body)) = value.as_object().and_then(|o| o.iter().next()) else {
        return 0;
    };
    match kind.as_str() {
        "component" => times * (body["monthly_fee"].as_f64().unwrap_or(0.0) * 100.0).round() as u64,
        "replicate" => fee(&body["child"], times * body["copies"].as_u64().unwrap()),
        "serial" | "parallel" | "k_of_n" => body["children"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| fee(c, times))
            .sum(),
        _ => 0,
    }
}

/// Applies one combination to a copy of the model (group counts, then leaf choices).
fn concrete(base: &Value, groups: &[(String, u64)], leaves: &[(String, u64)]) -> Value {
    let mut m = base.clone();
    // Leaves first: their pointers are inside groups whose members may be cloned after.
    for (pointer, choice) in leaves {
        let c = m.pointer_mut(&format!("/root{pointer}")).unwrap();
        if *choice > 0 {
            let alt = c["alternatives"][(*choice - 1) as usize].clone();
            *c = alt;
        } else {
            c.as_object_mut().unwrap().remove("alternatives");
        }
    }
    for (pointer, count) in groups {
        let g = m.pointer_mut(&format!("/root{pointer}")).unwrap();
        g.as_object_mut().unwrap().remove("copies_range");
        if g.get("copies").is_some() {
            g["copies"] = json!(count);
        } else {
            let kids = g["children"].as_array_mut().unwrap();
            let last = kids.last().unwrap().clone();
            kids.truncate(*count as usize);
            while (kids.len() as u64) < *count {
                kids.push(last.clone());
            }
        }
    }
    // Leaves cleaned of alternatives everywhere, and of ids (members may be cloned).
    strip(&mut m);
    strip_ids(&mut m);
    m
}

fn strip_ids(v: &mut Value) {
    match v {
        Value::Object(o) => {
            o.remove("id");
            o.values_mut().for_each(strip_ids);
        }
        Value::Array(a) => a.iter_mut().for_each(strip_ids),
        _ => {}
    }
}

fn strip(v: &mut Value) {
    match v {
        Value::Object(o) => {
            o.remove("alternatives");
            o.remove("copies_range");
            o.values_mut().for_each(strip);
        }
        Value::Array(a) => a.iter_mut().for_each(strip),
        _ => {}
    }
}

fn odometer(sizes: &[u64]) -> Vec<Vec<u64>> {
    let mut all = vec![vec![]];
    for &n in sizes {
        all = all
            .into_iter()
            .flat_map(|prefix| (0..n).map(move |i| [prefix.clone(), vec![i]].concat()))
            .collect();
    }
    all
}

#[test]
fn search_matches_brute_force_on_random_models() {
    let catalog = Catalog::empty();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut checked = 0;
    for case in 0..60 {
        let shared = case % 3 == 0;
        let mut leaves = 0;
        let root = random_node(&mut rng, 3, &mut leaves, shared);
        let mut base = json!({"root": root, "target": 99.9});
        if shared {
            base["shared"] = json!({"s": {"availability": rng.percent(), "monthly_fee": 5}});
        }
        let text = base.to_string();
        let Ok(m) = Model::from_json(&text) else {
            continue;
        };
        let Ok(mut optimizer) = Optimizer::new(&m, &catalog, &DecideOptions::default()) else {
            continue; // e.g. a shared component defined but never used
        };
        if optimizer.combinations() > 5000 {
            continue;
        }
        let mut groups = Vec::new();
        let mut leaf_choices = Vec::new();
        decisions(&base["root"], "", &mut groups, &mut leaf_choices);
        let sizes: Vec<u64> = groups
            .iter()
            .map(|g| g.1.len() as u64)
            .chain(leaf_choices.iter().map(|l| l.1))
            .collect();
        // Brute force: every combination as a model of its own.
        let mut designs: Vec<(u64, f64)> = Vec::new();
        for combo in odometer(&sizes) {
            let (g, l) = combo.split_at(groups.len());
            let g: Vec<(String, u64)> = groups
                .iter()
                .zip(g)
                .map(|(gr, &i)| (gr.0.clone(), gr.1[i as usize]))
                .collect();
            let l: Vec<(String, u64)> = leaf_choices
                .iter()
                .zip(l)
                .map(|(lc, &i)| (lc.0.clone(), i))
                .collect();
            let concrete = concrete(&base, &g, &l);
            let shared_fee = if shared && text.contains("{\"shared\":\"s\"}") {
                500
            } else {
                0
            };
            let f = fee(&concrete["root"], 1) + shared_fee;
            let cm = Model::from_json(&concrete.to_string()).unwrap();
            designs.push((f, u_of(&cm)));
        }
        let goal = 1e-3;
        let best = designs
            .iter()
            .filter(|d| d.1 <= goal * (1.0 + 1e-12))
            .min_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
        for exhaustive in [true, false] {
            if !exhaustive {
                optimizer.set_exhaustive_limit(0);
            }
            let answer = optimizer.run();
            assert!(answer.optimal);
            assert_eq!(
                answer.combinations,
                designs.len() as u64,
                "case {case}: {text}"
            );
            match (best, &answer.cheapest) {
                (None, None) => {}
                (Some(b), Some(c)) => {
                    let cents = (c.monthly_fee.cents()) as u64;
                    assert_eq!(cents, b.0, "case {case} cheapest fee: {text}");
                }
                (b, c) => panic!("case {case}: brute force {b:?}, search {c:?}: {text}"),
            }
            // Every frontier design exists and no design dominates it.
            for point in &answer.frontier {
                let (f, u) = (point.monthly_fee.cents() as u64, 1.0 - point.availability);
                assert!(
                    // The answer's availability is a fraction: u back from it is good to 2e-16.
                    designs.iter().any(|d| d.0 == f && (d.1 - u).abs() <= 2e-16),
                    "case {case}: ({f}, {u}) is no design: {designs:?} {text}"
                );
                assert!(
                    !designs.iter().any(|d| d.0 <= f && d.1 < u - 2e-16),
                    "case {case}: a design dominates the frontier's ({f}, {u}): {text}"
                );
            }
        }
        checked += 1;
    }
    assert!(checked >= 20, "only {checked} random models checked");
}

#[test]
fn improve_matches_full_evaluations_on_random_models() {
    let catalog = Catalog::empty();
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    for case in 0..40 {
        let shared = case % 2 == 0;
        let mut leaves = 0;
        let root = random_node(&mut rng, 3, &mut leaves, shared);
        let mut base = json!({"root": root});
        if shared {
            base["shared"] = json!({"s": {"availability": rng.percent()}});
        }
        strip(&mut base);
        let Ok(m) = Model::from_json(&base.to_string()) else {
            continue;
        };
        let Ok(now) = evaluate(&m, &catalog, &Options::default()) else {
            continue;
        };
        let goal = (now.unavailability / 3.0).max(1e-12);
        let target = Availability::from_unavailability(goal).unwrap();
        let opts = DecideOptions {
            target: Some(target),
            ..DecideOptions::default()
        };
        let answer = improve(&m, &catalog, &opts).unwrap();
        assert!(close(answer.availability, now.availability, 1e-15));
        for (need, report) in answer.components.iter().zip(&now.components) {
            assert_eq!(need.id, report.id);
            // Required availability: the design at it meets the goal, and just below does not.
            if let Some(required) = need.required_availability {
                let at = |a: f64| {
                    let mut m2 = m.clone();
                    set_leaf(&mut m2, &need.id, a);
                    u_of(&m2)
                };
                let u_at = at(required);
                assert!(
                    u_at <= goal * (1.0 + 1e-9),
                    "case {case} {}: {u_at} > {goal}",
                    need.id
                );
                if required > 1e-9 && need.status == NeedStatus::Possible {
                    let below = at(required - 1e-7 * (1.0 - required).max(1e-9));
                    assert!(below >= u_at, "case {case}: not monotone");
                }
            }
        }
    }
}

/// Sets the availability of the component (or shared component) `id` in a model.
fn set_leaf(model: &mut Model, id: &str, availability: f64) {
    use nines_core::model::Node;
    let a = Availability::from_unavailability((1.0 - availability).clamp(0.0, 1.0)).unwrap();
    if let Some(c) = model.shared.get_mut(id) {
        c.availability = Some(a);
        return;
    }
    fn walk(node: &mut Node, id: &str, a: Availability) {
        match node {
            Node::Component(c) if c.id.as_deref() == Some(id) => c.availability = Some(a),
            Node::Serial(g) | Node::Parallel(g) => {
                g.children.iter_mut().for_each(|c| walk(c, id, a))
            }
            Node::KOfN(k) => k.children.iter_mut().for_each(|c| walk(c, id, a)),
            Node::Replicate(r) => walk(&mut r.child, id, a),
            Node::Failover(f) => {
                walk(&mut f.primary, id, a);
                walk(&mut f.standby, id, a);
            }
            _ => {}
        }
    }
    walk(&mut model.root, id, a);
}

#[test]
fn slo_budget_and_remaining() {
    let m = model(json!({"root": {"component": {"id": "a", "availability": 99.99}}}));
    let options = SloOptions {
        target: Some(Availability::parse_percent("99.9").unwrap()),
        ..SloOptions::default()
    };
    let a = slo(&m, &Catalog::empty(), &options).unwrap();
    assert_eq!(a.budget.seconds.month, 2592.0);
    assert_eq!(a.expected.seconds.month, 259.2);
    assert_eq!(a.remaining.seconds.month, 2332.8);
    assert_eq!(a.remaining.fraction, 0.9);
    assert_eq!(a.supported.long_run, "99.99");
    let options = SloOptions {
        target: Some(Availability::parse_percent("99.995").unwrap()),
        ..SloOptions::default()
    };
    let a = slo(&m, &Catalog::empty(), &options).unwrap();
    assert_eq!(a.remaining.text.month, "overspent by 2 min 9.6 s");
    assert_eq!(a.remaining.fraction, -1.0);
}

#[test]
fn slo_at_a_confidence_from_the_simulated_months() {
    let m = model(
        json!({"root": {"component": {"id": "a", "availability": 99.9, "outage_minutes": 60}}}),
    );
    let options = SloOptions {
        target: Some(Availability::parse_percent("99.95").unwrap()),
        confidence: Some(0.975),
        trials: 20_000,
        ..SloOptions::default()
    };
    let a = slo(&m, &Catalog::empty(), &options).unwrap();
    let simulated = a.supported.simulated.unwrap();
    // About 0.72 outages of an hour a month: a month with two misses 99.95% (21.6 min).
    let p = simulated.target_breach.probability;
    assert!(p > 0.2 && p < 0.7, "{p}");
    assert!(simulated.one_month_in.unwrap() > 1.0);
    let supported: f64 = simulated.percent.parse().unwrap();
    assert!(supported < 99.9, "{supported}");
}

/// Bad input: one clear problem with its JSON path.
#[test]
fn bad_input_names_its_path() {
    let catalog = Catalog::bundled().unwrap();
    let cases: &[(Value, &str, &str)] = &[
        (
            json!({"root": {"component": {"availability": 99, "monthly_fee": 1,
                "alternatives": [{"catalog": "nope/nothing", "monthly_fee": 2}]}}}),
            "root.component.alternatives[0].catalog",
            "unknown catalog id",
        ),
        (
            json!({"root": {"component": {"availability": 99, "monthly_fee": 1,
                "alternatives": [{"availability": 99.9}]}}}),
            "root.component.alternatives[0].monthly_fee",
            "required",
        ),
        (
            json!({"root": {"component": {"availability": 99,
                "alternatives": [{"availability": 99.9, "monthly_fee": 2}]}}}),
            "root.component.monthly_fee",
            "required with alternatives",
        ),
        (
            json!({"root": {"component": {"availability": 99, "monthly_fee": 1,
                "alternatives": [{"id": "x", "availability": 99.9, "monthly_fee": 2}]}}}),
            "root.component.alternatives[0].id",
            "leave it out",
        ),
        (
            json!({"root": {"replicate": {"copies": 2, "copies_range": [3, 1],
                "child": {"component": {"availability": 99}}}}}),
            "root.replicate.copies_range",
            "1 ≤ min ≤ max ≤ 64",
        ),
        (
            json!({"root": {"replicate": {"copies": 2, "copies_range": [0, 2],
                "child": {"component": {"availability": 99}}}}}),
            "root.replicate.copies_range",
            "not a range",
        ),
        (
            json!({"root": {"parallel": {"copies_range": [1, 65],
                "children": [{"component": {"availability": 99}}]}}}),
            "root.parallel.copies_range",
            "≤ 64",
        ),
        (
            json!({"root": {"serial": {"copies_range": [1, 2],
                "children": [{"component": {"availability": 99}}]}}}),
            "root.serial.copies_range",
            "only a replicate or a parallel",
        ),
        (
            json!({"root": {"component": {"availability": 99}}}),
            "target",
            "give a target",
        ),
        (
            json!({"target": 100, "root": {"component": {"availability": 99}}}),
            "target",
            "between 0% and 100%",
        ),
    ];
    for (value, path, fragment) in cases {
        let mut value = value.clone();
        if *path != "target" {
            value["target"] = json!(99.9);
        }
        let m = model(value.clone());
        let problems = match Optimizer::new(&m, &catalog, &DecideOptions::default()) {
            Ok(_) => panic!("accepted {value}"),
            Err(p) => p,
        };
        assert_eq!(problems.0.len(), 1, "{value}: {problems}");
        assert_eq!(problems.0[0].path.to_string(), *path, "{value}: {problems}");
        assert!(problems.0[0].message.contains(fragment), "{problems}");
    }
    // Too many combinations: 13 components with 8 choices each.
    let children: Vec<Value> = (0..14)
        .map(|_| {
            let alts: Vec<Value> = (0..7)
                .map(|i| json!({"availability": 99, "monthly_fee": i}))
                .collect();
            json!({"component": {"availability": 99, "monthly_fee": 1, "alternatives": alts}})
        })
        .collect();
    let m = model(json!({"target": 99, "root": {"serial": {"children": children}}}));
    let problems = Optimizer::new(&m, &catalog, &DecideOptions::default())
        .err()
        .unwrap();
    assert_eq!(problems.0[0].path.to_string(), "root");
    assert!(problems.to_string().contains("combinations"));
}

#[test]
fn chunks_give_the_same_answer() {
    let children: Vec<Value> = (0..6)
        .map(|i| {
            json!({"component": {"availability": 99.0 + f64::from(i) / 10.0, "monthly_fee": 10,
                "alternatives": [{"availability": 99.9, "monthly_fee": 20 + i},
                                 {"availability": 99.99, "monthly_fee": 45 + i}]}})
        })
        .collect();
    let m = model(json!({"target": 99.5, "root": {"serial": {"children": [
        {"replicate": {"copies": 1, "copies_range": [1, 3], "child": {"serial": {"children": children}}}}]}}}));
    let catalog = Catalog::empty();
    for limit in [u64::MAX, 0] {
        let mut whole = Optimizer::new(&m, &catalog, &DecideOptions::default()).unwrap();
        whole.set_exhaustive_limit(limit);
        let expected = whole.run();
        let mut search = whole.start();
        let mut steps = 0;
        loop {
            // A fresh optimizer each time, as the browser makes one per chunk.
            let mut o = Optimizer::new(&m, &catalog, &DecideOptions::default()).unwrap();
            o.set_exhaustive_limit(limit);
            steps += 1;
            if o.step(&mut search, 37) {
                assert_eq!(o.answer(&search), expected);
                break;
            }
        }
        assert!(steps > 3);
        assert!(expected.optimal);
        assert!(expected.cheapest.is_some());
    }
}

#[test]
fn applied_designs_evaluate_to_the_design() {
    use nines_core::decide::apply;
    let catalog = Catalog::empty();
    let mut rng = Rng(0x6A09_E667_F3BC_C908);
    let (mut checked, mut members, mut copies) = (0, 0, 0);
    for case in 0..60 {
        let shared = case % 3 == 0;
        let mut leaves = 0;
        let root = random_node(&mut rng, 3, &mut leaves, shared);
        let mut base = json!({"root": root, "target": 99.9});
        if shared {
            base["shared"] = json!({"s": {"availability": rng.percent(), "monthly_fee": 5,
                "alternatives": [{"availability": rng.percent(), "monthly_fee": 9}]}});
        }
        let Ok(m) = Model::from_json(&base.to_string()) else {
            continue;
        };
        let Ok(mut optimizer) = Optimizer::new(&m, &catalog, &DecideOptions::default()) else {
            continue;
        };
        if optimizer.combinations() > 5000 {
            continue;
        }
        let answer = optimizer.run();
        for design in answer.frontier.iter().chain(&answer.cheapest) {
            members += design
                .choices
                .iter()
                .filter(|c| c.id.ends_with(".parallel"))
                .count();
            copies += design
                .choices
                .iter()
                .filter(|c| c.id.ends_with(".replicate"))
                .count();
            let applied = apply(&m, &design.choices)
                .unwrap_or_else(|p| panic!("case {case}: {p}: {:?}", design.choices));
            // The applied model as written is the design: its fee, its availability.
            let again = Optimizer::new(&applied, &catalog, &DecideOptions::default())
                .unwrap_or_else(|p| panic!("case {case}: {p}"));
            let current = again.answer(&again.start()).current;
            assert_eq!(
                current.monthly_fee, design.monthly_fee,
                "case {case}: {base}"
            );
            let u = u_of(&applied);
            assert!(
                (u - (1.0 - design.availability)).abs() <= 1e-12 * u.max(1e-300) + 2e-16,
                "case {case}: applied {u}, design {}: {base}",
                1.0 - design.availability
            );
        }
        checked += 1;
    }
    assert!(checked >= 20, "only {checked} random models checked");
    // Members added and dropped, copies changed: each kind of choice was applied.
    assert!(
        members >= 10 && copies >= 10,
        "{members} members, {copies} copies"
    );
}

#[test]
fn trying_an_alternative_twice_goes_back_and_bad_choices_name_their_index() {
    use nines_core::decide::apply;
    use nines_core::report::Choice;
    let m = model(
        json!({"root": {"parallel": {"copies_range": [1, 3], "children": [
        {"component": {"id": "web", "name": "Web", "availability": 99, "monthly_fee": 10,
            "alternatives": [{"availability": 99.9, "monthly_fee": 40},
                             {"name": "Big", "availability": 99.95, "monthly_fee": 90}]}}]}},
        "incidents": [{"component": "web", "start": "2026-02-01T00:00", "minutes": 5}]}),
    );
    let choice = |id: &str, choice: u32| Choice {
        id: id.to_string(),
        choice,
        label: String::new(),
    };
    let once = apply(&m, &[choice("web", 1)]).unwrap();
    assert_eq!(apply(&once, &[choice("web", 1)]).unwrap(), m);
    let big = apply(&m, &[choice("web", 2)]).unwrap();
    assert_eq!(apply(&big, &[choice("web", 2)]).unwrap(), m);
    // Three members: copies of the last, with ids of their own; the choice rides along.
    let three = apply(&m, &[choice("root.parallel", 3), choice("web", 1)]).unwrap();
    let json = serde_json::to_value(&three).unwrap();
    let members = json["root"]["parallel"]["children"].as_array().unwrap();
    let ids: Vec<&str> = members
        .iter()
        .map(|c| c["component"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["web", "web-2", "web-3"]);
    assert!(members
        .iter()
        .all(|c| c["component"]["availability"] == json!(99.9)));
    let problems = apply(
        &m,
        &[
            choice("web", 3),
            choice("nope", 1),
            choice("root.parallel", 0),
        ],
    )
    .unwrap_err();
    let paths: Vec<String> = problems.0.iter().map(|p| p.path.to_string()).collect();
    assert_eq!(paths, ["choices[0]", "choices[1]", "choices[2]"]);
    assert!(
        problems.0[0].message.contains("2 alternatives"),
        "{problems}"
    );
}

#[test]
fn an_openslo_document_reads_back_from_its_json() {
    use nines_core::decide::{openslo, OpenSlo};
    let m = model(
        json!({"name": "Shop", "target": 99.9, "root": {"serial": {"children": [
        {"component": {"id": "web", "availability": 99.95}},
        {"component": {"id": "db", "availability": 99.99}}]}}}),
    );
    let document = openslo(&m, &Catalog::empty(), &SloOptions::default()).unwrap();
    let json = serde_json::to_value(&document).unwrap();
    assert_eq!(json["kind"], "SLO");
    assert_eq!(json["spec"]["objectives"][0]["target"], json!(0.999));
    // What a worker sends back is the same document, so a shell writes the CLI's bytes.
    assert_eq!(OpenSlo::from_json(&json.to_string()).unwrap(), document);
    let problems = OpenSlo::from_json(r#"{"kind": "SLO"}"#).unwrap_err();
    assert_eq!(problems.0[0].path.to_string(), "openslo");
    #[cfg(feature = "yaml")]
    {
        let yaml = OpenSlo::from_json(&json.to_string())
            .unwrap()
            .to_yaml()
            .unwrap();
        assert!(
            yaml.starts_with("apiVersion: openslo/v1\nkind: SLO\n"),
            "{yaml}"
        );
        assert!(yaml.contains("target: 0.999\n"), "{yaml}");
    }
}

#[test]
fn answers_read_back_from_their_json_bit_for_bit() {
    // The web app reads the analysis worker's JSON with these very types.
    use nines_core::report::{ImproveAnswer, OptimizeAnswer};
    for fixture in ["azure-web-sql-options.json", "aws-three-tier-options.json"] {
        let path = format!(
            "{}/../../tests/fixtures/decide/{fixture}",
            env!("CARGO_MANIFEST_DIR")
        );
        let m = Model::from_json(&std::fs::read_to_string(path).unwrap()).unwrap();
        let catalog = Catalog::bundled().unwrap();
        let wanted = options("99.99");
        let improved = improve(&m, &catalog, &wanted).unwrap();
        let read: ImproveAnswer =
            serde_json::from_str(&serde_json::to_string(&improved).unwrap()).unwrap();
        assert_eq!(read, improved, "{fixture}");
        assert!(!improved.groups.is_empty() || !improved.components.is_empty());
        let optimized = Optimizer::new(&m, &catalog, &wanted).unwrap().run();
        let read: OptimizeAnswer =
            serde_json::from_str(&serde_json::to_string(&optimized).unwrap()).unwrap();
        assert_eq!(read, optimized, "{fixture}");
        // PartialEq on f64 would pass 1 ulp apart only if equal: compare the bits too.
        let bits = |a: &OptimizeAnswer| {
            a.frontier
                .iter()
                .map(|d| d.availability.to_bits())
                .collect::<Vec<_>>()
        };
        assert_eq!(bits(&read), bits(&optimized), "{fixture}");
        assert!(
            optimized.frontier.len() > 1,
            "{fixture}: a frontier to compare"
        );
    }
}
