//! The catalogs this page knows, with their formatted texts: the ones built into the site, and a site's own catalog
//! once the catalog worker has validated it. The one owner of both; every page asks here.
//!
//! Catalogs live for the page's lifetime (`&'static`), so views can hold them without cloning.

use std::cell::RefCell;
use std::sync::OnceLock;

use checkwerk_core::text::{blocks_from, plain_of, Block, ParsedTexts};
use checkwerk_core::Catalog;
use leptos::prelude::*;

thread_local! {
    /// Site catalogs loaded so far, in the order they arrived.
    static SITE_CATALOGS: RefCell<Vec<&'static Catalog>> = const { RefCell::new(Vec::new()) };
    /// The parsed formatted texts of every catalog this page knows: the bundled ones, then each site catalog's.
    static PARSED_TEXTS: RefCell<ParsedTexts> = RefCell::new(
        serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/texts.json"))).unwrap_or_else(|error| {
            leptos::logging::error!("embedded texts unreadable: {error}");
            ParsedTexts::new()
        }),
    );
}

/// The catalogs built into this site, validated at build time.
pub fn bundled() -> &'static [Catalog] {
    static CATALOGS: OnceLock<Vec<Catalog>> = OnceLock::new();
    CATALOGS.get_or_init(|| {
        serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/catalogs.json")))
            .unwrap_or_else(|error| {
                leptos::logging::error!("embedded catalogs unreadable: {error}");
                Vec::new()
            })
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

/// The catalog with this id: a site's own (it takes precedence), else a bundled one.
pub fn find(catalog_id: &str) -> Option<&'static Catalog> {
    site_catalogs()
        .into_iter()
        .find(|catalog| catalog.id == catalog_id)
        .or_else(|| bundled().iter().find(|catalog| catalog.id == catalog_id))
}

/// Every catalog this page offers: the site's own first, then the bundled ones it does not replace.
pub fn all() -> Vec<&'static Catalog> {
    let site = site_catalogs();
    let bundled = bundled()
        .iter()
        .filter(|catalog| !site.iter().any(|own| own.id == catalog.id));
    site.iter().copied().chain(bundled).collect()
}

/// The blocks of a catalog's formatted text.
pub fn blocks(text: &str) -> Vec<Block> {
    PARSED_TEXTS.with(|known| blocks_from(&known.borrow(), text))
}

/// A formatted text without its formatting, e.g. for a hint in a form.
pub fn plain(text: &str) -> String {
    plain_of(&blocks(text))
}
