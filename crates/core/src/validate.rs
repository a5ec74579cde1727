//! The validation rules of the catalog format, beyond what the types already enforce.
//!
//! Every rule runs over the whole catalog and collects all its findings, so an author sees every problem of a
//! file at once. Each finding carries the field path; the loader turns paths into line numbers.

use std::collections::HashMap;

use crate::catalog::{is_safe_link, Catalog, Link, CATALOG_FORMAT_VERSION};
use crate::problem::{FieldPath, ProblemKind};

/// A validation finding: where, and what.
pub type Finding = (FieldPath, ProblemKind);

/// A rule: looks at the whole catalog and adds a finding for every problem it sees.
type Rule = fn(&Catalog, &mut Vec<Finding>);

/// The rules, in the order they run. Each names what it checks.
const RULES: &[(&str, Rule)] = &[
    ("format version is supported", format_version_is_supported),
    ("required texts are not empty", required_texts_are_not_empty),
    ("ids are well-formed", ids_are_well_formed),
    ("ids are unique", ids_are_unique),
    ("item numbers are unique", item_numbers_are_unique),
    ("scales are well-formed", scales_are_well_formed),
    ("scale references exist", scale_references_exist),
    ("starthilfe points at modules", starthilfe_points_at_modules),
    ("links are safe", links_are_safe),
    ("dates are well-formed", dates_are_well_formed),
    (
        "attribution names structure, wording and licence",
        attribution_is_complete,
    ),
    ("declarations are well-formed", declarations_are_well_formed),
];

/// Runs every rule and returns all findings.
pub fn validate(catalog: &Catalog) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (_name, rule) in RULES {
        rule(catalog, &mut findings);
    }
    findings
}

/// The names of the rules, for documentation and tests.
pub fn rule_names() -> impl Iterator<Item = &'static str> {
    RULES.iter().map(|(name, _)| *name)
}

fn format_version_is_supported(catalog: &Catalog, findings: &mut Vec<Finding>) {
    let found = catalog.format_version;
    let kind = match found {
        CATALOG_FORMAT_VERSION => return,
        1 => ProblemKind::OutdatedFormatVersion { found },
        _ => ProblemKind::UnsupportedFormatVersion { found },
    };
    findings.push((FieldPath::root().key("format_version"), kind));
}

fn required_texts_are_not_empty(catalog: &Catalog, findings: &mut Vec<Finding>) {
    let root = FieldPath::root();
    let mut require = |path: FieldPath, text: &str| {
        if text.trim().is_empty() {
            findings.push((path, ProblemKind::Empty));
        }
    };
    require(root.key("id"), &catalog.id);
    require(root.key("title"), &catalog.title);
    require(root.key("version"), &catalog.version);
    for (scale_index, scale) in catalog.scales.iter().enumerate() {
        let scale_path = root.key("scales").index(scale_index);
        require(scale_path.key("id"), &scale.id);
        require(scale_path.key("label"), &scale.label);
        for (level_index, level) in scale.levels.iter().enumerate() {
            let level_path = scale_path.key("levels").index(level_index);
            require(level_path.key("key"), &level.key);
            require(level_path.key("label"), &level.label);
        }
        if let Some(choice) = &scale.not_relevant {
            require(scale_path.key("not_relevant").key("key"), &choice.key);
            require(scale_path.key("not_relevant").key("label"), &choice.label);
        }
    }
    for (module_index, module) in catalog.modules.iter().enumerate() {
        let module_path = root.key("modules").index(module_index);
        require(module_path.key("id"), &module.id);
        require(module_path.key("number"), &module.number);
        require(module_path.key("title"), &module.title);
        for (item_index, item) in module.items.iter().enumerate() {
            let item_path = module_path.key("items").index(item_index);
            require(item_path.key("id"), &item.id);
            require(item_path.key("number"), &item.number);
            require(item_path.key("statement"), &item.statement);
            for (link_index, link) in item.links.iter().enumerate() {
                require(
                    item_path.key("links").index(link_index).key("label"),
                    &link.label,
                );
            }
        }
    }
    for (index, question) in catalog.starthilfe.iter().enumerate() {
        require(
            root.key("starthilfe").index(index).key("question"),
            &question.question,
        );
    }
    for (index, free_text) in catalog.free_texts.iter().enumerate() {
        require(
            root.key("free_texts").index(index).key("label"),
            &free_text.label,
        );
    }
    if catalog.scales.is_empty() {
        findings.push((root.key("scales"), ProblemKind::Empty));
    }
    if catalog.modules.is_empty() {
        findings.push((root.key("modules"), ProblemKind::Empty));
    }
}

