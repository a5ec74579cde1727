//! The user's companies (Betriebe) and which one they work on: the only place that changes and saves a company.
//!
//! Someone with one company never sees the concept: it is created quietly when their first run or company name is
//! saved, named from what they type as the company's name. With more than one, the check pages show the runs of the
//! current company, and the workspace (`pages/workspace.rs`) lists them all.
//!
//! [`Runs`](crate::state::Runs) owns this state: it reads the current company for every run it shows or starts, and
//! it gives every run a company when it loads (`company::place_runs`, in the core).
//!
//! A self-declaration names the company of its runs: [`Companies::record_company`] is the one place it reads it,
//! [`set_record_field`] the one place its form writes it.

use checkwerk_core::declaration::{self, RecordCompany};
use checkwerk_core::{Catalog, Company, CompanyField, Run, Timestamp};
use leptos::prelude::*;

use crate::clock::{new_id, now};
use crate::state::runs::{Runs, SaveStatus};
use crate::storage::{self, StorageError, UnreadableEntry};

/// The companies, the current one, and the save state they report to (shared with the runs).
#[derive(Clone, Copy)]
pub struct Companies {
    all: RwSignal<Vec<Company>>,
    /// The company chosen last; the current one is this if it exists (see [`Companies::current_id`]).
    chosen: RwSignal<Option<String>>,
    status: RwSignal<SaveStatus>,
}

impl Companies {
    /// Reads the saved companies once at start; returns the entries that could not be read, to be shown.
    pub(crate) fn load(status: RwSignal<SaveStatus>) -> (Self, Vec<UnreadableEntry>) {
        let (companies, unreadable) = storage::load_companies().unwrap_or_default();
        let companies = Companies {
            all: RwSignal::new(companies),
            chosen: RwSignal::new(storage::load_current_company()),
            status,
        };
        (companies, unreadable)
    }

    /// Reads every company (tracked).
    pub fn with_all<R>(&self, read: impl FnOnce(&[Company]) -> R) -> R {
        self.all.with(|companies| read(companies))
    }

    /// Reads one company (tracked).
    pub fn with<R>(&self, company_id: &str, read: impl FnOnce(Option<&Company>) -> R) -> R {
        self.all
            .with(|companies| read(companies.iter().find(|company| company.id == company_id)))
    }

    /// How many companies there are (tracked).
    pub fn count(&self) -> usize {
        self.all.with(Vec::len)
    }

    /// The company the user works on (tracked): the one chosen last, else the one changed last; none before the
    /// first is saved.
    pub fn current_id(&self) -> Option<String> {
        let chosen = self.chosen.get();
        self.all.with(|companies| {
            chosen
                .filter(|id| companies.iter().any(|company| &company.id == id))
                .or_else(|| {
                    companies
                        .iter()
                        .max_by(|a, b| (a.updated_at, &a.id).cmp(&(b.updated_at, &b.id)))
                        .map(|company| company.id.clone())
                })
        })
    }

    /// Reads the current company (tracked).
    pub fn with_current<R>(&self, read: impl FnOnce(Option<&Company>) -> R) -> R {
        match self.current_id() {
            Some(id) => self.with(&id, read),
            None => read(None),
        }
    }

    /// The current company's id, creating the company quietly if there is none yet (a first visit): what a new
    /// run or the first typed company name needs.
    pub fn ensure_current(&self) -> String {
        if let Some(id) = untrack(|| self.current_id()) {
            return id;
        }
        // Another tab may have created one a moment ago.
        if let Ok((stored, _)) = storage::load_companies() {
            for company in stored {
                self.merge_in(company);
            }
            if let Some(id) = untrack(|| self.current_id()) {
                return id;
            }
        }
        self.create(String::new())
    }

    /// Creates a company, makes it the current one and returns its id.
    pub fn create(&self, name: String) -> String {
        let now = now();
        let mut company = Company::new(new_id(now), name, now);
        let result = storage::save_company(&mut company);
        let id = company.id.clone();
        self.all.update(|companies| companies.push(company));
        self.report(result);
        self.choose(&id);
        id
    }

    /// Makes a company the current one.
    pub fn choose(&self, company_id: &str) {
        if self
            .chosen
            .with_untracked(|chosen| chosen.as_deref() != Some(company_id))
        {
            self.chosen.set(Some(company_id.to_owned()));
        }
        // Which company is current is a convenience; the companies themselves are saved independently.
        let _ = storage::save_current_company(company_id);
    }

