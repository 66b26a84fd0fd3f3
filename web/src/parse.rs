//! What people type into the app's fields, read into model values. Every form uses these, so a
//! value reads the same everywhere; errors are sentences to show next to the field.

use crate::evaluation;
use nines_core::{
    parse_duration, parse_utc_time, Availability, Catalog, JsonPath, Model, Money, Problem,
};

/// An amount such as `5000`, `5,000.50` or `$ 5,000`; empty means none.
///
/// # Errors
/// A sentence when the text is not an amount.
pub fn optional_money(text: &str) -> Result<Option<Money>, String> {
    let cleaned: String = text
        .trim()
        .trim_start_matches(['$', '€', '£'])
        .chars()
        .filter(|c| *c != ',' && !c.is_whitespace())
        .collect();
    if cleaned.is_empty() {
        return Ok(None);
    }
    let units = decimal(&cleaned).ok_or_else(|| format!("{:?} is not an amount", text.trim()))?;
    Money::from_units(units)
        .map(Some)
        .map_err(|e| e.to_string())
}

/// A plain decimal number (`5000`, `0.5`, `.5`, `1e3`), read by serde_json's parser, which the
/// app links anyway (std's float parser would add its tables to the download).
fn decimal(text: &str) -> Option<f64> {
    let text = text.trim();
    let text = match (text.starts_with('.'), text.ends_with('.')) {
        (true, _) => format!("0{text}"),
        (_, true) => format!("{text}0"),
        _ => text.to_string(),
    };
    let starts_with_digit = text
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_digit() || b == b'-');
    starts_with_digit
        .then(|| serde_json::from_str::<f64>(&text).ok())
        .flatten()
}

/// An amount as fields and text show it: `5,000.00`.
pub fn money_text(money: Money) -> String {
    money.to_string()
}

/// A percentage such as `99.95` or `99.95%`.
///
/// # Errors
/// The core's sentence (`100.5% is outside 0..=100%`).
pub fn percent(text: &str) -> Result<Availability, String> {
    Availability::parse_percent(text).map_err(|e| e.to_string())
}

/// A number ≥ 0 (hours, minutes, a rate); empty means none.
///
/// # Errors
/// A sentence naming `what` when the text is not such a number.
pub fn optional_number(text: &str, what: &str) -> Result<Option<f64>, String> {
    let text = text.trim().replace(',', "");
    if text.is_empty() {
        return Ok(None);
    }
    decimal(&text)
        .filter(|v| v.is_finite() && *v >= 0.0)
        .map(Some)
        .ok_or_else(|| format!("{text:?} is not {what}"))
}

/// A number ≥ 0 that must be given.
///
/// # Errors
/// As [`optional_number`], and for empty text.
pub fn number(text: &str, what: &str) -> Result<f64, String> {
    optional_number(text, what)?.ok_or_else(|| format!("enter {what}"))
}

/// A whole number such as a `k` or a count of copies.
///
/// # Errors
/// A sentence when the text is not a whole number.
pub fn whole(text: &str) -> Result<u32, String> {
    text.trim()
        .parse()
        .map_err(|_| format!("{:?} is not a whole number", text.trim()))
}

/// A duration in minutes: a bare number is minutes (`60`); with units or as a clock it is read
/// as the core reads durations (`1h`, `90 min`, `1:30`, `1d 2h`).
///
/// # Errors
/// A sentence with examples.
pub fn minutes(text: &str) -> Result<f64, String> {
    if let Ok(Some(minutes)) = optional_number(text, "") {
        return Ok(minutes);
    }
    parse_duration(text)
        .map(|seconds| seconds / 60.0)
        .map_err(|_| {
            format!(
                "{:?} is not a duration (e.g. 60, 1h, 90 min, 1:30)",
                text.trim()
            )
        })
}

/// A start time in UTC as a `datetime-local` field gives it (`2026-02-10T10:00`), read by the
/// core's parser.
///
/// # Errors
/// The core's sentence.
pub fn timestamp(text: &str) -> Result<chrono::NaiveDateTime, String> {
    parse_utc_time(text).map_err(|e| e.to_string())
}

/// An optional copy number (1-based); empty means every copy.
///
/// # Errors
/// A sentence when the text is not a copy number.
pub fn optional_copy(text: &str) -> Result<Option<u32>, String> {
    match text.trim() {
        "" => Ok(None),
        t => t
            .parse::<u32>()
            .ok()
            .filter(|c| *c >= 1)
            .map(Some)
            .ok_or_else(|| format!("{t:?} is not a copy number (1, 2, …)")),
    }
}

