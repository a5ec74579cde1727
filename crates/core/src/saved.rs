//! The saved form of runs and companies: what the browser keeps and what users export and import.
//!
//! A serialized format is a boundary that must stay loadable forever. It is lenient on input (unknown fields are
//! ignored, new fields have defaults) and carries a version; each older version migrates forward.
//!
//! Two forms of the same run:
//! - the **file** form ([`save_run`], [`save_run_file`], [`save_workspace`]): plain JSON a person can read, for
//!   exports and imports;
//! - the **stored** form ([`store_run`]): the same JSON compressed (LZ4) and packed 15 bits to a character, what
//!   the browser keeps. An adviser's 50 companies × 9 checks × 3 runs are 8.5 million characters as plain JSON, and
//!   a browser keeps about 5 million per site; stored this way they take a quarter of that
//!   (`tests/storage_size.rs`). It stays a JSON envelope that names its format and version, so an older build that
//!   meets it says "from a newer version" rather than "damaged".

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::company::Company;
use crate::run::Run;

/// The saved-format version this build writes: the number of released versions.
pub const SAVED_FORMAT_VERSION: u32 = 2;

/// Marks a file as one of ours, so a foreign JSON file is told apart from a damaged one.
pub const SAVED_FORMAT_NAME: &str = "checkwerk-run";

/// Marks a backup: the raw stored text of several entries, as the app offers it when it cannot save, when it
/// sets aside data it cannot read, and after a crash.
pub const BACKUP_FORMAT_NAME: &str = "checkwerk-backup";

/// Marks a stored company.
pub const COMPANY_FORMAT_NAME: &str = "checkwerk-company";

/// Marks an export of companies with all their runs (one company, or every one).
pub const WORKSPACE_FORMAT_NAME: &str = "checkwerk-betriebe";

/// The version of the company and workspace formats.
pub const COMPANY_FORMAT_VERSION: u32 = 1;

/// The storage keys of runs start with this; a backup's entries are keyed like storage.
pub const RUN_KEY_PREFIX: &str = "checkwerk.run.";

/// The storage keys of companies start with this.
pub const COMPANY_KEY_PREFIX: &str = "checkwerk.company.";

/// Turns the saved form of one version into that of the next, as JSON.
type Migration = fn(serde_json::Value) -> Result<serde_json::Value, SavedError>;

/// One migration per released version before the current one: `MIGRATIONS[v - 1]` turns version `v` into `v + 1`.
///
/// What was added within version 1 (company name, Starthilfe, free texts, the action plan, change stamps) are
/// optional fields with defaults. Version 2 adds the run's company (`company_id`, with the company's record in
/// files and storage of its own), the run it re-assesses (`previous_run_id`), and the stored form (`packed`
/// instead of `run`); a version-1 run is a version-2 run without them, and is placed in a company where the app
/// reads it (`company::place_runs`). A change that an old build would misread (a renamed or re-typed field) needs
/// a new version, a migration here, and a golden file in `tests/saved/`.
const MIGRATIONS: &[Migration] = &[one_to_two];

fn one_to_two(mut value: serde_json::Value) -> Result<serde_json::Value, SavedError> {
    value["version"] = 2.into();
    Ok(value)
}

/// The most answers an imported run may have; a catalog has a few dozen items, so more is a crafted file.
pub const MAX_IMPORT_ANSWERS: usize = 5_000;
/// The most measures an imported run may have; a real action plan has tens.
pub const MAX_IMPORT_MEASURES: usize = 500;
/// The longest text (note, name, measure field, free text) an imported run may hold, in characters.
pub const MAX_IMPORT_TEXT: usize = 100_000;
/// The longest id (of the run, an item, a measure, a module, a free text) an imported run may hold.
pub const MAX_IMPORT_ID: usize = 200;
/// The most runs one imported file may hold: an adviser's 50 companies × 9 checks × 3 runs are 1,350.
pub const MAX_IMPORT_RUNS: usize = 10_000;
/// The most companies one imported file may hold.
pub const MAX_IMPORT_COMPANIES: usize = 2_000;
/// The most bytes a stored run may unpack to; its file form is at most a few megabytes.
const MAX_UNPACKED_BYTES: usize = 32 * 1024 * 1024;
/// The most declarations an imported run may have prepared; a check supports one or two.
pub const MAX_IMPORT_DECLARATIONS: usize = 50;

/// A run as saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedRun {
    /// Always [`SAVED_FORMAT_NAME`].
    pub format: String,
    /// The version of the saved format.
    pub version: u32,
    /// The run.
    pub run: Run,
}

