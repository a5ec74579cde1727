//! `checkwerk validate`: one `ok` line per valid catalog, every located problem of an invalid one, and an exit code
//! that CI can use.

use crate::{checkwerk, stderr, stdout, workspace_root};

#[test]
fn the_shipped_catalogs_are_ok_by_default() {
    let output = checkwerk(&["validate"]);
    assert!(
        output.status.success(),
        "{}{}",
        stdout(&output),
        stderr(&output)
    );
    let shipped = std::fs::read_dir(workspace_root().join("catalogs"))
        .expect("catalogs/ exists")
        .filter(|entry| {
            entry
                .as_ref()
                .is_ok_and(|entry| entry.path().extension().is_some_and(|ext| ext == "toml"))
        })
        .count();
    let printed = stdout(&output);
    let lines: Vec<&str> = printed.lines().collect();
    assert_eq!(lines.len(), shipped, "{printed}");
    for line in lines {
        let (id, counts) = line
            .strip_prefix("ok ")
            .and_then(|rest| rest.split_once(": "))
            .unwrap_or_else(|| panic!("not an ok line: {line}"));
        assert!(!id.is_empty(), "{line}");
        assert!(
            counts.ends_with(" items") && counts.contains(" modules, "),
            "{line}"
        );
    }
    assert!(stdout(&checkwerk(&[
        "validate",
        "catalogs/sicherheit-gesundheit.toml"
    ]))
    .starts_with("ok sicherheit-gesundheit: "));
}

