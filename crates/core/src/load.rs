//! Loading catalogs from their source text, with every problem of a file located by line and field path.
//!
//! TOML files are read in stages (the catalog's own fields, then each module, then each item) so that one broken
//! item does not hide the problems of the others. Once the structure is sound, the rules of [`crate::validate`] run
//! over the whole catalog. Their findings carry field paths, which are mapped back to lines of the source.

use crate::catalog::{Catalog, CATALOG_FORMAT_VERSION};
use crate::problem::{
    classify_serde_message, CatalogErrors, FieldPath, PathSegment, Problem, ProblemKind,
    SourceFormat,
};
use crate::validate::validate;

/// The problem of a file in a format version this build does not read, if it is one: the fields a catalog must have
/// depend on the version, so such a file is told so, instead of being told about fields it could not have known.
fn format_version_problem(found: Option<u32>) -> Option<ProblemKind> {
    match found? {
        CATALOG_FORMAT_VERSION => None,
        1 => Some(ProblemKind::OutdatedFormatVersion { found: 1 }),
        found => Some(ProblemKind::UnsupportedFormatVersion { found }),
    }
}

/// The `format_version` of a JSON text and the line it stands on, found by looking for the key rather than by
/// parsing (a parser instantiated for this alone would cost the catalog worker's download more than it is worth).
/// Only used to explain a file that did not load, so a key hidden in a text can at worst word that message.
fn json_format_version(source: &str) -> Option<(u32, usize)> {
    let key = "\"format_version\"";
    let at = source.find(key)?;
    let rest = source[at + key.len()..]
        .trim_start()
        .strip_prefix(':')?
        .trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let version = digits.parse().ok()?;
    Some((version, source[..at].matches('\n').count() + 1))
}

/// The catalog files of a folder: its `*.toml` files, sorted by name, which is the order a site lists its checks in.
pub fn catalog_files_in(folder: &std::path::Path) -> std::io::Result<Vec<std::path::PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(folder)? {
        let path = entry?.path();
        if path
            .extension()
            .is_some_and(|extension| extension == "toml")
            && path.is_file()
        {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Parses and validates a catalog written in JSON (the form a site serves its catalogs in, and remote sites may).
pub fn catalog_from_json(file: &str, source: &str) -> Result<Catalog, CatalogErrors> {
    let mut deserializer = serde_json::Deserializer::from_str(source);
    let catalog: Catalog =
        serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
            let path = field_path_of(error.path());
            let inner = error.into_inner();
            let kind = if inner.is_syntax() || inner.is_eof() {
                ProblemKind::Syntax {
                    format: SourceFormat::Json,
                    message: inner.to_string(),
                }
            } else {
                classify_serde_message(&strip_json_position(&inner.to_string()))
            };
            // A file of another format version fails for that reason, whatever serde stumbled over first.
            let (line, path, kind) = match json_format_version(source)
                .and_then(|(found, line)| Some((line, format_version_problem(Some(found))?)))
            {
                Some((line, version_kind)) => {
                    (line, FieldPath::root().key("format_version"), version_kind)
                }
                None => (inner.line(), path, kind),
            };
            CatalogErrors {
                file: file.to_owned(),
                problems: vec![Problem {
                    file: file.to_owned(),
                    line: Some(line),
                    path,
                    kind,
                }],
            }
        })?;
    let problems: Vec<Problem> = validate(&catalog)
        .into_iter()
        .map(|(path, kind)| Problem {
            file: file.to_owned(),
            line: None,
            path,
            kind,
        })
        .collect();
    if problems.is_empty() {
        Ok(catalog)
    } else {
        Err(CatalogErrors {
            file: file.to_owned(),
            problems,
        })
    }
}

/// serde_json appends " at line L column C"; the line is reported separately.
fn strip_json_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(position) => message[..position].to_owned(),
        None => message.to_owned(),
    }
}

fn field_path_of(path: &serde_path_to_error::Path) -> FieldPath {
    use serde_path_to_error::Segment;
    FieldPath(
        path.iter()
            .filter_map(|segment| match segment {
                Segment::Seq { index } => Some(PathSegment::Index(*index)),
                Segment::Map { key } | Segment::Enum { variant: key } => {
                    Some(PathSegment::Key(key.clone()))
                }
                Segment::Unknown => None,
            })
            .collect(),
    )
}

pub use toml_source::catalog_from_toml;