/// Why saved data could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum SavedError {
    /// Occurs when the text is not JSON or not shaped like a saved run.
    #[error("Die gespeicherten Daten sind beschädigt oder kein Checkwerk-Durchlauf ({0}).")]
    Unreadable(String),
    /// Occurs when the data is a Checkwerk run of another format name (e.g. a foreign app's data under our key).
    #[error("Die Daten stammen nicht von Checkwerk (Format „{0}“).")]
    Foreign(String),
    /// Occurs when the data was written by a newer version of Checkwerk.
    #[error("Die Daten stammen aus einer neueren Checkwerk-Version (Format {0}); bitte laden Sie die Seite neu.")]
    FromTheFuture(u32),
    /// Occurs when an imported run is far larger than any real one (so many answers or measures, or such long
    /// texts, that showing it would freeze the page).
    #[error("Der Durchlauf ist unplausibel groß ({0}).")]
    Implausible(String),
}

/// [`SavedRun`] borrowing its run (and, in a file, its company): the same JSON without copying the run for every
/// save.
#[derive(Serialize)]
struct SavedRunRef<'a> {
    format: &'static str,
    version: u32,
    run: &'a Run,
    #[serde(skip_serializing_if = "Option::is_none")]
    company: Option<&'a Company>,
}

/// The stored form: the run's JSON, packed.
#[derive(Serialize)]
struct PackedRunRef<'a> {
    format: &'static str,
    version: u32,
    packed: &'a str,
}

/// Serializes a run in the current file format (plain JSON).
pub fn save_run(run: &Run) -> String {
    save_run_file(run, None)
}

/// Serializes a run with its company, as one run is exported: an import elsewhere then knows the company too.
pub fn save_run_file(run: &Run, company: Option<&Company>) -> String {
    let saved = SavedRunRef {
        format: SAVED_FORMAT_NAME,
        version: SAVED_FORMAT_VERSION,
        run,
        company,
    };
    // A run holds only strings, numbers and maps with string keys, which always serialize.
    serde_json::to_string(&saved).unwrap_or_default()
}

/// Serializes a run in the stored form: its JSON compressed and packed into characters (see the module's docs).
pub fn store_run(run: &Run) -> String {
    let json = serde_json::to_vec(run).unwrap_or_default();
    let packed = pack(&lz4_flex::block::compress_prepend_size(&json));
    serde_json::to_string(&PackedRunRef {
        format: SAVED_FORMAT_NAME,
        version: SAVED_FORMAT_VERSION,
        packed: &packed,
    })
    .unwrap_or_default()
}

/// The first character a packed text may use: below it are the characters JSON must escape.
const PACK_BASE: u32 = 0x100;

/// Packs bytes 15 bits to a character, each character `PACK_BASE` plus its 15 bits (so none needs escaping in
/// JSON, none is a surrogate, and each counts once where a browser counts characters). The first character says
/// how many bits of the last one are padding.
fn pack(bytes: &[u8]) -> String {
    let bits = bytes.len() * 8;
    let characters = bits.div_ceil(15);
    let padding = characters * 15 - bits;
    let mut packed = String::with_capacity((characters + 1) * 3);
    packed.push(packed_char(padding as u32));
    let mut buffer: u32 = 0;
    let mut buffered = 0;
    for &byte in bytes {
        buffer = (buffer << 8) | u32::from(byte);
        buffered += 8;
        if buffered >= 15 {
            buffered -= 15;
            packed.push(packed_char((buffer >> buffered) & 0x7fff));
        }
    }
    if buffered > 0 {
        packed.push(packed_char((buffer << (15 - buffered)) & 0x7fff));
    }
    packed
}

