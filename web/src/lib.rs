//! The nines web app: model an architecture in the browser and see its composite
//! availability, downtime, credits and caveats, all computed by `nines-core`.
//!
//! State lives in one pure reducer ([`state::AppState`]); the report is derived from it by a
//! hook ([`evaluation`]) and shared with the labels through one context ([`context`]); each
//! component is one file under `components/`; custom hooks live in `hooks/`. Model factories
//! are in [`factories`], what users type is read by [`parse`]. This crate does no availability
//! math: it converts inputs, calls nines-core and renders what comes back.

#![deny(missing_docs)]

pub mod analysis;
mod bind;
mod calendars;
mod catalog_store;
mod chart;
mod codec;
mod compare_rows;
mod components;
mod context;
mod decide_wire;
mod describe;
mod diagram_dom;
mod diagram_svg;
mod download;
mod evaluation;
mod examples;
mod export;
mod factories;
mod files;
mod frontier_plot;
mod histogram;
mod hooks;
mod keys;
mod labels;
mod layout;
mod library;
mod parse;
mod perf;
mod risk;
mod sorting;
mod startup;
mod state;
mod tree;
mod zones;

pub use components::app::App;