/// Whether an id uses only lower-case ASCII letters, digits, `-`, `_` and `.`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'))
}

fn ids_are_well_formed(catalog: &Catalog, findings: &mut Vec<Finding>) {
    let root = FieldPath::root();
    let mut check = |path: FieldPath, id: &str| {
        if !id.is_empty() && !is_valid_id(id) {
            findings.push((path, ProblemKind::InvalidId { id: id.to_owned() }));
        }
    };
    check(root.key("id"), &catalog.id);
    for (index, scale) in catalog.scales.iter().enumerate() {
        check(root.key("scales").index(index).key("id"), &scale.id);
    }
    for (module_index, module) in catalog.modules.iter().enumerate() {
        let module_path = root.key("modules").index(module_index);
        check(module_path.key("id"), &module.id);
        for (item_index, item) in module.items.iter().enumerate() {
            check(
                module_path.key("items").index(item_index).key("id"),
                &item.id,
            );
        }
    }
    for (index, free_text) in catalog.free_texts.iter().enumerate() {
        check(root.key("free_texts").index(index).key("id"), &free_text.id);
    }
}

/// Reports every value seen twice, pointing back at its first use.
fn report_duplicates<'a>(
    entries: impl Iterator<Item = (FieldPath, &'a str)>,
    findings: &mut Vec<Finding>,
    make: impl Fn(String, FieldPath) -> ProblemKind,
) {
    let mut seen: HashMap<&str, FieldPath> = HashMap::new();
    for (path, value) in entries {
        if value.is_empty() {
            continue;
        }
        match seen.get(value) {
            Some(first) => findings.push((path, make(value.to_owned(), first.clone()))),
            None => {
                seen.insert(value, path);
            }
        }
    }
}

fn ids_are_unique(catalog: &Catalog, findings: &mut Vec<Finding>) {
    let root = FieldPath::root();
    let duplicate_id = |id, first| ProblemKind::DuplicateId { id, first };
    report_duplicates(
        catalog
            .scales
            .iter()
            .enumerate()
            .map(|(index, scale)| (root.key("scales").index(index).key("id"), scale.id.as_str())),
        findings,
        duplicate_id,
    );
    report_duplicates(
        catalog.modules.iter().enumerate().map(|(index, module)| {
            (
                root.key("modules").index(index).key("id"),
                module.id.as_str(),
            )
        }),
        findings,
        duplicate_id,
    );
    // Item ids are unique across the whole catalog: answers are keyed by them alone.
    report_duplicates(
        catalog
            .modules
            .iter()
            .enumerate()
            .flat_map(|(module_index, module)| {
                let module_path = root.key("modules").index(module_index);
                module
                    .items
                    .iter()
                    .enumerate()
                    .map(move |(item_index, item)| {
                        (
                            module_path.key("items").index(item_index).key("id"),
                            item.id.as_str(),
                        )
                    })
            }),
        findings,
        duplicate_id,
    );
    report_duplicates(
        catalog
            .free_texts
            .iter()
            .enumerate()
            .map(|(index, free_text)| {
                (
                    root.key("free_texts").index(index).key("id"),
                    free_text.id.as_str(),
                )
            }),
        findings,
        duplicate_id,
    );
}

fn item_numbers_are_unique(catalog: &Catalog, findings: &mut Vec<Finding>) {
    let root = FieldPath::root();
    report_duplicates(
        catalog
            .modules
            .iter()
            .enumerate()
            .flat_map(|(module_index, module)| {
                let module_path = root.key("modules").index(module_index);
                module
                    .items
                    .iter()
                    .enumerate()
                    .map(move |(item_index, item)| {
                        (
                            module_path.key("items").index(item_index).key("number"),
                            item.number.as_str(),
                        )
                    })
            }),
        findings,
        |number, first| ProblemKind::DuplicateNumber { number, first },
    );
}

