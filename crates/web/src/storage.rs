//! The only module that touches the browser's localStorage. Every failure is a named [`StorageError`], reported
//! to the app, never a panic; nothing here unwraps a browser API.
//!
//! Keys: `checkwerk.run.<run id>` holds one run in the core's stored form (compressed: an adviser's 1,350 runs
//! fit the browser's 5 million characters); `checkwerk.company.<company id>` one company; `checkwerk.language` the
//! UI language; `checkwerk.active-runs` which run of each check the user works on, per company;
//! `checkwerk.current-company` the company the user works on; `checkwerk.view.<page>` how the user last sorted and
//! filtered a list (e.g. `checkwerk.view.massnahmen.energie-sparen`). One key per run keeps a write small and lets
//! two tabs change different runs without overwriting each other. A write of one key either happens whole or not
//! at all (a full quota throws before anything changes), so a failed save leaves the previous value intact.
//!
//! Two tabs on the same run: before every write the stored copy is read again and merged in ([`Run::merge`], per
//! answer and measure by time), so a stale tab never overwrites newer answers; and [`on_outside_change`] tells the
//! app when another tab wrote, so the change appears here too. Data under our keys that cannot be read is never
//! overwritten: it stays as it is until the user has taken it away.

use std::cell::RefCell;
use std::collections::BTreeMap;

use checkwerk_core::saved::{self, load_company, load_run, SavedError};
use checkwerk_core::{Company, Language, Run};
use js_sys::JsString;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use crate::js_error::describe;

pub use checkwerk_core::saved::{COMPANY_KEY_PREFIX, RUN_KEY_PREFIX};

/// Every key of ours starts with this.
const APP_KEY_PREFIX: &str = "checkwerk.";
const LANGUAGE_KEY: &str = "checkwerk.language";
const ACTIVE_RUNS_KEY: &str = "checkwerk.active-runs";
const CURRENT_COMPANY_KEY: &str = "checkwerk.current-company";
/// How many UTF-16 code units Chromium lets one site keep in localStorage (keys and values; measured with
/// Chromium 156: the write past 5 Mi units throws, whatever the characters). Firefox and Safari allow about as much.
pub const QUOTA_UNITS: usize = 5 * 1024 * 1024;
/// From this share of [`QUOTA_UNITS`] on, every page warns that the storage fills up, and says what to do.
pub const WARN_PERCENT: usize = 80;
/// Before the name of a list whose sort and filters are remembered.
const VIEW_KEY_PREFIX: &str = "checkwerk.view.";
/// Set by hand (or by a test) to allow the `?panic-test` address to crash the app on purpose.
const TEST_PANIC_KEY: &str = "checkwerk.test-panic";
/// Marks the copy of a run that could not be saved, in a backup beside the stored copy of the same run.
const UNSAVED_SUFFIX: &str = "~ungespeichert";

/// Why storage failed.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum StorageError {
    /// Occurs when localStorage is disabled or blocked (private mode, a sandboxed or third-party frame, browser
    /// settings): the app runs in memory.
    Unavailable,
    /// Occurs when reading a key throws.
    Read(String),
    /// Occurs when the storage quota is exhausted. The write did not happen; the stored value is unchanged.
    Quota,
    /// Occurs when a write fails for another reason. The stored value is unchanged.
    Write(String),
    /// Occurs when the value stored under one of our keys cannot be read as ours (damaged, another app's, from a
    /// newer Checkwerk). It is left untouched and is not overwritten.
    Decode(SavedError),
}

/// Why an imported file was refused: it was not taken into this browser's storage, and nothing changed.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    /// The file is too large to be a run.
    TooLarge,
    /// The file is not a Checkwerk run.
    Unreadable(SavedError),
    /// The run belongs to a check this site does not have.
    UnknownCheck(String),
    /// The run could be read but not saved (the browser's storage is full); it was not imported.
    NotSaved(StorageError),
}

/// Saved data under our keys that could not be read; it is left in place untouched.
#[derive(Debug, Clone, PartialEq)]
pub struct UnreadableEntry {
    /// The storage key.
    pub key: String,
    /// The stored text, where it could be read at all, to offer for download.
    pub raw: Option<String>,
    /// Why it could not be read.
    pub error: StorageError,
}

