//! The catalogs this page knows, with their formatted texts: the ones built into the site, and a site's own catalog
//! once the catalog worker has validated it. The one owner of both; every page asks here.
//!
//! Catalogs live for the page's lifetime (`&'static`), so views can hold them without cloning.

use std::cell::RefCell;

use checkwerk_core::site_catalog::{id_of_file, SiteCatalog};
use checkwerk_core::text::{blocks_from, plain_of, Block, ParsedTexts};
use checkwerk_core::Catalog;
use leptos::prelude::*;

/// The site's catalogs, in their order, from the names of their files (`<id>-<hash>.json`).
fn files_of(list: &str) -> Vec<(String, String)> {
    list.split_whitespace()
        .filter_map(|name| Some((id_of_file(name)?.to_owned(), name.to_owned())))
        .collect()
}

/// On the web, the files the page names (`<meta name="checkwerk-catalogs">`, written by `cargo xtask build`): the
/// wasm holds no catalog, so a site with other checks needs no other wasm.
#[cfg(target_arch = "wasm32")]
fn catalog_files() -> Vec<(String, String)> {
    let content = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| {
            document
                .query_selector("meta[name=\"checkwerk-catalogs\"]")
                .ok()
                .flatten()
        })
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_default();
    files_of(&content)
}

/// On the host (unit tests), the files the build script wrote.
#[cfg(not(target_arch = "wasm32"))]
fn catalog_files() -> Vec<(String, String)> {
    files_of(include_str!(concat!(env!("OUT_DIR"), "/catalog-files.txt")))
}

fn count() -> usize {
    CATALOG_FILES.with(Vec::len)
}

fn id_at(position: usize) -> String {
    CATALOG_FILES.with(|files| files[position].0.clone())
}

fn file_at(position: usize) -> String {
    CATALOG_FILES.with(|files| files[position].1.clone())
}

fn position_of(catalog_id: &str) -> Option<usize> {
    CATALOG_FILES.with(|files| files.iter().position(|(id, _)| id == catalog_id))
}

/// Where one bundled catalog stands on this page.
#[derive(Debug, Clone, Copy)]
enum Slot {
    Waiting,
    Loading,
    Ready(&'static Catalog),
    Failed,
}

thread_local! {
    /// The bundled catalogs, in their order: each id with its file's name below the site's `catalogs/` folder.
    static CATALOG_FILES: Vec<(String, String)> = catalog_files();
    /// Site catalogs loaded so far, in the order they arrived.
    static SITE_CATALOGS: RefCell<Vec<&'static Catalog>> = const { RefCell::new(Vec::new()) };
    /// The bundled catalogs, one slot each in the order of `CATALOG_FILES`.
    static BUNDLED: RefCell<Vec<Slot>> = RefCell::new(vec![Slot::Waiting; count()]);
    /// Notified whenever a bundled catalog arrives or cannot be fetched.
    static ARRIVALS: ArcTrigger = ArcTrigger::new();
    /// Tasks waiting in [`asked_for`] until the catalogs on their way have come.
    static WAITING: RefCell<Vec<std::task::Waker>> = const { RefCell::new(Vec::new()) };
    /// The parsed formatted texts of every catalog this page knows, added as each arrives.
    static PARSED_TEXTS: RefCell<ParsedTexts> = const { RefCell::new(ParsedTexts::new()) };
}

/// Where a check's catalog stands: here, on its way, not fetched (offline before the service worker kept it), or
/// not a check of this site at all.
#[derive(Debug, Clone, Copy)]
pub enum CatalogState {
    /// Loaded.
    Ready(&'static Catalog),
    /// Being fetched.
    Loading,
    /// Its file could not be fetched or read; [`retry`] tries again.
    Failed,
    /// Neither bundled nor a site's own catalog.
    Unknown,
}

/// The same state of the same catalog: a memo of it notifies only when its check's state changes, not whenever
/// another check's catalog arrives.
impl PartialEq for CatalogState {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (CatalogState::Ready(one), CatalogState::Ready(other)) => std::ptr::eq(*one, *other),
            (CatalogState::Loading, CatalogState::Loading)
            | (CatalogState::Failed, CatalogState::Failed)
            | (CatalogState::Unknown, CatalogState::Unknown) => true,
            _ => false,
        }
    }
}

fn track_arrivals() {
    ARRIVALS.with(Track::track);
}

