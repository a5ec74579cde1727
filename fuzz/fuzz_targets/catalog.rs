//! A catalog file a site serves: load it as TOML and as JSON. Nothing may panic; every problem names the file.
#![no_main]

use checkwerk_core::load::{catalog_from_json, catalog_from_toml};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for result in [
        catalog_from_toml("f.toml", text),
        catalog_from_json("f.json", text),
    ] {
        if let Err(errors) = result {
            assert!(!errors.problems.is_empty());
        }
    }
});