fn scales_are_well_formed(catalog: &Catalog, findings: &mut Vec<Finding>) {
    for (scale_index, scale) in catalog.scales.iter().enumerate() {
        let scale_path = FieldPath::root().key("scales").index(scale_index);
        if scale.levels.len() < 2 {
            findings.push((scale_path.key("levels"), ProblemKind::TooFewLevels));
        }
        for (level_index, level) in scale.levels.iter().enumerate() {
            if level.need > 100 {
                findings.push((
                    scale_path.key("levels").index(level_index).key("need"),
                    ProblemKind::NeedOutOfRange { need: level.need },
                ));
            }
        }
        let level_keys = scale.levels.iter().enumerate().map(|(index, level)| {
            (
                scale_path.key("levels").index(index).key("key"),
                level.key.as_str(),
            )
        });
        let not_relevant_key = scale.not_relevant.iter().map(|choice| {
            (
                scale_path.key("not_relevant").key("key"),
                choice.key.as_str(),
            )
        });
        report_duplicates(
            level_keys.chain(not_relevant_key),
            findings,
            |key, first| ProblemKind::DuplicateKey { key, first },
        );
        if let Some(priority) = &scale.priority {
            let priority_path = scale_path.key("priority");
            if priority.levels.is_empty() {
                findings.push((priority_path.key("levels"), ProblemKind::Empty));
            }
            let values: Vec<(FieldPath, String)> = priority
                .levels
                .iter()
                .enumerate()
                .map(|(index, level)| {
                    (
                        priority_path.key("levels").index(index).key("value"),
                        level.value.to_string(),
                    )
                })
                .collect();
            report_duplicates(
                values
                    .iter()
                    .map(|(path, value)| (path.clone(), value.as_str())),
                findings,
                |key, first| ProblemKind::DuplicateKey { key, first },
            );
        }
    }
}

fn scale_references_exist(catalog: &Catalog, findings: &mut Vec<Finding>) {
    let root = FieldPath::root();
    let mut check = |path: FieldPath, scale: &Option<String>| {
        if let Some(scale) = scale {
            if catalog.scale(scale).is_none() {
                findings.push((
                    path,
                    ProblemKind::UnknownScale {
                        scale: scale.clone(),
                    },
                ));
            }
        }
    };
    for (module_index, module) in catalog.modules.iter().enumerate() {
        let module_path = root.key("modules").index(module_index);
        check(module_path.key("scale"), &module.scale);
        for (item_index, item) in module.items.iter().enumerate() {
            check(
                module_path.key("items").index(item_index).key("scale"),
                &item.scale,
            );
        }
    }
    for (index, question) in catalog.starthilfe.iter().enumerate() {
        check(
            root.key("starthilfe").index(index).key("scale"),
            &question.scale,
        );
    }
}

fn starthilfe_points_at_modules(catalog: &Catalog, findings: &mut Vec<Finding>) {
    let root = FieldPath::root();
    for (index, question) in catalog.starthilfe.iter().enumerate() {
        if catalog.module(&question.module).is_none() {
            findings.push((
                root.key("starthilfe").index(index).key("module"),
                ProblemKind::UnknownModule {
                    module: question.module.clone(),
                },
            ));
        }
    }
    report_duplicates(
        catalog
            .starthilfe
            .iter()
            .enumerate()
            .map(|(index, question)| {
                (
                    root.key("starthilfe").index(index).key("module"),
                    question.module.as_str(),
                )
            }),
        findings,
        |id, first| ProblemKind::DuplicateId { id, first },
    );
}

fn links_are_safe(catalog: &Catalog, findings: &mut Vec<Finding>) {
    let root = FieldPath::root();
    let mut check_optional = |path: FieldPath, url: &str| {
        if !url.is_empty() && !is_safe_link(url) {
            findings.push((
                path,
                ProblemKind::UnsafeLink {
                    url: url.to_owned(),
                },
            ));
        }
    };
    let attribution = &catalog.attribution;
    check_optional(
        root.key("attribution").key("structure_url"),
        &attribution.structure_url,
    );
    check_optional(
        root.key("attribution").key("licence_url"),
        &attribution.licence_url,
    );
    for (index, declaration) in catalog.declarations.iter().enumerate() {
        check_optional(
            root.key("declarations").index(index).key("url"),
            &declaration.url,
        );
    }
    for (module_index, module) in catalog.modules.iter().enumerate() {
        for (item_index, item) in module.items.iter().enumerate() {
            for (link_index, Link { url, .. }) in item.links.iter().enumerate() {
                if !is_safe_link(url) {
                    findings.push((
                        FieldPath::root()
                            .key("modules")
                            .index(module_index)
                            .key("items")
                            .index(item_index)
                            .key("links")
                            .index(link_index)
                            .key("url"),
                        ProblemKind::UnsafeLink { url: url.clone() },
                    ));
                }
            }
        }
    }
}

