//! [`Problem`] and [`Problems`]: what is wrong with an input, where (a [`JsonPath`]) and of which
//! [`ProblemKind`]. The JSON reader and the validator report in the same terms, so every shell
//! maps them the same way (the CLI exits 2, the JS package throws `TypeError` or `RangeError`).

use serde::{Serialize, Serializer};

/// One step of a [`JsonPath`].
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Segment {
    /// An object key (or, at the top level, an argument's name).
    Key(String),
    /// An array index.
    Index(usize),
}

/// Where in an input something is: `root.serial.children[1].k_of_n.k`, optionally inside a named
/// document (`azure.json:entries[3].commitment`). Empty means the whole document (shown `.`).
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct JsonPath {
    document: Option<String>,
    segments: Vec<Segment>,
}

impl JsonPath {
    /// The whole document.
    pub fn root() -> Self {
        Self::default()
    }

    /// This path followed by an object key.
    #[must_use]
    pub fn key(mut self, key: impl Into<String>) -> Self {
        self.segments.push(Segment::Key(key.into()));
        self
    }

    /// This path followed by an array index.
    #[must_use]
    pub fn index(mut self, index: usize) -> Self {
        self.segments.push(Segment::Index(index));
        self
    }

    /// This path followed by every segment of `rest`.
    #[must_use]
    pub fn join(mut self, rest: &JsonPath) -> Self {
        self.segments.extend(rest.segments.iter().cloned());
        self
    }

    /// This path inside the named document (a file name).
    #[must_use]
    pub fn in_document(mut self, name: impl Into<String>) -> Self {
        self.document = Some(name.into());
        self
    }

    /// The steps, from the document root.
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// Whether the path ends with the key `key` (e.g. `k` of a `k_of_n`).
    pub fn ends_with_key(&self, key: &str) -> bool {
        matches!(self.segments.last(), Some(Segment::Key(last)) if last == key)
    }
}

impl From<&str> for JsonPath {
    /// A one-key path, for arguments such as `allowed` or `per`.
    fn from(key: &str) -> Self {
        Self::root().key(key)
    }
}

impl std::fmt::Display for JsonPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(document) = &self.document {
            write!(f, "{document}:")?;
        }
        if self.segments.is_empty() {
            return f.write_str(".");
        }
        for (i, segment) in self.segments.iter().enumerate() {
            match segment {
                // An empty key would vanish from the path: show it quoted.
                Segment::Key(key) if key.is_empty() => {
                    f.write_str(if i == 0 { "\"\"" } else { ".\"\"" })?;
                }
                Segment::Key(key) if i == 0 => f.write_str(key)?,
                Segment::Key(key) => write!(f, ".{key}")?,
                Segment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

impl Serialize for JsonPath {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Whether an input has the wrong shape or a wrong value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    /// Malformed JSON, a missing or unknown field, a value of the wrong type (JS `TypeError`).
    Shape,
    /// A value of the right type that is not allowed: 100.5%, `k` > n, an unknown id (JS
    /// `RangeError`).
    Value,
}

/// One thing wrong with an input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where.
    pub path: JsonPath,
    /// Wrong shape or wrong value.
    pub kind: ProblemKind,
    /// What, in lower case without a trailing period.
    pub message: String,
}

impl Problem {
    /// A wrong value at `path`.
    pub fn value(path: impl Into<JsonPath>, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            kind: ProblemKind::Value,
            message: message.into(),
        }
    }

    /// A wrong shape at `path`.
    pub fn shape(path: impl Into<JsonPath>, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            kind: ProblemKind::Shape,
            message: message.into(),
        }
    }

    /// The same problem with its path placed under `prefix` (e.g. `options.catalog`).
    #[must_use]
    pub fn under(mut self, prefix: &JsonPath) -> Self {
        self.path = prefix.clone().join(&self.path);
        self
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Serialized as `{"path", "message"}`: the form of a report's warnings. Shells that need the
/// kind (the JS package's `error.problems`) add it themselves.
impl Serialize for Problem {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut state = serializer.serialize_struct("Problem", 2)?;
        state.serialize_field("path", &self.path)?;
        state.serialize_field("message", &self.message)?;
        state.end()
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Problem {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Problem".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "One thing wrong with an input, at a JSON path such as `root.serial.children[1].k_of_n.k`.",
            "type": "object",
            "properties": {
                "path": {"description": "Where, as a JSON path from the document root (`.` for the whole document).", "type": "string"},
                "message": {"description": "What, in lower case without a trailing period.", "type": "string"}
            },
            "required": ["path", "message"]
        })
    }
}

/// Every problem found in one input. Displays on one line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(transparent)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    /// The kind of the whole list: a shape problem makes the input unreadable, so it wins.
    pub fn kind(&self) -> ProblemKind {
        if self.0.iter().any(|p| p.kind == ProblemKind::Shape) {
            ProblemKind::Shape
        } else {
            ProblemKind::Value
        }
    }
}

impl std::fmt::Display for Problems {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, problem) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl From<Vec<Problem>> for Problems {
    fn from(problems: Vec<Problem>) -> Self {
        Self(problems)
    }
}

impl From<Problem> for Problems {
    fn from(problem: Problem) -> Self {
        Self(vec![problem])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_display_as_json_paths() {
        let path = JsonPath::root()
            .key("root")
            .key("serial")
            .key("children")
            .index(1)
            .key("k");
        assert_eq!(path.to_string(), "root.serial.children[1].k");
        assert_eq!(JsonPath::root().to_string(), ".");
        assert_eq!(JsonPath::root().index(2).to_string(), "[2]");
        assert_eq!(JsonPath::from("").key("").to_string(), "\"\".\"\"");
        let inside = JsonPath::from("entries").index(3).in_document("aws.json");
        assert_eq!(inside.to_string(), "aws.json:entries[3]");
        let moved = Problem::value(JsonPath::from("k"), "bad").under(&JsonPath::from("options"));
        assert_eq!(moved.to_string(), "options.k: bad");
        assert!(moved.path.ends_with_key("k"));
    }

    #[test]
    fn the_list_is_a_shape_problem_if_any_is() {
        let value = Problem::value(JsonPath::from("a"), "x");
        let shape = Problem::shape(JsonPath::from("b"), "y");
        assert_eq!(Problems(vec![value.clone()]).kind(), ProblemKind::Value);
        assert_eq!(Problems(vec![value, shape]).kind(), ProblemKind::Shape);
    }
}
