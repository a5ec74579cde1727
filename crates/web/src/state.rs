//! Application state shared through context: the bundled catalogs, the user's runs, the UI language.
//!
//! Signals hold core values; core types never hold signals. Every change to a run goes through
//! [`Runs::edit_latest`], which is also the one place that saves.

use std::sync::OnceLock;

use checkwerk_core::{Catalog, Language, Run, Timestamp};
use leptos::prelude::*;

use crate::i18n::Text;
use crate::storage::{self, StorageError, UnreadableEntry};

/// The catalogs built into this site, validated at build time.
pub fn bundled_catalogs() -> &'static [Catalog] {
    static CATALOGS: OnceLock<Vec<Catalog>> = OnceLock::new();
    CATALOGS.get_or_init(|| {
        serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/catalogs.json")))
            .unwrap_or_else(|error| {
                leptos::logging::error!("embedded catalogs unreadable: {error}");
                Vec::new()
            })
    })
}

/// The bundled catalog with this id.
pub fn find_catalog(catalog_id: &str) -> Option<&'static Catalog> {
    bundled_catalogs()
        .iter()
        .find(|catalog| catalog.id == catalog_id)
}

/// The current time from the browser's clock.
pub fn now() -> Timestamp {
    Timestamp(js_sys::Date::now() as i64)
}

fn new_run_id(now: Timestamp) -> String {
    let random = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    format!("{:x}-{random:08x}", now.0)
}

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

/// The user's runs and whether they are saved.
#[derive(Clone, Copy)]
pub struct Runs {
    all: RwSignal<Vec<Run>>,
    /// The state of the last save.
    pub status: RwSignal<SaveStatus>,
    /// Saved entries that could not be read and were left untouched.
    pub unreadable: RwSignal<Vec<UnreadableEntry>>,
}

impl Runs {
    /// Reads the saved runs once at start.
    pub fn load() -> Self {
        let (runs, unreadable, status) = match storage::load_runs() {
            Ok((runs, unreadable)) => (runs, unreadable, SaveStatus::Idle),
            Err(error) => (Vec::new(), Vec::new(), SaveStatus::Failed(error)),
        };
        Runs {
            all: RwSignal::new(runs),
            status: RwSignal::new(status),
            unreadable: RwSignal::new(unreadable),
        }
    }

    /// Reads the most recently changed run of a catalog (tracked).
    pub fn with_latest<R>(&self, catalog_id: &str, read: impl FnOnce(Option<&Run>) -> R) -> R {
        self.all.with(|runs| read(latest(runs, catalog_id)))
    }

    /// Changes the most recently changed run of a catalog, starting one if there is none, and saves it at once.
    pub fn edit_latest(&self, catalog: &Catalog, edit: impl FnOnce(&mut Run, Timestamp)) {
        let now = now();
        let mut result = Ok(());
        self.all.update(|runs| {
            let index = match latest_index(runs, &catalog.id) {
                Some(index) => index,
                None => {
                    runs.push(Run::new(new_run_id(now), catalog, now));
                    runs.len() - 1
                }
            };
            let run = &mut runs[index];
            edit(run, now);
            run.catalog_version.clone_from(&catalog.version);
            result = storage::save_run(run);
        });
        self.status.set(match result {
            Ok(()) => SaveStatus::Saved,
            Err(error) => SaveStatus::Failed(error),
        });
    }
}

fn latest_index(runs: &[Run], catalog_id: &str) -> Option<usize> {
    runs.iter()
        .enumerate()
        .filter(|(_, run)| run.catalog_id == catalog_id)
        .max_by_key(|(_, run)| run.updated_at)
        .map(|(index, _)| index)
}

fn latest<'a>(runs: &'a [Run], catalog_id: &str) -> Option<&'a Run> {
    latest_index(runs, catalog_id).map(|index| &runs[index])
}

/// The language of the user interface.
#[derive(Clone, Copy)]
pub struct UiLanguage(pub RwSignal<Language>);

impl UiLanguage {
    /// The remembered language, else German.
    pub fn load() -> Self {
        UiLanguage(RwSignal::new(storage::load_language().unwrap_or_default()))
    }
}

/// A reactive translation of a fixed text.
pub fn tr(text: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let language = expect_context::<UiLanguage>().0;
    move || text.get(language.get())
}
