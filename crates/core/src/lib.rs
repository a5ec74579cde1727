//! Checkwerk's core: the catalog model, runs and answers, their evaluation, the action plan with its exports, the
//! Starthilfe, the Selbsterklärung (readiness, record, fingerprint, renewal), the management summary, and rating as a
//! team (contributions by link, QR code or file, and where the team agrees); with the `source` feature also loading
//! and validating catalogs from their TOML or JSON source.
//!
//! Pure Rust with no browser types, no clock and no random source: time, dates and ids come in as arguments, so
//! all of it runs and is tested on the host. It returns data (codes, counts, dates, catalog texts); the words around
//! them are the front end's, except the messages about catalog problems, which are for catalog authors and travel
//! with the loader.
//!
//! The modules form layers, each using only those above it:
//! 1. vocabulary: [`language`], [`date`], [`codec`] and [`text_code`] (the building blocks of compact links);
//! 2. model: [`catalog`], [`text`], [`measure`], [`team`], [`run`], [`company`];
//! 3. what is computed from them: [`evaluation`], [`plan`], [`export`], [`readiness`], [`declaration`] (the record
//!    of a self-declaration and its renewal), [`fingerprint`] (its hash), [`starthilfe`], [`report`], [`saved`],
//!    [`contribution`] (links and files of a team assessment), [`agreement`] (spread and suggestion), [`compare`]
//!    (two runs), [`history`] (a company's runs over time), [`workspace`] (the adviser's overview);
//! 4. reading sources (feature `source`): `problem`, `validate`, `load`; and `schema` (feature `schema`).

pub mod agreement;
pub mod catalog;
pub mod codec;
pub mod company;
pub mod compare;
pub mod contribution;
pub mod date;
pub mod declaration;
pub mod evaluation;
pub mod export;
pub mod fingerprint;
pub mod history;
pub mod language;
#[cfg(feature = "source")]
pub mod load;
pub mod measure;
pub mod plan;
#[cfg(feature = "source")]
pub mod problem;
pub mod readiness;
pub mod report;
pub mod run;
pub mod saved;
#[cfg(feature = "schema")]
pub mod schema;
pub mod site_catalog;
pub mod starthilfe;
pub mod team;
pub mod text;
pub mod text_code;
#[cfg(feature = "source")]
pub mod validate;
pub mod workspace;

#[cfg(test)]
mod testing;

pub use catalog::{
    Attribution, Catalog, Colour, Declaration, Item, Level, Module, Scale, CATALOG_FORMAT_VERSION,
};
pub use company::{Company, CompanyField};
pub use date::{Date, DateEntry, Timestamp};
pub use evaluation::{evaluate, is_rated, Evaluation, NeedIndex, Tally};
pub use language::Language;
pub use measure::{Effectiveness, Measure, MeasureStatus, Urgency};
#[cfg(feature = "source")]
pub use problem::{CatalogErrors, Problem, ProblemKind};
pub use run::{Answer, Run};
