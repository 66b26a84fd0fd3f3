//! Leaves' JSON paths, each distinct prefix stored once: a tree of steps, each pointing to its
//! parent, so a model of 1,000 components ten levels deep keeps about 2,000 steps rather than
//! 10,000 copied ones (the copies were a third of the memory a 1,000-component evaluation
//! touched, measured).

use crate::problem::JsonPath;

/// One step of a JSON path, borrowed from the model while the plan lives.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum PathStep<'a> {
    Field(&'static str),
    Key(&'a str),
    Index(usize),
}

/// The owned [`JsonPath`] of borrowed steps.
pub(crate) fn json_path(steps: &[PathStep<'_>]) -> JsonPath {
    steps
        .iter()
        .fold(JsonPath::root(), |path, step| match *step {
            PathStep::Field(name) => path.key(name),
            PathStep::Key(key) => path.key(key),
            PathStep::Index(index) => path.index(index),
        })
}

/// A path in [`Paths`]: the index of its last step.
pub(crate) type PathId = u32;

/// The parent of a first step.
const TOP: PathId = PathId::MAX;

/// Every recorded path, as a tree of steps.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Paths<'a> {
    /// Each step and the step before it ([`TOP`] for a first step).
    nodes: Vec<(PathId, PathStep<'a>)>,
}

impl<'a> Paths<'a> {
    /// The steps of path `id`, first to last.
    pub(crate) fn steps(&self, id: PathId) -> Vec<PathStep<'a>> {
        let mut steps = Vec::with_capacity(16);
        let mut at = id;
        while let Some(&(parent, step)) = self.nodes.get(at as usize) {
            steps.push(step);
            at = parent;
        }
        steps.reverse();
        steps
    }

    /// Path `id` as text, e.g. `root.serial.children[0].component` (as [`JsonPath`] displays
    /// it), written without collecting its steps.
    pub(crate) fn text(&self, id: PathId) -> String {
        let mut text = String::with_capacity(64);
        self.write(id, &mut text);
        text
    }

    fn write(&self, id: PathId, text: &mut String) {
        let Some(&(parent, step)) = self.nodes.get(id as usize) else {
            return;
        };
        self.write(parent, text);
        let first = parent == TOP;
        match step {
            PathStep::Key("") if first => text.push_str("\"\""),
            PathStep::Key("") => text.push_str(".\"\""),
            PathStep::Field(name) | PathStep::Key(name) => {
                if !first {
                    text.push('.');
                }
                text.push_str(name);
            }
            PathStep::Index(index) => {
                text.push('[');
                text.push_str(itoa::Buffer::new().format(index));
                text.push(']');
            }
        }
    }
}

/// Where a walk of the model is: its steps, and how many of them are already in [`Paths`].
#[derive(Debug, Default)]
pub(crate) struct PathStack<'a> {
    steps: Vec<PathStep<'a>>,
    /// The ids of `steps[..ids.len()]` in [`Paths`].
    ids: Vec<PathId>,
}

impl<'a> PathStack<'a> {
    pub(crate) fn steps(&self) -> &[PathStep<'a>] {
        &self.steps
    }

    pub(crate) fn push(&mut self, step: PathStep<'a>) {
        self.steps.push(step);
    }

    pub(crate) fn pop(&mut self) {
        self.steps.pop();
        self.ids.truncate(self.steps.len());
    }

    /// Starts again at `steps`.
    pub(crate) fn reset(&mut self, steps: &[PathStep<'a>]) {
        self.steps.clear();
        self.steps.extend_from_slice(steps);
        self.ids.clear();
    }

    /// The current path's id, recording in `paths` the steps not recorded yet.
    pub(crate) fn record(&mut self, paths: &mut Paths<'a>) -> PathId {
        for &step in &self.steps[self.ids.len()..] {
            let parent = self.ids.last().copied().unwrap_or(TOP);
            paths.nodes.push((parent, step));
            self.ids
                .push(PathId::try_from(paths.nodes.len() - 1).unwrap_or(TOP));
        }
        self.ids.last().copied().unwrap_or(TOP)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Recorded paths read back as the steps that were current, sharing their prefixes, and
    /// display as [`JsonPath`] displays them.
    #[test]
    fn paths_read_back_as_walked() {
        let mut paths = Paths::default();
        let mut stack = PathStack::default();
        stack.reset(&[PathStep::Field("root"), PathStep::Field("serial")]);
        stack.push(PathStep::Index(0));
        let first = stack.record(&mut paths);
        stack.pop();
        stack.push(PathStep::Index(1));
        stack.push(PathStep::Key(""));
        let second = stack.record(&mut paths);
        stack.reset(&[PathStep::Key("shared key")]);
        let third = stack.record(&mut paths);
        assert_eq!(paths.nodes.len(), 6, "root and serial are stored once");
        for (id, steps) in [
            (
                first,
                vec![
                    PathStep::Field("root"),
                    PathStep::Field("serial"),
                    PathStep::Index(0),
                ],
            ),
            (
                second,
                vec![
                    PathStep::Field("root"),
                    PathStep::Field("serial"),
                    PathStep::Index(1),
                    PathStep::Key(""),
                ],
            ),
            (third, vec![PathStep::Key("shared key")]),
        ] {
            assert_eq!(paths.steps(id), steps);
            assert_eq!(paths.text(id), json_path(&steps).to_string());
        }
        assert_eq!(paths.text(second), "root.serial[1].\"\"");
    }
}
