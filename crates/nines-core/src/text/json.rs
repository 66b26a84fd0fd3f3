//! Reading JSON: [`from_json`] names the JSON path of an error, and [`number`]/[`text`] let a
//! type check its value where serde_json can still place the error.

use crate::problem::{JsonPath, Problem};
use crate::text::decimal::Decimal;
use serde::Deserialize;
use std::fmt::Display;
use std::marker::PhantomData;

/// Parses JSON text into `T`; an error becomes one [`Problem`] at the JSON path where it
/// happened (`root.serial.children[1].k_of_n.k`), found from serde_json's line and column.
///
/// nines' own types check a value (a percentage, a date) inside their serde visitor, so the
/// path names the value; a type that checks after deserializing gets the enclosing object's
/// path, where serde_json reports the error.
///
/// ```
/// let problem = nines_core::from_json::<nines_core::Model>(
///     r#"{"root": {"serial": {"children": [{"component": {"availability": 101}}]}}}"#,
/// )
/// .unwrap_err();
/// assert_eq!(problem.path.to_string(), "root.serial.children[0].component.availability");
/// assert_eq!(problem.kind, nines_core::ProblemKind::Value); // the right type, a wrong value
/// ```
///
/// # Errors
/// Malformed JSON (with line and column), a missing or unknown field, a value of the wrong type
/// or a value its type refuses.
pub fn from_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, Problem> {
    serde_json::from_str(text).map_err(|error| json_error(&error, text))
}

/// Deserializes a JSON number from its decimal text, exactly as written (serde_json keeps the
/// text with its `arbitrary_precision` feature), through `convert`; a refused value fails at
/// the number's position.
pub(crate) fn number<'de, D, T, E>(
    deserializer: D,
    convert: fn(&str) -> Result<T, E>,
) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    E: Display,
{
    let mut converted = None;
    let mut check = |text: &str| match convert(text) {
        Ok(value) => {
            converted = Some(value);
            None
        }
        Err(e) => Some(e.to_string()),
    };
    deserializer.deserialize_any(NumberText { check: &mut check })?;
    converted.ok_or_else(|| value_error("not a number"))
}

/// A visitor that checks a number's decimal text, so that a refused value fails while the
/// reader is still at the number (and the error's path names it). One type for every number
/// nines reads, so the JSON reader is instantiated for it once.
struct NumberText<'a> {
    check: &'a mut dyn FnMut(&str) -> Option<String>,
}

impl NumberText<'_> {
    fn checked<X: serde::de::Error>(self, text: &str) -> Result<(), X> {
        match (self.check)(text) {
            None => Ok(()),
            Some(message) => Err(value_error(message)),
        }
    }
}

impl<'de> serde::de::Visitor<'de> for NumberText<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a number")
    }

    fn visit_u64<X: serde::de::Error>(self, value: u64) -> Result<(), X> {
        self.checked(&value.to_string())
    }

    fn visit_i64<X: serde::de::Error>(self, value: i64) -> Result<(), X> {
        self.checked(&value.to_string())
    }

    /// From a reader that has already made the number an `f64`: its shortest digits.
    fn visit_f64<X: serde::de::Error>(self, value: f64) -> Result<(), X> {
        self.checked(&crate::text::decimal::display(value))
    }

    /// serde_json hands a number over as its text, in a one-entry map under a private key,
    /// with its `arbitrary_precision` feature; read in place (a `serde_json::Number` and its
    /// `to_string` were two copies and a formatter per number, a tenth of reading a model).
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let is_number = map.next_key_seed(WithStr(|key: &str| key == NUMBER_KEY))?;
        if is_number != Some(true) {
            return Err(serde::de::Error::invalid_type(
                serde::de::Unexpected::Map,
                &self,
            ));
        }
        let check = self.check;
        match map.next_value_seed(WithStr(|text: &str| check(text)))? {
            None => Ok(()),
            Some(message) => Err(value_error(message)),
        }
    }
}

/// The key under which serde_json's `arbitrary_precision` passes a number's text.
const NUMBER_KEY: &str = "$serde_json::private::Number";

/// Reads a string and hands it to the function, without copying it.
struct WithStr<F>(F);

impl<'de, F: FnOnce(&str) -> R, R> serde::de::DeserializeSeed<'de> for WithStr<F> {
    type Value = R;

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<R, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de, F: FnOnce(&str) -> R, R> serde::de::Visitor<'de> for WithStr<F> {
    type Value = R;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<X: serde::de::Error>(self, text: &str) -> Result<R, X> {
        Ok((self.0)(text))
    }
}

