//! The user's runs: the one place that changes a run and saves it at once, which run is active per check, and
//! how saving went.
//!
//! Signals hold core values; core types never hold signals. Every save merges in what another tab may have written
//! meanwhile (`Run::merge`, in the core), and what other tabs save arrives through [`storage::on_outside_change`].

use std::collections::BTreeMap;

use checkwerk_core::saved::{load_import, save_backup};
use checkwerk_core::{Catalog, Language, Run, Timestamp};
use leptos::prelude::*;

use crate::clock::{local_date, new_id, now};
use crate::i18n;
use crate::state::catalogs;
use crate::state::language::UiLanguage;
use crate::storage::{self, ImportError, OutsideChange, StorageError, UnreadableEntry};

/// What the user should know about saving.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    /// Nothing changed since the page opened.
    Idle,
    /// The last change is saved.
    Saved,
    /// The last change could not be saved.
    Failed(StorageError),
}

/// The user's runs, which one is active per check, and whether they are saved.
#[derive(Clone, Copy)]
pub struct Runs {
    all: RwSignal<Vec<Run>>,
    active: RwSignal<BTreeMap<String, String>>,
    /// The state of the last save.
    pub status: RwSignal<SaveStatus>,
    /// Saved entries that could not be read and were left untouched.
    pub unreadable: RwSignal<Vec<UnreadableEntry>>,
}

/// The largest run file accepted on import; real runs are a few hundred kilobytes at most.
pub const MAX_IMPORT_BYTES: f64 = 5.0 * 1024.0 * 1024.0;

impl Runs {
    /// Reads the saved runs once at start, and from then on follows what other tabs save.
    pub fn load() -> Self {
        let (runs, unreadable, status) = match storage::load_runs() {
            Ok((runs, unreadable)) => (runs, unreadable, SaveStatus::Idle),
            Err(error) => (Vec::new(), Vec::new(), SaveStatus::Failed(error)),
        };
        let runs = Runs {
            all: RwSignal::new(runs),
            active: RwSignal::new(storage::load_active_runs()),
            status: RwSignal::new(status),
            unreadable: RwSignal::new(unreadable),
        };
        storage::on_outside_change(move |change| runs.take_outside_change(change));
        runs
    }

    /// Takes in what another tab saved: a changed run is merged into ours (newer answers win on either side), a
    /// removed one disappears, one that cannot be read is set aside and shown.
    ///
    /// When the stored copy lacks a newer change of ours, ours is saved again at once. That happens when the
    /// other tab saved without seeing our last save: each tab reads its own cached copy of the storage, which the
    /// browser brings up to date a moment after another tab writes, so two saves milliseconds apart can each
    /// miss the other. Without saving again, our change would be in this tab alone until its next edit.
    fn take_outside_change(&self, change: OutsideChange) {
        match change {
            OutsideChange::Run { run_id, stored } => {
                let key = format!("{}{run_id}", storage::RUN_KEY_PREFIX);
                match stored {
                    Ok(Some(stored)) => {
                        self.unreadable
                            .update(|entries| entries.retain(|entry| entry.key != key));
                        let stored_misses_ours = self.all.with_untracked(|runs| {
                            runs.iter()
                                .find(|run| run.id == stored.id)
                                .is_some_and(|mine| stored.clone().merge(mine))
                        });
                        self.merge_in(*stored);
                        if stored_misses_ours {
                            self.save_again(&run_id);
                        }
                    }
                    Ok(None) => {
                        self.unreadable
                            .update(|entries| entries.retain(|entry| entry.key != key));
                        self.all.update(|runs| runs.retain(|run| run.id != run_id));
                    }
                    Err(entry) => self.unreadable.update(|entries| {
                        entries.retain(|existing| existing.key != entry.key);
                        entries.push(entry);
                    }),
                }
            }
            OutsideChange::Cleared => {
                // Whatever another tab did, the runs in this tab are kept; each is saved again with its next change.
                if let Ok((stored, _)) = storage::load_runs() {
                    for run in stored {
                        self.merge_in(run);
                    }
                }
            }
        }
    }

    /// Saves one run as it is (merging in what is stored, as every save does).
    fn save_again(&self, run_id: &str) {
        let mut result = Ok(());
        self.all.update(|runs| {
            if let Some(run) = runs.iter_mut().find(|run| run.id == run_id) {
                result = storage::save_run(run);
            }
        });
        self.report(result);
    }

