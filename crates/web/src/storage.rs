//! The only module that touches the browser's localStorage. Every failure is a named [`StorageError`], reported
//! to the app, never a panic.
//!
//! Keys: `checkwerk.run.<run id>` holds one run in the core's saved format; `checkwerk.language` the UI language;
//! `checkwerk.active-runs` which run of each check the user works on. One key per run keeps a write small and lets
//! two tabs change different runs without overwriting each other.

use std::collections::BTreeMap;

use checkwerk_core::saved::{load_run_value, SavedError, SavedRun};
use checkwerk_core::{Language, Run};
use gloo_storage::{LocalStorage, Storage};

const RUN_KEY_PREFIX: &str = "checkwerk.run.";
const LANGUAGE_KEY: &str = "checkwerk.language";
const ACTIVE_RUNS_KEY: &str = "checkwerk.active-runs";

/// Why storage failed.
#[derive(Debug, Clone, PartialEq)]
pub enum StorageError {
    /// localStorage is disabled or blocked (private mode, sandboxed frame, browser settings).
    Unavailable,
    /// Writing failed, most often because the storage quota is exhausted.
    Write(String),
}

/// Saved data under our keys that could not be read; it is left in place untouched.
#[derive(Debug, Clone, PartialEq)]
pub struct UnreadableEntry {
    /// The storage key.
    pub key: String,
    /// Why it could not be read.
    pub error: SavedError,
}

/// Whether localStorage can be used at all. Accessing it can throw (e.g. in a sandboxed frame), so ask first.
pub fn is_available() -> bool {
    web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .is_some()
}

/// Reads every saved run, setting aside the entries that cannot be read.
pub fn load_runs() -> Result<(Vec<Run>, Vec<UnreadableEntry>), StorageError> {
    if !is_available() {
        return Err(StorageError::Unavailable);
    }
    let storage = LocalStorage::raw();
    let length = storage.length().map_err(|_| StorageError::Unavailable)?;
    let keys: Vec<String> = (0..length)
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(|key| key.starts_with(RUN_KEY_PREFIX))
        .collect();
    let mut runs = Vec::new();
    let mut unreadable = Vec::new();
    for key in keys {
        let loaded = LocalStorage::get::<serde_json::Value>(&key)
            .map_err(|error| SavedError::Unreadable(error.to_string()))
            .and_then(load_run_value);
        match loaded {
            Ok(run) => runs.push(run),
            Err(error) => unreadable.push(UnreadableEntry { key, error }),
        }
    }
    Ok((runs, unreadable))
}

/// Saves one run under its own key.
pub fn save_run(run: &Run) -> Result<(), StorageError> {
    if !is_available() {
        return Err(StorageError::Unavailable);
    }
    LocalStorage::set(run_key(&run.id), SavedRun::current(run))
        .map_err(|error| StorageError::Write(error.to_string()))
}

/// Removes one run.
pub fn delete_run(run_id: &str) -> Result<(), StorageError> {
    if !is_available() {
        return Err(StorageError::Unavailable);
    }
    LocalStorage::delete(run_key(run_id));
    Ok(())
}

/// Which run of each check (catalog id → run id) the user works on.
pub fn load_active_runs() -> BTreeMap<String, String> {
    if !is_available() {
        return BTreeMap::new();
    }
    LocalStorage::get(ACTIVE_RUNS_KEY).unwrap_or_default()
}

/// Remembers which run of each check the user works on.
pub fn save_active_runs(active: &BTreeMap<String, String>) -> Result<(), StorageError> {
    if !is_available() {
        return Err(StorageError::Unavailable);
    }
    LocalStorage::set(ACTIVE_RUNS_KEY, active)
        .map_err(|error| StorageError::Write(error.to_string()))
}

fn run_key(run_id: &str) -> String {
    format!("{RUN_KEY_PREFIX}{run_id}")
}

/// The language the user chose last time, if any.
pub fn load_language() -> Option<Language> {
    if !is_available() {
        return None;
    }
    LocalStorage::get::<String>(LANGUAGE_KEY)
        .ok()
        .and_then(|tag| Language::from_tag(&tag))
}

/// Remembers the user's language.
pub fn save_language(language: Language) -> Result<(), StorageError> {
    if !is_available() {
        return Err(StorageError::Unavailable);
    }
    LocalStorage::set(LANGUAGE_KEY, language.tag())
        .map_err(|error| StorageError::Write(error.to_string()))
}
