//! Every catalog in `tests/broken-catalogs/` fails to load with exactly the problems stated here, each at its file,
//! line and field path.
//!
//! There is one small file per validation rule and per structural error, plus files with several problems in
//! different places, which prove that all of them are reported at once. To add a case, add a file and a row.

use std::path::{Path, PathBuf};

use checkwerk_core::load::catalog_from_toml;
use checkwerk_core::{Language, Problem, ProblemKind};

/// A problem's kind without its details: the expected list names kinds, and the details are in the messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Syntax,
    UnknownField,
    MissingField,
    WrongValue,
    UnquotedDate,
    UnsupportedFormatVersion,
    Empty,
    InvalidId,
    DuplicateId,
    DuplicateNumber,
    DuplicateKey,
    TooFewLevels,
    NeedOutOfRange,
    UnknownScale,
    UnknownModule,
    UnsafeLink,
    InvalidDate,
    OutdatedFormatVersion,
    ValidityOutOfRange,
    LeadTimeTooLong,
}

impl Kind {
    const ALL: [Kind; 20] = [
        Kind::Syntax,
        Kind::UnknownField,
        Kind::MissingField,
        Kind::WrongValue,
        Kind::UnquotedDate,
        Kind::UnsupportedFormatVersion,
        Kind::Empty,
        Kind::InvalidId,
        Kind::DuplicateId,
        Kind::DuplicateNumber,
        Kind::DuplicateKey,
        Kind::TooFewLevels,
        Kind::NeedOutOfRange,
        Kind::UnknownScale,
        Kind::UnknownModule,
        Kind::UnsafeLink,
        Kind::InvalidDate,
        Kind::OutdatedFormatVersion,
        Kind::ValidityOutOfRange,
        Kind::LeadTimeTooLong,
    ];

    fn of(kind: &ProblemKind) -> Kind {
        match kind {
            ProblemKind::Syntax { .. } => Kind::Syntax,
            ProblemKind::UnknownField { .. } => Kind::UnknownField,
            ProblemKind::MissingField { .. } => Kind::MissingField,
            ProblemKind::WrongValue { .. } => Kind::WrongValue,
            ProblemKind::UnquotedDate { .. } => Kind::UnquotedDate,
            ProblemKind::UnsupportedFormatVersion { .. } => Kind::UnsupportedFormatVersion,
            ProblemKind::Empty => Kind::Empty,
            ProblemKind::InvalidId { .. } => Kind::InvalidId,
            ProblemKind::DuplicateId { .. } => Kind::DuplicateId,
            ProblemKind::DuplicateNumber { .. } => Kind::DuplicateNumber,
            ProblemKind::DuplicateKey { .. } => Kind::DuplicateKey,
            ProblemKind::TooFewLevels => Kind::TooFewLevels,
            ProblemKind::NeedOutOfRange { .. } => Kind::NeedOutOfRange,
            ProblemKind::UnknownScale { .. } => Kind::UnknownScale,
            ProblemKind::UnknownModule { .. } => Kind::UnknownModule,
            ProblemKind::UnsafeLink { .. } => Kind::UnsafeLink,
            ProblemKind::InvalidDate { .. } => Kind::InvalidDate,
            ProblemKind::OutdatedFormatVersion { .. } => Kind::OutdatedFormatVersion,
            ProblemKind::ValidityOutOfRange { .. } => Kind::ValidityOutOfRange,
            ProblemKind::LeadTimeTooLong { .. } => Kind::LeadTimeTooLong,
            other => panic!(
                "{other:?} is a new kind of problem: add it to `Kind` and give it a broken catalog"
            ),
        }
    }
}

use Kind::*;