impl UnreadableEntry {
    /// The id of the run the key is for.
    pub fn run_id(&self) -> Option<&str> {
        self.key.strip_prefix(RUN_KEY_PREFIX)
    }
}

thread_local! {
    /// Runs whose last save failed, as saved text by storage key: what a crash backup must still contain.
    static UNSAVED: RefCell<BTreeMap<String, String>> = const { RefCell::new(BTreeMap::new()) };
    /// The text of each run key as this tab last read or wrote it, kept as a JavaScript string: while the key
    /// still holds exactly that text, no other tab wrote it since, the run in memory already contains it, and a
    /// save compares the two in JavaScript without copying the stored text into the app.
    static KNOWN: RefCell<BTreeMap<String, JsString>> = const { RefCell::new(BTreeMap::new()) };
}

#[wasm_bindgen]
extern "C" {
    /// A `Storage` whose texts stay JavaScript strings (web-sys copies each into the app).
    #[wasm_bindgen(js_name = Storage)]
    type JsTextStorage;
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item(this: &JsTextStorage, key: &str) -> Result<Option<JsString>, JsValue>;
    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set_item(this: &JsTextStorage, key: &str, value: &JsString) -> Result<(), JsValue>;
}

/// Remembers the text a run key holds as this tab last saw it (`None`: the key is gone).
fn remember_known(key: &str, text: Option<&JsString>) {
    KNOWN.with(|cell| {
        if let Ok(mut known) = cell.try_borrow_mut() {
            match text {
                Some(text) => known.insert(key.to_owned(), text.clone()),
                None => known.remove(key),
            };
        }
    });
}

/// Whether a run key holds what this tab last saw there (compared in JavaScript, as `===` does).
fn is_known(key: &str, text: &JsString) -> bool {
    KNOWN.with(|cell| {
        cell.try_borrow().is_ok_and(|known| {
            known
                .get(key)
                .is_some_and(|seen| JsValue::from(seen) == JsValue::from(text))
        })
    })
}

/// The storage, or why there is none. Merely asking for it throws where it is blocked, so this never assumes.
fn local_storage() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .ok_or(StorageError::Unavailable)?
        .local_storage()
        .ok()
        .flatten()
        .ok_or(StorageError::Unavailable)
}

fn read(storage: &web_sys::Storage, key: &str) -> Result<Option<String>, StorageError> {
    storage
        .get_item(key)
        .map_err(|error| StorageError::Read(describe(&error)))
}

/// Reads a key's text without copying it into the app.
fn read_as_js(storage: &web_sys::Storage, key: &str) -> Result<Option<JsString>, StorageError> {
    storage
        .unchecked_ref::<JsTextStorage>()
        .get_item(key)
        .map_err(|error| StorageError::Read(describe(&error)))
}

fn write(storage: &web_sys::Storage, key: &str, value: &str) -> Result<(), StorageError> {
    write_js(storage, key, &JsString::from(value))
}

fn write_js(storage: &web_sys::Storage, key: &str, value: &JsString) -> Result<(), StorageError> {
    storage
        .unchecked_ref::<JsTextStorage>()
        .set_item(key, value)
        .map_err(|error| {
            let quota = error
                .dyn_ref::<web_sys::DomException>()
                .is_some_and(|exception| {
                    // Firefox once named it differently; the legacy code 22 covers the rest.
                    matches!(
                        exception.name().as_str(),
                        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED"
                    ) || exception.code() == 22
                });
            if quota {
                StorageError::Quota
            } else {
                StorageError::Write(describe(&error))
            }
        })
}

/// Our keys in storage.
fn app_keys(storage: &web_sys::Storage) -> Result<Vec<String>, StorageError> {
    let length = storage
        .length()
        .map_err(|error| StorageError::Read(describe(&error)))?;
    Ok((0..length)
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(|key| key.starts_with(APP_KEY_PREFIX))
        .collect())
}

/// Reads the run under a key. The key names the run: a stored copy whose id differs (edited by hand) takes the
/// key's id, so that it is saved back where it came from and no two runs share an id.
fn read_run(
    storage: &web_sys::Storage,
    key: &str,
) -> Result<Option<Run>, (Option<String>, StorageError)> {
    let Some(text) = read_as_js(storage, key).map_err(|error| (None, error))? else {
        return Ok(None);
    };
    parse_run(key, &text)
}

