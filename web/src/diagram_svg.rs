//! The block diagram as SVG markup: the layout's frames, blocks and wires with their labels,
//! figures and marks. Built as text (one string, inserted once per change) rather than as
//! virtual DOM: a 200-component design stays one cheap update, and the app's size stays small.
//! Interaction is delegated: every selectable part carries `data-path`, every "+" `data-add`.

use crate::context::AppContext;
use crate::describe::{
    brief_of, fit, group_detail, kind_name, leaf_id, leaf_label, short_name, source_label,
};
use crate::hooks::path_key;
use crate::layout::{Layout, Placed, Rect, Wire, TITLE};
use crate::tree::{self, NodePath};
use nines_core::model::Node;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Text for SVG: `&`, `<`, `>` and quotes escaped.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The diagram as markup: the `<svg>` opening tag (its size and name) and its parts in drawing
/// order, each a `<g data-part="…">` with a key that names it (`f:2.0` a frame, `b:2.0` a block,
/// `w` the wires, `s` the shared components), so that an update can replace only the parts
/// that changed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DiagramMarkup {
    /// `<svg …>`.
    pub open: String,
    /// `(key, markup)` in drawing order: frames, wires, blocks, shared components.
    pub parts: Vec<(String, String)>,
}

impl DiagramMarkup {
    /// The whole `<svg>`.
    pub fn text(&self) -> String {
        let mut s = self.open.clone();
        for (_, part) in &self.parts {
            s.push_str(part);
        }
        s.push_str("</svg>");
        s
    }
}

/// The diagram of `layout` for the design in `app`, at `scale` (1 = natural size).
pub fn diagram_svg(app: &AppContext, layout: &Layout, scale: f64) -> DiagramMarkup {
    let mut hints: BTreeMap<NodePath, Vec<String>> = BTreeMap::new();
    for w in &app.evaluation.warnings {
        if let Some(path) = tree::node_path_of(&w.path) {
            hints.entry(path).or_default().push(w.message.clone());
        }
    }
    let name = app
        .model
        .name
        .clone()
        .unwrap_or_else(|| "the design".to_string());
    let (w, h) = (layout.width, layout.height);
    let open = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="rbd" width="{:.0}" height="{:.0}" viewBox="0 0 {w:.0} {h:.0}" role="group" aria-label="Reliability block diagram of {}">"#,
        w * scale,
        h * scale,
        esc(&name)
    );
    let mut parts = Vec::new();
    let mut part = |key: String, draw: &dyn Fn(&mut String)| {
        let mut s = format!(r#"<g data-part="{key}">"#);
        draw(&mut s);
        s.push_str("</g>");
        parts.push((key, s));
    };
    // Frames first (outermost first), then the wires over their fill, then the blocks.
    for placed in &layout.frames {
        part(format!("f:{}", path_key(&placed.path)), &|s| {
            frame_svg(s, app, placed, &hints)
        });
    }
    part("w".to_string(), &|s| {
        for wire in &layout.wires {
            wire_svg(s, wire);
        }
        let (in_y, out_x, out_y) = layout.terminals;
        let _ = write!(
            s,
            r#"<circle class="rbd-terminal" cx="4" cy="{in_y:.1}" r="4"/><circle class="rbd-terminal" cx="{:.1}" cy="{out_y:.1}" r="4"/>"#,
            out_x - 4.0
        );
    });
    for placed in &layout.blocks {
        part(format!("b:{}", path_key(&placed.path)), &|s| {
            block_svg(s, app, placed, &hints)
        });
    }
    if !layout.shared.is_empty() {
        part("s".to_string(), &|s| shared_svg(s, app, layout));
    }
    DiagramMarkup { open, parts }
}

