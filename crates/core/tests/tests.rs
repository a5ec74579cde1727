//! Integration tests of the core: every shipped catalog, the located errors of the broken ones, properties of the
//! loader, the catalog README and the JSON Schema.

mod broken;
mod catalogs;
mod properties;
mod readme;
#[cfg(feature = "schema")]
mod schema;
