//! `checkwerk`: the catalog tool for authors.
//!
//! `checkwerk validate [PATH…]` loads catalogs the way the app does and prints every located problem;
//! `checkwerk schema` prints the JSON Schema of the catalog format for editors. The wording of catalog problems
//! comes from the core (`Problem::render`); this file only holds the tool's own few messages, in German and English.
//!
//! The command line is parsed by hand: it has two commands and one option, and a parser crate would cost more build
//! time than it saves.

use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use checkwerk_core::load::catalog_from_toml;
use checkwerk_core::schema::catalog_schema_text;
use checkwerk_core::Language;

/// Where `validate` looks when it is given no path: the catalogs folder of the repository, seen from its root.
const DEFAULT_CATALOG_FOLDER: &str = "catalogs";

/// Exit code when at least one catalog is invalid.
const EXIT_INVALID: u8 = 1;
/// Exit code when the tool could not do its work: a wrong command line, a missing path, an unreadable file.
const EXIT_TROUBLE: u8 = 2;

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Command {
    /// Validate these files and folders.
    Validate(Vec<PathBuf>),
    /// Print the JSON Schema.
    Schema,
    /// Print the usage.
    Help,
}

/// Why a command line cannot be understood.
#[derive(Debug, Clone, PartialEq, Eq)]
enum UsageError {
    /// Occurs when no command is given.
    NoCommand,
    /// Occurs when the first word is neither `validate`, `schema` nor `help`.
    UnknownCommand(String),
    /// Occurs when an option starting with `-` is not one the tool knows.
    UnknownOption(String),
    /// Occurs when `--lang` is the last word.
    MissingLanguage,
    /// Occurs when `--lang` names a language other than `de` or `en`.
    UnknownLanguage(String),
    /// Occurs when `schema` is given a path.
    UnexpectedArgument(String),
}

impl UsageError {
    fn message(&self, language: Language) -> String {
        use Language::{De, En};
        match (self, language) {
            (UsageError::NoCommand, De) => "Kein Befehl angegeben.".to_owned(),
            (UsageError::NoCommand, En) => "No command given.".to_owned(),
            (UsageError::UnknownCommand(command), De) => format!("Unbekannter Befehl „{command}“."),
            (UsageError::UnknownCommand(command), En) => format!("Unknown command `{command}`."),
            (UsageError::UnknownOption(option), De) => format!("Unbekannte Option „{option}“."),
            (UsageError::UnknownOption(option), En) => format!("Unknown option `{option}`."),
            (UsageError::MissingLanguage, De) => {
                "Nach --lang fehlt die Sprache (de oder en).".to_owned()
            }
            (UsageError::MissingLanguage, En) => "--lang needs a language (de or en).".to_owned(),
            (UsageError::UnknownLanguage(tag), De) => {
                format!("Unbekannte Sprache „{tag}“. Möglich sind de und en.")
            }
            (UsageError::UnknownLanguage(tag), En) => {
                format!("Unknown language `{tag}`. Use de or en.")
            }
            (UsageError::UnexpectedArgument(argument), De) => {
                format!("„schema“ nimmt keine weiteren Angaben, aber „{argument}“ wurde übergeben.")
            }
            (UsageError::UnexpectedArgument(argument), En) => {
                format!("`schema` takes no arguments, but `{argument}` was given.")
            }
        }
    }
}

