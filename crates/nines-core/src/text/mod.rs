//! Utilities at the edge of the pipeline: numbers and text in, values out, and back.
//!
//! - [`json`]: reading JSON with the path of every error;
//! - [`float`] and [`decimal`]: correctly rounded conversions between `f64` and decimal digits;
//! - [`date`]: the ISO dates and UTC times nines reads;
//! - [`duration`]: `43m12s` in, `43 min 12 s` out;
//! - [`money`]: amounts in whole cents.

pub(crate) mod date;
pub(crate) mod decimal;
pub(crate) mod duration;
pub(crate) mod float;
pub(crate) mod json;
pub(crate) mod money;