fn slot(position: usize) -> Slot {
    BUNDLED.with(|slots| slots.borrow()[position])
}

fn set_slot(position: usize, state: Slot) {
    BUNDLED.with(|slots| slots.borrow_mut()[position] = state);
}

/// Takes in a bundled catalog's file: the catalog and its parsed texts.
fn arrived(position: usize, text: &str) -> Result<(), String> {
    let file: SiteCatalog = serde_json::from_str(text).map_err(|error| error.to_string())?;
    if file.catalog.id != id_at(position) {
        return Err(format!("the file holds the check {}", file.catalog.id));
    }
    PARSED_TEXTS.with(|known| known.borrow_mut().extend(file.texts));
    // Kept for the page's lifetime, like a site catalog.
    set_slot(position, Slot::Ready(Box::leak(Box::new(file.catalog))));
    Ok(())
}

/// Starts fetching a bundled catalog that is not here yet. On the host (unit tests) the build script's files are
/// read at once.
fn start(position: usize) {
    if !matches!(slot(position), Slot::Waiting) {
        return;
    }
    set_slot(position, Slot::Loading);
    #[cfg(target_arch = "wasm32")]
    leptos::task::spawn_local(async move {
        let url = format!("catalogs/{}", file_at(position));
        let outcome = match crate::fetch::fetch_text(&url).await {
            Ok(text) => arrived(position, &text),
            Err(error) => Err(error),
        };
        if let Err(error) = outcome {
            leptos::logging::warn!("{url}: {error}");
            set_slot(position, Slot::Failed);
        }
        announce_arrival();
    });
    #[cfg(not(target_arch = "wasm32"))]
    {
        let path = concat!(env!("OUT_DIR"), "/catalog-files/");
        let outcome = std::fs::read_to_string(format!("{path}{}", file_at(position)))
            .map_err(|error| error.to_string())
            .and_then(|text| arrived(position, &text));
        if let Err(error) = outcome {
            eprintln!("{}: {error}", file_at(position));
            set_slot(position, Slot::Failed);
        }
    }
}

/// Fetches every bundled catalog not here yet, for a page that lists or combines several checks (from the service
/// worker's cache once it has precached them).
pub fn load_all() {
    (0..count()).for_each(start);
}

/// Fetches again the bundled catalogs that could not be fetched.
pub fn retry() {
    for position in 0..count() {
        if matches!(slot(position), Slot::Failed) {
            set_slot(position, Slot::Waiting);
            start(position);
        }
    }
    announce_arrival();
}

/// Waits until no bundled catalog is on its way any more (each is here or failed), fetching those not asked for
/// yet: for what needs every check at hand, such as an import.
pub async fn all_settled() {
    load_all();
    asked_for().await;
}

/// Waits until the bundled catalogs asked for so far are here or failed: the first page's check, before
/// precaching starts.
pub fn asked_for() -> impl std::future::Future<Output = ()> {
    std::future::poll_fn(|context| {
        let on_the_way = BUNDLED.with(|slots| {
            slots
                .borrow()
                .iter()
                .any(|slot| matches!(slot, Slot::Loading))
        });
        if on_the_way {
            WAITING.with(|waiting| waiting.borrow_mut().push(context.waker().clone()));
            std::task::Poll::Pending
        } else {
            std::task::Poll::Ready(())
        }
    })
}

/// Tells pages and waiting tasks that a bundled catalog arrived or failed.
fn announce_arrival() {
    ARRIVALS.with(|arrivals| arrivals.notify());
    for waker in WAITING.with(|waiting| std::mem::take(&mut *waiting.borrow_mut())) {
        waker.wake();
    }
}

/// Whether every bundled catalog is here or failed (tracked).
pub fn settled() -> bool {
    track_arrivals();
    BUNDLED.with(|slots| {
        slots
            .borrow()
            .iter()
            .all(|slot| matches!(slot, Slot::Ready(_) | Slot::Failed))
    })
}

/// Whether some bundled catalog could not be fetched (tracked).
pub fn some_failed() -> bool {
    track_arrivals();
    BUNDLED.with(|slots| {
        slots
            .borrow()
            .iter()
            .any(|slot| matches!(slot, Slot::Failed))
    })
}

