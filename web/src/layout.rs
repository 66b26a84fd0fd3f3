//! Where each part of the reliability block diagram goes, in pixels: serial chains left to
//! right, parallel and k-of-n members stacked between two rails, failover as primary over
//! standby, replicate as a stacked frame. Pure geometry of the model tree; the diagram
//! component draws it and names the blocks.

use crate::tree::{self, NodePath};
use nines_core::model::Node;

/// A block's width.
pub const BLOCK_W: f64 = 184.0;
/// A block's height.
pub const BLOCK_H: f64 = 62.0;
/// Space between blocks in a chain (the wire between them).
const GAP_X: f64 = 24.0;
/// Space between stacked members.
const GAP_Y: f64 = 12.0;
/// A group frame's inner padding.
const PAD: f64 = 10.0;
/// A group frame's title row (its kind, its parameters and its "+").
pub const TITLE: f64 = 24.0;
/// Space between a stack's rail and its members.
const RAIL: f64 = 16.0;
/// Room above a failover member for its role (primary, standby).
const ROLE: f64 = 15.0;
/// How far the shadows of a replicate's copies stick out.
const SHADOW: f64 = 8.0;
/// The margin around the drawing, and the length of the in and out wires.
const MARGIN: f64 = 18.0;

/// A rectangle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    /// Left.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Rect {
    fn shifted(self, dx: f64, dy: f64) -> Self {
        Self {
            x: self.x + dx,
            y: self.y + dy,
            ..self
        }
    }

    /// Whether two rectangles share any area.
    #[cfg(test)]
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.x + other.w
            && other.x < self.x + self.w
            && self.y < other.y + other.h
            && other.y < self.y + self.h
    }
}

/// A node drawn as a box: a group's frame or a leaf's block.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    /// The node's path in the model.
    pub path: NodePath,
    /// Where.
    pub rect: Rect,
    /// `primary` or `standby` for a failover's members.
    pub role: Option<&'static str>,
    /// Copies drawn behind a replicate's frame.
    pub shadows: u32,
}

/// A wire: a polyline, dashed for a standby's path.
#[derive(Clone, Debug, PartialEq)]
pub struct Wire {
    /// The points, left to right.
    pub points: Vec<(f64, f64)>,
    /// The standby's path (taken only after a switchover).
    pub dashed: bool,
}

/// The diagram of a model.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    /// Width of the drawing.
    pub width: f64,
    /// Height of the drawing.
    pub height: f64,
    /// Group frames, outermost first.
    pub frames: Vec<Placed>,
    /// Leaf blocks (components and uses of shared components).
    pub blocks: Vec<Placed>,
    /// Wires.
    pub wires: Vec<Wire>,
    /// Where the in and out terminals sit (y of the main line).
    pub terminals: (f64, f64, f64),
    /// Each shared component, drawn once below the diagram: its key and block.
    pub shared: Vec<(String, Rect)>,
    /// Top of the shared components' row (its heading sits above the blocks).
    pub shared_top: f64,
}

/// A laid-out subtree in its own coordinates: size, where its wire comes in (y at x = 0) and
/// goes out, and its contents.
#[derive(Default)]
struct Piece {
    w: f64,
    h: f64,
    mid: f64,
    exit: (f64, f64),
    frames: Vec<Placed>,
    blocks: Vec<Placed>,
    wires: Vec<Wire>,
}

impl Piece {
    /// Moves `other` by (dx, dy) into this piece.
    fn take(&mut self, other: Piece, dx: f64, dy: f64) {
        let shift = |mut p: Placed| {
            p.rect = p.rect.shifted(dx, dy);
            p
        };
        self.frames.extend(other.frames.into_iter().map(shift));
        self.blocks.extend(other.blocks.into_iter().map(shift));
        self.wires.extend(other.wires.into_iter().map(|mut w| {
            w.points.iter_mut().for_each(|(x, y)| {
                *x += dx;
                *y += dy;
            });
            w
        }));
    }

    fn wire(&mut self, points: Vec<(f64, f64)>, dashed: bool) {
        self.wires.push(Wire { points, dashed });
    }
}

