//! The user's runs: the one place that changes a run and saves it at once, which run is active per check (of the
//! current company), and how saving went. It owns the companies too ([`Companies`]): every run belongs to one.
//!
//! Signals hold core values; core types never hold signals. Every save merges in what another tab may have written
//! meanwhile (`Run::merge`, in the core), and what other tabs save arrives through [`storage::on_outside_change`].

use std::collections::BTreeMap;

use checkwerk_core::company::{merge_workspace, place_runs};
use checkwerk_core::run::unique_name;
use checkwerk_core::saved::{load_import, save_backup};
use checkwerk_core::{Catalog, Company, Language, Run, Timestamp};
use leptos::prelude::*;

use crate::clock::{local_date, new_id, now};
use crate::i18n;
use crate::state::catalogs;
use crate::state::companies::Companies;
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

/// Puts the outcome of a save into a save indicator's state. Only a change of state is news: saving again and again
/// must not re-render the indicator.
pub(crate) fn report_save(status: RwSignal<SaveStatus>, result: Result<(), StorageError>) {
    let new = match result {
        Ok(()) => SaveStatus::Saved,
        Err(error) => SaveStatus::Failed(error),
    };
    if status.with_untracked(|current| *current != new) {
        status.set(new);
    }
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
    /// The companies the runs belong to, and the current one.
    pub companies: Companies,
    /// How much of the browser's storage this site uses, in UTF-16 code units (`None`: it cannot be read).
    pub usage: RwSignal<Option<usize>>,
}

/// The largest file accepted on import: a run is a few hundred kilobytes at most, an adviser's whole workspace
/// (50 companies × the 9 bundled checks × 3 runs) about 8.5 MB.
pub const MAX_IMPORT_BYTES: f64 = 32.0 * 1024.0 * 1024.0;

/// What an import brought, for the notice that tells the user.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportOutcome {
    /// Runs that were new here.
    pub added: Vec<Run>,
    /// Runs that were here already and took changes from the file.
    pub updated: Vec<Run>,
    /// Runs that were here already, with everything the file holds (the same file imported again).
    pub unchanged: Vec<Run>,
    /// Companies that were new here.
    pub added_companies: usize,
    /// Entries of a backup that could not be read.
    pub unreadable: usize,
    /// Whether the storage filled up before everything was saved (what was saved stays).
    pub storage_full: bool,
}

impl ImportOutcome {
    /// Every run the file brought, new or known.
    pub fn runs(&self) -> impl Iterator<Item = &Run> {
        self.added
            .iter()
            .chain(&self.updated)
            .chain(&self.unchanged)
    }
}

impl Runs {
    /// Reads the saved runs once at start, and from then on follows what other tabs save.
    ///
    /// Runs saved before companies existed are placed in one here (`company::place_runs`: the same in every tab),
    /// and saved at once in this build's stored form.
    pub fn load() -> Self {
        let (mut loaded, mut unreadable, status) = match storage::load_runs() {
            Ok((runs, unreadable)) => (runs, unreadable, SaveStatus::Idle),
            Err(error) => (Vec::new(), Vec::new(), SaveStatus::Failed(error)),
        };
        let status = RwSignal::new(status);
        let (companies, unreadable_companies) = Companies::load(status);
        unreadable.extend(unreadable_companies);
        let mut company_list = companies.snapshot();
        let current = storage::load_current_company();
        let placement = place_runs(&mut company_list, &mut loaded, current.as_deref());
        companies.replace(company_list);
        let runs = Runs {
            all: RwSignal::new(loaded),
            active: RwSignal::new(storage::load_active_runs()),
            status,
            unreadable: RwSignal::new(unreadable),
            companies,
            usage: RwSignal::new(None),
        };
        if !placement.added_companies.is_empty() {
            companies.save_all(&placement.added_companies);
        }
        for run_id in &placement.placed_runs {
            runs.save_again(run_id);
        }
        runs.measure_usage();
        storage::on_outside_change(move |change| runs.take_outside_change(change));
        runs
    }

