//! Pages that are not on the way to the first Check-Punkt, in one wasm chunk fetched the first time one of them is
//! shown (issue 21: the first visit of a Baustein downloads only what that page needs).
//!
//! One chunk for all of them, not one per page: the service worker precaches every chunk anyway, and per page the
//! splitter made 9 page chunks and 37 shared ones of a few hundred bytes each, 40 KB brotli more in all than one
//! chunk (each part compresses alone and carries its own imports and types).
//!
//! One split point of `wasm_split` (the splitter leptos' `#[lazy]` uses, through `leptos::wasm_split`) takes the page
//! and gives its view; it is marked `fallible`: a chunk that cannot be fetched is an error value here, never a panic,
//! and a later attempt fetches it again. (A point per page cost the main module a loader and a future for each,
//! and the router a route for each page of a check: 5.7 KB of the main module's wasm, 0.9 KB brotli.) The split
//! point exists on wasm, where it imports the chunk's loader from a placeholder module that only the splitter of
//! `cargo xtask build` resolves (`crates/xtask/src/app_build.rs`); the host's unit tests call the pages directly.
//!
//! The pages that list or combine several checks also wait until every check's catalog is here
//! ([`crate::state::catalogs`]), and say so when one could not be fetched.

use std::future::Future;
use std::pin::pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll, Waker};

use leptos::prelude::*;
#[cfg(target_arch = "wasm32")]
use leptos::wasm_split::wasm_split;
use leptos::wasm_split::SplitLoaderError;
use leptos_router::hooks::use_params_map;

use crate::components::loading::{failed, loading};
use crate::i18n::Text;
use crate::pages::not_found::NotFound;
use crate::pages::{
    compare, contribute, history, home, joint_declaration, kompass, measures, readiness, record,
    report, results, starthilfe, strengths, team, team_invitation, team_workshop, workspace,
};
use crate::state::catalogs;

/// Declares the lazy pages: the enum, the view of each (reached only from the split point, so it is in the chunk),
/// and the part of a check's address that opens it. Written once here so a new page is one line.
macro_rules! lazy_pages {
    ($($page:ident => $view:path, $below_check:expr;)+) => {
        /// A page loaded on first use.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[repr(u8)]
        pub enum LazyPage {
            $($page,)+
        }

        impl LazyPage {
            /// The page's view; called only inside the chunk.
            fn view(self) -> AnyView {
                match self {
                    $(LazyPage::$page => view! { <$view/> }.into_any(),)+
                }
            }

            /// The page of a check that the part of its address after `/check/<id>/` opens, if any: one route
            /// for all of them, so the router's matching code is not made once per page.
            pub fn below_check(rest: &str) -> Option<LazyPage> {
                let rest = rest.trim_end_matches('/');
                $(if Some(rest) == $below_check {
                    return Some(LazyPage::$page);
                })+
                None
            }
        }
    };
}

lazy_pages! {
    Home => home::HomePage, None;
    Kompass => kompass::KompassPage, Some("");
    Starthilfe => starthilfe::StarthilfePage, Some("starthilfe");
    Results => results::ResultsPage, Some("ergebnisse");
    Measures => measures::MeasuresPage, Some("massnahmen");
    Strengths => strengths::StrengthsPage, Some("staerken");
    Readiness => readiness::ReadinessPage, Some("selbsterklaerung");
    Record => record::RecordPage, Some("selbsterklaerung/erklaerung");
    JointDeclaration => joint_declaration::JointDeclarationPage, None;
    JointRecord => record::JointRecordPage, None;
    Report => report::ReportPage, Some("bericht");
    BlankPrint => report::BlankPrintPage, Some("druckvorlage");
    Team => team::TeamPage, Some("team");
    TeamInvitation => team_invitation::InvitationPrintPage, Some("team/einladung");
    TeamWorkshop => team_workshop::WorkshopPrintPage, Some("team/unterschiede");
    Contribute => contribute::ContributePage, Some("mitmachen");
    Compare => compare::ComparePage, Some("vergleich");
    History => history::HistoryPage, Some("verlauf");
    Workspace => workspace::WorkspacePage, None;
}

/// The one split point: every lazy page's view, once the chunk is here. One point, not one per page: each point
/// costs the main module its own loader and future (issue 21).
#[cfg(target_arch = "wasm32")]
#[wasm_split(pages, fallible, preload(preload_pages), wasm_split_path = ::leptos::wasm_split)]
fn page_view(page: LazyPage) -> Result<AnyView, SplitLoaderError> {
    Ok(page.view())
}