/// One expected problem: line, field path (`""` for the whole file) and kind.
type Expected = (usize, &'static str, Kind);

/// Each broken catalog with every problem it must report, in file order.
const BROKEN_CATALOGS: &[(&str, &[Expected])] = &[
    // Structure: what the types and TOML itself reject.
    ("syntax-error.toml", &[(24, "", Syntax)]),
    ("duplicate-toml-key.toml", &[(25, "", Syntax)]),
    (
        "unknown-key.toml",
        &[(24, "modules[0].items[0].statment", UnknownField)],
    ),
    (
        "wrong-type.toml",
        &[(23, "modules[0].items[0].number", WrongValue)],
    ),
    (
        "unknown-colour.toml",
        &[(13, "scales[0].levels[1].colour", WrongValue)],
    ),
    (
        "need-over-255.toml",
        &[(12, "scales[0].levels[0].need", WrongValue)],
    ),
    ("unquoted-date.toml", &[(7, "date", UnquotedDate)]),
    (
        "missing-item-number.toml",
        &[(21, "modules[0].items[0]", MissingField)],
    ),
    ("missing-title.toml", &[(1, "", MissingField)]),
    ("items-without-module.toml", &[(16, "modules", WrongValue)]),
    // Rules: what validate.rs rejects.
    (
        "unsupported-format-version.toml",
        &[(2, "format_version", UnsupportedFormatVersion)],
    ),
    (
        "empty-statement.toml",
        &[(24, "modules[0].items[0].statement", Empty)],
    ),
    ("invalid-id.toml", &[(17, "modules[0].id", InvalidId)]),
    (
        "duplicate-item-id.toml",
        &[(27, "modules[0].items[1].id", DuplicateId)],
    ),
    (
        "duplicate-module-id.toml",
        &[(27, "modules[1].id", DuplicateId)],
    ),
    (
        "duplicate-item-number.toml",
        &[(28, "modules[0].items[1].number", DuplicateNumber)],
    ),
    (
        "duplicate-level-key.toml",
        &[(13, "scales[0].levels[1].key", DuplicateKey)],
    ),
    (
        "one-level-scale.toml",
        &[(11, "scales[0].levels", TooFewLevels)],
    ),
    (
        "need-over-100.toml",
        &[(12, "scales[0].levels[0].need", NeedOutOfRange)],
    ),
    (
        "unknown-scale.toml",
        &[(25, "modules[0].items[0].scale", UnknownScale)],
    ),
    (
        "starthilfe-unknown-module.toml",
        &[(27, "starthilfe[0].module", UnknownModule)],
    ),
    (
        "unsafe-link.toml",
        &[(26, "modules[0].items[0].links[0].url", UnsafeLink)],
    ),
    ("bad-date.toml", &[(7, "date", InvalidDate)]),
    // Where a catalog comes from (format 2): a file of format 1 is told what to add.
    (
        "format-version-1.toml",
        &[(2, "format_version", OutdatedFormatVersion)],
    ),
    ("missing-attribution.toml", &[(1, "", MissingField)]),
    (
        "attribution-without-licence.toml",
        &[(7, "attribution", MissingField)],
    ),
    (
        "empty-attribution-wording.toml",
        &[(9, "attribution.wording", Empty)],
    ),
    // Declarations.
    (
        "declaration-validity.toml",
        &[(14, "declarations[0].validity_months", ValidityOutOfRange)],
    ),
    (
        "declaration-lead-time.toml",
        &[(15, "declarations[0].renewal_lead_months", LeadTimeTooLong)],
    ),
    // Several problems in one file, all reported at once.
    (
        "several-problems.toml",
        &[
            (7, "attribution", WrongValue),
            (25, "modules[0].items[0].statment", UnknownField),
            (32, "modules[0].items[2]", MissingField),
            (36, "modules[1]", MissingField),
            (44, "modules[1].items[0].examples", WrongValue),
        ],
    ),
    (
        "several-rule-problems.toml",
        &[
            (8, "date", InvalidDate),
            (26, "modules[0].items[0].statement", Empty),
            (29, "modules[0].items[1].id", DuplicateId),
            (34, "modules[0].items[1].links[1].url", UnsafeLink),
            (41, "modules[1].scale", UnknownScale),
            (44, "modules[1].items[0].id", InvalidId),
            (49, "starthilfe[0].module", UnknownModule),
        ],
    ),
];

fn broken_catalogs_folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/broken-catalogs")
}

/// Loads one broken catalog and describes every way its problems differ from the expected ones; empty if none.
fn mismatches(file_name: &str, expected: &[Expected]) -> Vec<String> {
    let path = broken_catalogs_folder().join(file_name);
    let source = match std::fs::read_to_string(&path) {
        Ok(source) => source,
        Err(error) => {
            return vec![format!(
                "{file_name}: cannot read {}: {error}",
                path.display()
            )]
        }
    };
    let problems: Vec<Problem> = match catalog_from_toml(file_name, &source) {
        Ok(_) => return vec![format!("{file_name}: loads without a problem")],
        Err(errors) => {
            assert_eq!(errors.file, file_name);
            errors.problems
        }
    };
    let mut found = Vec::new();
    let mut wrong = Vec::new();
    for problem in &problems {
        if problem.file != file_name {
            wrong.push(format!(
                "{file_name}: a problem names the file {:?}",
                problem.file
            ));
        }
        let rendered = problem.render(Language::En);
        if !rendered.starts_with(&format!("{file_name}:")) || problem.line.is_none() {
            wrong.push(format!("{file_name}: not located by line: {rendered}"));
        }
        let path = if problem.path.0.is_empty() {
            String::new()
        } else {
            problem.path.to_string()
        };
        found.push((problem.line.unwrap_or(0), path, Kind::of(&problem.kind)));
    }
    let expected: Vec<(usize, String, Kind)> = expected
        .iter()
        .map(|(line, path, kind)| (*line, (*path).to_owned(), *kind))
        .collect();
    if found != expected {
        let rendered: Vec<String> = problems.iter().map(|p| p.render(Language::En)).collect();
        wrong.push(format!(
            "{file_name}:\n  expected {expected:?}\n  found    {found:?}\n  {}",
            rendered.join("\n  ")
        ));
    }
    wrong
}

#[test]
fn every_broken_catalog_reports_each_problem_at_its_line_and_field() {
    let wrong: Vec<String> = BROKEN_CATALOGS
        .iter()
        .flat_map(|(file_name, expected)| mismatches(file_name, expected))
        .collect();
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn every_file_in_the_folder_has_a_row_and_every_row_a_file() {
    let mut files: Vec<String> = std::fs::read_dir(broken_catalogs_folder())
        .expect("tests/broken-catalogs/ exists")
        .map(|entry| {
            entry
                .expect("readable entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.ends_with(".toml"))
        .collect();
    files.sort();
    let mut rows: Vec<String> = BROKEN_CATALOGS
        .iter()
        .map(|(name, _)| (*name).to_owned())
        .collect();
    rows.sort();
    assert_eq!(files, rows);
}

#[test]
fn every_kind_of_problem_has_a_broken_catalog() {
    for kind in Kind::ALL {
        assert!(
            BROKEN_CATALOGS
                .iter()
                .any(|(_, expected)| expected.iter().any(|(_, _, found)| *found == kind)),
            "no broken catalog shows {kind:?}"
        );
    }
}
