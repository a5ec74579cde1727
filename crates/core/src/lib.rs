//! Checkwerk's core: the catalog model, loading and validation, runs and answers, and their evaluation.
//!
//! Pure Rust with no browser types, no clock and no random source: time and ids come in as arguments, so all of it
//! runs and is tested on the host.

pub mod catalog;
pub mod evaluation;
pub mod load;
pub mod run;
pub mod saved;
#[cfg(feature = "schema")]
pub mod schema;
pub mod text;
pub mod validate;

pub use catalog::{Catalog, Colour, Item, Level, Module, Scale, CATALOG_FORMAT_VERSION};
pub use evaluation::{evaluate, Evaluation, NeedIndex, Tally};
pub use load::{CatalogErrors, Language, Problem, ProblemKind};
pub use run::{Answer, Run, Timestamp};
