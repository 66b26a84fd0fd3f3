//! The failure-domain hint: a redundant group whose members all sit in one failure domain.
//!
//! The exact figure is right (a domain is a shared component in series with everything in
//! it), but the design is not what redundancy usually means: one outage of the domain takes
//! every member down together. Only the domains written on the members (or inside them)
//! count; a domain written on the group itself, or on a group around it, says the whole group
//! lives there on purpose.

use crate::model::{Model, Node};
use crate::problem::{JsonPath, Problem};
use std::collections::BTreeSet;

type Domains<'a> = BTreeSet<&'a str>;

/// One hint per redundant group (`parallel`, `k_of_n`, `failover`, `replicate` of two or more
/// copies) that one outage of a domain its members sit in takes down.
pub(crate) fn domain_hints(model: &Model) -> Vec<Problem> {
    let mut found = Vec::new();
    if !model.domains.is_empty() {
        let path = JsonPath::root().key("root");
        down_with(model, &model.root, &path, &mut found);
    }
    found
}

/// The domains whose outage alone takes `node` down, pushing a hint for every redundant group
/// on the way.
fn down_with<'a>(
    model: &'a Model,
    node: &'a Node,
    path: &JsonPath,
    found: &mut Vec<Problem>,
) -> Domains<'a> {
    let mut child = |node: &'a Node, path: JsonPath| down_with(model, node, &path, found);
    let (own, inner, redundancy) = match node {
        Node::Component(c) => (&c.domains, Domains::new(), None),
        Node::Shared(id) => {
            let own = model.shared.get(id).map(|c| &c.domains);
            return own
                .map(|d| d.iter().map(String::as_str).collect())
                .unwrap_or_default();
        }
        Node::Serial(g) => {
            let sets = children_down(&g.children, path.clone().key("serial"), &mut child);
            (&g.domains, sets.into_iter().flatten().collect(), None)
        }
        Node::Parallel(g) => {
            let sets = children_down(&g.children, path.clone().key("parallel"), &mut child);
            let n = sets.len();
            (&g.domains, needed_down(&sets, n), Some(("parallel", n, n)))
        }
        Node::KOfN(g) => {
            let sets = children_down(&g.children, path.clone().key("k_of_n"), &mut child);
            let n = sets.len();
            let fatal = (n + 1).saturating_sub(g.k as usize).max(1);
            let redundancy = Some(("k_of_n", n, fatal));
            (&g.domains, needed_down(&sets, fatal), redundancy)
        }
        Node::Failover(f) => {
            let path = path.clone().key("failover");
            let sets = [
                child(&f.primary, path.clone().key("primary")),
                child(&f.standby, path.clone().key("standby")),
            ];
            (&f.domains, needed_down(&sets, 2), Some(("failover", 2, 2)))
        }
        Node::Replicate(r) => {
            let inner = child(&r.child, path.clone().key("replicate").key("child"));
            let copies = r.copies as usize;
            let redundancy = (copies >= 2).then_some(("replicate", copies, copies));
            (&r.domains, inner, redundancy)
        }
    };
    if let Some((kind, members, fatal)) = redundancy {
        for domain in &inner {
            let at = path.clone().key(kind);
            found.push(Problem::value(at, message(kind, members, fatal, domain)));
        }
    }
    let mut all = inner;
    all.extend(own.iter().map(String::as_str));
    all
}

/// Each of `children`'s domain sets, by `down` (the walk) at `group.children[i]`.
fn children_down<'a>(
    children: &'a [Node],
    group: JsonPath,
    down: &mut impl FnMut(&'a Node, JsonPath) -> Domains<'a>,
) -> Vec<Domains<'a>> {
    let path = group.key("children");
    let at = |i| path.clone().index(i);
    children
        .iter()
        .enumerate()
        .map(|(i, n)| down(n, at(i)))
        .collect()
}

/// The domains that `fatal` or more of `sets` share.
fn needed_down<'a>(sets: &[Domains<'a>], fatal: usize) -> Domains<'a> {
    let every: Domains = sets.iter().flatten().copied().collect();
    every
        .into_iter()
        .filter(|d| sets.iter().filter(|s| s.contains(d)).count() >= fatal)
        .collect()
}

/// The hint for a group of `kind` (its JSON key) with `members`, `fatal` of which in `domain`.
fn message(kind: &str, members: usize, fatal: usize, domain: &str) -> String {
    let who = if fatal == members {
        format!("all {members} members of this {kind}")
    } else {
        format!("{fatal} of the {members} members of this {kind}, enough to take it down,")
    };
    format!(
        "{who} sit in failure domain \"{domain}\": one outage of it takes them down together, so this redundancy does not cover it (the figure counts \"{domain}\" once, in series). To survive a \"{domain}\" outage, place the members in different domains"
    )
}
