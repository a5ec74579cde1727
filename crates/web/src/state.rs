//! State shared through context, one owner for each piece:
//! - [`catalogs`]: the catalogs this page knows (bundled and a site's own) with their formatted texts;
//! - [`runs`]: the user's runs, the only place that changes and saves one;
//! - [`companies`]: the companies the runs belong to and the current one, owned by the runs; what a report and a
//!   self-declaration print of a company is read here;
//! - [`check`]: the reactive state of the check a page belongs to (evaluation, item answers);
//! - [`language`]: the language the user chose and the one the current screen speaks;
//! - [`notices`]: the message shown after an action, with its undo.
//!
//! Signals hold core values; core types never hold signals.

pub mod catalogs;
pub mod check;
pub mod companies;
pub mod language;
pub mod notices;
pub mod runs;

pub use language::{tr, FrameLanguage, LanguageChoice, UiLanguage};
pub use notices::{Notices, Undo};
pub use runs::{Runs, SaveStatus, MAX_IMPORT_BYTES};