/// Each shared component once, with how often it is used.
fn shared_svg(s: &mut String, app: &AppContext, layout: &Layout) {
    let _ = write!(
        s,
        r#"<text class="rbd-heading" x="18" y="{:.0}">Shared components — one instance each, counted once however often used</text>"#,
        layout.shared_top - 8.0
    );
    let order = tree::reading_order(&app.model.root);
    for (key, rect) in &layout.shared {
        let uses = order
            .iter()
            .filter(
                |p| matches!(tree::node_at(&app.model.root, p), Some(Node::Shared(k)) if k == key),
            )
            .count();
        let label = app.labels.label(key);
        let config = label.configuration.clone().unwrap_or_else(|| key.clone());
        s.push_str(r#"<g class="rbd-block shared-def" data-testid="shared-block">"#);
        text_block(
            s,
            rect,
            &label.text(),
            &label.short(),
            Some(&config),
            &format!("used {uses}×"),
        );
        s.push_str("</g>");
    }
}

fn wire_svg(s: &mut String, wire: &Wire) {
    let points: Vec<String> = wire
        .points
        .iter()
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect();
    let class = if wire.dashed {
        "rbd-wire dashed"
    } else {
        "rbd-wire"
    };
    let _ = write!(
        s,
        r#"<polyline class="{class}" points="{}"/>"#,
        points.join(" ")
    );
}

/// The attributes that make a part selectable and focusable.
fn selectable(s: &mut String, app: &AppContext, path: &NodePath, testid: &str, label: &str) {
    let key = path_key(path);
    let selected = app.selected == *path;
    let _ = write!(
        s,
        r#" data-testid="{testid}" data-path="{key}" data-focus="{key}" tabindex="{}" role="button" aria-pressed="{selected}" aria-label="{}">"#,
        if selected { 0 } else { -1 },
        esc(label)
    );
}

fn frame_svg(
    s: &mut String,
    app: &AppContext,
    placed: &Placed,
    hints: &BTreeMap<NodePath, Vec<String>>,
) {
    let Some(node) = tree::node_at(&app.model.root, &placed.path) else {
        return;
    };
    let Rect { x, y, w, h } = placed.rect;
    let path = &placed.path;
    let empty = app.evaluation.empty_groups.contains(path);
    let kind = kind_name(node).to_ascii_uppercase();
    let title = match (node.name(), group_detail(node)) {
        (Some(name), Some(d)) => format!("{name} · {kind} · {d}"),
        (None, Some(d)) => format!("{kind} · {d}"),
        (Some(name), None) => format!("{name} · {kind}"),
        (None, None) => kind,
    };
    let classes = format!(
        "rbd-frame kind-{}{}{}",
        node.kind(),
        if app.selected == *path {
            " selected"
        } else {
            ""
        },
        if empty { " empty" } else { "" }
    );
    let _ = write!(s, r#"<g class="{classes}" data-kind="frame""#);
    let label = if empty {
        format!("{title}, empty — not counted")
    } else {
        title.clone()
    };
    selectable(s, app, path, "frame", &label);
    let _ = write!(s, "<title>{}</title>", esc(&title));
    for k in (1..=placed.shadows).rev() {
        let d = 4.0 * f64::from(k);
        let _ = write!(
            s,
            r#"<rect class="rbd-shadow" x="{:.1}" y="{:.1}" width="{w:.1}" height="{h:.1}" rx="8"/>"#,
            x + d,
            y + d
        );
    }
    let _ = write!(
        s,
        r#"<rect class="rbd-frame-box" x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" rx="8"/>"#
    );
    focus_ring(s, x, y, w, h);
    let chars = ((w - 44.0) / 6.2).max(6.0) as usize;
    let _ = write!(
        s,
        r#"<text class="rbd-title" x="{:.1}" y="{:.1}">{}</text>"#,
        x + 8.0,
        y + 16.0,
        esc(&fit(&title, chars))
    );
    if empty {
        let _ = write!(
            s,
            r#"<text class="rbd-empty-text" x="{:.1}" y="{:.1}" text-anchor="middle">empty — not counted</text>"#,
            x + w / 2.0,
            y + TITLE + (h - TITLE) / 2.0
        );
    }
    role_tag(s, placed);
    if let Some(hint) = hints.get(path) {
        badge(s, x + w - 44.0, y + 12.0, hint);
    }
    s.push_str("</g>");
    if tree::accepts_children(node) {
        let name = short_name(node, &app.labels);
        let _ = write!(
            s,
            r#"<g class="rbd-add" role="button" tabindex="-1" data-testid="frame-add" data-add="{}" aria-label="Add to {n}"><title>Add to {n}</title><rect x="{:.1}" y="{:.1}" width="22" height="17" rx="4"/><text x="{:.1}" y="{:.1}" text-anchor="middle">+</text></g>"#,
            path_key(path),
            x + w - 28.0,
            y + 4.0,
            x + w - 17.0,
            y + 17.0,
            n = esc(&name),
        );
    }
}

fn focus_ring(s: &mut String, x: f64, y: f64, w: f64, h: f64) {
    let _ = write!(
        s,
        r#"<rect class="rbd-focus" x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="9"/>"#,
        x - 3.0,
        y - 3.0,
        w + 6.0,
        h + 6.0
    );
}

fn role_tag(s: &mut String, placed: &Placed) {
    if let Some(role) = placed.role {
        let _ = write!(
            s,
            r#"<text class="rbd-role" x="{:.1}" y="{:.1}">{role}</text>"#,
            placed.rect.x,
            placed.rect.y - 4.0
        );
    }
}

/// A hint's "!" badge with its sentences as a tooltip.
fn badge(s: &mut String, cx: f64, cy: f64, hints: &[String]) {
    let _ = write!(
        s,
        r#"<g class="rbd-hint" data-testid="diagram-hint"><title>{}</title><circle cx="{cx:.1}" cy="{cy:.1}" r="8"/><text x="{cx:.1}" y="{:.1}" text-anchor="middle">!</text></g>"#,
        esc(&hints.join("\n\n")),
        cy + 4.0
    );
}

/// A block's box and its lines: the name (two lines at most), the configuration, the source
/// and figure.
fn text_block(
    s: &mut String,
    rect: &Rect,
    title: &str,
    name: &str,
    second: Option<&str>,
    third: &str,
) {
    let Rect { x, y, w, h } = *rect;
    let chars = ((w - 16.0) / 6.9) as usize;
    let _ = write!(s, "<title>{}</title>", esc(title));
    let _ = write!(
        s,
        r#"<rect class="rbd-box" x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" rx="6"/>"#
    );
    focus_ring(s, x, y, w, h);
    let mut dy = 16.0;
    let mut line = |s: &mut String, class: &str, text: &str, chars: usize| {
        let _ = write!(
            s,
            r#"<text class="{class}" x="{:.1}" y="{:.1}">{}</text>"#,
            x + 8.0,
            y + dy,
            esc(&fit(text, chars))
        );
        dy += 14.0;
    };
    let names = wrap(name, chars);
    for part in &names {
        line(s, "rbd-name", part, chars);
    }
    if let Some(second) = second {
        line(s, "rbd-config", second, chars + 4);
    }
    line(s, "rbd-figure", third, chars + 4);
}

/// `text` in at most two lines of `chars` characters, broken between words.
fn wrap(text: &str, chars: usize) -> Vec<String> {
    if text.chars().count() <= chars {
        return vec![text.to_string()];
    }
    let mut first = String::new();
    for (i, word) in text.split(' ').enumerate() {
        let next = if i == 0 {
            word.to_string()
        } else {
            format!("{first} {word}")
        };
        if next.chars().count() > chars && !first.is_empty() {
            let rest = text[first.len()..].trim_start().to_string();
            return vec![first, rest];
        }
        first = next;
    }
    vec![fit(text, chars)]
}

fn block_svg(
    s: &mut String,
    app: &AppContext,
    placed: &Placed,
    hints: &BTreeMap<NodePath, Vec<String>>,
) {
    let Some(node) = tree::node_at(&app.model.root, &placed.path) else {
        return;
    };
    let Some(label) = leaf_label(node, &app.labels) else {
        return;
    };
    let path = &placed.path;
    let figure = leaf_id(node)
        .and_then(|id| {
            app.evaluation
                .report()?
                .components
                .iter()
                .find(|c| c.id == id)
        })
        .map(|c| format!("{}%", brief_of(&c.percent)));
    let shared = matches!(node, Node::Shared(_));
    let second = if shared {
        Some("shared · one instance".to_string())
    } else {
        label.configuration.clone()
    };
    let third = [
        source_label(node, &app.model).map(str::to_string),
        figure.clone(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    let classes = format!(
        "rbd-block{}{}",
        if shared { " shared-use" } else { "" },
        if app.selected == *path {
            " selected"
        } else {
            ""
        }
    );
    let _ = write!(s, r#"<g class="{classes}" data-kind="block""#);
    let aria = format!(
        "{}{}",
        label.text(),
        figure.map(|f| format!(", {f}")).unwrap_or_default()
    );
    selectable(s, app, path, "block", &aria);
    text_block(
        s,
        &placed.rect,
        &format!("{}\n{third}", label.text()),
        &label.short(),
        second.as_deref(),
        &third,
    );
    role_tag(s, placed);
    if let Some(hint) = hints.get(path) {
        badge(
            s,
            placed.rect.x + placed.rect.w - 10.0,
            placed.rect.y + 10.0,
            hint,
        );
    }
    s.push_str("</g>");
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn names_wrap_between_words() {
        assert_eq!(
            super::wrap("App Service (Standard plan)", 20),
            ["App Service", "(Standard plan)"]
        );
        assert_eq!(super::wrap("Short", 20), ["Short"]);
        assert_eq!(super::wrap("Supercalifragilistic", 10), ["Supercali…"]);
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            esc(r#"<b>"R&D" 'x'</b>"#),
            "&lt;b&gt;&quot;R&amp;D&quot; &#39;x&#39;&lt;/b&gt;"
        );
    }
}