    /// Counts again how much of the browser's storage this site uses (after a change in the number of runs).
    pub fn measure_usage(&self) {
        let usage = storage::usage().ok();
        if self.usage.get_untracked() != usage {
            self.usage.set(usage);
        }
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
            OutsideChange::Company { company_id, stored } => {
                let key = format!("{}{company_id}", storage::COMPANY_KEY_PREFIX);
                match stored {
                    Ok(Some(stored)) => {
                        self.unreadable
                            .update(|entries| entries.retain(|entry| entry.key != key));
                        self.companies.merge_in(*stored);
                    }
                    Ok(None) => {
                        self.unreadable
                            .update(|entries| entries.retain(|entry| entry.key != key));
                        self.companies.forget(&company_id);
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

    /// Every run and company of this tab as a backup file, for when they cannot be saved.
    pub fn backup(&self) -> String {
        let mut entries: BTreeMap<String, String> = self.all.with_untracked(|runs| {
            runs.iter()
                .map(|run| {
                    (
                        format!("{}{}", storage::RUN_KEY_PREFIX, run.id),
                        checkwerk_core::saved::save_run(run),
                    )
                })
                .collect()
        });
        for company in self.companies.snapshot() {
            entries.insert(
                format!("{}{}", storage::COMPANY_KEY_PREFIX, company.id),
                checkwerk_core::saved::save_company(&company),
            );
        }
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
        report_save(self.status, result);
    }

    /// The runs of a catalog of the current company, newest first (tracked).
    pub fn of_catalog(&self, catalog_id: &str) -> Vec<Run> {
        let company = self.companies.current_id().unwrap_or_default();
        self.all.with(|runs| {
            let mut mine: Vec<Run> = runs
                .iter()
                .filter(|run| run.catalog_id == catalog_id && run.company_id == company)
                .cloned()
                .collect();
            mine.sort_by_key(|run| std::cmp::Reverse(run.created_at));
            mine
        })
    }

    /// Reads every run of every company (tracked): for the workspace.
    pub fn with_all<R>(&self, read: impl FnOnce(&[Run]) -> R) -> R {
        self.all.with(|runs| read(runs))
    }

    /// The id of the run the user works on for a catalog: of the current company, the chosen one, else the latest
    /// (tracked). Before companies the choice was kept per catalog alone; such a choice still counts.
    pub fn active_id(&self, catalog_id: &str) -> Option<String> {
        let company = self.companies.current_id().unwrap_or_default();
        let chosen = self.active.with(|active| {
            [active_key(&company, catalog_id), catalog_id.to_owned()]
                .iter()
                .filter_map(|key| active.get(key).cloned())
                .collect::<Vec<_>>()
        });
        self.all.with(|runs| {
            chosen
                .into_iter()
                .find(|id| {
                    runs.iter().any(|run| {
                        &run.id == id && run.catalog_id == catalog_id && run.company_id == company
                    })
                })
                .or_else(|| latest(runs, &company, catalog_id).map(|run| run.id.clone()))
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

    /// Reads a run by id with its company (untracked, for exports).
    pub fn with_run_and_company<R>(
        &self,
        run_id: &str,
        read: impl FnOnce(Option<(&Run, Option<&Company>)>) -> R,
    ) -> R {
        let company_id = self.all.with_untracked(|runs| {
            runs.iter()
                .find(|run| run.id == run_id)
                .map(|run| run.company_id.clone())
        });
        let company = company_id.and_then(|id| {
            self.companies
                .snapshot()
                .into_iter()
                .find(|company| company.id == id)
        });
        self.all.with_untracked(|runs| {
            read(
                runs.iter()
                    .find(|run| run.id == run_id)
                    .map(|run| (run, company.as_ref())),
            )
        })
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

    /// Starts a new run of a catalog for the current company (created quietly on a first visit), makes it the
    /// active one and returns its id.
    pub fn create(&self, catalog: &Catalog, name: Option<String>) -> String {
        let now = now();
        let mut run = Run::new(new_id(now), catalog, now);
        run.company_id = self.companies.ensure_current();
        let base = name.unwrap_or_else(|| default_run_name(self.language(), now));
        run.name = self.unique_run_name(&base, &run.company_id, &run.catalog_id);
        self.add(run)
    }

    /// Starts a re-assessment from a copy of a run and makes it the active one.
    pub fn copy(&self, run_id: &str) -> Option<String> {
        let now = now();
        let language = self.language();
        let mut copy = self.all.with_untracked(|runs| {
            runs.iter().find(|run| run.id == run_id).map(|run| {
                let name = i18n::copy_name(language, &run.name, &local_date(now).german());
                run.copy_as_new(new_id(now), name, now)
            })
        })?;
        copy.name = self.unique_run_name(&copy.name, &copy.company_id, &copy.catalog_id);
        Some(self.add(copy))
    }

    /// Starts a follow-up run ("Erneut bewerten") of a run: same company, open measures carried over, ratings
    /// empty (`Run::follow_up`). It becomes the active one.
    pub fn follow_up(&self, run_id: &str) -> Option<String> {
        let now = now();
        let language = self.language();
        let mut follow_up = self.all.with_untracked(|runs| {
            runs.iter().find(|run| run.id == run_id).map(|run| {
                let name = i18n::companies::follow_up_name(language, &local_date(now).german());
                run.follow_up(new_id(now), name, now)
            })
        })?;
        follow_up.name = self.unique_run_name(
            &follow_up.name,
            &follow_up.company_id,
            &follow_up.catalog_id,
        );
        Some(self.add(follow_up))
    }

    /// A name for a run that no other run of the same company and check has.
    fn unique_run_name(&self, base: &str, company_id: &str, catalog_id: &str) -> String {
        self.all.with_untracked(|runs| {
            unique_name(
                base,
                runs.iter()
                    .filter(|run| run.company_id == company_id && run.catalog_id == catalog_id)
                    .map(|run| run.name.as_str()),
            )
        })
    }

    fn add(&self, mut run: Run) -> String {
        let id = run.id.clone();
        let catalog_id = run.catalog_id.clone();
        let result = storage::save_run(&mut run);
        self.push(run, result);
        self.activate(&catalog_id, &id);
        self.measure_usage();
        id
    }

    /// Adds a run (as saved, with anything saving merged in) and reports how saving it went.
    fn push(&self, run: Run, result: Result<(), StorageError>) {
        self.all.update(|runs| runs.push(run));
        self.report(result);
    }

    /// Makes a run the one the user works on (for its company and check; its company becomes the current one).
    pub fn activate(&self, catalog_id: &str, run_id: &str) {
        let company = self.all.with_untracked(|runs| {
            runs.iter()
                .find(|run| run.id == run_id)
                .map(|run| run.company_id.clone())
        });
        let Some(company) = company else {
            return;
        };
        if untrack(|| self.companies.current_id()).as_deref() != Some(company.as_str()) {
            self.companies.choose(&company);
        }
        self.active.update(|active| {
            active.insert(active_key(&company, catalog_id), run_id.to_owned());
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
            self.measure_usage();
        }
        removed
    }

    /// Deletes a company with all its runs and returns them, so that [`Runs::restore_company`] can undo it.
    pub fn delete_company(&self, company_id: &str) -> Option<(Company, Vec<Run>)> {
        let run_ids: Vec<String> = self.all.with_untracked(|runs| {
            runs.iter()
                .filter(|run| run.company_id == company_id)
                .map(|run| run.id.clone())
                .collect()
        });
        let deleted: Vec<Run> = run_ids.iter().filter_map(|id| self.delete(id)).collect();
        let company = self.companies.remove(company_id)?;
        self.measure_usage();
        Some((company, deleted))
    }

    /// Puts a deleted company back with its runs.
    pub fn restore_company(&self, company: Company, runs: Vec<Run>) {
        self.companies.restore(company);
        for run in runs {
            self.restore(run);
        }
        self.measure_usage();
    }

    /// Puts a deleted run back.
    pub fn restore(&self, mut run: Run) {
        let result = storage::save_run(&mut run);
        self.push(run, result);
    }

    /// Imports an exported run, a company's or the whole workspace's file, or a backup: companies and runs are
    /// merged by id (`company::merge_workspace`, in the core), so the same file imported twice adds nothing and a
    /// run that is here already takes only the newer changes. Runs saved before companies existed are placed in
    /// one (by the company name typed on them, else the current company).
    ///
    /// Nothing changes unless the file is readable, plausible and of checks this site has; a run that cannot be
    /// saved because the storage is full is not imported (in memory-only mode it is, for this session), and what
    /// was saved before stays.
    pub fn import(&self, text: &str) -> Result<ImportOutcome, ImportError> {
        if text.len() as f64 > MAX_IMPORT_BYTES {
            return Err(ImportError::TooLarge);
        }
        let mut imported = load_import(text).map_err(ImportError::Unreadable)?;
        if let Some(unknown) = imported
            .runs
            .iter()
            .find(|run| !catalogs::is_known(&run.catalog_id))
        {
            return Err(ImportError::UnknownCheck(unknown.catalog_id.clone()));
        }
        // Runs whose id is stored but unreadable here get a new id: the unreadable copy stays untouched.
        for run in &mut imported.runs {
            let unreadable_here = run.id.is_empty()
                || self.unreadable.with_untracked(|entries| {
                    entries
                        .iter()
                        .any(|entry| entry.run_id() == Some(run.id.as_str()))
                });
            if unreadable_here {
                run.id = new_id(now());
            }
        }
        let mut companies = self.companies.snapshot();
        let mut runs = self.all.get_untracked();
        let before: std::collections::BTreeSet<String> =
            runs.iter().map(|run| run.id.clone()).collect();
        let mut report = merge_workspace(
            &mut companies,
            &mut runs,
            &imported.companies,
            &imported.runs,
        );
        // A run of another check under a taken id is a different run: it comes in under a new id.
        for mut conflicting in std::mem::take(&mut report.conflicting_runs) {
            conflicting.id = new_id(now());
            report.added_runs.push(conflicting.id.clone());
            runs.push(conflicting);
        }
        let current = untrack(|| self.companies.current_id());
        let placement = place_runs(&mut companies, &mut runs, current.as_deref());
        // New runs whose name another run of their company and check has get a number.
        let now = now();
        for id in &report.added_runs {
            let Some(index) = runs.iter().position(|run| &run.id == id) else {
                continue;
            };
            let run = &runs[index];
            let name = unique_name(
                &run.name,
                runs.iter()
                    .filter(|other| {
                        other.id != run.id
                            && before.contains(&other.id)
                            && other.company_id == run.company_id
                            && other.catalog_id == run.catalog_id
                    })
                    .map(|other| other.name.as_str()),
            );
            if name != runs[index].name {
                runs[index].rename(name, now);
            }
        }

        let mut outcome = ImportOutcome {
            added_companies: report.added_companies.len() + placement.added_companies.len(),
            unreadable: imported.unreadable,
            ..ImportOutcome::default()
        };
        for company in companies.iter().filter(|company| {
            report.added_companies.contains(&company.id)
                || report.changed_companies.contains(&company.id)
                || placement.added_companies.contains(&company.id)
        }) {
            self.companies.restore(company.clone());
        }
        let touched = report
            .added_runs
            .iter()
            .map(|id| (id, 0))
            .chain(report.changed_runs.iter().map(|id| (id, 1)))
            .chain(report.unchanged_runs.iter().map(|id| (id, 2)))
            .chain(
                placement
                    .placed_runs
                    .iter()
                    .filter(|id| before.contains(*id))
                    .map(|id| (id, 1)),
            );
        let mut seen = std::collections::BTreeSet::new();
        for (id, kind) in touched {
            if !seen.insert(id.clone()) {
                continue;
            }
            let Some(mut run) = runs.iter().find(|run| &run.id == id).cloned() else {
                continue;
            };
            if kind < 2 {
                match storage::save_run(&mut run) {
                    Err(error @ (StorageError::Quota | StorageError::Write(_))) => {
                        self.report(Err(error.clone()));
                        if outcome.runs().next().is_none() {
                            return Err(ImportError::NotSaved(error));
                        }
                        outcome.storage_full = true;
                        break;
                    }
                    result => self.report(result),
                }
                self.merge_in(run.clone());
            }
            match kind {
                0 => outcome.added.push(run),
                1 => outcome.updated.push(run),
                _ => outcome.unchanged.push(run),
            }
        }
        // A file of one company's runs: that company becomes the current one, its latest run of each check the
        // one worked on. (A file of several companies changes neither; the workspace lists them.)
        let mut of_file: Vec<&Run> = outcome.runs().collect();
        let one_company = of_file
            .first()
            .map(|first| &first.company_id)
            .filter(|company| of_file.iter().all(|run| &run.company_id == *company));
        if one_company.is_some() {
            of_file.sort_by(|a, b| (a.created_at, &a.id).cmp(&(b.created_at, &b.id)));
            for run in of_file {
                self.activate(&run.catalog_id, &run.id);
            }
        }
        self.measure_usage();
        Ok(outcome)
    }

    fn language(&self) -> Language {
        use_context::<UiLanguage>()
            .map_or_else(Language::default, |language| language.0.get_untracked())
    }
}

fn latest<'a>(runs: &'a [Run], company_id: &str, catalog_id: &str) -> Option<&'a Run> {
    runs.iter()
        .filter(|run| run.catalog_id == catalog_id && run.company_id == company_id)
        .max_by_key(|run| run.updated_at)
}

/// The key of a check's active run in the stored choice: per company.
fn active_key(company_id: &str, catalog_id: &str) -> String {
    format!("{company_id}/{catalog_id}")
}

fn default_run_name(language: Language, now: Timestamp) -> String {
    i18n::run_name(language, &local_date(now).german())
}