/// Lays out `root`; a top-level serial chain wider than `wrap_width` continues on further rows.
/// `shared` lists the shared components to draw once below.
pub fn layout(root: &Node, wrap_width: f64, shared: &[String]) -> Layout {
    let piece = node(root, &mut Vec::new(), None, wrap_width);
    let (w, h, mid, exit) = (piece.w, piece.h, piece.mid, piece.exit);
    let mut out = Piece::default();
    out.take(piece, MARGIN, MARGIN);
    out.wire(vec![(0.0, MARGIN + mid), (MARGIN, MARGIN + mid)], false);
    let out_y = MARGIN + exit.1;
    out.wire(
        vec![(MARGIN + exit.0, out_y), (2.0 * MARGIN + w, out_y)],
        false,
    );
    let mut height = h + 2.0 * MARGIN;
    let mut width = w + 2.0 * MARGIN;
    let shared_top = height + TITLE;
    let placed: Vec<(String, Rect)> = shared
        .iter()
        .enumerate()
        .map(|(i, key)| {
            let rect = Rect {
                x: MARGIN + i as f64 * (BLOCK_W + GAP_X),
                y: shared_top,
                w: BLOCK_W,
                h: BLOCK_H,
            };
            (key.clone(), rect)
        })
        .collect();
    if let Some((_, last)) = placed.last() {
        height = shared_top + BLOCK_H + MARGIN;
        width = width.max(last.x + last.w + MARGIN);
    }
    Layout {
        width,
        height,
        frames: out.frames,
        blocks: out.blocks,
        wires: out.wires,
        terminals: (MARGIN + mid, 2.0 * MARGIN + w, out_y),
        shared: placed,
        shared_top,
    }
}

/// A node at `path`: a block for a leaf, a frame around its members for a group.
fn node(n: &Node, path: &mut NodePath, role: Option<&'static str>, wrap: f64) -> Piece {
    let kids = tree::children(n);
    let content = match n {
        Node::Component(_) | Node::Shared(_) => {
            let rect = Rect {
                x: 0.0,
                y: 0.0,
                w: BLOCK_W,
                h: BLOCK_H,
            };
            return Piece {
                w: BLOCK_W,
                h: BLOCK_H,
                mid: BLOCK_H / 2.0,
                exit: (BLOCK_W, BLOCK_H / 2.0),
                blocks: vec![Placed {
                    path: path.clone(),
                    rect,
                    role,
                    shadows: 0,
                }],
                ..Piece::default()
            };
        }
        _ if kids.is_empty() || is_empty_failover(n) => Piece {
            w: BLOCK_W,
            h: BLOCK_H * 0.7,
            mid: BLOCK_H * 0.35,
            exit: (BLOCK_W, BLOCK_H * 0.35),
            ..Piece::default()
        },
        Node::Serial(_) => chain(&kids, path, path.is_empty().then_some(wrap), wrap),
        Node::Failover(_) => stack(&kids, path, true, wrap),
        _ => stack(&kids, path, false, wrap),
    };
    let shadows = match n {
        Node::Replicate(r) => r.copies.clamp(1, 3) - 1,
        _ => 0,
    };
    let shadow = f64::from(shadows) * SHADOW / 2.0;
    // The frame: a title row above the content, padding around it, stubs to the wires.
    let w = content.w + 2.0 * PAD;
    let h = TITLE + content.h + PAD;
    let mut framed = Piece {
        w: w + shadow,
        h: h + shadow,
        mid: TITLE + content.mid,
        exit: (w + shadow, TITLE + content.exit.1),
        ..Piece::default()
    };
    framed.frames.push(Placed {
        path: path.clone(),
        rect: Rect {
            x: 0.0,
            y: 0.0,
            w,
            h,
        },
        role,
        shadows,
    });
    let (entry, exit) = (framed.mid, content.exit);
    framed.take(content, PAD, TITLE);
    framed.wire(vec![(0.0, entry), (PAD, entry)], false);
    let exit_y = TITLE + exit.1;
    framed.wire(vec![(PAD + exit.0, exit_y), (w + shadow, exit_y)], false);
    framed
}