/// Reads a run from the text stored under a key (see [`read_run`]) and remembers that text as seen.
fn parse_run(key: &str, stored: &JsString) -> Result<Option<Run>, (Option<String>, StorageError)> {
    let text = String::from(stored);
    match load_run(&text) {
        Ok(mut run) => {
            if let Some(id) = key.strip_prefix(RUN_KEY_PREFIX) {
                id.clone_into(&mut run.id);
            }
            remember_known(key, Some(stored));
            Ok(Some(run))
        }
        Err(error) => Err((Some(text), StorageError::Decode(error))),
    }
}

/// Reads every saved run, setting aside the entries that cannot be read.
pub fn load_runs() -> Result<(Vec<Run>, Vec<UnreadableEntry>), StorageError> {
    let storage = local_storage()?;
    let mut runs = Vec::new();
    let mut unreadable = Vec::new();
    for key in app_keys(&storage)? {
        if !key.starts_with(RUN_KEY_PREFIX) {
            continue;
        }
        match read_run(&storage, &key) {
            Ok(Some(run)) => runs.push(run),
            Ok(None) => {}
            Err((raw, error)) => unreadable.push(UnreadableEntry { key, raw, error }),
        }
    }
    Ok((runs, unreadable))
}

/// Saves one run under its own key.
///
/// The stored copy is read first and merged into `run`, so that what another tab saved meanwhile is kept and shown.
/// (When the stored text is still the one this tab last read or wrote, there is nothing to merge, and the save
/// costs one read of the text, compared in JavaScript, and one write.) Nothing is written when the stored copy
/// cannot be read (it stays untouched, and `run` is unchanged) or when the write fails (a full quota): the
/// previously stored value then stays exactly as it was.
pub fn save_run(run: &mut Run) -> Result<(), StorageError> {
    let key = run_key(&run.id);
    let result = (|| {
        let storage = local_storage()?;
        match read_as_js(&storage, &key)? {
            Some(text) if is_known(&key, &text) => {}
            Some(text) => match parse_run(&key, &text) {
                Ok(Some(stored)) => {
                    run.merge(&stored);
                }
                Ok(None) => {}
                Err((_, error)) => return Err(error),
            },
            None => {}
        }
        let text = JsString::from(saved::store_run(run));
        write_js(&storage, &key, &text)?;
        remember_known(&key, Some(&text));
        Ok(())
    })();
    remember_unsaved(&key, result.as_ref().err().map(|_| &*run));
    result
}

/// Keeps the run whose save failed for a crash backup, or forgets it once saved.
fn remember_unsaved(key: &str, unsaved: Option<&Run>) {
    UNSAVED.with(|cell| {
        if let Ok(mut map) = cell.try_borrow_mut() {
            match unsaved {
                Some(run) => map.insert(key.to_owned(), saved::save_run(run)),
                None => map.remove(key),
            };
        }
    });
}

/// Removes one run.
pub fn delete_run(run_id: &str) -> Result<(), StorageError> {
    let key = run_key(run_id);
    remember_unsaved(&key, None);
    remember_known(&key, None);
    local_storage()?
        .remove_item(&key)
        .map_err(|error| StorageError::Write(describe(&error)))
}

/// Reads the company under a key; a stored copy whose id differs (edited by hand) takes the key's id.
fn read_company(
    storage: &web_sys::Storage,
    key: &str,
) -> Result<Option<Company>, (Option<String>, StorageError)> {
    let Some(stored) = read_as_js(storage, key).map_err(|error| (None, error))? else {
        return Ok(None);
    };
    parse_company(key, &stored)
}

fn parse_company(
    key: &str,
    stored: &JsString,
) -> Result<Option<Company>, (Option<String>, StorageError)> {
    let text = String::from(stored);
    match load_company(&text) {
        Ok(mut company) => {
            if let Some(id) = key.strip_prefix(COMPANY_KEY_PREFIX) {
                id.clone_into(&mut company.id);
            }
            remember_known(key, Some(stored));
            Ok(Some(company))
        }
        Err(error) => Err((Some(text), StorageError::Decode(error))),
    }
}

