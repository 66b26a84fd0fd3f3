//! serde_json's pretty printing, byte for byte, with each line break and its indentation
//! written at once: `PrettyFormatter` writes a two-space indent once per level, and a
//! 10,000-component report has 200,000 lines about six levels deep (measured: a tenth fewer
//! instructions for the whole `nines eval --json`).

use serde::Serialize;
use serde_json::ser::Formatter;
use std::io::{self, Write};

/// Writes `value` as `serde_json::to_writer_pretty` does.
///
/// # Errors
/// As serde_json's: the writer's, or a value that cannot be JSON.
pub fn to_writer<W: Write, T: Serialize + ?Sized>(writer: W, value: &T) -> serde_json::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(writer, Pretty::default());
    value.serialize(&mut serializer)
}

/// `",\n"` and the deepest indent written in one go; deeper levels add to it.
const BREAKS: &[u8] = b",\n                                                                ";

#[derive(Default)]
struct Pretty {
    depth: usize,
    has_value: bool,
}

impl Pretty {
    /// A line break (after a comma unless `first`) and the current indent.
    fn line<W: Write + ?Sized>(&self, writer: &mut W, first: bool) -> io::Result<()> {
        let start = usize::from(first);
        let wanted = 2 + 2 * self.depth;
        writer.write_all(&BREAKS[start..wanted.min(BREAKS.len())])?;
        for _ in (BREAKS.len()..wanted).step_by(2) {
            writer.write_all(b"  ")?;
        }
        Ok(())
    }

    fn open<W: Write + ?Sized>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    fn close<W: Write + ?Sized>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.line(writer, true)?;
        }
        writer.write_all(bracket)
    }
}

impl Formatter for Pretty {
    fn begin_array<W: Write + ?Sized>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: Write + ?Sized>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: Write + ?Sized>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.line(writer, first)
    }

    fn end_array_value<W: Write + ?Sized>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: Write + ?Sized>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: Write + ?Sized>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: Write + ?Sized>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.line(writer, first)
    }

    fn begin_object_value<W: Write + ?Sized>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: Write + ?Sized>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    /// Nested deeper than [`super::BREAKS`] reaches, with empty and non-empty containers.
    #[test]
    fn writes_what_serde_json_writes() {
        let mut deep = serde_json::json!({"leaf": [1, {"a": []}, {}], "empty": {}});
        for level in 0..40 {
            deep = serde_json::json!({"level": level, "inner": [deep.clone(), "x"], "n": null});
        }
        for value in [deep, serde_json::json!([]), serde_json::json!(1.5)] {
            let mut ours = Vec::new();
            super::to_writer(&mut ours, &value).unwrap();
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                serde_json::to_string_pretty(&value).unwrap()
            );
        }
    }
}