/// Parses the arguments after the program name into the language of all messages and the command.
/// `--lang` may stand anywhere, so that even a usage error is reported in the language asked for; everything after
/// `--` is a path.
fn parse_arguments(
    arguments: impl IntoIterator<Item = String>,
) -> (Language, Result<Command, UsageError>) {
    let mut language = Language::De;
    let mut first_error = None;
    let mut words = Vec::new();
    let mut help = false;
    let mut only_paths_follow = false;
    let mut arguments = arguments.into_iter();
    while let Some(argument) = arguments.next() {
        if only_paths_follow {
            words.push(argument);
            continue;
        }
        let language_tag = match argument.as_str() {
            "--" => {
                only_paths_follow = true;
                continue;
            }
            "-h" | "--help" => {
                help = true;
                continue;
            }
            "--lang" => Some(arguments.next()),
            other => other
                .strip_prefix("--lang=")
                .map(|tag| Some(tag.to_owned())),
        };
        let error = match language_tag {
            Some(Some(tag)) => match Language::from_tag(&tag) {
                Some(parsed) => {
                    language = parsed;
                    None
                }
                None => Some(UsageError::UnknownLanguage(tag)),
            },
            Some(None) => Some(UsageError::MissingLanguage),
            None if argument.starts_with('-') && argument.len() > 1 => {
                Some(UsageError::UnknownOption(argument))
            }
            None => {
                words.push(argument);
                None
            }
        };
        if first_error.is_none() {
            first_error = error;
        }
    }

    let command = if help {
        Ok(Command::Help)
    } else if let Some(error) = first_error {
        Err(error)
    } else {
        let mut words = words.into_iter();
        match words.next().as_deref() {
            None => Err(UsageError::NoCommand),
            Some("help") => Ok(Command::Help),
            Some("validate") => Ok(Command::Validate(words.map(PathBuf::from).collect())),
            Some("schema") => match words.next() {
                Some(extra) => Err(UsageError::UnexpectedArgument(extra)),
                None => Ok(Command::Schema),
            },
            Some(other) => Err(UsageError::UnknownCommand(other.to_owned())),
        }
    };
    (language, command)
}

fn usage(language: Language) -> &'static str {
    match language {
        Language::De => {
            "checkwerk – das Katalog-Werkzeug für Autorinnen und Autoren

Aufruf:
  checkwerk validate [--lang de|en] [PFAD …]
  checkwerk schema
  checkwerk --help

Befehle:
  validate   Prüft Kataloge so, wie die App sie lädt. PFAD ist eine Datei oder ein Ordner;
             aus einem Ordner werden alle *.toml-Dateien geprüft (ohne Unterordner).
             Ohne PFAD wird der Ordner catalogs/ geprüft.
             Je gültigem Katalog erscheint „ok <id>: <n> modules, <m> items“,
             je ungültigem jedes Problem mit Datei, Zeile und Feld.
  schema     Gibt das JSON Schema des Katalogformats aus, für Editoren:
             cargo run -p checkwerk-cli -- schema > catalogs/catalog.schema.json

Optionen:
  --lang de|en   Sprache der Meldungen (Voreinstellung: de)
  -h, --help     Diese Hilfe

Rückgabewert: 0 alles gültig, 1 mindestens ein Katalog ungültig, 2 Aufruf- oder Dateifehler.
"
        }
        Language::En => {
            "checkwerk – the catalog tool for authors

Usage:
  checkwerk validate [--lang de|en] [PATH …]
  checkwerk schema
  checkwerk --help

Commands:
  validate   Checks catalogs the way the app loads them. PATH is a file or a folder;
             a folder's *.toml files are checked (not its subfolders).
             Without PATH, the folder catalogs/ is checked.
             Each valid catalog prints `ok <id>: <n> modules, <m> items`,
             each invalid one every problem with file, line and field.
  schema     Prints the JSON Schema of the catalog format, for editors:
             cargo run -p checkwerk-cli -- schema > catalogs/catalog.schema.json

Options:
  --lang de|en   Language of messages (default: de)
  -h, --help     This help

Exit status: 0 all valid, 1 at least one catalog invalid, 2 usage or file error.
"
        }
    }
}

/// The catalog files a list of paths stands for: files as given, folders by their `*.toml` files in name order.
fn catalog_files(paths: &[PathBuf], language: Language) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let unreadable = || Said {
                language,
                german: format!("Der Ordner {} ist nicht lesbar", path.display()),
                english: format!("The folder {} cannot be read", path.display()),
            };
            files.extend(checkwerk_core::load::catalog_files_in(path).with_context(unreadable)?);
        } else if path.exists() {
            files.push(path.clone());
        } else {
            bail!(Said {
                language,
                german: format!("Den Pfad {} gibt es nicht.", path.display()),
                english: format!("The path {} does not exist.", path.display()),
            });
        }
    }
    if files.is_empty() {
        let shown = paths
            .iter()
            .map(|path| path.display().to_string())
            .collect::<Vec<_>>()
            .join(", ");
        bail!(Said {
            language,
            german: format!("keine Kataloge gefunden in {shown} (gesucht: *.toml)."),
            english: format!("no catalogs found in {shown} (looked for *.toml)."),
        });
    }
    Ok(files)
}