/// Reads every saved company, setting aside the entries that cannot be read.
pub fn load_companies() -> Result<(Vec<Company>, Vec<UnreadableEntry>), StorageError> {
    let storage = local_storage()?;
    let mut companies = Vec::new();
    let mut unreadable = Vec::new();
    for key in app_keys(&storage)? {
        if !key.starts_with(COMPANY_KEY_PREFIX) {
            continue;
        }
        match read_company(&storage, &key) {
            Ok(Some(company)) => companies.push(company),
            Ok(None) => {}
            Err((raw, error)) => unreadable.push(UnreadableEntry { key, raw, error }),
        }
    }
    Ok((companies, unreadable))
}

/// Saves one company under its own key, merging in the stored copy first, as [`save_run`] does for a run.
pub fn save_company(company: &mut Company) -> Result<(), StorageError> {
    let key = company_key(&company.id);
    let storage = local_storage()?;
    match read_as_js(&storage, &key)? {
        Some(text) if is_known(&key, &text) => {}
        Some(text) => match parse_company(&key, &text) {
            Ok(Some(stored)) => {
                company.merge(&stored);
            }
            Ok(None) => {}
            Err((_, error)) => return Err(error),
        },
        None => {}
    }
    let text = JsString::from(saved::save_company(company));
    write_js(&storage, &key, &text)?;
    remember_known(&key, Some(&text));
    Ok(())
}

/// Removes one company (its runs are removed one by one by the caller).
pub fn delete_company(company_id: &str) -> Result<(), StorageError> {
    let key = company_key(company_id);
    remember_known(&key, None);
    local_storage()?
        .remove_item(&key)
        .map_err(|error| StorageError::Write(describe(&error)))
}

fn company_key(company_id: &str) -> String {
    format!("{COMPANY_KEY_PREFIX}{company_id}")
}

/// The company the user worked on last, if any.
pub fn load_current_company() -> Option<String> {
    let text = read(&local_storage().ok()?, CURRENT_COMPANY_KEY).ok()??;
    serde_json::from_str(&text).ok()
}

/// Remembers the company the user works on.
pub fn save_current_company(company_id: &str) -> Result<(), StorageError> {
    let text = serde_json::to_string(company_id).unwrap_or_default();
    write(&local_storage()?, CURRENT_COMPANY_KEY, &text)
}

/// How many UTF-16 code units this site's localStorage holds (keys and values, ours and anyone else's on this
/// origin): what the browser counts against [`QUOTA_UNITS`]. Reads lengths in JavaScript; nothing is copied.
pub fn usage() -> Result<usize, StorageError> {
    let storage = local_storage()?;
    let length = storage
        .length()
        .map_err(|error| StorageError::Read(describe(&error)))?;
    let mut units = 0;
    for index in 0..length {
        let Some(key) = storage.key(index).ok().flatten() else {
            continue;
        };
        let value = read_as_js(&storage, &key)?.map_or(0, |value| value.length() as usize);
        units += key.encode_utf16().count() + value;
    }
    Ok(units)
}

