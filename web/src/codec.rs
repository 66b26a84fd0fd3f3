//! Model text for files, storage and share links: JSON, and base64url JSON in the URL
//! fragment (`#m=…`). Encoding only.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use nines_core::{Model, Problem};

/// The model as JSON that [`Model::from_json`] reads back.
pub fn model_to_json(model: &Model, pretty: bool) -> String {
    if pretty {
        model.to_json()
    } else {
        serde_json::to_string(model).unwrap_or_else(|_| model.to_json())
    }
}

/// The URL fragment carrying a model: `m=<base64url of its JSON>`.
pub fn share_fragment(model: &Model) -> String {
    format!("m={}", URL_SAFE_NO_PAD.encode(model_to_json(model, false)))
}

/// The model in a URL fragment (with or without its `#`), if it carries one.
///
/// # Errors
/// A problem naming the fragment when it is not base64url JSON of a model.
pub fn model_from_fragment(fragment: &str) -> Option<Result<Model, Vec<Problem>>> {
    let result = text_from_fragment(fragment)?
        .and_then(|text| Model::from_json(&text).map_err(|problems| problems.0));
    Some(result)
}

/// The model JSON in a URL fragment, not yet read, if it carries one.
///
/// # Errors
/// A problem naming the fragment when it is not base64url UTF-8 text.
pub fn text_from_fragment(fragment: &str) -> Option<Result<String, Vec<Problem>>> {
    let encoded = fragment.trim_start_matches('#').strip_prefix("m=")?;
    let bad = |message: &str| vec![Problem::shape("#m", message)];
    let result = URL_SAFE_NO_PAD
        .decode(encoded.trim_end_matches('='))
        .map_err(|e| bad(&format!("not base64url: {e}")))
        .and_then(|bytes| String::from_utf8(bytes).map_err(|_| bad("not UTF-8 text")));
    Some(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    const WITH_MONEY: &str = r#"{"business_loss_per_hour": 5000.5, "root": {"component":
        {"id": "a", "availability": 99.95, "monthly_fee": 146}}}"#;

    #[test]
    fn model_json_round_trips_with_money() {
        let model = Model::from_json(WITH_MONEY).unwrap();
        assert_eq!(
            Model::from_json(&model_to_json(&model, true)).unwrap(),
            model
        );
    }

    #[test]
    fn share_fragment_round_trips() {
        let model = Model::from_json(WITH_MONEY).unwrap();
        let fragment = share_fragment(&model);
        assert!(fragment.starts_with("m="));
        assert_eq!(
            model_from_fragment(&format!("#{fragment}"))
                .unwrap()
                .unwrap(),
            model
        );
        assert!(model_from_fragment("#other").is_none());
        assert!(model_from_fragment("#m=%%%").unwrap().is_err());
    }
}
