//! Hostile input: run files and catalogs that are malformed, huge, deeply nested, of wrong types, with duplicate
//! ids or crafted to break the page, and texts built from XSS payloads. None may panic; each is refused with a
//! German message, or, where it is valid data, loads as data and its texts stay text.
//!
//! The named inputs below are the cases a reviewer can read; the properties at the end draw thousands more (see
//! [`crate::volume`] for the count).

use std::sync::OnceLock;

use checkwerk_core::catalog::is_safe_link;
use checkwerk_core::export::{measures_csv, measures_ics};
use checkwerk_core::load::{catalog_from_json, catalog_from_toml};
use checkwerk_core::plan::{view_measures, Filter, SortKey};
use checkwerk_core::report::{summary, LIST_LENGTH};
use checkwerk_core::saved::{load_import, load_run, save_run, SavedError, MAX_IMPORT_TEXT};
use checkwerk_core::text::{parse, Block, Inline};
use checkwerk_core::validate::validate;
use checkwerk_core::{
    evaluate, Answer, Catalog, CatalogErrors, Date, Language, Measure, MeasureStatus, NeedIndex,
    Run, Timestamp, Urgency,
};
use proptest::prelude::*;

use crate::properties::{mutated, toml_like_text, CASES};
use crate::wording;

const GOLDEN_RUN: &str = include_str!("saved/v1-with-action-plan.json");
const VALID_TOML: &str = include_str!("../../../catalogs/sicherheit-gesundheit.toml");

/// The classic payloads, as a page would meet them in notes, names and catalog texts.
pub(crate) const XSS_PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\"><svg onload=alert(1)>",
    "'><iframe src=javascript:alert(1)>",
    "[klick](javascript:alert(1))",
    "[klick](JaVaScRiPt:alert(1))",
    "[klick]( javascript:alert(1))",
    "[klick](data:text/html,<script>alert(1)</script>)",
    "[klick](vbscript:msgbox(1))",
    "<a href=\"javascript:alert(1)\">klick</a>",
    "<style>*{display:none}</style>",
    "{{constructor.constructor('alert(1)')()}}",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<details open ontoggle=alert(1)>",
    "javascript:alert(1)",
];

/// Every shipped catalog, loaded once.
fn catalogs() -> &'static [(String, Catalog)] {
    static CATALOGS: OnceLock<Vec<(String, Catalog)>> = OnceLock::new();
    CATALOGS.get_or_init(crate::catalogs::shipped_catalogs)
}

fn nested(open: &str, middle: &str, close: &str, depth: usize) -> String {
    format!("{}{middle}{}", open.repeat(depth), close.repeat(depth))
}