/// Validates every catalog and prints one line per valid catalog and one per problem of an invalid one.
/// Returns how many catalogs were invalid and how many there were.
fn validate(paths: &[PathBuf], language: Language, out: &mut impl Write) -> Result<(usize, usize)> {
    let default_folder = [PathBuf::from(DEFAULT_CATALOG_FOLDER)];
    let paths = if paths.is_empty() {
        &default_folder[..]
    } else {
        paths
    };
    let files = catalog_files(paths, language)?;
    let mut invalid = 0;
    let mut valid = Vec::new();
    for file in &files {
        let source = match std::fs::read_to_string(file) {
            Ok(source) => source,
            // Saved in another encoding (Windows editors like Latin-1): a problem of this catalog, not of the run.
            Err(error) if error.kind() == io::ErrorKind::InvalidData => {
                invalid += 1;
                let name = display_name(file);
                let message = match language {
                    Language::De => format!("{name}: (Datei): Die Datei ist nicht in UTF-8 gespeichert. Speichern Sie sie im Editor mit der Kodierung UTF-8."),
                    Language::En => format!("{name}: (file): The file is not saved in UTF-8. Save it with the UTF-8 encoding in your editor."),
                };
                writeln!(out, "{message}")?;
                continue;
            }
            Err(error) => {
                return Err(error).with_context(|| Said {
                    language,
                    german: format!("Die Datei {} ist nicht lesbar", file.display()),
                    english: format!("The file {} cannot be read", file.display()),
                })
            }
        };
        match catalog_from_toml(&display_name(file), &source) {
            Ok(catalog) => {
                writeln!(
                    out,
                    "ok {}: {} modules, {} items",
                    catalog.id,
                    catalog.modules.len(),
                    catalog.item_count()
                )?;
                valid.push((display_name(file), catalog));
            }
            Err(errors) => {
                invalid += 1;
                for problem in &errors.problems {
                    writeln!(out, "{}", problem.render(language))?;
                }
            }
        }
    }
    // A joint declaration is one document: the catalogs that share it must agree on what applies to all of it.
    let catalogs: Vec<&checkwerk_core::Catalog> =
        valid.iter().map(|(_, catalog)| catalog).collect();
    let mismatches = checkwerk_core::declaration::joint_mismatches(catalogs.iter().copied());
    let mut invalid_files = std::collections::BTreeSet::new();
    for (declaration_id, catalog_id, field) in mismatches {
        let file = valid
            .iter()
            .find(|(_, catalog)| catalog.id == catalog_id)
            .map_or(catalog_id.as_str(), |(file, _)| file.as_str());
        let message = match language {
            Language::De => format!(
                "{file}: declarations: {field} der gemeinsamen Erklärung „{declaration_id}“ weicht von den anderen Katalogen ab, die sie teilen. Geben Sie in allen denselben Wert an."
            ),
            Language::En => format!(
                "{file}: declarations: {field} of the joint declaration `{declaration_id}` differs from the other catalogs that share it. Give the same value in all of them."
            ),
        };
        writeln!(out, "{message}")?;
        invalid_files.insert(file.to_owned());
    }
    Ok((invalid + invalid_files.len(), files.len()))
}

/// A file's name in messages: the path as the author would type it, with `/` also on Windows.
fn display_name(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// A message of the tool in both languages, shown in the one chosen.
#[derive(Debug)]
struct Said {
    language: Language,
    german: String,
    english: String,
}

impl fmt::Display for Said {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.language {
            Language::De => f.write_str(&self.german),
            Language::En => f.write_str(&self.english),
        }
    }
}

impl std::error::Error for Said {}

