//! Modelling hints: valid models whose figures rest on an assumption the user may not have meant.
//! Each hint says what is assumed and what to do; they go into the report's `warnings` with the
//! JSON path of what they concern, so the CLI, the JS package and the web app show the same
//! sentences.
//!
//! - **Single-instance SLAs made redundant.** Two or more catalog components of one service, each
//!   under a single-instance SLA, in a `parallel` or `k_of_n` group, whose combined figure is
//!   more than the provider commits for a redundant deployment of that service (two EC2
//!   instances under the instance-level SLA give 99.9975%; AWS commits to 99.99% for instances
//!   across zones). The figure is only as good as the independence it assumes.
//! - **One failure domain under a redundant group** ([`domains`]): every member of a
//!   `parallel`, `failover`, `replicate` (or enough of a `k_of_n`) sits in one failure domain,
//!   whose outage takes them down together.
//! - **Credits unknown.** A component whose SLA records no credit tiers: what it pays is unknown,
//!   not zero.

mod domains;

use crate::availability::Availability;
use crate::catalog::Catalog;
use crate::model::Model;
use crate::plan::{json_path, Leaf, Plan, Step};
use crate::problem::Problem;
use crate::quick::{combine, Combine};
use crate::sla::Sla;

/// Every hint for a validated plan of `model`: the redundancy hints (inner groups first), the
/// failure-domain hints, then one per component without credit tiers.
pub(crate) fn hints(model: &Model, plan: &Plan, catalog: &Catalog) -> Vec<Problem> {
    let mut found = Vec::new();
    for step in &plan.steps {
        let (span, k) = match *step {
            Step::Parallel(span) => (span, None),
            Step::KOfN { k, children } => (children, Some(k)),
            _ => continue,
        };
        let members: Vec<&Leaf> = plan
            .span(span)
            .iter()
            .filter_map(|&child| match plan.steps[child] {
                Step::Leaf(i) => plan.leaves.get(i),
                Step::Var(v) => plan.leaves.get(plan.vars[v]),
                _ => None,
            })
            .collect();
        if let Some(message) = single_instances_in(&members, span.len, k, catalog) {
            found.push(Problem::value(group_path(plan, &members), message));
        }
    }
    found.extend(domains::domain_hints(model));
    for leaf in &plan.leaves {
        let Some(sla) = leaf.sla else { continue };
        if sla.credit_tiers.is_unknown() {
            found.push(Problem::value(
                plan.json_path_of(leaf),
                credits_unknown(sla),
            ));
        }
    }
    found
}

/// The JSON path of the group that holds `members`: a member's path without its last steps
/// (`children`, its index, `component`); a shared member's own path if all are shared.
fn group_path(plan: &Plan, members: &[&Leaf]) -> crate::problem::JsonPath {
    match members.iter().find(|leaf| !leaf.shared) {
        Some(leaf) => {
            let steps = plan.paths.steps(leaf.path);
            json_path(&steps[..steps.len().saturating_sub(3)])
        }
        None => members
            .first()
            .map(|leaf| plan.json_path_of(leaf))
            .unwrap_or_default(),
    }
}

fn credits_unknown(sla: &Sla) -> String {
    format!(
        "{} has no sourced credit tiers: credits unknown, not 0%. The worst case and the scenario count no credit for it; read the provider's SLA ({}) for what it pays",
        sla.label(),
        sla.source.url
    )
}

/// Whether an entry's commitment is for one instance (one VM, one AZ, one zonal cluster): its
/// id or configuration says `single`, `instance-level` or `zonal`.
pub(crate) fn is_single_instance(sla: &Sla) -> bool {
    let configuration = sla.id.split('/').nth(2).unwrap_or("");
    let text = format!("{configuration} {}", sla.configuration).to_ascii_lowercase();
    ["single", "instance-level", "zonal"]
        .iter()
        .any(|word| text.contains(word))
}

