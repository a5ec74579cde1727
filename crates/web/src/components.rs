//! Building blocks shared by the pages.

pub mod formatted;
pub mod header;
pub mod progress;
pub mod rating;
pub mod save_status;
