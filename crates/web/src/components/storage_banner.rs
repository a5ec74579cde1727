//! What the user must know about storage, above every page: that this browser cannot save (the app then runs in
//! memory), that the storage is full, that a save failed – each with a way to take the runs away as a file – and
//! that data under our keys could not be read, which is kept aside untouched and offered for download.

use leptos::prelude::*;

use crate::clock::today;
use crate::components::download::download_text;
use crate::i18n::{self, Text};
use crate::state::{tr, Runs, SaveStatus, UiLanguage};
use crate::storage::{StorageError, QUOTA_UNITS, WARN_PERCENT};

/// The storage banners; nothing while all is well.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let runs = expect_context::<Runs>();
    let language = expect_context::<UiLanguage>().0;
    let save_all = move |_| {
        let date = today().iso();
        download_text(
            &format!("checkwerk-sicherung-{date}.json"),
            "application/json",
            &runs.backup(),
        );
    };
    let download_unreadable = move |_| {
        download_text(
            "checkwerk-unlesbare-daten.json",
            "application/json",
            &runs.unreadable_backup(),
        );
    };
    let problem = move || match runs.status.get() {
        SaveStatus::Failed(StorageError::Unavailable) => Some(Text::MemoryOnlyBanner),
        SaveStatus::Failed(StorageError::Quota) => Some(Text::QuotaBanner),
        SaveStatus::Failed(StorageError::Decode(_)) => Some(Text::StoredUnreadableBanner),
        SaveStatus::Failed(_) => Some(Text::WriteFailedBanner),
        SaveStatus::Idle | SaveStatus::Saved => None,
    };
    let unreadable = move || {
        runs.unreadable.with(|entries| {
            (!entries.is_empty()).then(|| {
                let language = language.get();
                let listed = entries
                    .iter()
                    .map(|entry| {
                        format!(
                            "{} – {}",
                            entry.key,
                            i18n::unreadable_reason(language, &entry.error)
                        )
                    })
                    .collect::<Vec<_>>();
                let downloadable = entries.iter().any(|entry| entry.raw.is_some());
                view! {
                    <div class="banner warning storage-unreadable" role="alert">
                        <p>{tr(Text::UnreadableData)}</p>
                        <ul class="unreadable-entries">
                            {listed.into_iter().map(|line| view! { <li><code>{line}</code></li> }).collect_view()}
                        </ul>
                        {downloadable.then(|| view! {
                            <p>{tr(Text::UnreadableDownloadHint)} " "
                                <button type="button" class="button small" on:click=download_unreadable>{tr(Text::DownloadUnreadable)}</button>
                            </p>
                        })}
                    </div>
                }
            })
        })
    };
    // Before the storage is full: how full it is, what to do, and where (the workspace exports and deletes).
    let filling_up = move || {
        let percent = runs.usage.get()? * 100 / QUOTA_UNITS;
        (percent >= WARN_PERCENT && problem().is_none()).then(|| {
            view! {
                <div class="banner warning storage-filling" role="status">
                    <p>{move || i18n::companies::storage_warning(language.get(), percent)} " "
                        <leptos_router::components::A href=crate::page_config::app_href("/betriebe")>{move || Text::Companies.get(language.get())}</leptos_router::components::A>
                    </p>
                </div>
            }
        })
    };
    view! {
        {filling_up}
        {move || problem().map(|text| view! {
            <div class="banner warning storage-problem" role="alert">
                <p>{move || text.get(language.get())}</p>
                <button type="button" class="button small" on:click=save_all>{tr(Text::DownloadBackup)}</button>
            </div>
        })}
        {unreadable}
    }
}
