//! Problems found while loading a catalog, with their location and a message in German or English that says how
//! to fix them. This file is the one place for the wording of catalog problems.

use std::fmt;

use crate::language::Language;

/// One step of a field path: a key of a table or an index into a list.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PathSegment {
    /// A table key.
    Key(String),
    /// A list index, counted from 0.
    Index(usize),
}

/// Where a value sits in a catalog, e.g. `modules[2].items[0].statement`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct FieldPath(pub Vec<PathSegment>);

impl FieldPath {
    /// The empty path: the whole file.
    pub fn root() -> Self {
        FieldPath(Vec::new())
    }

    /// This path with a key appended.
    pub fn key(&self, key: &str) -> Self {
        let mut segments = self.0.clone();
        segments.push(PathSegment::Key(key.to_owned()));
        FieldPath(segments)
    }

    /// This path with an index appended.
    pub fn index(&self, index: usize) -> Self {
        let mut segments = self.0.clone();
        segments.push(PathSegment::Index(index));
        FieldPath(segments)
    }

    /// This path followed by another.
    pub fn join(&self, other: &FieldPath) -> Self {
        let mut segments = self.0.clone();
        segments.extend(other.0.iter().cloned());
        FieldPath(segments)
    }

    /// The last key of the path, i.e. the field's name.
    pub fn field_name(&self) -> Option<&str> {
        self.0.iter().rev().find_map(|segment| match segment {
            PathSegment::Key(key) => Some(key.as_str()),
            PathSegment::Index(_) => None,
        })
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("(Datei)");
        }
        for (position, segment) in self.0.iter().enumerate() {
            match segment {
                PathSegment::Key(key) if position == 0 => f.write_str(key)?,
                PathSegment::Key(key) => write!(f, ".{key}")?,
                PathSegment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// The two forms a catalog file can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceFormat {
    /// TOML, the form authors write.
    Toml,
    /// JSON, the form the web build embeds and sites may serve.
    Json,
}

/// One problem in one catalog file.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The file, as the caller named it.
    pub file: String,
    /// The line (1-based) where the problem sits, when it can be located.
    pub line: Option<usize>,
    /// The field path, e.g. `modules[2].items[0].statement`.
    pub path: FieldPath,
    /// What is wrong.
    pub kind: ProblemKind,
}

impl Problem {
    /// The problem as one line: `file:line: path: message`.
    pub fn render(&self, language: Language) -> String {
        let location = match self.line {
            Some(line) => format!("{}:{line}", self.file),
            None => self.file.clone(),
        };
        let path = match (self.path.0.is_empty(), language) {
            (false, _) => self.path.to_string(),
            (true, Language::De) => "(Datei)".to_owned(),
            (true, Language::En) => "(file)".to_owned(),
        };
        format!("{location}: {path}: {}", self.kind.message(language))
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Language::De))
    }
}

/// What is wrong with a catalog. Each variant's message says how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ProblemKind {
    /// Occurs when the file is not valid TOML or JSON (whichever it was read as).
    Syntax {
        /// The format the file was read as.
        format: SourceFormat,
        /// The parser's description.
        message: String,
    },
    /// Occurs when a table has a key the format does not know (often a typo).
    UnknownField {
        /// The unknown key.
        field: String,
        /// The keys allowed here.
        expected: String,
    },
    /// Occurs when a required key is absent.
    MissingField {
        /// The missing key.
        field: String,
    },
    /// Occurs when a value has the wrong type or an impossible value.
    WrongValue {
        /// What the parser found and expected.
        detail: String,
    },
    /// Occurs when a text such as a date is written without quotes, which makes it a TOML date instead of a text.
    UnquotedDate {
        /// The date as written.
        value: String,
    },
    /// Occurs when `format_version` is not one this build reads.
    UnsupportedFormatVersion {
        /// The version in the file.
        found: u32,
    },
    /// Occurs when a file is written in format version 1, before catalogs named their sources: it says what to
    /// change.
    OutdatedFormatVersion {
        /// The version in the file.
        found: u32,
    },
    /// Occurs when a required text or list is empty.
    Empty,
    /// Occurs when an id has characters other than lower-case letters, digits, `-`, `_` and `.`.
    InvalidId {
        /// The id as written.
        id: String,
    },
    /// Occurs when an id is used twice where it must be unique.
    DuplicateId {
        /// The id.
        id: String,
        /// Where it was first used.
        first: FieldPath,
    },
    /// Occurs when two items share a number.
    DuplicateNumber {
        /// The number.
        number: String,
        /// Where it was first used.
        first: FieldPath,
    },
    /// Occurs when a key is used twice within one scale (levels and the "not relevant" choice together).
    DuplicateKey {
        /// The key.
        key: String,
        /// Where it was first used.
        first: FieldPath,
    },
    /// Occurs when a scale has fewer than two levels.
    TooFewLevels,
    /// Occurs when a level's need is above 100.
    NeedOutOfRange {
        /// The value given.
        need: u8,
    },
    /// Occurs when a module, item or Starthilfe question names a scale the catalog does not declare.
    UnknownScale {
        /// The scale id named.
        scale: String,
    },
    /// Occurs when a Starthilfe question points at a module the catalog does not have.
    UnknownModule {
        /// The module id named.
        module: String,
    },
    /// Occurs when a link uses a scheme other than https, http or mailto.
    UnsafeLink {
        /// The address given.
        url: String,
    },
    /// Occurs when a date is not written as `YYYY-MM-DD`.
    InvalidDate {
        /// The date as written.
        date: String,
    },
    /// Occurs when a declaration's validity is not between 1 and 120 months.
    ValidityOutOfRange {
        /// The months given.
        months: u32,
    },
    /// Occurs when a declaration's renewal lead time is not shorter than its validity.
    LeadTimeTooLong {
        /// The lead time given, in months.
        lead: u32,
        /// The validity, in months.
        validity: u32,
    },
}

