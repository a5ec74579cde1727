//! A run file from a stranger: import it, and if it loads, evaluate it against every shipped catalog and merge it
//! with itself. Nothing may panic; what loads must survive a round trip.
#![no_main]

use std::sync::OnceLock;

use checkwerk_core::load::catalog_from_toml;
use checkwerk_core::saved::{load_import, load_run, save_run};
use checkwerk_core::{evaluate, Catalog};
use libfuzzer_sys::fuzz_target;

fn catalogs() -> &'static [Catalog] {
    static CATALOGS: OnceLock<Vec<Catalog>> = OnceLock::new();
    CATALOGS.get_or_init(|| {
        [
            include_str!("../../catalogs/sicherheit-gesundheit.toml"),
            include_str!("../../catalogs/umweltschutz.toml"),
        ]
        .iter()
        .map(|source| {
            catalog_from_toml("shipped.toml", source).expect("shipped catalogs are valid")
        })
        .collect()
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(imported) = load_import(text) else {
        return;
    };
    for run in &imported.runs {
        assert_eq!(load_run(&save_run(run)).as_ref(), Ok(run));
        for catalog in catalogs() {
            let evaluation = evaluate(catalog, run);
            assert!(evaluation.overall.rated_count <= evaluation.overall.item_count);
        }
        let mut merged = run.clone();
        assert!(!merged.merge(run));
    }
});
