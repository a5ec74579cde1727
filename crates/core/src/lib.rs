//! Checkwerk's core: the catalog model, loading and validation, runs and answers, their evaluation, the action
//! plan with its exports, the Starthilfe, readiness for the Selbsterklärung and the management summary.
//!
//! Pure Rust with no browser types, no clock and no random source: time and ids come in as arguments, so all of it
//! runs and is tested on the host.

pub mod action_plan;
pub mod catalog;
pub mod date;
pub mod evaluation;
pub mod load;
pub mod readiness;
pub mod report;
pub mod run;
pub mod saved;
#[cfg(feature = "schema")]
pub mod schema;
pub mod starthilfe;
pub mod text;
pub mod validate;

#[cfg(test)]
mod testing;

pub use action_plan::{Measure, MeasureStatus, Urgency};
pub use catalog::{Catalog, Colour, Item, Level, Module, Scale, CATALOG_FORMAT_VERSION};
pub use evaluation::{evaluate, is_rated, Evaluation, NeedIndex, Tally};
pub use load::{CatalogErrors, Language, Problem, ProblemKind};
pub use run::{Answer, Run, Timestamp};