    /// Changes one company and saves it at once.
    pub fn edit(&self, company_id: &str, edit: impl FnOnce(&mut Company, Timestamp)) {
        let now = now();
        let mut result = Ok(());
        self.all.update(|companies| {
            if let Some(company) = companies
                .iter_mut()
                .find(|company| company.id == company_id)
            {
                edit(company, now);
                result = storage::save_company(company);
            }
        });
        self.report(result);
    }

    /// Changes the current company (creating it first on a first visit) and saves it at once.
    pub fn edit_current(&self, edit: impl FnOnce(&mut Company, Timestamp)) {
        let id = self.ensure_current();
        self.edit(&id, edit);
    }

    /// Removes a company and returns it, so that [`Companies::restore`] can undo it. Its runs are the caller's.
    pub fn remove(&self, company_id: &str) -> Option<Company> {
        let mut removed = None;
        self.all.update(|companies| {
            if let Some(index) = companies
                .iter()
                .position(|company| company.id == company_id)
            {
                removed = Some(companies.remove(index));
            }
        });
        if removed.is_some() {
            self.report(storage::delete_company(company_id));
        }
        removed
    }

    /// Puts a removed company back (or saves a company that came with an import).
    pub fn restore(&self, mut company: Company) {
        let result = storage::save_company(&mut company);
        self.all.update(|companies| {
            match companies.iter_mut().find(|mine| mine.id == company.id) {
                Some(mine) => {
                    mine.merge(&company);
                }
                None => companies.push(company),
            }
        });
        self.report(result);
    }

    /// Takes in a copy of a company (from another tab or an import): merged into ours, or added.
    pub(crate) fn merge_in(&self, stored: Company) {
        let changed = self.all.with_untracked(|companies| {
            companies
                .iter()
                .find(|company| company.id == stored.id)
                .is_none_or(|mine| mine.clone().merge(&stored))
        });
        if changed {
            self.all.update(|companies| {
                match companies.iter_mut().find(|company| company.id == stored.id) {
                    Some(mine) => {
                        mine.merge(&stored);
                    }
                    None => companies.push(stored),
                }
            });
        }
    }

    /// Forgets a company another tab removed.
    pub(crate) fn forget(&self, company_id: &str) {
        if self
            .all
            .with_untracked(|companies| companies.iter().any(|company| company.id == company_id))
        {
            self.all
                .update(|companies| companies.retain(|company| company.id != company_id));
        }
    }

    /// Saves companies that loading or an import created (placing old runs in them).
    pub(crate) fn save_all(&self, company_ids: &[String]) {
        let mut result = Ok(());
        self.all.update(|companies| {
            for company in companies
                .iter_mut()
                .filter(|company| company_ids.contains(&company.id))
            {
                if let Err(error) = storage::save_company(company) {
                    result = Err(error);
                }
            }
        });
        self.report(result);
    }

    /// The company of a run as a self-declaration names it (tracked). A run whose company is not here (it cannot
    /// happen once runs are placed) is named as the run remembers it.
    pub fn record_company(&self, run: &Run) -> RecordCompany {
        self.with(&run.company_id, |company| match company {
            Some(company) => RecordCompany::of(company),
            None => RecordCompany {
                name: run.company.clone(),
                ..RecordCompany::default()
            },
        })
    }

    /// The companies as they are (untracked), for the core's placing and merging.
    pub(crate) fn snapshot(&self) -> Vec<Company> {
        self.all.get_untracked()
    }

    /// Replaces the companies with what the core's placing or merging made of the snapshot.
    pub(crate) fn replace(&self, companies: Vec<Company>) {
        if self.all.with_untracked(|mine| *mine != companies) {
            self.all.set(companies);
        }
    }

    fn report(&self, result: Result<(), StorageError>) {
        crate::state::runs::report_save(self.status, result);
    }
}

/// Sets a field of the company a self-declaration over these checks names: the company of their active runs (the
/// current company's), saved at once, so that every report and declaration of the company shows it.
pub fn set_record_field(
    runs: Runs,
    catalogs: &[&'static Catalog],
    field: declaration::CompanyField,
    value: String,
) {
    let field = match field {
        declaration::CompanyField::Name => CompanyField::Name,
        declaration::CompanyField::Address => CompanyField::Address,
        declaration::CompanyField::Size => CompanyField::Size,
        declaration::CompanyField::Sector => CompanyField::Sector,
    };
    let company_id = catalogs.iter().find_map(|catalog| {
        runs.with_active_untracked(&catalog.id, |run| run.map(|run| run.company_id.clone()))
            .filter(|id| !id.is_empty())
    });
    let companies = runs.companies;
    match company_id {
        Some(id) => companies.edit(&id, |company, now| company.set(field, value, now)),
        None => companies.edit_current(|company, now| company.set(field, value, now)),
    }
}