/// Whether a failover has nothing in it yet (both sides empty groups).
fn is_empty_failover(n: &Node) -> bool {
    matches!(n, Node::Failover(_))
        && tree::children(n).iter().all(|c| {
            !matches!(c, Node::Component(_) | Node::Shared(_)) && tree::children(c).is_empty()
        })
}

/// The pieces of `kids`, each at its path under `path`.
fn pieces(kids: &[&Node], path: &mut NodePath, roles: bool, wrap: f64) -> Vec<Piece> {
    kids.iter()
        .enumerate()
        .map(|(i, kid)| {
            path.push(i);
            let role = roles.then_some(if i == 0 { "primary" } else { "standby" });
            let piece = node(kid, path, role, wrap);
            path.pop();
            piece
        })
        .collect()
}

/// A serial chain; with `wrap`, rows of at most that width, each row's end joined to the next
/// row's start by a wire that returns to the left.
fn chain(kids: &[&Node], path: &mut NodePath, wrap: Option<f64>, width: f64) -> Piece {
    let limit = wrap.unwrap_or(f64::INFINITY);
    let mut rows: Vec<Vec<Piece>> = Vec::new();
    let mut current: Vec<Piece> = Vec::new();
    let mut row_w = 0.0;
    for piece in pieces(kids, path, false, width) {
        let needed = if current.is_empty() {
            piece.w
        } else {
            row_w + GAP_X + piece.w
        };
        if !current.is_empty() && needed > limit {
            rows.push(std::mem::take(&mut current));
            row_w = piece.w;
        } else {
            row_w = needed;
        }
        current.push(piece);
    }
    rows.push(current);
    let mut out = Piece::default();
    let mut top = 0.0;
    let mut previous_end: Option<(f64, f64)> = None;
    let row_count = rows.len();
    for (r, row) in rows.into_iter().enumerate() {
        let line = row.iter().map(|p| p.mid).fold(0.0, f64::max);
        let height = row.iter().map(|p| line - p.mid + p.h).fold(0.0, f64::max);
        let y = top + line;
        if let Some((end_x, end_y)) = previous_end {
            let turn = top - GAP_Y * 1.5;
            out.wire(
                vec![
                    (end_x, end_y),
                    (end_x + PAD / 2.0, end_y),
                    (end_x + PAD / 2.0, turn),
                    (-PAD / 2.0, turn),
                    (-PAD / 2.0, y),
                    (0.0, y),
                ],
                false,
            );
        }
        let count = row.len();
        let mut x = 0.0;
        for (i, piece) in row.into_iter().enumerate() {
            let (w, mid) = (piece.w, piece.mid);
            out.take(piece, x, top + line - mid);
            x += w;
            if i + 1 < count {
                out.wire(vec![(x, y), (x + GAP_X, y)], false);
                x += GAP_X;
            }
        }
        out.w = out.w.max(x);
        if r == 0 {
            out.mid = line;
        }
        previous_end = Some((x, y));
        top += height;
        if r + 1 < row_count {
            top += GAP_Y * 3.0;
        }
    }
    out.h = top;
    out.exit = previous_end.unwrap_or((0.0, 0.0));
    out
}

