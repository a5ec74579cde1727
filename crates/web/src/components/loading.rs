//! What a page shows while something it needs is fetched (a chunk of the app, a check's catalog), and when that
//! cannot be fetched: a message and a button to try again; the answers are untouched either way.

use leptos::prelude::*;

use crate::i18n::Text;
use crate::state::tr;

/// A short note while something the page needs is on its way.
pub fn loading(text: Text) -> AnyView {
    view! { <p class="page-loading" role="status">{tr(text)}</p> }.into_any()
}

/// A German message (or English, by the visitor's choice) with a button to try again.
pub fn failed(text: Text, retry: impl Fn() + Clone + Send + Sync + 'static) -> AnyView {
    view! {
        <div class="banner warning" role="alert">
            <p>{tr(text)}</p>
            <button type="button" class="button small" on:click=move |_| retry()>{tr(Text::TryAgain)}</button>
        </div>
    }
    .into_any()
}
