//! The nines wasm API.
