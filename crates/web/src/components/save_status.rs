//! Tells the user, politely and at all times, whether their answers are saved and where.

use leptos::prelude::*;

use crate::components::embed_note;
use crate::i18n::Text;
use crate::state::{tr, Runs, SaveStatus, UiLanguage};
use crate::storage::StorageError;

/// The save indicator in the header; a live region, so screen readers hear a failure.
#[component]
pub fn SaveIndicator() -> impl IntoView {
    let runs = expect_context::<Runs>();
    let language = expect_context::<UiLanguage>().0;
    let saved = tr(Text::Saved);
    // In a widget on another site the answers live in that site's partition of this browser: say so.
    let saved_detail = move || {
        embed_note::saved_detail(language.get())
            .unwrap_or_else(|| Text::SavedDetail.get(language.get()).to_owned())
    };
    let unavailable = tr(Text::StorageUnavailable);
    let write_failed = tr(Text::StorageWriteFailed);
    let class = move || match runs.status.get() {
        SaveStatus::Failed(_) => "save-status failed",
        SaveStatus::Saved => "save-status saved",
        SaveStatus::Idle => "save-status",
    };
    let stored_unreadable = tr(Text::StorageStoredUnreadable);
    let text = move || match runs.status.get() {
        SaveStatus::Failed(StorageError::Unavailable) => unavailable(),
        SaveStatus::Failed(StorageError::Decode(_)) => stored_unreadable(),
        SaveStatus::Failed(_) => write_failed(),
        SaveStatus::Saved | SaveStatus::Idle => saved(),
    };
    view! {
        <p class=class role="status" title=saved_detail>
            <span class="save-dot" aria-hidden="true"></span>
            <span>{text}</span>
            <span class="visually-hidden">" – " {saved_detail}</span>
        </p>
    }
}