    /// Merges a copy of a run into ours, or adds it if it is new here.
    fn merge_in(&self, stored: Run) {
        let changed = self.all.with_untracked(|runs| {
            runs.iter()
                .find(|run| run.id == stored.id)
                .is_none_or(|mine| mine.clone().merge(&stored))
        });
        if changed {
            self.all.update(
                |runs| match runs.iter_mut().find(|run| run.id == stored.id) {
                    Some(mine) => {
                        mine.merge(&stored);
                    }
                    None => runs.push(stored),
                },
            );
        }
    }

    /// Every run of this tab as a backup file, for when they cannot be saved.
    pub fn backup(&self) -> String {
        let entries = self.all.with_untracked(|runs| {
            runs.iter()
                .map(|run| {
                    (
                        format!("{}{}", storage::RUN_KEY_PREFIX, run.id),
                        checkwerk_core::saved::save_run(run),
                    )
                })
                .collect()
        });
        save_backup(&entries)
    }

    /// The stored text of the entries that could not be read, as a backup file (without the ones whose text
    /// could not be read at all).
    pub fn unreadable_backup(&self) -> String {
        let entries = self.unreadable.with_untracked(|entries| {
            entries
                .iter()
                .filter_map(|entry| Some((entry.key.clone(), entry.raw.clone()?)))
                .collect()
        });
        save_backup(&entries)
    }

    fn report(&self, result: Result<(), StorageError>) {
        let status = match result {
            Ok(()) => SaveStatus::Saved,
            Err(error) => SaveStatus::Failed(error),
        };
        // Only a change of state is news: saving again and again must not re-render the indicator.
        if self.status.with_untracked(|current| *current != status) {
            self.status.set(status);
        }
    }

    /// The runs of a catalog, newest first (tracked).
    pub fn of_catalog(&self, catalog_id: &str) -> Vec<Run> {
        self.all.with(|runs| {
            let mut mine: Vec<Run> = runs
                .iter()
                .filter(|run| run.catalog_id == catalog_id)
                .cloned()
                .collect();
            mine.sort_by_key(|run| std::cmp::Reverse(run.created_at));
            mine
        })
    }

    /// The id of the run the user works on for a catalog: the chosen one, else the latest (tracked).
    pub fn active_id(&self, catalog_id: &str) -> Option<String> {
        let chosen = self.active.with(|active| active.get(catalog_id).cloned());
        self.all.with(|runs| {
            chosen
                .filter(|id| {
                    runs.iter()
                        .any(|run| &run.id == id && run.catalog_id == catalog_id)
                })
                .or_else(|| latest(runs, catalog_id).map(|run| run.id.clone()))
        })
    }

    /// Reads the active run of a catalog (tracked).
    pub fn with_active<R>(&self, catalog_id: &str, read: impl FnOnce(Option<&Run>) -> R) -> R {
        let id = self.active_id(catalog_id);
        self.all
            .with(|runs| read(id.and_then(|id| runs.iter().find(|run| run.id == id))))
    }

    /// Reads the active run of a catalog without subscribing to its changes (for event handlers).
    pub fn with_active_untracked<R>(
        &self,
        catalog_id: &str,
        read: impl FnOnce(Option<&Run>) -> R,
    ) -> R {
        untrack(|| self.with_active(catalog_id, read))
    }

    /// The id of the newest run of a catalog that fits a test (tracked), e.g. the one holding a team assessment.
    pub fn find_id(&self, catalog_id: &str, fits: impl Fn(&Run) -> bool) -> Option<String> {
        self.all.with(|runs| {
            runs.iter()
                .filter(|run| run.catalog_id == catalog_id && fits(run))
                .max_by_key(|run| run.created_at)
                .map(|run| run.id.clone())
        })
    }

    /// Reads a run by id (tracked).
    pub fn with_run<R>(&self, run_id: &str, read: impl FnOnce(Option<&Run>) -> R) -> R {
        self.all
            .with(|runs| read(runs.iter().find(|run| run.id == run_id)))
    }

    /// Changes the active run of a catalog, starting one if there is none, and saves it at once.
    pub fn edit_active(&self, catalog: &Catalog, edit: impl FnOnce(&mut Run, Timestamp)) {
        let run_id = match self.active_id(&catalog.id) {
            Some(id) => id,
            None => self.create(catalog, None),
        };
        self.edit(&run_id, catalog, edit);
    }

    /// Changes one run and saves it at once.
    pub fn edit(&self, run_id: &str, catalog: &Catalog, edit: impl FnOnce(&mut Run, Timestamp)) {
        let now = now();
        let mut result = Ok(());
        self.all.update(|runs| {
            if let Some(run) = runs.iter_mut().find(|run| run.id == run_id) {
                edit(run, now);
                run.catalog_version.clone_from(&catalog.version);
                // Saving merges in what another tab saved meanwhile; this tab then shows that merge.
                result = storage::save_run(run);
            }
        });
        self.report(result);
    }