fn packed_char(value: u32) -> char {
    // PACK_BASE + 0x7fff is below the surrogates, so every value has its character.
    char::from_u32(PACK_BASE + value).unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// The bytes [`pack`] packed, or why the text is not a packed text.
fn unpack(text: &str) -> Result<Vec<u8>, SavedError> {
    let broken = || SavedError::Unreadable("gepackte Daten beschädigt".to_owned());
    let mut values = text.chars().map(|character| {
        u32::from(character)
            .checked_sub(PACK_BASE)
            .filter(|value| *value <= 0x7fff)
            .ok_or_else(broken)
    });
    let padding = values.next().ok_or_else(broken)?? as usize;
    let characters = text.chars().count() - 1;
    let bits = (characters * 15).checked_sub(padding).ok_or_else(broken)?;
    if padding >= 15 || bits % 8 != 0 {
        return Err(broken());
    }
    let mut bytes = Vec::with_capacity(bits / 8);
    let mut buffer: u32 = 0;
    let mut buffered = 0;
    for value in values {
        buffer = (buffer << 15) | value?;
        buffered += 15;
        while buffered >= 8 && bytes.len() < bits / 8 {
            buffered -= 8;
            bytes.push(((buffer >> buffered) & 0xff) as u8);
        }
        buffer &= (1 << buffered) - 1;
    }
    Ok(bytes)
}

/// The JSON a stored run packed, parsed.
fn unpacked_json(packed: &str) -> Result<serde_json::Value, SavedError> {
    serde_json::from_slice(&unpacked_bytes(packed)?)
        .map_err(|error| SavedError::Unreadable(error.to_string()))
}

/// The JSON text a stored run packed: its size is checked before anything is allocated for it.
fn unpacked_bytes(packed: &str) -> Result<Vec<u8>, SavedError> {
    let compressed = unpack(packed)?;
    let broken = |detail: String| SavedError::Unreadable(format!("gepackte Daten: {detail}"));
    let size = compressed
        .get(..4)
        .and_then(|size| size.try_into().ok())
        .map(u32::from_le_bytes)
        .ok_or_else(|| broken("zu kurz".to_owned()))? as usize;
    if size > MAX_UNPACKED_BYTES {
        return Err(SavedError::Implausible(format!("{size} Bytes")));
    }
    lz4_flex::block::decompress(&compressed[4..], size).map_err(|error| broken(error.to_string()))
}

/// Reads a saved run of any released version, in file or stored form, from its text, migrating it to the current
/// one.
///
/// serde_json's recursion limit stays on: a deeply nested text is an error, never a stack overflow.
pub fn load_run(text: &str) -> Result<Run, SavedError> {
    let text = without_byte_order_mark(text);
    // The stored form of this version, which the app reads for every run at start: straight into a run, without
    // building the JSON tree the migrations work on (an adviser's 1,350 runs open noticeably faster).
    if let Ok(envelope) = serde_json::from_str::<PackedRun>(text) {
        if envelope.format == SAVED_FORMAT_NAME
            && envelope.version == u64::from(SAVED_FORMAT_VERSION)
        {
            let json = unpacked_bytes(&envelope.packed)?;
            let run = serde_json::from_slice::<Run>(&json)
                .map_err(|error| SavedError::Unreadable(error.to_string()))?;
            return Ok(checked(run));
        }
    }
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|error| SavedError::Unreadable(error.to_string()))?;
    load_run_value(value)
}

/// The stored form, as read.
#[derive(Deserialize)]
struct PackedRun {
    format: String,
    version: u64,
    packed: String,
}

/// Reads a saved run of any released version from parsed JSON, migrating it to the current one.
pub fn load_run_value(value: serde_json::Value) -> Result<Run, SavedError> {
    load_with(value, MIGRATIONS)
}

/// Editors on Windows may put a byte order mark before a file they saved; JSON does not allow one.
fn without_byte_order_mark(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

fn load_with(value: serde_json::Value, migrations: &[Migration]) -> Result<Run, SavedError> {
    let format = value
        .get("format")
        .and_then(|format| format.as_str())
        .unwrap_or_default();
    if format != SAVED_FORMAT_NAME {
        return Err(SavedError::Foreign(format.chars().take(100).collect()));
    }
    let version = value
        .get("version")
        .and_then(|version| version.as_u64())
        .unwrap_or(0);
    let current = migrations.len() as u64 + 1;
    if version > current {
        return Err(SavedError::FromTheFuture(
            u32::try_from(version).unwrap_or(u32::MAX),
        ));
    }
    let Some(first) = version.checked_sub(1) else {
        return Err(SavedError::Unreadable(format!(
            "unbekannte Version {version}"
        )));
    };
    let mut value = value;
    if let Some(packed) = value.get("packed").and_then(|packed| packed.as_str()) {
        let run = unpacked_json(packed)?;
        value["run"] = run;
    }
    for migration in migrations.iter().skip(first as usize) {
        value = migration(value)?;
    }
    let run = serde_json::from_value::<SavedRun>(value)
        .map(|saved| saved.run)
        .map_err(|error| SavedError::Unreadable(error.to_string()))?;
    Ok(checked(run))
}

/// What every read run goes through: ids made unique, claims of removal checked against what is present.
fn checked(mut run: Run) -> Run {
    make_measure_ids_unique(&mut run);
    keep_what_is_present(&mut run);
    run
}

/// A company as stored and as it travels in files.
#[derive(Serialize)]
struct SavedCompanyRef<'a> {
    format: &'static str,
    version: u32,
    company: &'a Company,
}

/// Serializes a company for storage.
pub fn save_company(company: &Company) -> String {
    serde_json::to_string(&SavedCompanyRef {
        format: COMPANY_FORMAT_NAME,
        version: COMPANY_FORMAT_VERSION,
        company,
    })
    .unwrap_or_default()
}

/// Reads a stored company.
pub fn load_company(text: &str) -> Result<Company, SavedError> {
    let value: serde_json::Value = serde_json::from_str(without_byte_order_mark(text))
        .map_err(|error| SavedError::Unreadable(error.to_string()))?;
    let format = value
        .get("format")
        .and_then(|f| f.as_str())
        .unwrap_or_default();
    if format != COMPANY_FORMAT_NAME {
        return Err(SavedError::Foreign(format.chars().take(100).collect()));
    }
    check_version(&value, COMPANY_FORMAT_VERSION)?;
    let company = value
        .get("company")
        .cloned()
        .ok_or_else(|| SavedError::Unreadable("kein Betrieb".to_owned()))?;
    serde_json::from_value(company).map_err(|error| SavedError::Unreadable(error.to_string()))
}

