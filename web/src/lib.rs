//! The nines web app.
