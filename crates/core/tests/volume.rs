//! How many cases each property test runs: a few hundred by default, so that `cargo test` stays quick; set
//! `CHECKWERK_CASES` for a long run, e.g. `CHECKWERK_CASES=20000 cargo test --release -p checkwerk-core --test tests`.

/// The number of cases: `CHECKWERK_CASES` if set, else `default`.
pub fn cases(default: u32) -> u32 {
    std::env::var("CHECKWERK_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(default)
}
