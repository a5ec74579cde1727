//! Pages that are not on the way to the first Check-Punkt, in one wasm chunk fetched the first time one of them is
//! shown (issue 21: the first visit of a Baustein downloads only what that page needs).
//!
//! One chunk for all of them, not one per page: the service worker precaches every chunk anyway, and per page the
//! splitter made 9 page chunks and 37 shared ones of a few hundred bytes each, 40 KB brotli more in all than one
//! chunk (each part compresses alone and carries its own imports and types).
//!
//! Each page is a split point of `wasm_split` (the splitter leptos' `#[lazy]` uses, through `leptos::wasm_split`),
//! marked `fallible`: a chunk that cannot be fetched is an error value here, never a panic, and a later attempt
//! fetches it again. Without the split step of `cargo xtask` the chunks are simply part of the one wasm, and
//! loading them always succeeds at once.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

use crate::i18n::Text;
use crate::state::tr;

/// A page loaded on first use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LazyPage {
    Home,
    Kompass,
    Starthilfe,
    Results,
    Measures,
    Strengths,
    Readiness,
    Report,
    BlankPrint,
}

#[wasm_split(pages, fallible, preload(preload_home), wasm_split_path = ::leptos::wasm_split)]
fn home_page() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <crate::pages::home::HomePage/> }.into_any())
}

#[wasm_split(pages, fallible, preload(preload_kompass), wasm_split_path = ::leptos::wasm_split)]
fn kompass_page() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <crate::pages::kompass::KompassPage/> }.into_any())
}

#[wasm_split(pages, fallible, preload(preload_starthilfe), wasm_split_path = ::leptos::wasm_split)]
fn starthilfe_page() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <crate::pages::starthilfe::StarthilfePage/> }.into_any())
}

#[wasm_split(pages, fallible, preload(preload_results), wasm_split_path = ::leptos::wasm_split)]
fn results_page() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <crate::pages::results::ResultsPage/> }.into_any())
}

#[wasm_split(pages, fallible, preload(preload_measures), wasm_split_path = ::leptos::wasm_split)]
fn measures_page() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <crate::pages::measures::MeasuresPage/> }.into_any())
}

#[wasm_split(pages, fallible, preload(preload_strengths), wasm_split_path = ::leptos::wasm_split)]
fn strengths_page() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <crate::pages::strengths::StrengthsPage/> }.into_any())
}

#[wasm_split(pages, fallible, preload(preload_readiness), wasm_split_path = ::leptos::wasm_split)]
fn readiness_page() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <crate::pages::readiness::ReadinessPage/> }.into_any())
}

#[wasm_split(pages, fallible, preload(preload_report), wasm_split_path = ::leptos::wasm_split)]
fn report_page() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <crate::pages::report::ReportPage/> }.into_any())
}

#[wasm_split(pages, fallible, preload(preload_blank_print), wasm_split_path = ::leptos::wasm_split)]
fn blank_print_page() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <crate::pages::report::BlankPrintPage/> }.into_any())
}

impl LazyPage {
    /// Fetches the page's chunk (and the chunks it shares with other pages), if it is not there yet.
    async fn preload(self) -> Result<(), SplitLoaderError> {
        match self {
            LazyPage::Home => preload_home().await,
            LazyPage::Kompass => preload_kompass().await,
            LazyPage::Starthilfe => preload_starthilfe().await,
            LazyPage::Results => preload_results().await,
            LazyPage::Measures => preload_measures().await,
            LazyPage::Strengths => preload_strengths().await,
            LazyPage::Readiness => preload_readiness().await,
            LazyPage::Report => preload_report().await,
            LazyPage::BlankPrint => preload_blank_print().await,
        }
    }

    /// The page, once its chunk is loaded. Rendering is synchronous, as for every other page: after a successful
    /// `preload` the split function's future is ready on its first poll.
    fn view_now(self) -> Option<AnyView> {
        match self {
            LazyPage::Home => now_or_never(home_page()),
            LazyPage::Kompass => now_or_never(kompass_page()),
            LazyPage::Starthilfe => now_or_never(starthilfe_page()),
            LazyPage::Results => now_or_never(results_page()),
            LazyPage::Measures => now_or_never(measures_page()),
            LazyPage::Strengths => now_or_never(strengths_page()),
            LazyPage::Readiness => now_or_never(readiness_page()),
            LazyPage::Report => now_or_never(report_page()),
            LazyPage::BlankPrint => now_or_never(blank_print_page()),
        }
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
    let state = RwSignal::new(ChunkState::Loading);
    let load = move || {
        state.set(ChunkState::Loading);
        leptos::task::spawn_local_scoped(async move {
            state.set(match page.preload().await {
                Ok(()) => ChunkState::Loaded,
                Err(_) => ChunkState::Failed,
            });
        });
    };
    load();
    move || match state.get() {
        ChunkState::Loading => {
            view! { <p class="page-loading" role="status">{tr(Text::PageLoading)}</p> }.into_any()
        }
        ChunkState::Loaded => page.view_now().unwrap_or_else(|| failed(load)),
        ChunkState::Failed => failed(load),
    }
}

fn failed(retry: impl Fn() + Clone + Send + Sync + 'static) -> AnyView {
    view! {
        <div class="banner warning" role="alert">
            <p>{tr(Text::PageLoadFailed)}</p>
            <button type="button" class="button small" on:click=move |_| retry()>{tr(Text::TryAgain)}</button>
        </div>
    }
    .into_any()
}
