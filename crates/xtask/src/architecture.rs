//! The architecture's rules as a test step: no cycles between the top-level modules of a crate, components never
//! import pages, and the core's modules keep to their layers (ARCHITECTURE.md, "Code map").
//!
//! A module is a file or folder directly under a crate's `src/` (`lib.rs` and `main.rs` excluded); module A uses B
//! when A's code (not its comments or unit tests) names `crate::B`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

/// The core's layers, from the vocabulary everything uses to the loading only tools need. A module may use modules of
/// its own layer or of an earlier one.
const CORE_LAYERS: &[(&str, &[&str])] = &[
    ("vocabulary", &["language", "date", "codec", "text_code"]),
    (
        "model",
        &["catalog", "text", "measure", "team", "run", "company"],
    ),
    (
        "computed",
        &[
            "evaluation",
            "plan",
            "export",
            "readiness",
            "declaration",
            "fingerprint",
            "starthilfe",
            "report",
            "saved",
            "site_catalog",
            "contribution",
            "agreement",
            "compare",
            "history",
            "workspace",
        ],
    ),
    ("sources", &["problem", "validate", "load", "schema"]),
];

/// Modules outside the layers: test support, compiled only for tests.
const CORE_UNLAYERED: &[&str] = &["testing"];

/// Which top-level modules each top-level module of a crate uses.
pub fn module_graph(src: &Path) -> Result<BTreeMap<String, BTreeSet<String>>> {
    let files = rust_files(src)?;
    let mut modules: BTreeMap<String, BTreeSet<String>> = files
        .iter()
        .filter_map(|(module, _)| module.clone())
        .map(|module| (module, BTreeSet::new()))
        .collect();
    let names: BTreeSet<String> = modules.keys().cloned().collect();
    for (module, path) in &files {
        let Some(module) = module else { continue };
        let text = std::fs::read_to_string(path).with_context(|| path.display().to_string())?;
        for used in used_modules(&code_of(&text)) {
            if names.contains(&used) && &used != module {
                modules.entry(module.clone()).or_default().insert(used);
            }
        }
    }
    Ok(modules)
}

/// Every `.rs` file under `src`, with the top-level module it belongs to (`None` for the crate root files).
fn rust_files(src: &Path) -> Result<Vec<(Option<String>, PathBuf)>> {
    let mut files = Vec::new();
    let mut folders = vec![src.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).with_context(|| folder.display().to_string())? {
            let path = entry?.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|extension| extension == "rs") {
                let relative = path.strip_prefix(src).unwrap_or(&path);
                let first = relative.components().next().map(|part| {
                    part.as_os_str()
                        .to_string_lossy()
                        .trim_end_matches(".rs")
                        .to_owned()
                });
                let module = first.filter(|name| name != "lib" && name != "main");
                files.push((module, path));
            }
        }
    }
    files.sort();
    Ok(files)
}

/// The code of a file without its comments and without its unit tests (a `#[cfg(test)] mod tests` at the end).
fn code_of(text: &str) -> String {
    let without_tests = match text.find("#[cfg(test)]\nmod tests") {
        Some(position) => &text[..position],
        None => text,
    };
    without_tests
        .lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level module names a piece of code reaches through `crate::`, including inside `use crate::{a, b::c}`.
fn used_modules(code: &str) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    let mut rest = code;
    while let Some(position) = rest.find("crate::") {
        let before = rest[..position].chars().next_back();
        rest = &rest[position + "crate::".len()..];
        if before.is_some_and(|character| character.is_alphanumeric() || character == '_') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find(';').unwrap_or(group.len());
            let mut depth = 0;
            let mut name = String::new();
            for character in group[..end].chars() {
                match character {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                if depth == 0 && (character.is_alphanumeric() || character == '_') {
                    name.push(character);
                } else if !name.is_empty() {
                    if depth <= 1 {
                        used.insert(std::mem::take(&mut name));
                    }
                    name.clear();
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|character| character.is_alphanumeric() || *character == '_')
                .collect();
            if !name.is_empty() {
                used.insert(name);
            }
        }
    }
    used
}

/// The cycles of a module graph, each as its modules in order.
pub fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    // Tarjan's strongly connected components; a component of more than one module is a cycle.
    struct Search<'g> {
        graph: &'g BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'g str, usize>,
        low: BTreeMap<&'g str, usize>,
        stack: Vec<&'g str>,
        found: Vec<Vec<String>>,
    }
    impl<'g> Search<'g> {
        fn visit(&mut self, module: &'g str) {
            let number = self.index.len();
            self.index.insert(module, number);
            self.low.insert(module, number);
            self.stack.push(module);
            for used in self.graph.get(module).into_iter().flatten() {
                let used = used.as_str();
                if !self.index.contains_key(used) {
                    self.visit(used);
                    let low = self.low[used].min(self.low[module]);
                    self.low.insert(module, low);
                } else if self.stack.contains(&used) {
                    let low = self.index[used].min(self.low[module]);
                    self.low.insert(module, low);
                }
            }
            if self.low[module] == self.index[module] {
                let mut component = Vec::new();
                while let Some(member) = self.stack.pop() {
                    component.push(member.to_owned());
                    if member == module {
                        break;
                    }
                }
                if component.len() > 1 {
                    component.sort();
                    self.found.push(component);
                }
            }
        }
    }
    let mut search = Search {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        found: Vec::new(),
    };
    for module in graph.keys() {
        if !search.index.contains_key(module.as_str()) {
            search.visit(module);
        }
    }
    search.found
}