/// Whether a text is a calendar date `YYYY-MM-DD` that exists; the same rule measures' due dates follow.
pub fn is_iso_date(text: &str) -> bool {
    crate::date::Date::parse_iso(text).is_some()
}

fn dates_are_well_formed(catalog: &Catalog, findings: &mut Vec<Finding>) {
    if !catalog.date.is_empty() && !is_iso_date(&catalog.date) {
        findings.push((
            FieldPath::root().key("date"),
            ProblemKind::InvalidDate {
                date: catalog.date.clone(),
            },
        ));
    }
}

fn attribution_is_complete(catalog: &Catalog, findings: &mut Vec<Finding>) {
    let path = FieldPath::root().key("attribution");
    let attribution = &catalog.attribution;
    for (field, text) in [
        ("structure", &attribution.structure),
        ("wording", &attribution.wording),
        ("licence", &attribution.licence),
    ] {
        if text.trim().is_empty() {
            findings.push((path.key(field), ProblemKind::Empty));
        }
    }
}

/// The longest validity a declaration may have: ten years.
const MAX_VALIDITY_MONTHS: u32 = 120;

fn declarations_are_well_formed(catalog: &Catalog, findings: &mut Vec<Finding>) {
    let root = FieldPath::root();
    for (index, declaration) in catalog.declarations.iter().enumerate() {
        let path = root.key("declarations").index(index);
        if declaration.id.trim().is_empty() {
            findings.push((path.key("id"), ProblemKind::Empty));
        } else if !is_valid_id(&declaration.id) {
            findings.push((
                path.key("id"),
                ProblemKind::InvalidId {
                    id: declaration.id.clone(),
                },
            ));
        }
        if declaration.title.trim().is_empty() {
            findings.push((path.key("title"), ProblemKind::Empty));
        }
        if !(1..=MAX_VALIDITY_MONTHS).contains(&declaration.validity_months) {
            findings.push((
                path.key("validity_months"),
                ProblemKind::ValidityOutOfRange {
                    months: declaration.validity_months,
                },
            ));
        } else if declaration.renewal_lead_months >= declaration.validity_months {
            findings.push((
                path.key("renewal_lead_months"),
                ProblemKind::LeadTimeTooLong {
                    lead: declaration.renewal_lead_months,
                    validity: declaration.validity_months,
                },
            ));
        }
    }
    report_duplicates(
        catalog
            .declarations
            .iter()
            .enumerate()
            .map(|(index, declaration)| {
                (
                    root.key("declarations").index(index).key("id"),
                    declaration.id.as_str(),
                )
            }),
        findings,
        |id, first| ProblemKind::DuplicateId { id, first },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_schemes() {
        assert!(is_safe_link("https://www.vdsi.de/"));
        assert!(is_safe_link("mailto:info@example.org"));
        assert!(!is_safe_link("javascript:alert(1)"));
        assert!(!is_safe_link("data:text/html,<b>x</b>"));
        assert!(!is_safe_link("mailto:"));
    }

    #[test]
    fn dates() {
        assert!(is_iso_date("2023-05-31"));
        assert!(!is_iso_date("31.05.2023"));
        assert!(!is_iso_date("2023-13-01"));
        assert!(!is_iso_date("2023-02-29"), "no leap day in 2023");
        assert!(is_iso_date("2024-02-29"));
    }

    #[test]
    fn ids() {
        assert!(is_valid_id("risiken-ermitteln"));
        assert!(is_valid_id("1.2"));
        assert!(!is_valid_id("Risiken ermitteln"));
        assert!(!is_valid_id("größe"));
    }
}
