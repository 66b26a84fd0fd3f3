//! The nines web app: model an architecture in the browser and see its composite
//! availability, downtime, credits and caveats, all computed by `nines-core`.
//!
//! State lives in one reducer ([`state::AppState`]) shared through a context; each component
//! is one file under `components/`; custom hooks live in `hooks/`. This crate does no
//! availability math: it converts inputs, calls nines-core and renders the report.

#![deny(missing_docs)]

mod bind;
mod catalog;
mod codec;
mod components;
mod download;
mod examples;
mod hooks;
mod perf;
mod state;
mod tree;

pub use components::app::App;