impl ProblemKind {
    /// The message in the given language, saying what is wrong and how to fix it.
    pub fn message(&self, language: Language) -> String {
        use Language::{De, En};
        use ProblemKind as K;
        match (self, language) {
            (K::Syntax { format: SourceFormat::Toml, message }, De) => {
                format!("Die Datei ist kein gültiges TOML ({message}). Prüfen Sie Anführungszeichen, Klammern und Gleichheitszeichen in dieser Zeile.")
            }
            (K::Syntax { format: SourceFormat::Toml, message }, En) => {
                format!("The file is not valid TOML ({message}). Check quotes, brackets and equals signs on this line.")
            }
            (K::Syntax { format: SourceFormat::Json, message }, De) => {
                format!("Die Datei ist kein gültiges JSON ({message}). Prüfen Sie Anführungszeichen, Klammern und Kommas in dieser Zeile.")
            }
            (K::Syntax { format: SourceFormat::Json, message }, En) => {
                format!("The file is not valid JSON ({message}). Check quotes, brackets and commas on this line.")
            }
            (K::UnknownField { field, expected }, De) => format!(
                "unbekanntes Feld „{field}“. Erlaubt sind hier: {expected}. Tippfehler? Korrigieren oder entfernen Sie das Feld."
            ),
            (K::UnknownField { field, expected }, En) => format!(
                "unknown field `{field}`. Allowed here: {expected}. A typo? Correct or remove the field."
            ),
            (K::MissingField { field }, De) => {
                format!("Pflichtfeld „{field}“ fehlt. Ergänzen Sie es.")
            }
            (K::MissingField { field }, En) => format!("required field `{field}` is missing. Add it."),
            (K::WrongValue { detail }, De) => {
                format!("ungültiger Wert ({detail}). Schreiben Sie den Wert so, wie catalogs/README.md ihn beschreibt.")
            }
            (K::WrongValue { detail }, En) => {
                format!("invalid value ({detail}). Write the value as catalogs/README.md describes it.")
            }
            (K::UnquotedDate { value }, De) => format!(
                "{value} ohne Anführungszeichen ist in TOML ein Datum, hier wird aber ein Text erwartet. Schreiben Sie \"{value}\"."
            ),
            (K::UnquotedDate { value }, En) => format!(
                "{value} without quotes is a date in TOML, but a text is expected here. Write \"{value}\"."
            ),
            (K::UnsupportedFormatVersion { found }, De) => format!(
                "format_version = {found} wird nicht unterstützt. Diese Version liest format_version = {}.",
                crate::CATALOG_FORMAT_VERSION
            ),
            (K::UnsupportedFormatVersion { found }, En) => format!(
                "format_version = {found} is not supported. This version reads format_version = {}.",
                crate::CATALOG_FORMAT_VERSION
            ),
            (K::OutdatedFormatVersion { found }, De) => format!(
                "format_version = {found} ist veraltet: Seit Format {current} nennt jeder Katalog seine Quellen. Setzen Sie format_version = {current}, \
                 löschen Sie „publisher“ und ergänzen Sie einen Abschnitt [attribution] mit structure (wessen Gliederung der Check folgt, z. B. \"OM-Praxis A-3.6 der Offensive Mittelstand\"), \
                 wording (wer die Texte geschrieben hat), licence (Lizenz der Texte) und official (true nur, wenn die Texte der offizielle Wortlaut sind, sonst false); \
                 structure_url und licence_url sind freiwillig. Siehe catalogs/README.md.",
                current = crate::CATALOG_FORMAT_VERSION
            ),
            (K::OutdatedFormatVersion { found }, En) => format!(
                "format_version = {found} is outdated: since format {current} every catalog names its sources. Set format_version = {current}, \
                 delete `publisher` and add a section [attribution] with structure (whose structure the check follows, e.g. \"OM-Praxis A-3.6 der Offensive Mittelstand\"), \
                 wording (who wrote the texts), licence (the texts' licence) and official (true only if the texts are the official wording, else false); \
                 structure_url and licence_url are optional. See catalogs/README.md.",
                current = crate::CATALOG_FORMAT_VERSION
            ),
            (K::Empty, De) => "darf nicht leer sein. Tragen Sie einen Text bzw. mindestens einen Eintrag ein.".to_owned(),
            (K::Empty, En) => "must not be empty. Enter a text or at least one entry.".to_owned(),
            (K::InvalidId { id }, De) => format!(
                "„{id}“ ist keine gültige Kennung. Verwenden Sie nur Kleinbuchstaben a–z, Ziffern, „-“, „_“ und „.“, z. B. „risiken-ermitteln“."
            ),
            (K::InvalidId { id }, En) => format!(
                "`{id}` is not a valid id. Use only lower-case letters a–z, digits, `-`, `_` and `.`, e.g. `assess-risks`."
            ),
            (K::DuplicateId { id, first }, De) => {
                format!("die Kennung „{id}“ ist bereits bei {first} vergeben. Kennungen müssen eindeutig sein.")
            }
            (K::DuplicateId { id, first }, En) => {
                format!("the id `{id}` is already used at {first}. Ids must be unique.")
            }
            (K::DuplicateNumber { number, first }, De) => {
                format!("die Nummer „{number}“ ist bereits bei {first} vergeben. Nummerieren Sie eindeutig.")
            }
            (K::DuplicateNumber { number, first }, En) => {
                format!("the number `{number}` is already used at {first}. Number uniquely.")
            }
            (K::DuplicateKey { key, first }, De) => format!(
                "der Schlüssel „{key}“ ist in dieser Skala bereits bei {first} vergeben. Jede Stufe braucht einen eigenen Schlüssel."
            ),
            (K::DuplicateKey { key, first }, En) => format!(
                "the key `{key}` is already used in this scale at {first}. Every level needs a key of its own."
            ),
            (K::TooFewLevels, De) => "eine Skala braucht mindestens zwei Stufen.".to_owned(),
            (K::TooFewLevels, En) => "a scale needs at least two levels.".to_owned(),
            (K::NeedOutOfRange { need }, De) => {
                format!("need = {need} liegt außerhalb von 0 bis 100. Wählen Sie 0 (kein Bedarf) bis 100 (höchster Bedarf).")
            }
            (K::NeedOutOfRange { need }, En) => {
                format!("need = {need} is outside 0 to 100. Choose 0 (no need) to 100 (highest need).")
            }
            (K::UnknownScale { scale }, De) => format!(
                "die Skala „{scale}“ gibt es nicht. Deklarieren Sie sie unter [[scales]] oder verwenden Sie eine vorhandene id."
            ),
            (K::UnknownScale { scale }, En) => {
                format!("there is no scale `{scale}`. Declare it under [[scales]] or use an existing id.")
            }
            (K::UnknownModule { module }, De) => format!(
                "es gibt keinen Baustein mit der id „{module}“. Verweisen Sie auf die id eines Bausteins unter [[modules]]."
            ),
            (K::UnknownModule { module }, En) => {
                format!("there is no module with the id `{module}`. Refer to the id of a module under [[modules]].")
            }
            (K::UnsafeLink { url }, De) => format!(
                "der Link „{url}“ ist nicht erlaubt. Erlaubt sind nur Adressen mit https://, http:// oder mailto:."
            ),
            (K::UnsafeLink { url }, En) => {
                format!("the link `{url}` is not allowed. Only https://, http:// and mailto: addresses are.")
            }
            (K::InvalidDate { date }, De) => {
                format!("„{date}“ ist kein Datum der Form JJJJ-MM-TT, z. B. 2023-05-31.")
            }
            (K::InvalidDate { date }, En) => format!("`{date}` is not a date of the form YYYY-MM-DD, e.g. 2023-05-31."),
            (K::ValidityOutOfRange { months }, De) => format!(
                "validity_months = {months} liegt außerhalb von 1 bis 120. Geben Sie an, wie viele Monate eine Erklärung gilt, z. B. 24 für zwei Jahre."
            ),
            (K::ValidityOutOfRange { months }, En) => format!(
                "validity_months = {months} is outside 1 to 120. Give how many months a declaration is valid, e.g. 24 for two years."
            ),
            (K::LeadTimeTooLong { lead, validity }, De) => format!(
                "renewal_lead_months = {lead} ist nicht kürzer als die Gültigkeit von {validity} Monaten. Wählen Sie eine kürzere Vorlaufzeit, z. B. 3."
            ),
            (K::LeadTimeTooLong { lead, validity }, En) => format!(
                "renewal_lead_months = {lead} is not shorter than the validity of {validity} months. Choose a shorter lead time, e.g. 3."
            ),
        }
    }
}