/// Where the core's layer rules are broken: a module outside every layer, or a use of a later layer.
fn layer_problems(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let layer_of = |module: &str| {
        CORE_LAYERS
            .iter()
            .position(|(_, modules)| modules.contains(&module))
    };
    let mut problems = Vec::new();
    for (module, used) in graph {
        if CORE_UNLAYERED.contains(&module.as_str()) {
            continue;
        }
        let Some(layer) = layer_of(module) else {
            problems.push(format!(
                "core module `{module}` is in no layer: add it to CORE_LAYERS in crates/xtask/src/architecture.rs \
                 and to ARCHITECTURE.md's code map"
            ));
            continue;
        };
        for other in used {
            if let Some(other_layer) = layer_of(other) {
                if other_layer > layer {
                    problems.push(format!(
                        "core module `{module}` ({}) uses `{other}` ({}), a later layer",
                        CORE_LAYERS[layer].0, CORE_LAYERS[other_layer].0
                    ));
                }
            }
        }
    }
    problems
}

/// Checks every crate of the workspace; fails naming each broken rule.
pub fn check(root: &Path) -> Result<()> {
    let mut problems = Vec::new();
    let crates = root.join("crates");
    let mut sources: Vec<PathBuf> = std::fs::read_dir(&crates)?
        .filter_map(|entry| entry.ok().map(|entry| entry.path().join("src")))
        .filter(|src| src.is_dir())
        .collect();
    sources.sort();
    for src in &sources {
        let graph = module_graph(src)?;
        let name = src
            .parent()
            .and_then(Path::file_name)
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        for cycle in cycles(&graph) {
            problems.push(format!(
                "{name}: modules in a cycle: {}",
                cycle.join(" <-> ")
            ));
        }
        if name == "core" {
            problems.extend(layer_problems(&graph));
        }
        if name == "web"
            && graph
                .get("components")
                .is_some_and(|used| used.contains("pages"))
        {
            problems
                .push("web: a component imports a page (components never import pages)".to_owned());
        }
    }
    if !problems.is_empty() {
        bail!(
            "the architecture's rules are broken:\n  {}",
            problems.join("\n  ")
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(edges: &[(&str, &[&str])]) -> BTreeMap<String, BTreeSet<String>> {
        edges
            .iter()
            .map(|(module, used)| {
                (
                    (*module).to_owned(),
                    used.iter().map(|name| (*name).to_owned()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn uses_are_read_from_paths_and_groups_but_not_from_comments_or_tests() {
        let code = code_of(
            "use crate::catalog::Catalog;\nuse crate::{date::{Date, Timestamp}, run};\n\
             // see crate::report\nfn f() { crate::plan::view(); notcrate::x(); }\n\
             #[cfg(test)]\nmod tests {\n    use crate::testing;\n}\n",
        );
        let used: Vec<String> = used_modules(&code).into_iter().collect();
        assert_eq!(used, ["catalog", "date", "plan", "run"]);
    }

    #[test]
    fn cycles_are_found_and_a_tree_has_none() {
        let tree = graph(&[("a", &["b", "c"]), ("b", &["c"]), ("c", &[])]);
        assert!(cycles(&tree).is_empty());
        let cyclic = graph(&[("a", &["b"]), ("b", &["c"]), ("c", &["a"]), ("d", &["a"])]);
        assert_eq!(cycles(&cyclic), vec![vec!["a", "b", "c"]]);
    }

    #[test]
    fn a_core_module_may_not_use_a_later_layer_and_must_have_one() {
        let fine = graph(&[
            ("run", &["measure", "date", "catalog"]),
            ("report", &["run"]),
        ]);
        assert!(layer_problems(&fine).is_empty());
        let upward = graph(&[("date", &["run"]), ("newcomer", &[])]);
        let problems = layer_problems(&upward);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("`date` (vocabulary) uses `run` (model)"));
        assert!(problems[1].contains("`newcomer` is in no layer"));
    }

    #[test]
    fn the_workspace_keeps_its_rules() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        check(&root).expect("the architecture's rules hold");
    }
}