/// The state of a site's own catalog, if the page was pointed at one (`?katalog=`).
#[derive(Debug, Clone, PartialEq)]
pub enum RemoteState {
    /// Being fetched.
    Loading,
    /// Loaded and valid.
    Loaded(&'static Catalog),
    /// Could not be fetched.
    Unreachable(String),
    /// Fetched, but not a valid catalog: every problem, located, in the user's language.
    Invalid(Vec<String>),
}

/// The site catalog's state, shared through context; pages that look catalogs up follow it.
#[derive(Clone, Copy)]
pub struct RemoteCatalog(pub RwSignal<Option<RemoteState>>);

impl RemoteCatalog {
    /// Takes in a validated site catalog with its parsed texts and publishes it.
    pub fn loaded(&self, catalog: Catalog, parsed: ParsedTexts) {
        PARSED_TEXTS.with(|known| known.borrow_mut().extend(parsed));
        // One catalog per page load, kept for the page's lifetime like the bundled ones.
        let catalog: &'static Catalog = Box::leak(Box::new(catalog));
        SITE_CATALOGS.with(|loaded| loaded.borrow_mut().push(catalog));
        self.0.set(Some(RemoteState::Loaded(catalog)));
    }
}

/// Site catalogs loaded so far (tracked: a page re-renders when one arrives).
fn site_catalogs() -> Vec<&'static Catalog> {
    if let Some(remote) = use_context::<RemoteCatalog>() {
        remote.0.track();
    }
    SITE_CATALOGS.with(|loaded| loaded.borrow().clone())
}

/// Where the catalog with this id stands (tracked); asking for a bundled one starts its fetch.
pub fn state(catalog_id: &str) -> CatalogState {
    if let Some(own) = site_catalogs()
        .into_iter()
        .find(|catalog| catalog.id == catalog_id)
    {
        return CatalogState::Ready(own);
    }
    let Some(position) = position_of(catalog_id) else {
        return CatalogState::Unknown;
    };
    track_arrivals();
    start(position);
    match slot(position) {
        Slot::Ready(catalog) => CatalogState::Ready(catalog),
        Slot::Failed => CatalogState::Failed,
        Slot::Waiting | Slot::Loading => CatalogState::Loading,
    }
}

/// The catalog with this id once it is here (tracked): a site's own (it takes precedence), else a bundled one.
pub fn find(catalog_id: &str) -> Option<&'static Catalog> {
    match state(catalog_id) {
        CatalogState::Ready(catalog) => Some(catalog),
        CatalogState::Loading | CatalogState::Failed | CatalogState::Unknown => None,
    }
}

/// Whether this site has a check of this id, here or on its way.
pub fn is_known(catalog_id: &str) -> bool {
    position_of(catalog_id).is_some()
        || site_catalogs()
            .iter()
            .any(|catalog| catalog.id == catalog_id)
}

/// Every catalog this page offers (tracked): the site's own first, then the bundled ones it does not replace, in
/// their order. The bundled ones join once none is on its way any more, all at once, so a list never grows or
/// reorders under the reader; one that could not be fetched is missing ([`some_failed`] says so).
pub fn all() -> Vec<&'static Catalog> {
    load_all();
    let site = site_catalogs();
    let bundled: Vec<&'static Catalog> = if settled() {
        BUNDLED.with(|slots| {
            slots
                .borrow()
                .iter()
                .filter_map(|slot| match slot {
                    Slot::Ready(catalog) => Some(*catalog),
                    Slot::Waiting | Slot::Loading | Slot::Failed => None,
                })
                .collect()
        })
    } else {
        Vec::new()
    };
    let bundled = bundled
        .into_iter()
        .filter(|catalog| !site.iter().any(|own| own.id == catalog.id));
    site.iter().copied().chain(bundled).collect()
}

/// The catalogs built into this site, read from the build script's files (host tests only).
#[cfg(test)]
pub fn bundled() -> &'static [&'static Catalog] {
    load_all();
    let catalogs: Vec<&'static Catalog> = (0..count())
        .filter_map(|position| match slot(position) {
            Slot::Ready(catalog) => Some(catalog),
            Slot::Waiting | Slot::Loading | Slot::Failed => None,
        })
        .collect();
    Box::leak(catalogs.into_boxed_slice())
}

/// The blocks of a catalog's formatted text.
pub fn blocks(text: &str) -> Vec<Block> {
    PARSED_TEXTS.with(|known| blocks_from(&known.borrow(), text))
}

/// A formatted text without its formatting, e.g. for a hint in a form.
pub fn plain(text: &str) -> String {
    plain_of(&blocks(text))
}
