//! Pages that are not on the way to the first Check-Punkt, in one wasm chunk fetched the first time one of them is
//! shown (issue 21: the first visit of a Baustein downloads only what that page needs).
//!
//! One chunk for all of them, not one per page: the service worker precaches every chunk anyway, and per page the
//! splitter made 9 page chunks and 37 shared ones of a few hundred bytes each, 40 KB brotli more in all than one
//! chunk (each part compresses alone and carries its own imports and types).
//!
//! Each page is a split point of `wasm_split` (the splitter leptos' `#[lazy]` uses, through `leptos::wasm_split`),
//! marked `fallible`: a chunk that cannot be fetched is an error value here, never a panic, and a later attempt
//! fetches it again. The split points exist on wasm, where a split point imports its chunk's loader from a
//! placeholder module that only the splitter of `cargo xtask build` resolves (`crates/xtask/src/app_build.rs`); the
//! host's unit tests call the pages directly.
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

use crate::components::loading::{failed, loading};
use crate::i18n::Text;
use crate::pages::{
    compare, contribute, history, home, joint_declaration, kompass, measures, readiness, record,
    report, results, starthilfe, strengths, team, team_invitation, team_workshop, workspace,
};
use crate::state::catalogs;

/// Declares the lazy pages: the enum, one `wasm_split` point per page (all in the chunk `pages`) or, on the host, a
/// plain function of the same signature, and the dispatches. Written once here so a new page is one line.
macro_rules! lazy_pages {
    ($($page:ident => $view:path, $split:ident, $preload:ident;)+) => {
        /// A page loaded on first use.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum LazyPage {
            $($page,)+
        }

        $(
            #[cfg(target_arch = "wasm32")]
            #[wasm_split(pages, fallible, preload($preload), wasm_split_path = ::leptos::wasm_split)]
            fn $split() -> Result<AnyView, SplitLoaderError> {
                Ok(view! { <$view/> }.into_any())
            }

            #[cfg(not(target_arch = "wasm32"))]
            async fn $split() -> Result<AnyView, SplitLoaderError> {
                Ok(view! { <$view/> }.into_any())
            }

            #[cfg(not(target_arch = "wasm32"))]
            async fn $preload() -> Result<(), SplitLoaderError> {
                Ok(())
            }
        )+

        impl LazyPage {
            /// Fetches the pages' chunk, if it is not there yet.
            async fn preload(self) -> Result<(), SplitLoaderError> {
                match self {
                    $(LazyPage::$page => $preload().await,)+
                }
            }

            /// The page, once its chunk is loaded. Rendering is synchronous, as for every other page: after a
            /// successful `preload` the split function's future is ready on its first poll.
            fn view_now(self) -> Option<AnyView> {
                match self {
                    $(LazyPage::$page => now_or_never($split()),)+
                }
            }

            /// Whether the page lists or combines several checks, so it waits until every bundled catalog is here.
            fn needs_all_catalogs(self) -> bool {
                matches!(
                    self,
                    LazyPage::Home | LazyPage::Workspace | LazyPage::JointDeclaration | LazyPage::JointRecord
                )
            }

            /// Set once this page's `preload` succeeded: from then on it renders at once, with no loading note.
            /// (Per page, not per chunk: each split point has a loader of its own, which must have run.)
            fn loaded_flag(self) -> &'static AtomicBool {
                match self {
                    $(LazyPage::$page => {
                        static LOADED: AtomicBool = AtomicBool::new(false);
                        &LOADED
                    })+
                }
            }
        }
    };
}

lazy_pages! {
    Home => home::HomePage, home_page, preload_home;
    Kompass => kompass::KompassPage, kompass_page, preload_kompass;
    Starthilfe => starthilfe::StarthilfePage, starthilfe_page, preload_starthilfe;
    Results => results::ResultsPage, results_page, preload_results;
    Measures => measures::MeasuresPage, measures_page, preload_measures;
    Strengths => strengths::StrengthsPage, strengths_page, preload_strengths;
    Readiness => readiness::ReadinessPage, readiness_page, preload_readiness;
    Record => record::RecordPage, record_page, preload_record;
    JointDeclaration => joint_declaration::JointDeclarationPage, joint_declaration_page, preload_joint_declaration;
    JointRecord => record::JointRecordPage, joint_record_page, preload_joint_record;
    Report => report::ReportPage, report_page, preload_report;
    BlankPrint => report::BlankPrintPage, blank_print_page, preload_blank_print;
    Team => team::TeamPage, team_page, preload_team;
    TeamInvitation => team_invitation::InvitationPrintPage, team_invitation_page, preload_team_invitation;
    TeamWorkshop => team_workshop::WorkshopPrintPage, team_workshop_page, preload_team_workshop;
    Contribute => contribute::ContributePage, contribute_page, preload_contribute;
    Compare => compare::ComparePage, compare_page, preload_compare;
    History => history::HistoryPage, history_page, preload_history;
    Workspace => workspace::WorkspacePage, workspace_page, preload_workspace;
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
    let loaded = cfg!(not(target_arch = "wasm32")) || page.loaded_flag().load(Ordering::Relaxed);
    let state = RwSignal::new(if loaded {
        ChunkState::Loaded
    } else {
        ChunkState::Loading
    });
    let load = move || {
        state.set(ChunkState::Loading);
        leptos::task::spawn_local_scoped(async move {
            state.set(match page.preload().await {
                Ok(()) => {
                    page.loaded_flag().store(true, Ordering::Relaxed);
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