fn check_version(value: &serde_json::Value, current: u32) -> Result<(), SavedError> {
    match value.get("version").and_then(|version| version.as_u64()) {
        Some(version) if version > u64::from(current) => Err(SavedError::FromTheFuture(
            u32::try_from(version).unwrap_or(u32::MAX),
        )),
        Some(version) if version >= 1 => Ok(()),
        other => Err(SavedError::Unreadable(format!(
            "unbekannte Version {}",
            other.unwrap_or(0)
        ))),
    }
}

/// An export of companies with all their runs, as plain JSON.
#[derive(Serialize)]
struct WorkspaceRef<'a> {
    format: &'static str,
    version: u32,
    /// The run format the runs are in.
    run_version: u32,
    companies: &'a [&'a Company],
    runs: &'a [&'a Run],
}

/// Serializes companies with their runs: one company's file, or everything.
pub fn save_workspace(companies: &[&Company], runs: &[&Run]) -> String {
    serde_json::to_string(&WorkspaceRef {
        format: WORKSPACE_FORMAT_NAME,
        version: COMPANY_FORMAT_VERSION,
        run_version: SAVED_FORMAT_VERSION,
        companies,
        runs,
    })
    .unwrap_or_default()
}

/// A copy never removes what it holds: a run only records a removal while the answer or measure is gone, so a
/// file that claims both (edited by hand, or crafted) keeps the data and loses the claim. Otherwise merging the run
/// with anything, even itself, would drop it.
fn keep_what_is_present(run: &mut Run) {
    let answers = &run.answers;
    run.changes
        .removed_answers
        .retain(|item_id, _| !answers.contains_key(item_id));
    let measures = &run.measures;
    run.changes
        .removed_measures
        .retain(|measure_id, _| !measures.iter().any(|measure| &measure.id == measure_id));
}

/// Measure ids must be unique (the front end keys its list by them). A hand-edited or crafted file may repeat one;
/// the repeats get a suffix rather than being dropped.
fn make_measure_ids_unique(run: &mut Run) {
    let mut seen = std::collections::BTreeSet::new();
    for index in 0..run.measures.len() {
        if seen.insert(run.measures[index].id.clone()) {
            continue;
        }
        let original = run.measures[index].id.clone();
        let unique = (2..)
            .map(|n| format!("{original}-{n}"))
            .find(|candidate| !run.measures.iter().any(|measure| &measure.id == candidate))
            .unwrap_or_default();
        seen.insert(unique.clone());
        run.measures[index].id = unique;
    }
}

/// Refuses an imported run that no real use produces: limits on counts and lengths, so that a crafted file cannot
/// freeze the page that shows it.
pub fn check_import_limits(run: &Run) -> Result<(), SavedError> {
    let too_long_text = |text: &str| text.chars().count() > MAX_IMPORT_TEXT;
    let too_long_id = |id: &str| id.chars().count() > MAX_IMPORT_ID;
    let problem = if run.answers.len() > MAX_IMPORT_ANSWERS {
        Some(format!("{} Antworten", run.answers.len()))
    } else if run.measures.len() > MAX_IMPORT_MEASURES {
        Some(format!("{} Maßnahmen", run.measures.len()))
    } else if too_long_id(&run.id)
        || too_long_id(&run.catalog_id)
        || too_long_id(&run.company_id)
        || too_long_id(&run.previous_run_id)
        || run.answers.keys().any(|id| too_long_id(id))
        || run
            .starthilfe
            .iter()
            .any(|(id, key)| too_long_id(id) || too_long_id(key))
        || run.free_texts.keys().any(|id| too_long_id(id))
        || run.declarations.len() > MAX_IMPORT_DECLARATIONS
        || run.declarations.iter().any(|(id, entry)| {
            too_long_id(id)
                || too_long_id(&entry.date)
                || entry.signed.as_ref().is_some_and(|signed| {
                    too_long_id(&signed.date) || too_long_id(&signed.fingerprint)
                })
        })
        || run.measures.iter().any(|measure| {
            too_long_id(&measure.id)
                || measure.item_ids.len() > MAX_IMPORT_ANSWERS
                || measure.item_ids.iter().any(|id| too_long_id(id))
        })
        || run
            .answers
            .values()
            .any(|answer| answer.choice.as_deref().is_some_and(too_long_id))
    {
        Some("überlange Kennung".to_owned())
    } else if too_long_text(&run.name)
        || too_long_text(&run.company)
        || too_long_text(&run.company_details.address)
        || too_long_text(&run.company_details.size)
        || too_long_text(&run.company_details.sector)
        || too_long_text(&run.catalog_version)
        || run
            .answers
            .values()
            .any(|answer| too_long_text(&answer.note))
        || run.free_texts.values().any(|text| too_long_text(text))
        || run.measures.iter().any(|measure| {
            too_long_text(&measure.title)
                || too_long_text(&measure.responsible)
                || too_long_text(&measure.control)
                || measure.due.as_deref().is_some_and(too_long_text)
        })
    {
        Some("überlanger Text".to_owned())
    } else {
        team_problem(run)
    };
    problem.map_or(Ok(()), |problem| Err(SavedError::Implausible(problem)))
}