/// serde: a number field read from its decimal text and rounded once, correctly, to the
/// nearest `f64` (serde_json's own parser is not correctly rounded). For a shell reading the
/// JSON of a report back (`#[serde(deserialize_with = "nines_core::exact_f64")]`), so that it
/// holds the very `f64` the core wrote.
///
/// ```
/// #[derive(serde::Deserialize)]
/// struct Need(#[serde(deserialize_with = "nines_core::exact_f64")] f64);
/// let need: Need = serde_json::from_str("0.9999999899979997").unwrap();
/// assert_eq!(need.0.to_bits(), 0.9999999899979997f64.to_bits());
/// ```
///
/// # Errors
/// The deserializer's error for anything but a number.
pub fn exact_f64<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
    number(deserializer, parse_f64)
}

/// serde: an optional number field, as [`exact_f64`].
pub(crate) fn exact_f64_option<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<f64>, D::Error> {
    exact_f64(deserializer).map(Some)
}

/// serde: a number or `null`, as [`exact_f64`] (a report's optional figure, written as `null`).
pub(crate) fn exact_f64_or_null<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<f64>, D::Error> {
    #[derive(serde::Deserialize)]
    struct Exact(#[serde(deserialize_with = "exact_f64")] f64);
    Ok(Option::<Exact>::deserialize(deserializer)?.map(|exact| exact.0))
}

/// The `f64` nearest to a JSON number's text (`-2.5`, `1e-3`), ties to even.
pub(crate) fn parse_f64(text: &str) -> Result<f64, String> {
    let (negative, magnitude) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let value = Decimal::parse(magnitude)
        .map_err(|_| format!("{text} is not a number"))?
        .to_f64();
    Ok(if negative { -value } else { value })
}

/// Deserializes a JSON string through `convert`, failing at the string's position.
pub(crate) fn text<'de, D, T, E>(
    deserializer: D,
    convert: fn(&str) -> Result<T, E>,
) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    E: Display,
{
    deserializer.deserialize_str(Checked {
        convert,
        expecting: "a string",
        input: PhantomData,
    })
}

/// A visitor that converts a string with a checking function.
struct Checked<F, I: ?Sized> {
    convert: F,
    expecting: &'static str,
    input: PhantomData<fn(&I)>,
}

impl<T, E: Display> serde::de::Visitor<'_> for Checked<fn(&str) -> Result<T, E>, str> {
    type Value = T;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_str<X: serde::de::Error>(self, value: &str) -> Result<T, X> {
        (self.convert)(value).map_err(value_error)
    }
}

/// Marks a message as a refused value (rather than a wrong shape) on its way through serde,
/// which only carries text; [`json_error`] takes the mark off again.
const VALUE_MARK: &str = "\u{1f}value\u{1f}";

/// A serde error for a value its type refuses.
pub(crate) fn value_error<X: serde::de::Error>(message: impl Display) -> X {
    X::custom(format_args!("{VALUE_MARK}{message}"))
}

fn json_error(error: &serde_json::Error, text: &str) -> Problem {
    let syntax = error.is_syntax() || error.is_eof();
    // A syntax error's column is just past the offending character: leave that one unread.
    let offset = byte_offset(text, error.line(), error.column());
    let path = path_at(text, offset.saturating_sub(usize::from(error.is_syntax())));
    let message = error.to_string();
    // serde_json appends " at line L column C"; the path says more, except for syntax errors.
    let message = match message.rfind(" at line ") {
        Some(at) if !syntax => message[..at].to_string(),
        _ => message,
    };
    if let Some(refused) = message.strip_prefix(VALUE_MARK) {
        Problem::value(path, refused)
    } else if message.starts_with("recursion limit exceeded") {
        Problem::shape(
            path,
            "model too deep: nesting exceeds the JSON recursion limit",
        )
    } else if syntax {
        Problem::shape(path, format!("malformed JSON: {message}"))
    } else {
        Problem::shape(path, message)
    }
}

/// The byte offset of serde_json's 1-based `line` and 0-based byte `column` (0 when unknown).
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start = match line {
        0 | 1 => 0,
        _ => text
            .match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(at, _)| at + 1),
    };
    (line_start + column).min(text.len())
}

/// One open container on the way to an offset.
enum Frame {
    /// An object and the key whose value is being read, if any.
    Object(Option<String>),
    /// An array and the index of the element being read.
    Array(usize),
}

