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
//! - **Credits unknown.** A component whose SLA records no credit tiers: what it pays is unknown,
//!   not zero.

use crate::availability::Availability;
use crate::catalog::Catalog;
use crate::evaluate::{combine, Combine};
use crate::model::{Model, Node};
use crate::plan::Plan;
use crate::problem::{JsonPath, Problem};
use crate::sla::Sla;

/// Every hint for a validated model, in document order (the redundancy hints, then one per
/// component without credit tiers).
pub(crate) fn hints(model: &Model, plan: &Plan, catalog: &Catalog) -> Vec<Problem> {
    let mut found = Vec::new();
    redundant_single_instances(
        model,
        &model.root,
        JsonPath::from("root"),
        catalog,
        &mut found,
    );
    for leaf in &plan.leaves {
        let Some(sla) = leaf.sla else { continue };
        if sla.credit_tiers.is_empty() {
            found.push(Problem::value(plan.path(leaf), credits_unknown(sla)));
        }
    }
    found
}

fn credits_unknown(sla: &Sla) -> String {
    format!(
        "{} records no credit tiers: credits unknown, not 0%. The worst case and the scenario count no credit for it; read the provider's SLA ({}) for what it pays",
        sla.label(),
        sla.source.url
    )
}

/// Whether an entry's commitment is for one instance (one VM, one AZ, one zonal cluster): its
/// id or configuration says `single`, `instance-level` or `zonal`.
pub(crate) fn is_single_instance(sla: &Sla) -> bool {
    let configuration = sla.id.rsplit('/').next().unwrap_or("");
    let text = format!("{configuration} {}", sla.configuration).to_ascii_lowercase();
    ["single", "instance-level", "zonal"]
        .iter()
        .any(|word| text.contains(word))
}

/// Walks the tree (at `at`, a node's position) for groups that make single-instance SLAs
/// redundant.
fn redundant_single_instances(
    model: &Model,
    node: &Node,
    at: JsonPath,
    catalog: &Catalog,
    found: &mut Vec<Problem>,
) {
    let here = at.key(node.kind());
    let (children, k) = match node {
        Node::Parallel(g) => (&g.children, None),
        Node::KOfN(k) => (&k.children, Some(k.k as usize)),
        Node::Serial(g) => (&g.children, None),
        Node::Failover(f) => {
            redundant_single_instances(
                model,
                &f.primary,
                here.clone().key("primary"),
                catalog,
                found,
            );
            redundant_single_instances(model, &f.standby, here.key("standby"), catalog, found);
            return;
        }
        Node::Replicate(r) => {
            redundant_single_instances(model, &r.child, here.key("child"), catalog, found);
            return;
        }
        Node::Component(_) | Node::Shared(_) => return,
    };
    if !matches!(node, Node::Serial(_)) {
        if let Some(message) = single_instances_in(model, children, k, catalog) {
            found.push(Problem::value(here.clone(), message));
        }
    }
    for (i, child) in children.iter().enumerate() {
        let at = here.clone().key("children").index(i);
        redundant_single_instances(model, child, at, catalog, found);
    }
}

/// The hint for one redundant group (`k` of its `children` needed; `None`: any one), if its
/// single-instance members of one service claim more than the provider's redundant commitment.
fn single_instances_in(
    model: &Model,
    children: &[Node],
    k: Option<usize>,
    catalog: &Catalog,
) -> Option<String> {
    let slas: Vec<&Sla> = children
        .iter()
        .filter_map(|child| {
            let component = match child {
                Node::Component(c) => c,
                Node::Shared(key) => model.shared.get(key)?,
                _ => return None,
            };
            catalog.get(component.catalog.as_deref()?)
        })
        .collect();
    let first = slas.iter().copied().find(|s| is_single_instance(s))?;
    let members: Vec<&Sla> = slas
        .iter()
        .copied()
        .filter(|s| {
            is_single_instance(s) && s.provider == first.provider && s.service == first.service
        })
        .collect();
    let m = members.len();
    if m < 2 {
        return None;
    }
    // Best case for these members: every other child up, so k − (n − m) of them are needed.
    let needed = k.map(|k| k.saturating_sub(children.len() - m).clamp(1, m));
    let how = match needed {
        None | Some(1) => Combine::Parallel,
        Some(needed) => Combine::KOfN(u32::try_from(needed).unwrap_or(u32::MAX)),
    };
    let parts: Vec<Availability> = members.iter().map(|s| s.commitment).collect();
    let combined = combine(how, &parts).ok()?;
    let best_member = members
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
        None | Some(1) => "in parallel".to_string(),
        Some(needed) => format!("with {needed} of them needed"),
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
            entry("acme/vm/no-credits", "Instances of any kind", "99.9", "[]"),
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
            ["root.serial.children[0].component: Acme VM (Instances of any kind) records no credit tiers: credits unknown, not 0%. The worst case and the scenario count no credit for it; read the provider's SLA (https://acme.example/sla) for what it pays"]
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
}