/// Refuses an imported company that no real use produces (see [`check_import_limits`]).
pub fn check_company_limits(company: &Company) -> Result<(), SavedError> {
    if company.id.is_empty() || company.id.chars().count() > MAX_IMPORT_ID {
        return Err(SavedError::Implausible("Kennung eines Betriebs".to_owned()));
    }
    let too_long = crate::company::CompanyField::ALL
        .iter()
        .any(|field| company.field(*field).chars().count() > MAX_IMPORT_TEXT);
    if too_long {
        return Err(SavedError::Implausible("überlanger Text".to_owned()));
    }
    Ok(())
}

/// The most contributions an imported team assessment may hold; a team has a few dozen people.
pub const MAX_IMPORT_CONTRIBUTIONS: usize = 500;

/// What is implausible about a run's team data, if anything.
fn team_problem(run: &Run) -> Option<String> {
    let too_long_text = |text: &str| text.chars().count() > MAX_IMPORT_TEXT;
    let too_long_id = |id: &str| id.chars().count() > MAX_IMPORT_ID;
    if let Some(team) = &run.team {
        let answers: usize = team
            .contributions
            .values()
            .map(|contribution| contribution.answers.len())
            .sum();
        if team.contributions.len() > MAX_IMPORT_CONTRIBUTIONS {
            return Some(format!("{} Beiträge", team.contributions.len()));
        }
        if answers > MAX_IMPORT_ANSWERS * 20 || team.decisions.len() > MAX_IMPORT_ANSWERS {
            return Some(format!("{answers} Einschätzungen im Team"));
        }
        let texts_too_long = too_long_text(&team.name)
            || team.participants.len() > MAX_IMPORT_CONTRIBUTIONS
            || team.participants.iter().any(|name| too_long_text(name))
            || team.modules.iter().any(|id| too_long_id(id))
            || team.decisions.iter().any(|(id, decision)| {
                too_long_id(id)
                    || too_long_text(&decision.reason)
                    || decision.choice.as_deref().is_some_and(too_long_id)
            })
            || team.contributions.iter().any(|(id, contribution)| {
                too_long_id(id)
                    || too_long_text(&contribution.participant)
                    || too_long_text(&contribution.catalog_version)
                    || contribution.answers.iter().any(|(item_id, answer)| {
                        too_long_id(item_id)
                            || too_long_text(&answer.note)
                            || answer.choice.as_deref().is_some_and(too_long_id)
                    })
            });
        if texts_too_long {
            return Some("überlanger Text im Team".to_owned());
        }
    }
    if let Some(participation) = &run.participation {
        let invitation = &participation.invitation;
        if too_long_text(&participation.participant)
            || too_long_text(&invitation.team_name)
            || invitation.modules.len() > MAX_IMPORT_ANSWERS
            || invitation.modules.iter().any(|id| too_long_id(id))
        {
            return Some("überlanger Text im Beitrag".to_owned());
        }
    }
    None
}

/// A backup of stored entries (storage key to the raw stored text), in the backup format.
pub fn save_backup(entries: &BTreeMap<String, String>) -> String {
    serde_json::json!({
        "format": BACKUP_FORMAT_NAME,
        "version": 1,
        "entries": entries,
    })
    .to_string()
}

/// What an imported file holds: the companies and runs that could be read, and how many entries of a backup
/// could not.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The companies the file brings (a run file brings its run's, a workspace file all of its own).
    pub companies: Vec<Company>,
    /// The readable runs.
    pub runs: Vec<Run>,
    /// The entries of a backup that could not be read (they are not imported).
    pub unreadable: usize,
}

/// Reads an exported run (with its company, if the file has it), a workspace file of companies with their runs,
/// or a backup of stored entries. Every run must pass [`check_import_limits`], every company
/// [`check_company_limits`]; a run or workspace file is taken whole or refused whole.
pub fn load_import(text: &str) -> Result<Imported, SavedError> {
    let value: serde_json::Value = serde_json::from_str(without_byte_order_mark(text))
        .map_err(|error| SavedError::Unreadable(error.to_string()))?;
    let format = value.get("format").and_then(|format| format.as_str());
    let imported = match format {
        Some(BACKUP_FORMAT_NAME) => load_backup(&value)?,
        Some(WORKSPACE_FORMAT_NAME) => load_workspace(value)?,
        _ => {
            let company = value
                .get("company")
                .filter(|company| !company.is_null())
                .cloned()
                .map(serde_json::from_value::<Company>)
                .transpose()
                .map_err(|error| SavedError::Unreadable(error.to_string()))?;
            let run = load_run_value(value)?;
            check_import_limits(&run)?;
            Imported {
                companies: company.into_iter().collect(),
                runs: vec![run],
                unreadable: 0,
            }
        }
    };
    for company in &imported.companies {
        check_company_limits(company)?;
    }
    if imported.runs.len() > MAX_IMPORT_RUNS {
        return Err(SavedError::Implausible(format!(
            "{} Durchläufe",
            imported.runs.len()
        )));
    }
    if imported.companies.len() > MAX_IMPORT_COMPANIES {
        return Err(SavedError::Implausible(format!(
            "{} Betriebe",
            imported.companies.len()
        )));
    }
    Ok(imported)
}