/// A currency code such as `USD`.
///
/// # Errors
/// A sentence when empty.
pub fn currency(text: &str) -> Result<String, String> {
    let code = text.trim().to_ascii_uppercase();
    if code.is_empty() {
        Err("enter a currency code such as USD".to_string())
    } else {
        Ok(code)
    }
}

/// A file handed to "Import": a model or a report nines exported, checked against the catalog
/// so that a bad file is never loaded. Problems name the file.
///
/// # Errors
/// Every problem, each with its path in the file (none for a file that is not JSON at all).
pub fn import_model(file_name: &str, text: &str, catalog: &Catalog) -> Result<Model, Vec<Problem>> {
    let in_file = |problems: Vec<Problem>| -> Vec<Problem> {
        problems
            .into_iter()
            .map(|mut p| {
                if p.path != JsonPath::root() {
                    p.path = p.path.in_document(file_name);
                }
                p
            })
            .collect()
    };
    let model = Model::from_model_or_report(text).map_err(|p| in_file(p.0))?;
    let problems = evaluation::problems(&model, catalog);
    if problems.is_empty() {
        Ok(model)
    } else {
        Err(in_file(problems))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_reads_as_it_is_shown() {
        let amount = optional_money("5,000.5").unwrap().unwrap();
        assert_eq!(money_text(amount), "5,000.50");
        assert_eq!(optional_money(&money_text(amount)), Ok(Some(amount)));
        assert_eq!(
            optional_money(" $ 1 000 "),
            Ok(Money::from_units(1000.0).ok())
        );
        assert_eq!(optional_money(""), Ok(None));
        assert!(optional_money("lots").is_err());
        assert!(optional_money("-5").is_err());
        assert_eq!(optional_number(".5", "hours"), Ok(Some(0.5)));
        assert_eq!(optional_number("2.", "hours"), Ok(Some(2.0)));
        assert!(optional_number("5 h", "hours").is_err());
        assert!(optional_number("[1]", "hours").is_err());
    }

    #[test]
    fn minutes_as_people_type_them() {
        assert_eq!(minutes("60"), Ok(60.0));
        assert_eq!(minutes("1h"), Ok(60.0));
        assert_eq!(minutes("1:30"), Ok(90.0));
        assert_eq!(minutes("90 min"), Ok(90.0));
        assert!(minutes("soon").is_err());
    }

    #[test]
    fn other_fields() {
        assert_eq!(
            percent("99.95%").map(|a| a.percent()),
            Ok("99.95".to_string())
        );
        assert!(percent("101").is_err());
        assert_eq!(whole(" 3 "), Ok(3));
        assert!(whole("2.5").is_err());
        assert_eq!(optional_number("", "hours"), Ok(None));
        assert!(number("", "hours").is_err());
        assert!(optional_number("-1", "hours").is_err());
        assert_eq!(optional_copy("2"), Ok(Some(2)));
        assert!(optional_copy("0").is_err());
        assert_eq!(currency(" eur "), Ok("EUR".to_string()));
        assert_eq!(
            timestamp("2026-02-10T10:00").map(|t| t.to_string()),
            Ok("2026-02-10 10:00:00".to_string())
        );
        assert!(timestamp("10/02/2026").is_err());
    }

    #[test]
    fn import_reads_models_and_reports_and_refuses_the_rest() {
        let model = r#"{"root": {"serial": {"children": [{"component": {"id": "a", "availability": 99.9}}]}}}"#;
        assert!(import_model("m.json", model, crate::library::test_library().catalog()).is_ok());
        let bad = import_model(
            "bad.json",
            r#"{"root": {"component": {"id": "a", "availability": 150}}}"#,
            crate::library::test_library().catalog(),
        )
        .unwrap_err();
        assert_eq!(
            bad[0].path.to_string(),
            "bad.json:root.component.availability"
        );
        let unknown = import_model(
            "u.json",
            r#"{"root": {"component": {"id": "a", "catalog": "no/such/entry"}}}"#,
            crate::library::test_library().catalog(),
        )
        .unwrap_err();
        assert!(
            unknown[0].message.contains("no/such/entry"),
            "{}",
            unknown[0]
        );
        let text = import_model(
            "notes.txt",
            "hello",
            crate::library::test_library().catalog(),
        )
        .unwrap_err();
        assert_eq!(text[0].path, JsonPath::root());
        assert!(text[0].message.starts_with("not a JSON file"));
        // An unfinished design (an empty group) is a design, not a bad file.
        let unfinished = r#"{"root": {"serial": {"children": [{"parallel": {"children": []}}]}}}"#;
        assert!(import_model(
            "new.json",
            unfinished,
            crate::library::test_library().catalog()
        )
        .is_ok());
    }
}