#[test]
fn an_invalid_catalog_prints_its_located_problems_and_fails() {
    let output = checkwerk(&[
        "validate",
        "tests/broken-catalogs/several-rule-problems.toml",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let printed = stdout(&output);
    let lines: Vec<&str> = printed.lines().collect();
    assert_eq!(lines.len(), 7, "{printed}");
    assert_eq!(
        lines[0],
        "tests/broken-catalogs/several-rule-problems.toml:8: date: „2023-13-01“ ist kein Datum der Form JJJJ-MM-TT, z. B. 2023-05-31."
    );
    assert!(lines[6].starts_with(
        "tests/broken-catalogs/several-rule-problems.toml:49: starthilfe[0].module: "
    ));
    assert_eq!(stderr(&output), "Der Katalog ist ungültig.\n");
}

#[test]
fn english_on_request() {
    let output = checkwerk(&[
        "validate",
        "--lang",
        "en",
        "tests/broken-catalogs/bad-date.toml",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        "tests/broken-catalogs/bad-date.toml:7: date: `31.05.2023` is not a date of the form YYYY-MM-DD, e.g. 2023-05-31.\n"
    );
    assert_eq!(stderr(&output), "The catalog is invalid.\n");
    let german = checkwerk(&[
        "validate",
        "--lang=de",
        "tests/broken-catalogs/bad-date.toml",
    ]);
    assert!(stdout(&german).contains("ist kein Datum"));
}

#[test]
fn a_catalog_without_its_sources_is_refused_with_file_line_and_field() {
    let output = checkwerk(&[
        "validate",
        "tests/broken-catalogs/attribution-without-licence.toml",
        "tests/broken-catalogs/missing-attribution.toml",
        "tests/broken-catalogs/format-version-1.toml",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let printed = stdout(&output);
    let lines: Vec<&str> = printed.lines().collect();
    assert_eq!(
        lines[0],
        "tests/broken-catalogs/attribution-without-licence.toml:7: attribution: Pflichtfeld „licence“ fehlt. Ergänzen Sie es.",
        "{printed}"
    );
    assert_eq!(
        lines[1],
        "tests/broken-catalogs/missing-attribution.toml:1: (Datei): Pflichtfeld „attribution“ fehlt. Ergänzen Sie es."
    );
    assert!(
        lines[2].starts_with("tests/broken-catalogs/format-version-1.toml:2: format_version: format_version = 1 ist veraltet")
            && lines[2].contains("[attribution]")
            && lines[2].contains("löschen Sie „publisher“"),
        "{printed}"
    );
}

#[test]
fn catalogs_that_share_a_joint_declaration_must_agree_on_it() {
    let folder = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("joint-declaration");
    std::fs::create_dir_all(&folder).expect("a temporary folder");
    for name in ["umweltschutz.toml", "faire-lieferkette.toml"] {
        let mut source = std::fs::read_to_string(workspace_root().join("catalogs").join(name))
            .expect("a shipped catalog");
        if name == "umweltschutz.toml" {
            source = source.replacen("validity_months = 24", "validity_months = 36", 1);
        }
        std::fs::write(folder.join(name), source).expect("a temporary file");
    }
    let output = checkwerk(&["validate", folder.to_str().expect("a UTF-8 path")]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    let printed = stdout(&output);
    assert!(
        printed.lines().any(|line| line.ends_with(
            "umweltschutz.toml: declarations: validity_months der gemeinsamen Erklärung „om-zeichen-nachhaltigkeit“ weicht von den anderen Katalogen ab, die sie teilen. Geben Sie in allen denselben Wert an."
        )),
        "{printed}"
    );
}

#[test]
fn a_folder_is_read_in_name_order_and_valid_and_invalid_catalogs_mix() {
    let output = checkwerk(&[
        "validate",
        "tests/broken-catalogs",
        "catalogs/sicherheit-gesundheit.toml",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let printed = stdout(&output);
    let files: Vec<&str> = printed
        .lines()
        .filter_map(|line| line.split_once(':').map(|(file, _)| file))
        .filter(|file| file.starts_with("tests/"))
        .collect();
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted);
    assert!(files.contains(&"tests/broken-catalogs/unknown-key.toml"));
    let last = printed.lines().last().unwrap_or_default();
    assert!(last.starts_with("ok sicherheit-gesundheit: "), "{last}");
    assert!(stderr(&output).contains("Katalogen ungültig"));
}

#[test]
fn a_missing_path_is_named() {
    let output = checkwerk(&["validate", "no/such/folder"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout(&output), "");
    assert!(
        stderr(&output).contains("Den Pfad no/such/folder gibt es nicht."),
        "{}",
        stderr(&output)
    );
    let english = checkwerk(&["validate", "--lang", "en", "no/such/folder"]);
    assert!(stderr(&english).contains("The path no/such/folder does not exist."));
}

#[test]
fn a_folder_without_catalogs_is_named() {
    let output = checkwerk(&["validate", "crates"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("keine Kataloge gefunden in crates"),
        "{}",
        stderr(&output)
    );
    let english = checkwerk(&["validate", "crates", "--lang", "en"]);
    assert!(stderr(&english).contains("no catalogs found in crates"));
}

#[test]
fn usage_in_both_languages() {
    let german = checkwerk(&["--help"]);
    assert!(german.status.success());
    assert!(stdout(&german).contains("Aufruf:"));
    let english = checkwerk(&["--help", "--lang", "en"]);
    assert!(stdout(&english).contains("Usage:"));

    let wrong = checkwerk(&["prüfen"]);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(stderr(&wrong).contains("Unbekannter Befehl „prüfen“"));
    assert!(stderr(&wrong).contains("checkwerk --help"));
    let wrong = checkwerk(&["check", "--lang", "en"]);
    assert!(stderr(&wrong).contains("Unknown command `check`"));
}

#[test]
fn a_file_in_another_encoding_is_an_invalid_catalog_and_the_others_are_still_checked() {
    let folder = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("latin-1");
    std::fs::create_dir_all(&folder).expect("a temporary folder");
    // „Gefährdungen“ in Latin-1, as an editor on Windows may save it.
    std::fs::write(
        folder.join("a-latin-1.toml"),
        b"title = \"Gef\xe4hrdungen\"\n",
    )
    .expect("a temporary file");
    std::fs::copy(
        workspace_root().join("catalogs/sicherheit-gesundheit.toml"),
        folder.join("b-valid.toml"),
    )
    .expect("a copy of a shipped catalog");
    let output = checkwerk(&["validate", folder.to_str().expect("a UTF-8 path")]);
    assert_eq!(output.status.code(), Some(1));
    let printed = stdout(&output);
    let lines: Vec<&str> = printed.lines().collect();
    assert_eq!(lines.len(), 2, "{printed}");
    assert!(lines[0].ends_with("a-latin-1.toml: (Datei): Die Datei ist nicht in UTF-8 gespeichert. Speichern Sie sie im Editor mit der Kodierung UTF-8."), "{printed}");
    assert!(
        lines[1].starts_with("ok sicherheit-gesundheit: "),
        "{printed}"
    );
}