fn run_file(run_body: &str) -> String {
    format!(r#"{{"format":"checkwerk-run","version":1,"run":{run_body}}}"#)
}

/// Run files that must be refused, each with the reason a reviewer can check.
fn hostile_run_files() -> Vec<(&'static str, String)> {
    let huge_note = "x".repeat(MAX_IMPORT_TEXT + 1);
    vec![
        ("empty", String::new()),
        ("blank", "  \n\t ".to_owned()),
        ("null", "null".to_owned()),
        ("an array", "[]".to_owned()),
        ("an empty object", "{}".to_owned()),
        ("cut off", "{\"format\":\"checkwerk-run\",\"vers".to_owned()),
        ("a NUL byte", "\u{0}".to_owned()),
        ("not JSON", "<html><script>alert(1)</script></html>".to_owned()),
        ("a foreign app's data", r#"{"todos":[{"title":"x"}]}"#.to_owned()),
        ("a future version", r#"{"format":"checkwerk-run","version":2,"run":{}}"#.to_owned()),
        ("a huge version", r#"{"format":"checkwerk-run","version":1e400,"run":{}}"#.to_owned()),
        ("version zero", r#"{"format":"checkwerk-run","version":0,"run":{}}"#.to_owned()),
        ("a negative version", r#"{"format":"checkwerk-run","version":-1,"run":{}}"#.to_owned()),
        ("the version as text", r#"{"format":"checkwerk-run","version":"1","run":{}}"#.to_owned()),
        ("deeply nested arrays", nested("[", "1", "]", 100_000)),
        ("deeply nested objects", nested("{\"a\":", "1", "}", 100_000)),
        ("deep nesting inside a run", run_file(&format!(r#"{{"id":"r","catalog_id":"c","name":{}}}"#, nested("[", "1", "]", 5_000)))),
        ("the id as a number", run_file(r#"{"id":5,"catalog_id":"c"}"#)),
        ("no catalog", run_file(r#"{"id":"r"}"#)),
        ("answers as a list", run_file(r#"{"id":"r","catalog_id":"c","answers":[1,2]}"#)),
        ("an answer as text", run_file(r#"{"id":"r","catalog_id":"c","answers":{"a":"hoch"}}"#)),
        ("a priority of 999", run_file(r#"{"id":"r","catalog_id":"c","answers":{"a":{"priority":999}}}"#)),
        ("a negative priority", run_file(r#"{"id":"r","catalog_id":"c","answers":{"a":{"priority":-1}}}"#)),
        ("a timestamp beyond i64", run_file(r#"{"id":"r","catalog_id":"c","updated_at":99999999999999999999}"#)),
        ("a timestamp as text", run_file(r#"{"id":"r","catalog_id":"c","updated_at":"gestern"}"#)),
        ("measures as an object", run_file(r#"{"id":"r","catalog_id":"c","measures":{"m":1}}"#)),
        ("a measure without id", run_file(r#"{"id":"r","catalog_id":"c","measures":[{"title":"x"}]}"#)),
        ("free texts as numbers", run_file(r#"{"id":"r","catalog_id":"c","free_texts":{"f":1}}"#)),
        ("the run as null", run_file("null")),
        ("a 100 001-character note", run_file(&format!(r#"{{"id":"r","catalog_id":"c","answers":{{"a":{{"note":"{huge_note}"}}}}}}"#))),
        ("6 000 answers", run_file(&format!(
            r#"{{"id":"r","catalog_id":"c","answers":{{{}}}}}"#,
            (0..6_000).map(|i| format!(r#""i{i}":{{"choice":"hoch"}}"#)).collect::<Vec<_>>().join(",")
        ))),
        ("600 measures", run_file(&format!(
            r#"{{"id":"r","catalog_id":"c","measures":[{}]}}"#,
            (0..600).map(|i| format!(r#"{{"id":"m{i}"}}"#)).collect::<Vec<_>>().join(",")
        ))),
        ("an 11 MB name", run_file(&format!(r#"{{"id":"r","catalog_id":"c","name":"{}"}}"#, "ä".repeat(5_600_000)))),
        ("a 1 000-character id", run_file(&format!(r#"{{"id":"{}","catalog_id":"c"}}"#, "r".repeat(1_000)))),
        ("a backup without runs", r#"{"format":"checkwerk-backup","version":1,"entries":{"checkwerk.language":"\"de\""}}"#.to_owned()),
        ("a backup of broken runs", r#"{"format":"checkwerk-backup","version":1,"entries":{"checkwerk.run.a":"{kaputt","checkwerk.run.b":5}}"#.to_owned()),
        ("a backup with entries as a list", r#"{"format":"checkwerk-backup","version":1,"entries":[]}"#.to_owned()),
    ]
}

#[test]
fn hostile_run_files_are_refused_in_german_without_panic() {
    let files = hostile_run_files();
    for (name, text) in &files {
        let error = load_import(text).expect_err(name);
        let message = error.to_string();
        assert!(
            message.starts_with("Die ") || message.starts_with("Der "),
            "{name}: {message}"
        );
    }
    eprintln!("{} hostile run files refused", files.len());
}

/// Files that look odd but are valid data: they load, and their content survives a round trip.
#[test]
fn odd_but_valid_run_files_load_as_data() {
    let payloads: Vec<String> = XSS_PAYLOADS
        .iter()
        .map(|p| serde_json::to_string(p).expect("json"))
        .collect();
    let xss = run_file(&format!(
        r#"{{"id":{p0},"catalog_id":"sicherheit-gesundheit","name":{p1},"company":{p2},
            "answers":{{{p3}:{{"choice":{p4},"note":{p5}}}}},"free_texts":{{{p6}:{p7}}},"starthilfe":{{{p8}:{p9}}},
            "measures":[{{"id":{p10},"title":{p11},"responsible":{p12},"control":{p13},"due":{p14},"item_ids":[{p0}]}}]}}"#,
        p0 = payloads[0],
        p1 = payloads[1],
        p2 = payloads[2],
        p3 = payloads[3],
        p4 = payloads[4],
        p5 = payloads[5],
        p6 = payloads[6],
        p7 = payloads[7],
        p8 = payloads[8],
        p9 = payloads[9],
        p10 = payloads[10],
        p11 = payloads[11],
        p12 = payloads[12],
        p13 = payloads[13],
        p14 = payloads[14],
    ));
    let with_bom = format!("\u{feff}{GOLDEN_RUN}");
    let duplicate_keys = run_file(r#"{"id":"r","catalog_id":"c","name":"eins","name":"zwei"}"#);
    let duplicate_measures = run_file(
        r#"{"id":"r","catalog_id":"c","measures":[{"id":"m","title":"a"},{"id":"m","title":"b"}]}"#,
    );
    for (name, text) in [
        ("XSS payloads in every text", xss.as_str()),
        ("a byte order mark", with_bom.as_str()),
        ("a key given twice", duplicate_keys.as_str()),
        ("a measure id given twice", duplicate_measures.as_str()),
    ] {
        let imported = load_import(text).unwrap_or_else(|error| panic!("{name}: {error}"));
        let run = &imported.runs[0];
        assert_eq!(load_run(&save_run(run)).as_ref(), Ok(run), "{name}");
        let ids: std::collections::BTreeSet<&str> =
            run.measures.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(
            ids.len(),
            run.measures.len(),
            "{name}: measure ids are unique"
        );
    }
}

/// Catalogs that must be refused with located problems.
fn hostile_catalogs() -> Vec<(&'static str, &'static str, String)> {
    let catalog = &catalogs()[0].1;
    let json = serde_json::to_string(catalog).expect("json");
    let mut duplicate_items = catalog.clone();
    let first_item = duplicate_items.modules[0].items[0].clone();
    duplicate_items.modules[0].items.push(first_item);
    let mut duplicate_modules = catalog.clone();
    let first_module = duplicate_modules.modules[0].clone();
    duplicate_modules.modules.push(first_module);
    let mut unsafe_link = catalog.clone();
    unsafe_link.modules[0].items[0]
        .links
        .push(checkwerk_core::catalog::Link {
            label: "klick".into(),
            url: "javascript:alert(1)".into(),
        });
    let big_string = "a".repeat(10 * 1024 * 1024);
    vec![
        ("empty TOML", "toml", String::new()),
        ("empty JSON", "json", String::new()),
        (
            "deeply nested TOML arrays",
            "toml",
            format!("x = {}", nested("[", "1", "]", 100_000)),
        ),
        (
            "deeply nested TOML tables",
            "toml",
            format!("x = {}", nested("{ a = ", "1", " }", 100_000)),
        ),
        (
            "deeply nested TOML table headers",
            "toml",
            format!("[{}]", vec!["a"; 100_000].join(".")),
        ),
        ("deeply nested JSON", "json", nested("[", "1", "]", 100_000)),
        (
            "deeply nested JSON objects",
            "json",
            nested("{\"a\":", "1", "}", 100_000),
        ),
        (
            "a 10 MB TOML string",
            "toml",
            format!("{VALID_TOML}\nextra = \"{big_string}\""),
        ),
        (
            "10 MB of TOML garbage",
            "toml",
            "[[[=\"\n".repeat(2 * 1024 * 1024),
        ),
        (
            "a 10 MB JSON string",
            "json",
            json.replacen('{', &format!("{{\"extra\":\"{big_string}\","), 1),
        ),
        (
            "the id as a number",
            "toml",
            VALID_TOML.replacen("id = \"sicherheit-gesundheit\"", "id = 5", 1),
        ),
        (
            "modules as text",
            "json",
            json.replacen("\"modules\":[", "\"modules\":\"x\",\"m\":[", 1),
        ),
        (
            "a key given twice",
            "toml",
            VALID_TOML.replacen(
                "id = \"sicherheit-gesundheit\"",
                "id = \"a\"\nid = \"b\"",
                1,
            ),
        ),
        (
            "an item id given twice",
            "json",
            serde_json::to_string(&duplicate_items).expect("json"),
        ),
        (
            "a module id given twice",
            "json",
            serde_json::to_string(&duplicate_modules).expect("json"),
        ),
        (
            "a javascript: link",
            "json",
            serde_json::to_string(&unsafe_link).expect("json"),
        ),
        (
            "a need of 300",
            "toml",
            VALID_TOML.replacen("need = 50", "need = 300", 1),
        ),
    ]
}

#[test]
fn hostile_catalogs_are_refused_with_located_problems() {
    let catalogs = hostile_catalogs();
    for (name, form, text) in &catalogs {
        let result = match *form {
            "toml" => catalog_from_toml("feindlich.toml", text),
            _ => catalog_from_json("feindlich.json", text),
        };
        let errors = result
            .err()
            .unwrap_or_else(|| panic!("{name} was accepted"));
        assert!(!errors.problems.is_empty(), "{name}");
        for problem in &errors.problems {
            assert!(
                problem.render(Language::De).starts_with("feindlich."),
                "{name}"
            );
        }
    }
    eprintln!("{} hostile catalogs refused", catalogs.len());
}

#[test]
fn xss_payloads_in_catalog_texts_load_as_text_with_only_safe_links() {
    let mut catalog = catalogs()[0].1.clone();
    let mut payloads = XSS_PAYLOADS.iter().cycle();
    let mut next = || (*payloads.next().unwrap_or(&"")).to_owned();
    catalog.title = next();
    catalog.orientation = XSS_PAYLOADS.join("\n\n");
    for module in &mut catalog.modules {
        module.title = next();
        module.goal = next();
        for item in &mut module.items {
            item.statement = next();
            item.explanation = next();
            item.examples = vec![next(), next()];
        }
    }
    let loaded = catalog_from_json("xss.json", &serde_json::to_string(&catalog).expect("json"))
        .expect("payloads in texts are valid text");
    let mut formatted = vec![loaded.orientation.clone()];
    for module in &loaded.modules {
        formatted.push(module.goal.clone());
        for item in &module.items {
            formatted.push(item.explanation.clone());
            formatted.extend(item.examples.iter().cloned());
        }
    }
    for text in &formatted {
        assert_only_safe_links(text).expect("only safe links");
    }
}

/// Every link the safe formatting yields is http(s) or mailto.
fn assert_only_safe_links(text: &str) -> Result<(), TestCaseError> {
    for block in parse(text) {
        let lines = match block {
            Block::Paragraph(inlines) => vec![inlines],
            Block::List(entries) => entries,
        };
        for inline in lines.into_iter().flatten() {
            if let Inline::Link { url, .. } = inline {
                prop_assert!(is_safe_link(&url), "unsafe link {:?} from {:?}", url, text);
            }
        }
    }
    Ok(())
}

// ---- properties ----

/// Any JSON value, up to a modest depth.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(|number| serde_json::json!(number)),
        "[a-z0-9 <>\"'&.:-]{0,12}".prop_map(serde_json::Value::from),
        prop::sample::select(vec![
            "hoch",
            "mittel",
            "niedrig",
            "nicht-relevant",
            "offen",
            "in-arbeit",
            "2026-02-30"
        ])
        .prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::from),
            prop::collection::btree_map(run_field_name(), inner, 0..6)
                .prop_map(|map| serde_json::Value::Object(map.into_iter().collect())),
        ]
    })
}

/// Field names of the saved format and a few others, so arbitrary values land where the loader looks.
fn run_field_name() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "id",
            "catalog_id",
            "catalog_version",
            "name",
            "created_at",
            "updated_at",
            "answers",
            "choice",
            "priority",
            "note",
            "company",
            "starthilfe",
            "free_texts",
            "measures",
            "title",
            "item_ids",
            "urgency",
            "responsible",
            "due",
            "control",
            "status",
            "changes",
            "removed_answers",
            "removed_measures",
            "1.1",
        ])
        .prop_map(str::to_owned),
        "[a-z.]{1,6}",
    ]
}

/// A saved-run envelope around an arbitrary body, so the loader gets past the format check.
fn run_envelope() -> impl Strategy<Value = String> {
    (
        prop_oneof![3 => Just(serde_json::json!(1)), 1 => json_value()],
        prop::collection::btree_map(run_field_name(), json_value(), 0..10),
        any::<bool>(),
    )
        .prop_map(|(version, mut body, with_ids)| {
            if with_ids {
                body.insert("id".into(), "r".into());
                body.insert("catalog_id".into(), "sicherheit-gesundheit".into());
            }
            serde_json::json!({"format": "checkwerk-run", "version": version, "run": body})
                .to_string()
        })
}

/// What any import must give: an error with a German message, or runs that survive a round trip.
fn assert_import_well_behaved(text: &str) -> Result<(), TestCaseError> {
    match load_import(text) {
        Ok(imported) => {
            for run in &imported.runs {
                let back = load_run(&save_run(run));
                prop_assert_eq!(back.as_ref(), Ok(run));
            }
        }
        Err(error) => prop_assert!(!error.to_string().is_empty()),
    }
    Ok(())
}

/// Item ids of the shipped catalogs and some they do not know.
fn item_id(catalog: &'static Catalog) -> impl Strategy<Value = String> {
    let known: Vec<String> = catalog.items().map(|(_, item)| item.id.clone()).collect();
    prop_oneof![4 => prop::sample::select(known), 1 => "[a-z0-9.-]{0,8}", 1 => prop::sample::select(XSS_PAYLOADS.to_vec()).prop_map(str::to_owned)]
}

fn choice_key(catalog: &'static Catalog) -> impl Strategy<Value = Option<String>> {
    let mut keys: Vec<String> = catalog
        .scales
        .iter()
        .flat_map(|scale| {
            scale
                .levels
                .iter()
                .map(|level| level.key.clone())
                .chain(scale.not_relevant.iter().map(|c| c.key.clone()))
        })
        .collect();
    keys.push("sehr-hoch".into());
    prop::option::weighted(0.9, prop::sample::select(keys))
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-zA-Zäöü 0-9.,*\\[\\]()<>/:-]{0,30}",
        1 => prop::sample::select(XSS_PAYLOADS.to_vec()).prop_map(str::to_owned),
        1 => any::<String>(),
    ]
}

fn measure(catalog: &'static Catalog) -> impl Strategy<Value = Measure> {
    (
        prop::sample::select(vec!["a", "b", "c", "d"]),
        text(),
        prop::collection::vec(item_id(catalog), 0..4),
        prop::option::of(prop::sample::select(vec![
            Urgency::High,
            Urgency::Medium,
            Urgency::Low,
        ])),
        text(),
        prop::option::of(prop_oneof!["20[0-9]{2}-[0-1][0-9]-[0-3][0-9]", text()]),
        text(),
        prop::sample::select(vec![
            MeasureStatus::Open,
            MeasureStatus::InProgress,
            MeasureStatus::Done,
        ]),
        any::<i64>(),
    )
        .prop_map(
            |(id, title, item_ids, urgency, responsible, due, control, status, at)| {
                let mut measure = Measure::new(id, title, item_ids, Timestamp(at));
                measure.urgency = urgency;
                measure.responsible = responsible;
                measure.due = due;
                measure.control = control;
                measure.status = status;
                measure
            },
        )
}

/// A run of a shipped catalog with arbitrary answers, Starthilfe answers, free texts and measures.
fn catalog_and_run() -> impl Strategy<Value = (&'static Catalog, Run)> {
    (0..catalogs().len()).prop_flat_map(|index| {
        let catalog = &catalogs()[index].1;
        let answer = (
            choice_key(catalog),
            prop::option::of(any::<u8>()),
            text(),
            text(),
            any::<i64>(),
        )
            .prop_map(|(choice, priority, note, evidence, at)| Answer {
                choice,
                priority,
                note,
                evidence,
                updated_at: Timestamp(at),
            });
        let modules: Vec<String> = catalog
            .modules
            .iter()
            .map(|module| module.id.clone())
            .collect();
        let free_texts: Vec<String> = catalog
            .free_texts
            .iter()
            .map(|free| free.id.clone())
            .chain(["x".to_owned()])
            .collect();
        (
            prop::collection::btree_map(item_id(catalog), answer, 0..40),
            prop::collection::btree_map(
                prop::sample::select(modules),
                choice_key(catalog).prop_map(Option::unwrap_or_default),
                0..8,
            ),
            prop::collection::btree_map(prop::sample::select(free_texts), text(), 0..3),
            prop::collection::vec(measure(catalog), 0..14),
            text(),
            text(),
        )
            .prop_map(
                move |(answers, starthilfe, free_texts, mut measures, name, company)| {
                    let mut run = Run::new("r", catalog, Timestamp(0));
                    run.answers = answers;
                    run.starthilfe = starthilfe;
                    run.free_texts = free_texts;
                    let mut seen = std::collections::BTreeSet::new();
                    measures.retain(|measure| seen.insert(measure.id.clone()));
                    run.measures = measures;
                    run.name = name;
                    run.company = company;
                    (catalog, run)
                },
            )
    })
}

/// A shipped catalog with a few structural edits of the kind a careless author or a crafted file makes.
fn damaged_catalog() -> impl Strategy<Value = Catalog> {
    #[derive(Debug, Clone)]
    enum Edit {
        DuplicateItem(usize, usize),
        DuplicateModule(usize),
        RenameItem(usize, usize, String),
        Need(usize, usize, u8),
        DropLevels(usize),
        ItemScale(usize, usize, String),
        EmptyModule(usize),
        Link(usize, usize, String),
        StarthilfeModule(String),
    }
    let name = prop_oneof![
        Just(String::new()),
        "[a-zA-Z0-9ä. -]{0,8}",
        prop::sample::select(XSS_PAYLOADS.to_vec()).prop_map(str::to_owned)
    ];
    let edit = prop_oneof![
        (any::<usize>(), any::<usize>()).prop_map(|(m, i)| Edit::DuplicateItem(m, i)),
        any::<usize>().prop_map(Edit::DuplicateModule),
        (any::<usize>(), any::<usize>(), name.clone())
            .prop_map(|(m, i, n)| Edit::RenameItem(m, i, n)),
        (any::<usize>(), any::<usize>(), any::<u8>()).prop_map(|(s, l, n)| Edit::Need(s, l, n)),
        any::<usize>().prop_map(Edit::DropLevels),
        (any::<usize>(), any::<usize>(), name.clone())
            .prop_map(|(m, i, n)| Edit::ItemScale(m, i, n)),
        any::<usize>().prop_map(Edit::EmptyModule),
        (any::<usize>(), any::<usize>(), name.clone()).prop_map(|(m, i, n)| Edit::Link(m, i, n)),
        name.prop_map(Edit::StarthilfeModule),
    ];
    (0..catalogs().len(), prop::collection::vec(edit, 1..4)).prop_map(|(index, edits)| {
        let mut catalog = catalogs()[index].1.clone();
        for edit in edits {
            let modules = catalog.modules.len().max(1);
            match edit {
                Edit::DuplicateItem(m, i) => {
                    let module = &mut catalog.modules[m % modules];
                    if let Some(item) = module.items.get(i % module.items.len().max(1)).cloned() {
                        module.items.push(item);
                    }
                }
                Edit::DuplicateModule(m) => {
                    let module = catalog.modules[m % modules].clone();
                    catalog.modules.push(module);
                }
                Edit::RenameItem(m, i, name)
                | Edit::ItemScale(m, i, name)
                | Edit::Link(m, i, name) => {
                    let module = &mut catalog.modules[m % modules];
                    let count = module.items.len().max(1);
                    if let Some(item) = module.items.get_mut(i % count) {
                        item.id.clone_from(&name);
                        item.scale = Some(name.clone());
                        item.links.push(checkwerk_core::catalog::Link {
                            label: name.clone(),
                            url: name,
                        });
                    }
                }
                Edit::Need(s, l, need) => {
                    let scales = catalog.scales.len().max(1);
                    if let Some(scale) = catalog.scales.get_mut(s % scales) {
                        let levels = scale.levels.len().max(1);
                        if let Some(level) = scale.levels.get_mut(l % levels) {
                            level.need = need;
                        }
                    }
                }
                Edit::DropLevels(s) => {
                    let scales = catalog.scales.len().max(1);
                    if let Some(scale) = catalog.scales.get_mut(s % scales) {
                        scale.levels.clear();
                    }
                }
                Edit::EmptyModule(m) => catalog.modules[m % modules].items.clear(),
                Edit::StarthilfeModule(name) => {
                    if let Some(question) = catalog.starthilfe.first_mut() {
                        question.module = name;
                    }
                }
            }
        }
        catalog
    })
}

fn assert_catalog_errors_render(errors: &CatalogErrors) -> Result<(), TestCaseError> {
    prop_assert!(!errors.problems.is_empty());
    for problem in &errors.problems {
        prop_assert!(!problem.render(Language::De).is_empty());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::volume::cases(CASES)))]

    #[test]
    fn arbitrary_text_never_panics_the_run_import(text in any::<String>()) {
        assert_import_well_behaved(&text)?;
    }

    #[test]
    fn json_like_text_never_panics_the_run_import(text in toml_like_text()) {
        assert_import_well_behaved(&text)?;
    }

    #[test]
    fn a_damaged_golden_run_never_panics_the_import(text in mutated(GOLDEN_RUN.to_owned())) {
        assert_import_well_behaved(&text)?;
    }

    #[test]
    fn arbitrary_json_in_a_run_envelope_never_panics_the_import(text in run_envelope()) {
        assert_import_well_behaved(&text)?;
    }

    #[test]
    fn arbitrary_runs_evaluate_against_every_shipped_catalog((catalog, run) in catalog_and_run()) {
        let evaluation = evaluate(catalog, &run);
        let overall = &evaluation.overall;
        prop_assert_eq!(overall.item_count, catalog.item_count());
        prop_assert!(overall.rated_count <= overall.item_count);
        prop_assert!(overall.not_relevant_count <= overall.rated_count);
        prop_assert_eq!(
            evaluation.needs.len() + evaluation.strengths.len() + overall.not_relevant_count,
            overall.rated_count
        );
        if let NeedIndex::Value(value) = overall.need_index {
            prop_assert!(value <= 100);
        }
        // Every answer is counted, or reported as an orphan, or has no choice: none silently vanishes.
        for (item_id, answer) in &run.answers {
            let placed = catalog.item(item_id).is_some();
            let orphan = evaluation.orphans.iter().any(|orphan| &orphan.item_id == item_id);
            prop_assert!(placed || orphan, "answer to {} neither placed nor an orphan", item_id);
            if placed && answer.choice.is_some() {
                let counted = evaluation.needs.iter().chain(&evaluation.strengths).any(|rated| &rated.item_id == item_id);
                let not_relevant = catalog.item(item_id).is_some_and(|(module, item)| {
                    catalog.scale_for(module, item).is_some_and(|scale| answer.choice.as_deref().is_some_and(|c| scale.is_not_relevant(c)))
                });
                prop_assert!(counted || orphan || not_relevant, "answer to {} lost", item_id);
            }
        }
        let today = Date::new(2026, 6, 1).expect("a date");
        let summary = summary(catalog, &run, &evaluation, today);
        prop_assert!(summary.top_needs.len() <= LIST_LENGTH);
        prop_assert_eq!(summary.need_count, evaluation.needs.len());
        prop_assert_eq!(summary.strength_count, evaluation.strengths.len());
        prop_assert_eq!(summary.modules.len(), catalog.modules.len());
        prop_assert_eq!(
            summary.measures_by_status.iter().map(|(_, count)| count).sum::<usize>(),
            run.measures.len()
        );
        let dated = run.measures.iter().filter(|measure| measure.due_date().is_some()).count();
        for wording in [wording::german(), wording::english()] {
            let csv = measures_csv(catalog, &run, &wording);
            let framed = csv.starts_with('\u{feff}') && csv.ends_with("\r\n");
            prop_assert!(framed, "the CSV starts with a byte-order mark and ends with a line end");
            let ics = measures_ics(catalog, &run, Timestamp(1_780_000_000_000), &wording);
            prop_assert!(ics.text.split("\r\n").all(|line| line.len() <= 75), "an unfolded line");
            prop_assert_eq!(ics.text.matches("\r\nBEGIN:VEVENT\r\n").count(), dated);
            prop_assert_eq!(ics.events + ics.undated.len(), run.measures.len());
        }
        for declaration in &catalog.declarations {
            let readiness = checkwerk_core::readiness::readiness(catalog, declaration, &run);
            prop_assert!(readiness.complete_measures <= run.measures.len());
        }
        if let Some(recommendation) = checkwerk_core::starthilfe::recommend(catalog, &run) {
            prop_assert!(catalog.module(&recommendation.module_id).is_some());
            prop_assert!(!recommendation.tied_with.contains(&recommendation.module_id));
        }
        for sort in SortKey::ALL {
            prop_assert_eq!(view_measures(catalog, &run.measures, &Filter::default(), sort).len(), run.measures.len());
        }
        let back = load_run(&save_run(&run));
        prop_assert_eq!(back.as_ref(), Ok(&run));
    }

    #[test]
    fn damaged_catalogs_validate_without_panic_and_load_only_when_valid(catalog in damaged_catalog()) {
        let findings = validate(&catalog);
        let json = serde_json::to_string(&catalog).expect("a catalog serializes");
        match catalog_from_json("beschaedigt.json", &json) {
            Ok(loaded) => {
                prop_assert!(findings.is_empty());
                prop_assert_eq!(loaded, catalog);
            }
            Err(errors) => {
                prop_assert_eq!(errors.problems.len(), findings.len());
                assert_catalog_errors_render(&errors)?;
            }
        }
    }

    #[test]
    fn formatted_text_yields_only_safe_links(
        pieces in prop::collection::vec(prop_oneof![
            prop::sample::select(XSS_PAYLOADS.to_vec()).prop_map(str::to_owned),
            prop::sample::select(vec![
                "[", "](", ")", "<", ">", "**", "\n", "\n\n", "- ", "1. ", "https://example.org", "mailto:a@b.de",
                "javascript:", "JAVASCRIPT:", "java\tscript:", "&#106;avascript:", "data:", " ", "<", "\\", "`",
                "<https://a.de>", "<javascript:alert(1)>", "[x]: javascript:alert(1)\n", "[x][]", "![b](x)",
            ]).prop_map(str::to_owned),
            "[a-z ]{0,5}",
        ], 0..24),
    ) {
        assert_only_safe_links(&pieces.concat())?;
    }
}

#[test]
fn an_unknown_saved_choice_is_kept_and_reported() {
    let catalog = &catalogs()[0].1;
    let (_, item) = catalog.items().next().expect("an item");
    let mut run = Run::new("r", catalog, Timestamp(1));
    run.set_choice(&item.id, Some("<script>".into()), Timestamp(2));
    run.set_choice("entfernt", Some("hoch".into()), Timestamp(2));
    let evaluation = evaluate(catalog, &run);
    assert_eq!(evaluation.orphans.len(), 2);
    assert_eq!(
        load_run(&save_run(&run)).map(|run| run.answers.len()),
        Ok(2)
    );
    let _ = SavedError::Implausible(String::new());
}
