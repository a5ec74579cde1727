//! Integration tests of the core: every shipped catalog, the located errors of the broken ones, properties of the
//! loader, the catalog README and the JSON Schema, the saved format's golden files, the action plan journey and
//! snapshots of the reports, hostile input of every kind, and merging two copies of a run.

mod action_plan;
mod broken;
mod catalogs;
mod hostile;
mod merge;
mod properties;
mod readme;
mod reports;
mod saved;
#[cfg(feature = "schema")]
mod schema;
mod volume;
