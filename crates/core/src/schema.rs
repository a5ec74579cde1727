//! The JSON Schema of the catalog format, so that editors can complete and check catalog files while they are
//! written.
//!
//! The schema is derived from the types in [`crate::catalog`] and therefore knows their fields, types, defaults and
//! doc comments, and that unknown keys are not allowed. It does not know the rules of [`crate::validate`] (unique
//! ids, existing references, safe links): `checkwerk validate` checks those.
//!
//! The schema follows JSON Schema draft 7, which TOML editors (Taplo, Even Better TOML) support.

use schemars::generate::SchemaSettings;

use crate::catalog::Catalog;

/// The JSON Schema of a catalog file, as a JSON value.
pub fn catalog_schema() -> serde_json::Value {
    let schema = SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<Catalog>();
    schema.to_value()
}

/// The JSON Schema of a catalog file as pretty-printed JSON with a final newline, as `catalogs/catalog.schema.json`
/// holds it.
pub fn catalog_schema_text() -> String {
    format!("{:#}\n", catalog_schema())
}