    /// Starts a new run of a catalog, makes it the active one and returns its id.
    pub fn create(&self, catalog: &Catalog, name: Option<String>) -> String {
        let now = now();
        let mut run = Run::new(new_id(now), catalog, now);
        run.name = name.unwrap_or_else(|| default_run_name(self.language(), now));
        self.add(run)
    }

    /// Starts a re-assessment from a copy of a run and makes it the active one.
    pub fn copy(&self, run_id: &str) -> Option<String> {
        let now = now();
        let language = self.language();
        let copy = self.all.with_untracked(|runs| {
            runs.iter().find(|run| run.id == run_id).map(|run| {
                let name = i18n::copy_name(language, &run.name, &local_date(now).german());
                run.copy_as_new(new_id(now), name, now)
            })
        })?;
        Some(self.add(copy))
    }

    fn add(&self, mut run: Run) -> String {
        let id = run.id.clone();
        let catalog_id = run.catalog_id.clone();
        let result = storage::save_run(&mut run);
        self.push(run, result);
        self.activate(&catalog_id, &id);
        id
    }

    /// Adds a run (as saved, with anything saving merged in) and reports how saving it went.
    fn push(&self, run: Run, result: Result<(), StorageError>) {
        self.all.update(|runs| runs.push(run));
        self.report(result);
    }

    /// Makes a run the one the user works on.
    pub fn activate(&self, catalog_id: &str, run_id: &str) {
        self.active.update(|active| {
            active.insert(catalog_id.to_owned(), run_id.to_owned());
        });
        // Which run is active is a convenience; the runs themselves are saved independently.
        let _ = self.active.with_untracked(storage::save_active_runs);
    }

    /// Deletes a run and returns it, so the deletion can be undone with [`Runs::restore`].
    pub fn delete(&self, run_id: &str) -> Option<Run> {
        let mut removed = None;
        self.all.update(|runs| {
            if let Some(index) = runs.iter().position(|run| run.id == run_id) {
                removed = Some(runs.remove(index));
            }
        });
        if removed.is_some() {
            self.report(storage::delete_run(run_id));
        }
        removed
    }

    /// Puts a deleted run back.
    pub fn restore(&self, mut run: Run) {
        let result = storage::save_run(&mut run);
        self.push(run, result);
    }

    /// Imports the runs of an exported file or a backup. A run that is already here is imported as a copy.
    ///
    /// Nothing changes unless the file is readable, plausible and of a check this site has; a run that cannot be
    /// saved because the storage is full is not imported (in memory-only mode it is, for this session).
    pub fn import(&self, text: &str) -> Result<Vec<Run>, ImportError> {
        if text.len() as f64 > MAX_IMPORT_BYTES {
            return Err(ImportError::TooLarge);
        }
        let imported = load_import(text).map_err(ImportError::Unreadable)?;
        if let Some(unknown) = imported
            .runs
            .iter()
            .find(|run| catalogs::find(&run.catalog_id).is_none())
        {
            return Err(ImportError::UnknownCheck(unknown.catalog_id.clone()));
        }
        let mut added = Vec::new();
        for mut run in imported.runs {
            let taken = |id: &str| {
                id.is_empty()
                    || self
                        .all
                        .with_untracked(|runs| runs.iter().any(|existing| existing.id == id))
                    || self.unreadable.with_untracked(|entries| {
                        entries.iter().any(|entry| entry.run_id() == Some(id))
                    })
            };
            if taken(&run.id) {
                run.id = new_id(now());
            }
            match storage::save_run(&mut run) {
                Err(error @ (StorageError::Quota | StorageError::Write(_))) => {
                    self.report(Err(error.clone()));
                    return if added.is_empty() {
                        Err(ImportError::NotSaved(error))
                    } else {
                        Ok(added)
                    };
                }
                result => {
                    let catalog_id = run.catalog_id.clone();
                    let id = run.id.clone();
                    self.push(run.clone(), result);
                    self.activate(&catalog_id, &id);
                    added.push(run);
                }
            }
        }
        Ok(added)
    }

    fn language(&self) -> Language {
        use_context::<UiLanguage>()
            .map_or_else(Language::default, |language| language.0.get_untracked())
    }
}

fn latest<'a>(runs: &'a [Run], catalog_id: &str) -> Option<&'a Run> {
    runs.iter()
        .filter(|run| run.catalog_id == catalog_id)
        .max_by_key(|run| run.updated_at)
}

fn default_run_name(language: Language, now: Timestamp) -> String {
    i18n::run_name(language, &local_date(now).german())
}
