//! [`Problem`] and [`Problems`]: what is wrong with an input, each with its JSON path.

use serde::Serialize;

/// One thing wrong with an input, at a JSON path such as `root.serial.children[1].k_of_n.k`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Problem {
    /// Where, as a JSON path from the document root (`.` for the whole document).
    pub path: String,
    /// What, in lower case without a trailing period.
    pub message: String,
}

impl Problem {
    /// A problem at `path`.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        let path = path.into();
        Self {
            path: if path.is_empty() {
                ".".to_string()
            } else {
                path
            },
            message: message.into(),
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Every problem found in one input. Displays on one line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(transparent)]
pub struct Problems(pub Vec<Problem>);

impl std::fmt::Display for Problems {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut first = true;
        for problem in &self.0 {
            if !first {
                f.write_str("; ")?;
            }
            write!(f, "{problem}")?;
            first = false;
        }
        Ok(())
    }
}

impl From<Vec<Problem>> for Problems {
    fn from(problems: Vec<Problem>) -> Self {
        Self(problems)
    }
}