/// The JSON path of the value being read at byte `offset` of `text`: the key or element just
/// entered or finished, or the container just closed. Lenient: malformed text scans as far as
/// it goes.
fn path_at(text: &str, offset: usize) -> JsonPath {
    let bytes = &text.as_bytes()[..offset.min(text.len())];
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' => stack.push(Frame::Object(None)),
            b'[' => stack.push(Frame::Array(0)),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object(key)) => *key = None,
                Some(Frame::Array(index)) => *index += 1,
                None => {}
            },
            b'"' => {
                let (string, end) = scan_string(bytes, i + 1);
                if let Some(Frame::Object(key @ None)) = stack.last_mut() {
                    *key = Some(string);
                }
                i = end;
            }
            _ => {}
        }
        i += 1;
    }
    stack
        .into_iter()
        .fold(JsonPath::root(), |path, frame| match frame {
            Frame::Object(Some(key)) => path.key(key),
            Frame::Object(None) => path,
            Frame::Array(index) => path.index(index),
        })
}

/// The decoded string starting after an opening quote at `start`, and the closing quote's index.
fn scan_string(bytes: &[u8], start: usize) -> (String, usize) {
    let mut out = Vec::new();
    let mut i = start;
    while i < bytes.len() && bytes[i] != b'"' {
        if bytes[i] == b'\\' {
            i += 1;
            match bytes.get(i) {
                Some(b'n') => out.push(b'\n'),
                Some(b't') => out.push(b'\t'),
                Some(b'r') => out.push(b'\r'),
                Some(b'b') => out.push(0x08),
                Some(b'f') => out.push(0x0c),
                Some(b'u') => {
                    let code = std::str::from_utf8(bytes.get(i + 1..i + 5).unwrap_or_default())
                        .ok()
                        .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                        .and_then(char::from_u32)
                        .unwrap_or(char::REPLACEMENT_CHARACTER);
                    out.extend_from_slice(code.encode_utf8(&mut [0; 4]).as_bytes());
                    i += 4;
                }
                Some(&other) => out.push(other),
                None => {}
            }
        } else {
            out.push(bytes[i]);
        }
        i += 1;
    }
    (String::from_utf8_lossy(&out).into_owned(), i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(text: &str, at: &str) -> String {
        let offset = text.find(at).map_or(text.len(), |i| i + at.len());
        path_at(text, offset).to_string()
    }

    #[test]
    fn paths_follow_keys_indices_and_closed_containers() {
        let text = r#"{"root": {"serial": {"children": [{"a": 1}, {"k_of_n": {"k": "x"}}]}}}"#;
        assert_eq!(path(text, "{"), ".");
        assert_eq!(path(text, r#""root""#), "root");
        assert_eq!(path(text, r#""a": 1"#), "root.serial.children[0].a");
        assert_eq!(path(text, r#""a": 1}"#), "root.serial.children[0]");
        assert_eq!(
            path(text, r#""k": "x""#),
            "root.serial.children[1].k_of_n.k"
        );
        assert_eq!(path(text, r#""x"}"#), "root.serial.children[1].k_of_n");
        assert_eq!(path(text, "]"), "root.serial.children");
        assert_eq!(path(text, ""), ".");
    }

    #[test]
    fn strings_with_brackets_commas_and_escapes_are_skipped() {
        let text = "{\"a,[{\": {\"b\\\"\\u00e9\": [1, \"],\", 3]}}";
        assert_eq!(path(text, "3"), "a,[{.b\"é[2]");
        assert_eq!(path("{\"t\\r\\b\\f\": 1", "1"), "t\r\u{8}\u{c}");
    }

    #[test]
    fn offsets_come_from_lines_and_byte_columns() {
        let text = "{\n  \"é\": 1,\n  \"b\": x\n}";
        assert_eq!(byte_offset(text, 3, 8), text.find('x').map_or(0, |i| i + 1));
        assert_eq!(byte_offset(text, 0, 0), 0);
        assert_eq!(byte_offset(text, 9, 0), text.len());
    }

    #[test]
    fn serde_errors_name_the_path_and_keep_syntax_positions() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Inner {
            #[allow(dead_code)]
            k: u32,
        }
        #[derive(Debug, serde::Deserialize)]
        struct Outer {
            #[allow(dead_code)]
            items: Vec<Inner>,
        }
        let problem = |text: &str| from_json::<Outer>(text).err().map(|p| p.to_string());
        assert_eq!(
            problem(r#"{"items": [{"k": 1}, {"k": "2"}]}"#).as_deref(),
            Some("items[1].k: invalid type: string \"2\", expected u32")
        );
        assert_eq!(
            problem(r#"{"items": [{"k": 1}, {"j": 2}]}"#).as_deref(),
            Some("items[1].j: unknown field `j`, expected `k`")
        );
        assert_eq!(
            problem(r#"{"items": [{}]}"#).as_deref(),
            Some("items[0]: missing field `k`")
        );
        assert_eq!(problem("{}").as_deref(), Some(".: missing field `items`"));
        assert_eq!(
            problem("{\n\"items\": [\n{\"k\": }").as_deref(),
            Some("items[0].k: malformed JSON: expected value at line 3 column 7")
        );
    }
}