/// Members stacked between two rails (parallel, k-of-n, failover with roles; a replicate's
/// single child).
fn stack(kids: &[&Node], path: &mut NodePath, roles: bool, wrap: f64) -> Piece {
    let pieces = pieces(kids, path, roles, wrap);
    let widest = pieces.iter().map(|p| p.w).fold(0.0, f64::max);
    let right = widest + 2.0 * RAIL;
    let mut out = Piece {
        w: right,
        ..Piece::default()
    };
    let mut y = 0.0;
    let mut mids = Vec::new();
    let count = pieces.len();
    for (i, piece) in pieces.into_iter().enumerate() {
        if roles {
            y += ROLE;
        }
        let (h, mid, exit) = (piece.h, piece.mid, piece.exit);
        out.take(piece, RAIL, y);
        let standby = roles && i == 1;
        out.wire(vec![(0.0, y + mid), (RAIL, y + mid)], standby);
        out.wire(
            vec![(RAIL + exit.0, y + exit.1), (right, y + exit.1)],
            standby,
        );
        mids.push(y + mid);
        y += h;
        if i + 1 < count {
            y += GAP_Y;
        }
    }
    let (first, last) = (
        mids.first().copied().unwrap_or(0.0),
        mids.last().copied().unwrap_or(0.0),
    );
    if mids.len() > 1 {
        out.wire(vec![(0.0, first), (0.0, last)], false);
        out.wire(vec![(right, first), (right, last)], false);
    }
    out.h = y;
    out.mid = (first + last) / 2.0;
    out.exit = (right, out.mid);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use nines_core::Model;

    fn model(root: &str) -> Model {
        Model::from_json(&format!(r#"{{"root": {root}}}"#)).unwrap()
    }

    fn c(id: &str) -> String {
        format!(r#"{{"component": {{"id": "{id}", "availability": 99.9}}}}"#)
    }

    fn no_block_overlaps(layout: &Layout) {
        for (i, a) in layout.blocks.iter().enumerate() {
            for b in &layout.blocks[i + 1..] {
                assert!(!a.rect.overlaps(&b.rect), "{:?} overlaps {:?}", a, b);
            }
            assert!(a.rect.x >= 0.0 && a.rect.x + a.rect.w <= layout.width);
            assert!(a.rect.y >= 0.0 && a.rect.y + a.rect.h <= layout.height);
        }
    }

    #[test]
    fn serial_left_to_right_parallel_stacked() {
        let m = model(&format!(
            r#"{{"serial": {{"children": [{}, {{"parallel": {{"children": [{}, {}]}}}}, {}]}}}}"#,
            c("a"),
            c("b"),
            c("c"),
            c("d")
        ));
        let l = layout(&m.root, 10_000.0, &[]);
        let at = |path: &[usize]| l.blocks.iter().find(|b| b.path == path).unwrap().rect;
        assert!(at(&[0]).x < at(&[1, 0]).x && at(&[1, 0]).x < at(&[2]).x);
        assert_eq!(at(&[1, 0]).x, at(&[1, 1]).x);
        assert!(at(&[1, 0]).y < at(&[1, 1]).y);
        assert_eq!(l.frames.len(), 2);
        no_block_overlaps(&l);
    }

    #[test]
    fn a_long_chain_wraps_into_rows_and_stays_readable() {
        let children: Vec<String> = (0..30).map(|i| c(&format!("c{i}"))).collect();
        let m = model(&format!(
            r#"{{"serial": {{"children": [{}]}}}}"#,
            children.join(", ")
        ));
        let l = layout(&m.root, 1100.0, &[]);
        assert_eq!(l.blocks.len(), 30);
        assert!(
            l.width <= 1100.0 + 2.0 * (MARGIN + PAD) + 1.0,
            "{}",
            l.width
        );
        assert!(l.blocks.iter().all(|b| b.rect.w == BLOCK_W));
        no_block_overlaps(&l);
    }

    #[test]
    fn failover_replicate_and_empty_groups() {
        let m = model(&format!(
            r#"{{"serial": {{"children": [
                {{"failover": {{"primary": {}, "standby": {}, "switchover_minutes": 5}}}},
                {{"replicate": {{"copies": 3, "child": {{"serial": {{"children": [{}, {}]}}}}}}}},
                {{"k_of_n": {{"k": 1, "children": []}}}}]}}}}"#,
            c("p"),
            c("s"),
            c("x"),
            c("y")
        ));
        let l = layout(&m.root, 10_000.0, &["dns".to_string()]);
        let roles: Vec<_> = l.blocks.iter().filter_map(|b| b.role).collect();
        assert_eq!(roles, ["primary", "standby"]);
        assert!(l.wires.iter().any(|w| w.dashed));
        let replicate = l.frames.iter().find(|f| f.path == [1]).unwrap();
        assert_eq!(replicate.shadows, 2);
        assert!(l.frames.iter().any(|f| f.path == [2]));
        assert_eq!(l.shared.len(), 1);
        assert!(l.shared[0].1.y > l.blocks.iter().map(|b| b.rect.y).fold(0.0, f64::max));
        no_block_overlaps(&l);
    }
}
