//! One page per file.

pub mod check;
pub mod home;
pub mod module;
pub mod not_found;
