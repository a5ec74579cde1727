//! Integration tests of the core: every shipped catalog, and the located errors of the broken ones.

mod catalogs;