/// Which run of each check (catalog id → run id) the user works on.
pub fn load_active_runs() -> BTreeMap<String, String> {
    local_storage()
        .and_then(|storage| read(&storage, ACTIVE_RUNS_KEY))
        .ok()
        .flatten()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Remembers which run of each check the user works on.
pub fn save_active_runs(active: &BTreeMap<String, String>) -> Result<(), StorageError> {
    let text = serde_json::to_string(active).unwrap_or_default();
    write(&local_storage()?, ACTIVE_RUNS_KEY, &text)
}

fn run_key(run_id: &str) -> String {
    format!("{RUN_KEY_PREFIX}{run_id}")
}

/// The language the user chose last time, if any.
pub fn load_language() -> Option<Language> {
    let text = read(&local_storage().ok()?, LANGUAGE_KEY).ok()??;
    let tag: String = serde_json::from_str(&text).ok()?;
    Language::from_tag(&tag)
}

/// Remembers the user's language.
pub fn save_language(language: Language) -> Result<(), StorageError> {
    let text = serde_json::to_string(language.tag()).unwrap_or_default();
    write(&local_storage()?, LANGUAGE_KEY, &text)
}

/// How the user last sorted and filtered a list, as names and values (each value a stable key of the core's, such
/// as a sort key or a status); empty when nothing was remembered or it cannot be read.
pub fn load_view(list: &str) -> BTreeMap<String, String> {
    local_storage()
        .and_then(|storage| read(&storage, &format!("{VIEW_KEY_PREFIX}{list}")))
        .ok()
        .flatten()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Remembers how the user sorted and filtered a list.
pub fn save_view(list: &str, view: &BTreeMap<String, String>) -> Result<(), StorageError> {
    let text = serde_json::to_string(view).unwrap_or_default();
    write(
        &local_storage()?,
        &format!("{VIEW_KEY_PREFIX}{list}"),
        &text,
    )
}

/// What another tab changed in storage.
#[derive(Debug, Clone, PartialEq)]
pub enum OutsideChange {
    /// A run was written or removed; `stored` is what the key holds now (`None`: removed).
    Run {
        /// The run's id, from its key.
        run_id: String,
        /// The stored run, or why it cannot be read.
        stored: Result<Option<Box<Run>>, UnreadableEntry>,
    },
    /// A company was written or removed; `stored` is what the key holds now (`None`: removed).
    Company {
        /// The company's id, from its key.
        company_id: String,
        /// The stored company, or why it cannot be read.
        stored: Result<Option<Box<Company>>, UnreadableEntry>,
    },
    /// The whole storage was cleared.
    Cleared,
}

/// Calls `handler` whenever another tab of this site changes one of our runs or companies. (A tab is not told of its own
/// writes.) The changed key is read again rather than trusting the event's copy, which may already be stale.
pub fn on_outside_change(handler: impl Fn(OutsideChange) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::StorageEvent)>::new(
        move |event: web_sys::StorageEvent| {
            let Ok(storage) = local_storage() else {
                return;
            };
            // sessionStorage raises the same event; only ours counts.
            let ours = event
                .storage_area()
                .is_some_and(|area| JsValue::from(area) == JsValue::from(storage.clone()));
            if !ours {
                return;
            }
            let Some(key) = event.key() else {
                handler(OutsideChange::Cleared);
                return;
            };
            if let Some(company_id) = key.strip_prefix(COMPANY_KEY_PREFIX) {
                let stored = read_company(&storage, &key)
                    .map(|company| company.map(Box::new))
                    .map_err(|(raw, error)| UnreadableEntry {
                        key: key.clone(),
                        raw,
                        error,
                    });
                handler(OutsideChange::Company {
                    company_id: company_id.to_owned(),
                    stored,
                });
                return;
            }
            let Some(run_id) = key.strip_prefix(RUN_KEY_PREFIX) else {
                return;
            };
            let stored = read_run(&storage, &key)
                .map(|run| run.map(Box::new))
                .map_err(|(raw, error)| UnreadableEntry {
                    key: key.clone(),
                    raw,
                    error,
                });
            handler(OutsideChange::Run {
                run_id: run_id.to_owned(),
                stored,
            });
        },
    );
    if window
        .add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref())
        .is_ok()
    {
        // The listener lives as long as the page.
        listener.forget();
    }
}

/// Every value stored under our keys, as raw text, plus the runs whose last save failed: the backup offered after
/// a crash. Uses nothing but the browser's storage and never panics, since it runs in the panic hook.
pub fn raw_entries() -> BTreeMap<String, String> {
    let mut entries = BTreeMap::new();
    if let Ok(storage) = local_storage() {
        for key in app_keys(&storage).unwrap_or_default() {
            if let Ok(Some(text)) = read(&storage, &key) {
                entries.insert(key, text);
            }
        }
    }
    UNSAVED.with(|cell| {
        if let Ok(unsaved) = cell.try_borrow() {
            for (key, text) in unsaved.iter() {
                let key = if entries.contains_key(key) {
                    format!("{key}{UNSAVED_SUFFIX}")
                } else {
                    key.clone()
                };
                entries.insert(key, text.clone());
            }
        }
    });
    entries
}

/// Whether the hidden crash test may run: only where someone set its flag in this browser's storage by hand.
pub fn test_panic_allowed() -> bool {
    local_storage()
        .and_then(|storage| read(&storage, TEST_PANIC_KEY))
        .ok()
        .flatten()
        .is_some()
}