/// Parses and validates a catalog file of either form, told apart as a person would: JSON when the name ends in
/// `.json` or the text starts with `{`, TOML otherwise. `file` names the file in messages.
pub fn catalog_from_source(file: &str, source: &str) -> Result<Catalog, CatalogErrors> {
    if file.ends_with(".json") || source.trim_start().starts_with('{') {
        catalog_from_json(file, source)
    } else {
        catalog_from_toml(file, source)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language;

    const SHIPPED: &str = include_str!("../../../catalogs/umweltschutz.toml");

    #[test]
    fn either_form_is_read_by_its_look() -> Result<(), Box<dyn std::error::Error>> {
        let from_toml = catalog_from_source("umweltschutz.toml", SHIPPED)?;
        let json = serde_json::to_string(&from_toml)?;
        assert_eq!(catalog_from_source("umweltschutz", &json)?, from_toml);
        assert_eq!(
            catalog_from_source("umweltschutz.json", &format!(" \n{json}"))?,
            from_toml
        );
        Ok(())
    }

    #[test]
    fn a_json_file_of_format_1_is_told_what_to_add() {
        let catalog = catalog_from_source("umweltschutz.toml", SHIPPED).expect("valid");
        let mut json = serde_json::to_value(&catalog).expect("serializable");
        json["format_version"] = 1.into();
        if let Some(head) = json.as_object_mut() {
            head.remove("attribution");
        }
        let text = serde_json::to_string_pretty(&json).expect("serializable");
        let problems = catalog_from_json("alt.json", &text)
            .err()
            .map(|errors| errors.problems)
            .unwrap_or_default();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(
            problems[0].kind,
            ProblemKind::OutdatedFormatVersion { found: 1 }
        );
        assert_eq!(problems[0].path.to_string(), "format_version");
        let line = text
            .lines()
            .position(|line| line.contains("\"format_version\""))
            .map(|index| index + 1);
        assert_eq!(problems[0].line, line);
        assert_eq!(
            json_format_version("{ \"format_version\" : 12 }"),
            Some((12, 1))
        );
        assert_eq!(json_format_version("{\"format_version\": \"zwei\"}"), None);
    }

    #[test]
    fn a_json_name_with_toml_inside_is_a_json_syntax_error() {
        let errors = catalog_from_source("umweltschutz.json", SHIPPED).err();
        let kind = errors
            .and_then(|errors| errors.problems.into_iter().next())
            .map(|problem| problem.kind);
        assert!(
            matches!(
                kind,
                Some(ProblemKind::Syntax {
                    format: SourceFormat::Json,
                    ..
                })
            ),
            "{kind:?}"
        );
        let message = kind.map(|kind| kind.message(Language::De));
        assert!(
            message
                .as_deref()
                .is_some_and(|message| message.contains("kein gültiges JSON")),
            "{message:?}"
        );
    }
}

mod toml_source {
    use std::ops::Range;

    use serde::de::{DeserializeOwned, IgnoredAny};
    use toml::de::{DeTable, DeValue, ValueDeserializer};
    use toml::Spanned;

    use super::*;
    use crate::catalog::{Item, Module};

    /// Collects the problems of one file.
    struct Report<'a> {
        file: &'a str,
        source: &'a str,
        root: &'a Spanned<DeValue<'a>>,
        problems: Vec<(Option<Range<usize>>, Problem)>,
    }

    impl Report<'_> {
        fn push(&mut self, span: Option<Range<usize>>, path: FieldPath, kind: ProblemKind) {
            let span = span.or_else(|| locate(self.root, &path));
            let line = span.as_ref().map(|span| line_of(self.source, span.start));
            self.problems.push((
                span,
                Problem {
                    file: self.file.to_owned(),
                    line,
                    path,
                    kind,
                },
            ));
        }

        /// Deserializes one stage, recording its problem if it fails.
        fn stage<T: DeserializeOwned>(
            &mut self,
            value: &Spanned<DeValue<'_>>,
            at: &FieldPath,
        ) -> Option<T> {
            let deserializer = ValueDeserializer::from(value.clone());
            match serde_path_to_error::deserialize::<_, T>(deserializer) {
                Ok(parsed) => Some(parsed),
                Err(error) => {
                    let path = at.join(&field_path_of(error.path()));
                    let inner = error.into_inner();
                    let kind = match value_at(self.root, &path).map(Spanned::get_ref) {
                        // serde sees a TOML date as a table with a private key and would say "invalid type: map".
                        Some(DeValue::Datetime(datetime))
                            if inner.message().contains("expected a string") =>
                        {
                            ProblemKind::UnquotedDate {
                                value: datetime.to_string(),
                            }
                        }
                        _ => classify_serde_message(inner.message()),
                    };
                    // The located path is more precise than the span of the table that held the bad key.
                    let span = locate(self.root, &path)
                        .filter(|_| !matches!(kind, ProblemKind::MissingField { .. }));
                    self.push(span.or_else(|| inner.span()), path, kind);
                    None
                }
            }
        }

        fn finish(mut self) -> CatalogErrors {
            self.problems
                .sort_by_key(|(span, _)| span.as_ref().map_or(usize::MAX, |span| span.start));
            CatalogErrors {
                file: self.file.to_owned(),
                problems: self
                    .problems
                    .into_iter()
                    .map(|(_, problem)| problem)
                    .collect(),
            }
        }
    }

    /// Parses and validates a catalog written in TOML. `file` names the file in messages.
    pub fn catalog_from_toml(file: &str, source: &str) -> Result<Catalog, CatalogErrors> {
        let table = DeTable::parse(source).map_err(|error| {
            let line = error.span().map(|span| line_of(source, span.start));
            CatalogErrors {
                file: file.to_owned(),
                problems: vec![Problem {
                    file: file.to_owned(),
                    line,
                    path: FieldPath::root(),
                    kind: ProblemKind::Syntax {
                        format: SourceFormat::Toml,
                        message: error.message().trim().to_owned(),
                    },
                }],
            }
        })?;
        let root = Spanned::new(table.span(), DeValue::Table(table.into_inner()));
        let mut report = Report {
            file,
            source,
            root: &root,
            problems: Vec::new(),
        };

        let version = root
            .get_ref()
            .as_table()
            .and_then(|table| {
                table
                    .iter()
                    .find(|(name, _)| name.get_ref() == "format_version")
            })
            .and_then(|(_, value)| match value.get_ref() {
                DeValue::Integer(integer) if integer.radix() == 10 => integer.as_str().parse().ok(),
                _ => None,
            });
        if let Some(kind) = format_version_problem(version) {
            report.push(None, FieldPath::root().key("format_version"), kind);
            return Err(report.finish());
        }

        let head: Option<Catalog<IgnoredAny>> = report.stage(&root, &FieldPath::root());
        let mut modules = Vec::new();
        let mut structure_ok = head.is_some();
        for (module_index, module_value) in children(&root, "modules").iter().enumerate() {
            let module_path = FieldPath::root().key("modules").index(module_index);
            let module_head: Option<Module<IgnoredAny>> = report.stage(module_value, &module_path);
            let mut items = Vec::new();
            for (item_index, item_value) in children(module_value, "items").iter().enumerate() {
                match report.stage::<Item>(item_value, &module_path.key("items").index(item_index))
                {
                    Some(item) => items.push(item),
                    None => structure_ok = false,
                }
            }
            match module_head {
                Some(module_head) => modules.push(module_head.with_items(items)),
                None => structure_ok = false,
            }
        }

        if let (true, Some(head)) = (structure_ok, head) {
            let catalog = head.with_modules(modules);
            for (path, kind) in validate(&catalog) {
                report.push(None, path, kind);
            }
            if report.problems.is_empty() {
                return Ok(catalog);
            }
        }
        Err(report.finish())
    }

    /// The array under `key` of a table value, or nothing when absent or of another type (stage 1 reports that).
    fn children<'v, 'i>(value: &'v Spanned<DeValue<'i>>, key: &str) -> &'v [Spanned<DeValue<'i>>] {
        value
            .get_ref()
            .as_table()
            .and_then(|table| table.iter().find(|(name, _)| name.get_ref() == key))
            .and_then(|(_, child)| child.get_ref().as_array())
            .map_or(&[], |array| array)
    }

    /// The value a path leads to, if every step of it exists.
    fn value_at<'v, 'i>(
        root: &'v Spanned<DeValue<'i>>,
        path: &FieldPath,
    ) -> Option<&'v Spanned<DeValue<'i>>> {
        let steps = walk(root, path);
        if steps.len() < path.0.len() {
            return None;
        }
        Some(steps.last().map_or(root, |(value, _)| *value))
    }

    /// The span of the deepest value along a path.
    fn locate(root: &Spanned<DeValue<'_>>, path: &FieldPath) -> Option<Range<usize>> {
        match walk(root, path).last() {
            Some((_, span)) => Some(span.clone()),
            None => Some(root.span()).filter(|_| path.0.is_empty()),
        }
    }

    /// Follows a path as far as it exists: each step's value and the span an author looks at for it. For a table
    /// entry that is the key's span, because it points at the line of the key; for a list element, the element's.
    fn walk<'v, 'i>(
        root: &'v Spanned<DeValue<'i>>,
        path: &FieldPath,
    ) -> Vec<(&'v Spanned<DeValue<'i>>, Range<usize>)> {
        let mut node = root;
        let mut steps = Vec::new();
        for segment in &path.0 {
            let next = match (segment, node.get_ref()) {
                (PathSegment::Key(key), DeValue::Table(table)) => table
                    .iter()
                    .find(|(name, _)| name.get_ref() == key)
                    .map(|(name, value)| (value, name.span())),
                (PathSegment::Index(index), DeValue::Array(array)) => {
                    array.get(*index).map(|value| (value, value.span()))
                }
                _ => None,
            };
            let Some((value, span)) = next else { break };
            steps.push((value, span));
            node = value;
        }
        steps
    }

    /// 1-based line of a byte offset.
    fn line_of(source: &str, offset: usize) -> usize {
        let end = offset.min(source.len());
        source.as_bytes()[..end]
            .iter()
            .filter(|&&byte| byte == b'\n')
            .count()
            + 1
    }
}