/// The hint for one redundant group of `n` children (`k` needed; `None`: any one), whose leaf
/// children are `members`, if its single-instance members of one service claim more than the
/// provider's redundant commitment.
fn single_instances_in(
    members: &[&Leaf],
    n: usize,
    k: Option<usize>,
    catalog: &Catalog,
) -> Option<String> {
    let slas: Vec<&Sla> = members
        .iter()
        .filter_map(|leaf| {
            leaf.sla
                .filter(|_| matches!(leaf.source, crate::model::ComponentSource::Catalog(_)))
        })
        .collect();
    let first = slas.iter().copied().find(|s| is_single_instance(s))?;
    let same: Vec<&Sla> = slas
        .iter()
        .copied()
        .filter(|s| {
            is_single_instance(s) && s.provider == first.provider && s.service == first.service
        })
        .collect();
    let m = same.len();
    if m < 2 {
        return None;
    }
    // Best case for these members: every other child up, so k − (n − m) of them are needed.
    let needed = k.map_or(1, |k| k.saturating_sub(n - m).clamp(1, m));
    let how = match needed {
        1 => Combine::Parallel,
        needed => Combine::KOfN(u32::try_from(needed).unwrap_or(u32::MAX)),
    };
    let parts: Vec<Availability> = same.iter().map(|s| s.commitment).collect();
    let combined = combine(how, &parts).ok()?;
    let best_member = same
        .iter()
        .map(|s| s.commitment_percent())
        .fold(0.0, f64::max);
    let redundant = catalog
        .entries()
        .iter()
        .filter(|e| e.provider == first.provider && e.service == first.service)
        .filter(|e| !is_single_instance(e) && e.commitment_percent() > best_member)
        .filter(|e| e.commitment.unavailability() > combined.unavailability())
        .fold(None::<&Sla>, |best, e| match best {
            Some(b) if b.commitment_percent() >= e.commitment_percent() => Some(b),
            _ => Some(e),
        })?;
    let arrangement = match needed {
        1 => "in parallel".to_string(),
        needed => format!("with {needed} of them needed"),
    };
    Some(format!(
        "{m} single-instance {service} components {arrangement} come to {combined}%, more than the provider's own commitment for a redundant deployment: {commitment}% for {label} ({id}). The figure assumes the instances fail independently, which a single-instance SLA does not promise; to rely on a commitment, use one {id} component instead",
        service = first.service,
        combined = combined.percent(),
        commitment = redundant.commitment.percent(),
        label = redundant.label(),
        id = redundant.id,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluate::{evaluate_json, Options};

    /// An entry of the test catalog: `tiers` is its `credit_tiers` JSON.
    fn entry(id: &str, configuration: &str, commitment: &str, tiers: &str) -> String {
        format!(
            r#"{{"id": "{id}", "provider": "acme", "service": "Acme VM", "configuration": "{configuration}",
            "commitment": {commitment}, "window": "calendar_month",
            "downtime_definition": {{"kind": "unavailable_minutes", "text": "down"}},
            "credit_tiers": {tiers}, "credit_cap": 100, "claim_window": "30 days",
            "data_guarantee": {{"kind": "not_applicable", "text": ""}},
            "source": {{"url": "https://acme.example/sla", "as_of": "2026-01-01", "status": "primary"}}}}"#
        )
    }

    fn test_catalog() -> Catalog {
        let tiers = r#"[{"below": 99.5, "credit": 10}]"#;
        let entries = [
            entry("acme/vm/single-instance", "One instance", "99.5", tiers),
            entry(
                "acme/vm/two-zones",
                "Two or more instances across zones",
                "99.99",
                tiers,
            ),
            entry(
                "acme/vm/one-zone",
                "Two or more instances in one zone",
                "99.95",
                tiers,
            ),
            entry(
                "acme/vm/no-credits",
                "Instances of any kind",
                "99.9",
                r#""unknown""#,
            ),
        ];
        let text = format!(
            r#"{{"version": "test", "date": "2026-01-01", "entries": [{}]}}"#,
            entries.join(", ")
        );
        Catalog::from_json(&text).unwrap()
    }

    fn warnings_with(model: &str, catalog: &Catalog) -> Vec<String> {
        let report = evaluate_json(model, catalog, &Options::default()).unwrap();
        report.warnings.iter().map(ToString::to_string).collect()
    }

    fn vm(id: &str, sla: &str) -> String {
        format!(r#"{{"component": {{"id": "{id}", "catalog": "{sla}"}}}}"#)
    }

    #[test]
    fn single_instances_in_parallel_suggest_the_redundant_sla() {
        let single = vm("a", "acme/vm/single-instance");
        let model = format!(
            r#"{{"root": {{"serial": {{"children": [{{"parallel": {{"children": [{single}, {}]}}}}]}}}}}}"#,
            vm("b", "acme/vm/single-instance")
        );
        assert_eq!(
            warnings_with(&model, &test_catalog()),
            ["root.serial.children[0].parallel: 2 single-instance Acme VM components in parallel come to 99.9975%, more than the provider's own commitment for a redundant deployment: 99.99% for Acme VM (Two or more instances across zones) (acme/vm/two-zones). The figure assumes the instances fail independently, which a single-instance SLA does not promise; to rely on a commitment, use one acme/vm/two-zones component instead"]
        );
    }

    #[test]
    fn k_of_n_counts_what_its_members_must_deliver() {
        // 2 of 3 at u = 0.005: 3·u²·(1 − u) + u³ = 0.000074750, so 99.992525% > 99.99%.
        let members: Vec<String> = ["a", "b", "c"]
            .iter()
            .map(|id| vm(id, "acme/vm/single-instance"))
            .collect();
        let model = format!(
            r#"{{"root": {{"k_of_n": {{"k": 2, "children": [{}]}}}}}}"#,
            members.join(", ")
        );
        assert_eq!(
            warnings_with(&model, &test_catalog()),
            ["root.k_of_n: 3 single-instance Acme VM components with 2 of them needed come to 99.992525%, more than the provider's own commitment for a redundant deployment: 99.99% for Acme VM (Two or more instances across zones) (acme/vm/two-zones). The figure assumes the instances fail independently, which a single-instance SLA does not promise; to rely on a commitment, use one acme/vm/two-zones component instead"]
        );
    }

    #[test]
    fn no_hint_for_redundant_slas_a_lone_instance_or_a_figure_below_the_commitment() {
        let catalog = test_catalog();
        let model = format!(
            r#"{{"root": {{"parallel": {{"children": [{}, {}, {{"component": {{"id": "x", "availability": 99}}}}]}}}}}}"#,
            vm("r", "acme/vm/two-zones"),
            vm("a", "acme/vm/single-instance")
        );
        assert!(warnings_with(&model, &catalog).is_empty());
        // 3 of 3 single instances come to 98.5%: no more than any commitment.
        let model = format!(
            r#"{{"root": {{"k_of_n": {{"k": 3, "children": [{}, {}, {}]}}}}}}"#,
            vm("a", "acme/vm/single-instance"),
            vm("b", "acme/vm/single-instance"),
            vm("c", "acme/vm/single-instance")
        );
        assert!(warnings_with(&model, &catalog).is_empty());
    }

    #[test]
    fn an_sla_without_credit_tiers_has_credits_unknown() {
        let model = format!(
            r#"{{"root": {{"serial": {{"children": [{}, {{"component": {{"id": "x", "availability": 99.9}}}}]}}}}}}"#,
            vm("cdn", "acme/vm/no-credits")
        );
        assert_eq!(
            warnings_with(&model, &test_catalog()),
            ["root.serial.children[0].component: Acme VM (Instances of any kind) has no sourced credit tiers: credits unknown, not 0%. The worst case and the scenario count no credit for it; read the provider's SLA (https://acme.example/sla) for what it pays"]
        );
    }

    #[test]
    fn two_single_instance_ec2_in_parallel_in_the_bundled_catalog() {
        let catalog = Catalog::bundled().unwrap();
        let ec2 = |id: &str| vm(id, "aws/ec2/instance-level-single-instance");
        let model = format!(
            r#"{{"root": {{"parallel": {{"children": [{}, {}]}}}}}}"#,
            ec2("a"),
            ec2("b")
        );
        let found = warnings_with(&model, &catalog);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].starts_with("root.parallel: 2 single-instance Amazon EC2 components in parallel come to 99.9975%, more than the provider's own commitment for a redundant deployment: 99.99% for Amazon EC2 ("),
            "{}",
            found[0]
        );
        assert!(found[0].ends_with("use one aws/ec2/region-level-multi-az component instead"));
    }

    #[test]
    fn single_instance_entries() {
        let catalog = Catalog::bundled().unwrap();
        let single = |id: &str| is_single_instance(catalog.get(id).unwrap());
        assert!(single("aws/ec2/instance-level-single-instance"));
        assert!(single("azure/virtual-machines/single-instance-premium-ssd"));
        assert!(single("gcp/kubernetes-engine/zonal-cluster"));
        assert!(!single("aws/ec2/region-level-multi-az"));
        assert!(!single("azure/virtual-machines/availability-zones"));
    }

    /// A model with one domain `zone-a` (and `zone-b`) and `root`.
    fn zoned(root: &str) -> String {
        format!(
            r#"{{"domains": {{"zone-a": {{"availability": 99.99}}, "zone-b": {{"availability": 99.99}}}}, "root": {root}}}"#
        )
    }

    fn box_in(id: &str, domains: &str) -> String {
        format!(
            r#"{{"component": {{"id": "{id}", "availability": 99.9, "domains": [{domains}]}}}}"#
        )
    }

    /// The failure-domain hints for `root` (not the plan's note on an unused domain).
    fn domain_warnings(root: &str) -> Vec<String> {
        let mut warnings = warnings_with(&zoned(root), &Catalog::empty());
        warnings.retain(|w| !w.ends_with("defined but no node lists it in \"domains\""));
        warnings
    }

    #[test]
    fn redundant_members_in_one_domain_are_pointed_out() {
        let a = box_in("a", r#""zone-a""#);
        let b = box_in("b", r#""zone-a", "zone-b""#);
        let root = format!(
            r#"{{"serial": {{"children": [{{"parallel": {{"children": [{a}, {b}]}}}}]}}}}"#
        );
        assert_eq!(
            domain_warnings(&root),
            ["root.serial.children[0].parallel: all 2 members of this parallel sit in failure domain \"zone-a\": one outage of it takes them down together, so this redundancy does not cover it (the figure counts \"zone-a\" once, in series). To survive a \"zone-a\" outage, place the members in different domains"]
        );
    }

    #[test]
    fn members_in_different_domains_or_a_zoned_group_are_not() {
        let spread = format!(
            r#"{{"parallel": {{"children": [{}, {}]}}}}"#,
            box_in("a", r#""zone-a""#),
            box_in("b", r#""zone-b""#)
        );
        assert!(domain_warnings(&spread).is_empty());
        let on_purpose = format!(
            r#"{{"parallel": {{"domains": ["zone-a"], "children": [{}, {}]}}}}"#,
            box_in("a", ""),
            box_in("b", "")
        );
        assert!(domain_warnings(&on_purpose).is_empty());
    }

    #[test]
    fn k_of_n_needs_enough_members_in_the_domain_to_fall() {
        // 2 of 3 needed: two members down take it down.
        let two = format!(
            r#"{{"k_of_n": {{"k": 2, "children": [{}, {}, {}]}}}}"#,
            box_in("a", r#""zone-a""#),
            box_in("b", r#""zone-a""#),
            box_in("c", r#""zone-b""#)
        );
        let warnings = domain_warnings(&two);
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].starts_with("root.k_of_n: 2 of the 3 members of this k_of_n, enough to take it down, sit in failure domain \"zone-a\""));
        // 1 of 3 needed: zone-a holds two, and the third survives.
        let one = two.replace(r#""k": 2"#, r#""k": 1"#);
        assert!(domain_warnings(&one).is_empty());
    }

    #[test]
    fn serial_members_replicas_failover_and_shared_components_carry_their_domains() {
        let serial = format!(
            r#"{{"serial": {{"children": [{}, {}]}}}}"#,
            box_in("a", ""),
            box_in("db", r#""zone-b""#)
        );
        let replicate = format!(r#"{{"replicate": {{"copies": 2, "child": {serial}}}}}"#);
        assert_eq!(domain_warnings(&replicate).len(), 1);
        assert!(domain_warnings(&replicate)[0].starts_with(
            "root.replicate: all 2 members of this replicate sit in failure domain \"zone-b\""
        ));
        let model = format!(
            r#"{{"domains": {{"zone-a": {{"availability": 99.99}}}}, "shared": {{"dns": {{"id": "dns", "availability": 99.99, "domains": ["zone-a"]}}}},
                "root": {{"failover": {{"primary": {{"shared": "dns"}}, "standby": {}, "switchover_minutes": 5, "incidents_per_year": 2}}}}}}"#,
            box_in("b", r#""zone-a""#)
        );
        let warnings = warnings_with(&model, &Catalog::empty());
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].starts_with(
            "root.failover: all 2 members of this failover sit in failure domain \"zone-a\""
        ));
    }
}