/// All problems of one catalog file.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{} Problem(e) in {}", .problems.len(), .file)]
pub struct CatalogErrors {
    /// The file, as the caller named it.
    pub file: String,
    /// Every problem found, in file order where it can be located.
    pub problems: Vec<Problem>,
}

impl CatalogErrors {
    /// Every problem as one line each.
    pub fn render(&self, language: Language) -> String {
        self.problems
            .iter()
            .map(|problem| problem.render(language))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Turns serde's English message into a problem kind with the essentials kept.
pub(crate) fn classify_serde_message(message: &str) -> ProblemKind {
    let between_backticks = |text: &str| -> Option<String> {
        let start = text.find('`')? + 1;
        let end = text[start..].find('`')? + start;
        Some(text[start..end].to_owned())
    };
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let field = between_backticks(rest).unwrap_or_default();
        let expected = rest
            .split_once("expected ")
            .map(|(_, expected)| expected.trim_start_matches("one of ").replace('`', ""))
            .unwrap_or_default();
        return ProblemKind::UnknownField { field, expected };
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        return ProblemKind::MissingField {
            field: between_backticks(rest).unwrap_or_else(|| rest.to_owned()),
        };
    }
    ProblemKind::WrongValue {
        detail: message.trim().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_render_like_an_author_would_write_them() {
        let path = FieldPath::root()
            .key("modules")
            .index(2)
            .key("items")
            .index(0)
            .key("statement");
        assert_eq!(path.to_string(), "modules[2].items[0].statement");
        assert_eq!(path.field_name(), Some("statement"));
    }

    #[test]
    fn a_problem_of_the_whole_file_names_the_file_in_the_chosen_language() {
        let problem = Problem {
            file: "a.toml".into(),
            line: Some(1),
            path: FieldPath::root(),
            kind: ProblemKind::MissingField {
                field: "title".into(),
            },
        };
        assert!(problem
            .render(Language::De)
            .starts_with("a.toml:1: (Datei): "));
        assert!(problem
            .render(Language::En)
            .starts_with("a.toml:1: (file): "));
    }

    #[test]
    fn serde_messages_are_classified() {
        assert_eq!(
            classify_serde_message("unknown field `statment`, expected one of `id`, `statement`"),
            ProblemKind::UnknownField {
                field: "statment".into(),
                expected: "id, statement".into()
            }
        );
        assert_eq!(
            classify_serde_message("missing field `number`"),
            ProblemKind::MissingField {
                field: "number".into()
            }
        );
    }

    #[test]
    fn every_message_exists_in_both_languages_and_differs() {
        let kinds = [
            ProblemKind::Empty,
            ProblemKind::TooFewLevels,
            ProblemKind::UnknownScale { scale: "x".into() },
            ProblemKind::UnquotedDate {
                value: "2023-05-31".into(),
            },
        ];
        for kind in kinds {
            assert_ne!(kind.message(Language::De), kind.message(Language::En));
        }
    }
}