fn summary(invalid: usize, total: usize, language: Language) -> String {
    match language {
        Language::De if total == 1 => "Der Katalog ist ungültig.".to_owned(),
        Language::De => format!("{invalid} von {total} Katalogen ungültig."),
        Language::En if total == 1 => "The catalog is invalid.".to_owned(),
        Language::En => format!("{invalid} of {total} catalogs invalid."),
    }
}

fn run(language: Language, command: Command) -> Result<ExitCode> {
    let mut out = io::stdout().lock();
    match command {
        Command::Help => out.write_all(usage(language).as_bytes())?,
        Command::Schema => out.write_all(catalog_schema_text().as_bytes())?,
        Command::Validate(paths) => {
            let (invalid, total) = validate(&paths, language, &mut out)?;
            out.flush()?;
            if invalid > 0 {
                eprintln!("{}", summary(invalid, total, language));
                return Ok(ExitCode::from(EXIT_INVALID));
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn main() -> ExitCode {
    // Lossy, so that an odd byte in an argument becomes a visible replacement character instead of a panic.
    let arguments = std::env::args_os().skip(1);
    let (language, command) =
        parse_arguments(arguments.map(|argument| argument.to_string_lossy().into_owned()));
    let command = match command {
        Ok(command) => command,
        Err(error) => {
            let hint = match language {
                Language::De => "Hilfe: checkwerk --help",
                Language::En => "Help: checkwerk --help --lang en",
            };
            eprintln!("checkwerk: {}\n{hint}", error.message(language));
            return ExitCode::from(EXIT_TROUBLE);
        }
    };
    match run(language, command) {
        Ok(code) => code,
        // A reader that stops early (`checkwerk schema | head`) is not an error of the tool.
        Err(error)
            if error
                .downcast_ref::<io::Error>()
                .is_some_and(|error| error.kind() == io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("checkwerk: {error:#}");
            ExitCode::from(EXIT_TROUBLE)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(arguments: &[&str]) -> (Language, Result<Command, UsageError>) {
        parse_arguments(arguments.iter().map(|argument| argument.to_string()))
    }

    #[test]
    fn validate_takes_paths_and_a_language_anywhere() {
        assert_eq!(
            parse(&["validate", "a.toml", "--lang", "en", "folder"]),
            (
                Language::En,
                Ok(Command::Validate(vec!["a.toml".into(), "folder".into()]))
            )
        );
        assert_eq!(
            parse(&["--lang=de", "validate"]),
            (Language::De, Ok(Command::Validate(Vec::new())))
        );
        assert_eq!(
            parse(&["validate", "--", "--odd-name.toml"]),
            (
                Language::De,
                Ok(Command::Validate(vec!["--odd-name.toml".into()]))
            )
        );
    }

    #[test]
    fn help_wins_over_everything_else() {
        assert_eq!(
            parse(&["--bogus", "--help", "--lang", "en"]),
            (Language::En, Ok(Command::Help))
        );
        assert_eq!(parse(&["help"]), (Language::De, Ok(Command::Help)));
    }

    #[test]
    fn usage_errors_are_named_in_the_chosen_language() {
        assert_eq!(parse(&[]).1, Err(UsageError::NoCommand));
        assert_eq!(
            parse(&["check"]).1,
            Err(UsageError::UnknownCommand("check".into()))
        );
        assert_eq!(
            parse(&["validate", "-x"]).1,
            Err(UsageError::UnknownOption("-x".into()))
        );
        assert_eq!(
            parse(&["validate", "--lang"]).1,
            Err(UsageError::MissingLanguage)
        );
        assert_eq!(
            parse(&["validate", "--lang", "fr"]).1,
            Err(UsageError::UnknownLanguage("fr".into()))
        );
        assert_eq!(
            parse(&["schema", "x"]).1,
            Err(UsageError::UnexpectedArgument("x".into()))
        );
        let error = UsageError::UnknownCommand("check".into());
        assert_ne!(error.message(Language::De), error.message(Language::En));
    }

    #[test]
    fn the_usage_exists_in_both_languages() {
        assert!(usage(Language::De).contains("Aufruf"));
        assert!(usage(Language::En).contains("Usage"));
    }
}