fn load_workspace(value: serde_json::Value) -> Result<Imported, SavedError> {
    check_version(&value, COMPANY_FORMAT_VERSION)?;
    let unreadable = |detail: &str| SavedError::Unreadable(detail.to_owned());
    let run_version = value
        .get("run_version")
        .cloned()
        .unwrap_or_else(|| SAVED_FORMAT_VERSION.into());
    let companies = value
        .get("companies")
        .and_then(|companies| companies.as_array())
        .ok_or_else(|| unreadable("Datei ohne Betriebe"))?
        .iter()
        .map(|company| {
            serde_json::from_value::<Company>(company.clone())
                .map_err(|error| SavedError::Unreadable(error.to_string()))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let run_values = value
        .get("runs")
        .and_then(|runs| runs.as_array())
        .ok_or_else(|| unreadable("Datei ohne Durchläufe"))?;
    if run_values.len() > MAX_IMPORT_RUNS {
        return Err(SavedError::Implausible(format!(
            "{} Durchläufe",
            run_values.len()
        )));
    }
    let runs = run_values
        .iter()
        .map(|run| {
            let run = load_run_value(serde_json::json!({
                "format": SAVED_FORMAT_NAME,
                "version": run_version,
                "run": run,
            }))?;
            check_import_limits(&run)?;
            Ok(run)
        })
        .collect::<Result<Vec<_>, SavedError>>()?;
    Ok(Imported {
        companies,
        runs,
        unreadable: 0,
    })
}

fn load_backup(value: &serde_json::Value) -> Result<Imported, SavedError> {
    let entries = value
        .get("entries")
        .and_then(|entries| entries.as_object())
        .ok_or_else(|| SavedError::Unreadable("Sicherung ohne Einträge".to_owned()))?;
    let mut imported = Imported {
        companies: Vec::new(),
        runs: Vec::new(),
        unreadable: 0,
    };
    for (key, entry) in entries {
        let text = entry
            .as_str()
            .ok_or_else(|| SavedError::Unreadable("kein Text".to_owned()));
        if key.starts_with(RUN_KEY_PREFIX) {
            let loaded = text
                .and_then(load_run)
                .and_then(|run| check_import_limits(&run).map(|()| run));
            match loaded {
                Ok(run) => imported.runs.push(run),
                Err(_) => imported.unreadable += 1,
            }
        } else if key.starts_with(COMPANY_KEY_PREFIX) {
            let loaded = text
                .and_then(load_company)
                .and_then(|company| check_company_limits(&company).map(|()| company));
            match loaded {
                Ok(company) => imported.companies.push(company),
                Err(_) => imported.unreadable += 1,
            }
        }
    }
    if imported.runs.is_empty() {
        return Err(SavedError::Unreadable(
            "Sicherung ohne lesbaren Durchlauf".to_owned(),
        ));
    }
    Ok(imported)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Timestamp;

    #[test]
    fn a_saved_run_loads_back_unchanged() {
        let mut run = Run {
            id: "r1".into(),
            catalog_id: "c".into(),
            catalog_version: "1".into(),
            name: "Standort Köln".into(),
            created_at: Timestamp(1),
            updated_at: Timestamp(1),
            answers: Default::default(),
            company: String::new(),
            company_id: String::new(),
            previous_run_id: String::new(),
            starthilfe: Default::default(),
            free_texts: Default::default(),
            measures: Vec::new(),
            company_details: Default::default(),
            declarations: Default::default(),
            changes: Default::default(),
            team: None,
            participation: None,
        };
        run.set_choice("1.1", Some("hoch".into()), Timestamp(2));
        run.set_note("1.1", "„Zitat“ & <b>".into(), Timestamp(3));
        let saved = save_run(&run);
        // The envelope every released version wrote, in this order.
        assert!(
            saved.starts_with(r#"{"format":"checkwerk-run","version":2,"run":{"id":"#),
            "{saved}"
        );
        assert_eq!(load_run(&saved), Ok(run.clone()));
        let stored = store_run(&run);
        assert!(
            stored.starts_with(r#"{"format":"checkwerk-run","version":2,"packed":""#),
            "{stored}"
        );
        assert_eq!(load_run(&stored), Ok(run));
    }

    #[test]
    fn packing_round_trips_every_length_and_needs_no_escape() {
        for length in 0..64_usize {
            let bytes: Vec<u8> = (0..length).map(|index| (index * 37 + 11) as u8).collect();
            let packed = pack(&bytes);
            assert!(
                packed
                    .chars()
                    .all(|c| (0x100..0x8100).contains(&(c as u32))),
                "{length}"
            );
            assert_eq!(unpack(&packed), Ok(bytes), "{length}");
            assert_eq!(packed.chars().count(), 1 + (length * 8).div_ceil(15));
        }
        assert!(unpack("").is_err());
        assert!(unpack("abc").is_err(), "characters below the base");
        assert!(
            unpack("\u{100}\u{9000}").is_err(),
            "characters above the range"
        );
    }

    #[test]
    fn a_damaged_or_crafted_packed_run_is_unreadable_not_a_crash() {
        let envelope = |packed: &str| {
            format!(r#"{{"format":"checkwerk-run","version":2,"packed":"{packed}"}}"#)
        };
        // Claims to unpack to 4 GiB: refused before anything is allocated.
        let huge = pack(&[0xff, 0xff, 0xff, 0xff, 0x00]);
        assert!(matches!(
            load_run(&envelope(&huge)),
            Err(SavedError::Implausible(_))
        ));
        // Claims 100 bytes but holds garbage.
        let garbage = pack(&[100, 0, 0, 0, 0xf0, 1, 2]);
        assert!(matches!(
            load_run(&envelope(&garbage)),
            Err(SavedError::Unreadable(_))
        ));
        assert!(matches!(
            load_run(&envelope("xyz")),
            Err(SavedError::Unreadable(_))
        ));
        // An old build meets the stored form: "from a newer version", not "damaged".
        let stored = store_run(
            &load_run(
                r#"{"format":"checkwerk-run","version":1,"run":{"id":"r","catalog_id":"c"}}"#,
            )
            .expect("loads"),
        );
        assert!(matches!(
            load_with(serde_json::from_str(&stored).expect("json"), &[]),
            Err(SavedError::FromTheFuture(2))
        ));
    }

    #[test]
    fn foreign_future_and_broken_data_are_told_apart() {
        assert!(matches!(
            load_run("{\"todos\":[]}"),
            Err(SavedError::Foreign(_))
        ));
        assert!(matches!(
            load_run("{\"format\":\"checkwerk-run\",\"version\":99}"),
            Err(SavedError::FromTheFuture(99))
        ));
        assert!(matches!(
            load_run("{not json"),
            Err(SavedError::Unreadable(_))
        ));
    }

    #[test]
    fn unknown_fields_are_ignored() {
        let text = r#"{"format":"checkwerk-run","version":1,"extra":true,
            "run":{"id":"r","catalog_id":"c","future_field":[1,2],"answers":{"1.1":{"choice":"hoch","mood":"ok"}}}}"#;
        let run = load_run(text).expect("lenient");
        assert_eq!(run.answers["1.1"].choice.as_deref(), Some("hoch"));
    }

    #[test]
    fn there_is_one_migration_per_released_version_before_the_current() {
        assert_eq!(SAVED_FORMAT_VERSION, 2);
        assert_eq!(SAVED_FORMAT_VERSION as usize, MIGRATIONS.len() + 1);
    }

    #[test]
    fn migrations_run_in_order_from_the_saved_version() {
        // A made-up history, to prove the chain: version 1 called the run "lauf", version 2 kept a "typo".
        fn one_to_two(mut value: serde_json::Value) -> Result<serde_json::Value, SavedError> {
            let run = value["lauf"].take();
            value["run"] = run;
            value["version"] = 2.into();
            Ok(value)
        }
        fn two_to_three(mut value: serde_json::Value) -> Result<serde_json::Value, SavedError> {
            value["typo"] = serde_json::Value::Null;
            value["version"] = 3.into();
            Ok(value)
        }
        let chain: &[Migration] = &[one_to_two, two_to_three];
        let run = |text: &str| load_with(serde_json::from_str(text).expect("json"), chain);
        let old = r#"{"format":"checkwerk-run","version":1,"lauf":{"id":"r","catalog_id":"c"}}"#;
        assert_eq!(run(old).map(|run| run.id), Ok("r".to_owned()));
        let middle = r#"{"format":"checkwerk-run","version":2,"run":{"id":"m","catalog_id":"c"}}"#;
        assert_eq!(run(middle).map(|run| run.id), Ok("m".to_owned()));
        let future = r#"{"format":"checkwerk-run","version":4,"run":{}}"#;
        assert_eq!(run(future), Err(SavedError::FromTheFuture(4)));
        let zero = r#"{"format":"checkwerk-run","version":0,"run":{"id":"m","catalog_id":"c"}}"#;
        assert!(matches!(run(zero), Err(SavedError::Unreadable(_))));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(matches!(load_run(&deep), Err(SavedError::Unreadable(_))));
        let deep_inside = format!(
            r#"{{"format":"checkwerk-run","version":1,"run":{{"id":"r","catalog_id":"c","name":{}1{}}}}}"#,
            "[".repeat(10_000),
            "]".repeat(10_000)
        );
        assert!(matches!(
            load_run(&deep_inside),
            Err(SavedError::Unreadable(_))
        ));
        assert!(load_import(&deep).is_err());
    }

    #[test]
    fn repeated_measure_ids_are_made_unique_not_dropped() {
        let text = r#"{"format":"checkwerk-run","version":1,"run":{"id":"r","catalog_id":"c",
            "measures":[{"id":"m","title":"eins"},{"id":"m","title":"zwei"},{"id":"m-2","title":"drei"}]}}"#;
        let run = load_run(text).expect("loads");
        let ids: Vec<&str> = run.measures.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, vec!["m", "m-3", "m-2"]);
        assert_eq!(run.measures[1].title, "zwei");
    }

    #[test]
    fn wrong_types_are_unreadable() {
        for text in [
            r#"{"format":"checkwerk-run","version":1,"run":{"id":5,"catalog_id":"c"}}"#,
            r#"{"format":"checkwerk-run","version":1,"run":{"id":"r","catalog_id":"c","answers":[1]}}"#,
            r#"{"format":"checkwerk-run","version":1,"run":{"id":"r","catalog_id":"c","answers":{"a":{"priority":999}}}}"#,
            r#"{"format":"checkwerk-run","version":"1","run":{"id":"r","catalog_id":"c"}}"#,
            r#"{"format":"checkwerk-run","version":1,"run":null}"#,
            r#"{"format":["checkwerk-run"]}"#,
            "[]",
            "null",
            "",
        ] {
            assert!(load_run(text).is_err(), "{text}");
        }
    }

    #[test]
    fn implausibly_large_imports_are_refused() {
        let mut run =
            load_run(r#"{"format":"checkwerk-run","version":1,"run":{"id":"r","catalog_id":"c"}}"#)
                .expect("loads");
        assert_eq!(check_import_limits(&run), Ok(()));
        for index in 0..=MAX_IMPORT_ANSWERS {
            run.set_choice(&format!("i{index}"), Some("hoch".into()), Timestamp(1));
        }
        assert!(matches!(
            load_import(&save_run(&run)),
            Err(SavedError::Implausible(_))
        ));
        run.answers.clear();
        run.name = "x".repeat(MAX_IMPORT_TEXT + 1);
        assert!(matches!(
            check_import_limits(&run),
            Err(SavedError::Implausible(_))
        ));
        run.name.clear();
        run.company_details.address = "x".repeat(MAX_IMPORT_TEXT + 1);
        assert!(
            check_import_limits(&run).is_err(),
            "company details are texts too"
        );
        run.company_details.address.clear();
        for index in 0..=MAX_IMPORT_DECLARATIONS {
            run.set_declaration_date(&format!("d{index}"), "2026-12-01".into(), Timestamp(2));
        }
        assert!(check_import_limits(&run).is_err(), "too many declarations");
        run.declarations.clear();
        run.sign_declaration("d", "f".repeat(MAX_IMPORT_ID + 1), Timestamp(3));
        assert!(
            check_import_limits(&run).is_err(),
            "an overlong fingerprint"
        );
    }

    #[test]
    fn a_backup_imports_its_readable_runs() {
        let run = |id: &str| {
            load_run(&format!(
                r#"{{"format":"checkwerk-run","version":1,"run":{{"id":"{id}","catalog_id":"c"}}}}"#
            ))
            .expect("loads")
        };
        let entries = BTreeMap::from([
            ("checkwerk.run.a".to_owned(), save_run(&run("a"))),
            ("checkwerk.run.b".to_owned(), "{kaputt".to_owned()),
            ("checkwerk.language".to_owned(), "\"de\"".to_owned()),
        ]);
        let imported = load_import(&save_backup(&entries)).expect("one readable run");
        assert_eq!(imported.runs, vec![run("a")]);
        assert_eq!(imported.unreadable, 1);
        let only_broken = BTreeMap::from([("checkwerk.run.b".to_owned(), "{kaputt".to_owned())]);
        assert!(load_import(&save_backup(&only_broken)).is_err());
        assert_eq!(
            load_import(&save_run(&run("c"))).map(|i| i.runs),
            Ok(vec![run("c")])
        );
    }

    #[test]
    fn a_file_that_claims_a_present_measure_was_removed_keeps_the_measure() {
        // Found by `cargo fuzz run import`: merging such a run with itself dropped the measure.
        let text = r#"{"format":"checkwerk-run","version":1,"run":{"id":"r","catalog_id":"c",
            "answers":{"a":{"choice":"hoch","updated_at":1}},"measures":[{"id":"m","updated_at":1}],
            "changes":{"removed_answers":{"a":5},"removed_measures":{"m":5}}}}"#;
        let run = load_run(text).expect("loads");
        let mut merged = run.clone();
        assert!(!merged.merge(&run));
        assert_eq!((merged.answers.len(), merged.measures.len()), (1, 1));
    }
}