#[cfg(not(target_arch = "wasm32"))]
async fn page_view(page: LazyPage) -> Result<AnyView, SplitLoaderError> {
    Ok(page.view())
}

#[cfg(not(target_arch = "wasm32"))]
async fn preload_pages() -> Result<(), SplitLoaderError> {
    Ok(())
}

/// Set once the chunk's `preload` succeeded: from then on a lazy page renders at once, with no loading note.
static LOADED: AtomicBool = AtomicBool::new(false);

impl LazyPage {
    /// The page, once the chunk is loaded. Rendering is synchronous, as for every other page: after a successful
    /// `preload_pages` the split function's future is ready on its first poll.
    fn view_now(self) -> Option<AnyView> {
        now_or_never(page_view(self))
    }

    /// Whether the page lists or combines several checks, so it waits until every bundled catalog is here.
    fn needs_all_catalogs(self) -> bool {
        matches!(
            self,
            LazyPage::Home
                | LazyPage::Workspace
                | LazyPage::JointDeclaration
                | LazyPage::JointRecord
        )
    }
}

/// The value of a future that is ready at once; `None` if it is not (or failed).
fn now_or_never<T>(future: impl Future<Output = Result<T, SplitLoaderError>>) -> Option<T> {
    let future = pin!(future);
    match future.poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(Ok(value)) => Some(value),
        Poll::Ready(Err(_)) | Poll::Pending => None,
    }
}

/// Where a lazy page's chunk stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ChunkState {
    Loading,
    Loaded,
    Failed,
}

/// A page loaded on first use: a short note while its chunk comes, the page once it is there, and if it cannot be
/// fetched (offline before the service worker kept it, a server error, a new deployment that removed it) a German
/// message with a button to try again; the answers are untouched either way.
#[component]
pub fn Lazy(page: LazyPage) -> impl IntoView {
    // On the host, and once the chunk is there, the page renders in the same frame as any other.
    let loaded = cfg!(not(target_arch = "wasm32")) || LOADED.load(Ordering::Relaxed);
    let state = RwSignal::new(if loaded {
        ChunkState::Loaded
    } else {
        ChunkState::Loading
    });
    let load = move || {
        state.set(ChunkState::Loading);
        leptos::task::spawn_local_scoped(async move {
            state.set(match preload_pages().await {
                Ok(()) => {
                    LOADED.store(true, Ordering::Relaxed);
                    ChunkState::Loaded
                }
                Err(_) => ChunkState::Failed,
            });
        });
    };
    if !loaded {
        load();
    }
    let needs_all_catalogs = page.needs_all_catalogs();
    if needs_all_catalogs {
        catalogs::load_all();
    }
    move || match state.get() {
        ChunkState::Loading => loading(Text::PageLoading),
        ChunkState::Loaded if needs_all_catalogs && !catalogs::settled() => {
            loading(Text::PageLoading)
        }
        ChunkState::Loaded => match page.view_now() {
            Some(view) if needs_all_catalogs && catalogs::some_failed() => {
                view! { {failed(Text::SomeChecksMissing, catalogs::retry)} {view} }.into_any()
            }
            Some(view) => view,
            None => failed(Text::PageLoadFailed, load),
        },
        ChunkState::Failed => failed(Text::PageLoadFailed, load),
    }
}

/// Every page of a check but the Baustein, by the rest of its address (`/check/<id>/<rest>`): the one route the
/// router has for all of them. An address no page has is "not found", inside the check's frame.
#[component]
pub fn CheckSubpage() -> impl IntoView {
    let params = use_params_map();
    let page =
        Memo::new(move |_| LazyPage::below_check(&params.read().get("page").unwrap_or_default()));
    move || match page.get() {
        Some(page) => view! { <Lazy page/> }.into_any(),
        None => view! { <NotFound/> }.into_any(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_check_s_pages_are_found_by_the_rest_of_their_address() {
        assert_eq!(LazyPage::below_check(""), Some(LazyPage::Kompass));
        assert_eq!(
            LazyPage::below_check("ergebnisse/"),
            Some(LazyPage::Results)
        );
        assert_eq!(
            LazyPage::below_check("team/einladung"),
            Some(LazyPage::TeamInvitation)
        );
        assert_eq!(
            LazyPage::below_check("selbsterklaerung/erklaerung"),
            Some(LazyPage::Record)
        );
        assert_eq!(LazyPage::below_check("team/"), Some(LazyPage::Team));
        for unknown in [
            "gibt-es-nicht",
            "team/einladung/mehr",
            "Ergebnisse",
            "baustein",
        ] {
            assert_eq!(LazyPage::below_check(unknown), None, "{unknown}");
        }
    }
}
