//! Importing a file: one run, a company's or the whole workspace's file, or a backup. What it brought is said in a
//! notice that names the check and the company; a run of another check than the page's is opened in its check,
//! since that is where the user will look for it.

use checkwerk_core::{evaluate, Catalog};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

use crate::i18n;
use crate::i18n::companies::ImportSummary;
use crate::state::runs::ImportOutcome;
use crate::state::{catalogs, Notices, Runs, UiLanguage, MAX_IMPORT_BYTES};
use crate::storage::ImportError;

/// A button that opens a file and imports it.
#[component]
pub fn ImportButton(
    /// The button's text.
    #[prop(into)]
    label: Signal<&'static str>,
    /// The check the page shows, if any: a run of another check is opened there.
    #[prop(optional)]
    page_catalog: Option<&'static Catalog>,
) -> impl IntoView {
    let runs = expect_context::<Runs>();
    let notices = expect_context::<Notices>();
    let language = expect_context::<UiLanguage>().0;
    let navigate = use_navigate();
    let import = move |event: leptos::ev::Event| {
        let Some(input) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        let language = language.get_untracked();
        if file.size() > MAX_IMPORT_BYTES {
            notices.show(i18n::import_error(language, &ImportError::TooLarge), None);
            return;
        }
        let navigate = navigate.clone();
        leptos::task::spawn_local_scoped(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|value| value.as_string())
                .unwrap_or_default();
            // The summary evaluates the imported runs by their checks: every check must be at hand.
            catalogs::all_settled().await;
            match runs.import(&text) {
                Ok(outcome) => {
                    let summary = ImportSummary {
                        single_run: outcome.runs().next().map(|run| {
                            let check = catalogs::find(&run.catalog_id).map_or_else(
                                || run.catalog_id.clone(),
                                |catalog| catalog.title.clone(),
                            );
                            (run.name.clone(), check)
                        }),
                        added: outcome.added.len(),
                        updated: outcome.updated.len(),
                        unchanged: outcome.unchanged.len(),
                        added_companies: outcome.added_companies,
                        companies: untrack(|| runs.companies.count()),
                        unplaceable: unplaceable(&outcome),
                        unreadable: outcome.unreadable,
                        storage_full: outcome.storage_full,
                    };
                    let message = i18n::companies::import_outcome(language, &summary);
                    notices.show(message, None);
                    if let Some(target) = check_to_open(&outcome, page_catalog) {
                        navigate(
                            &format!("/check/{target}"),
                            leptos_router::NavigateOptions::default(),
                        );
                    }
                }
                Err(error) => notices.show(i18n::import_error(language, &error), None),
            }
        });
    };
    view! {
        <label class="button secondary file-button">
            {label}
            <input type="file" accept=".json,application/json" class="visually-hidden" on:change=import/>
        </label>
    }
}

/// How many answers of the imported runs their checks cannot place (kept, and listed on the Kompass).
fn unplaceable(outcome: &ImportOutcome) -> usize {
    outcome
        .runs()
        .filter_map(|run| {
            Some(
                evaluate(catalogs::find(&run.catalog_id)?, run)
                    .orphans
                    .len(),
            )
        })
        .sum()
}

/// The check whose page should open after an import: that of the file's runs, when they are all of one check
/// other than the page's.
fn check_to_open(outcome: &ImportOutcome, page_catalog: Option<&Catalog>) -> Option<String> {
    let page_catalog = page_catalog?;
    let first = outcome.runs().next()?;
    let one_check = outcome
        .runs()
        .all(|run| run.catalog_id == first.catalog_id && run.company_id == first.company_id);
    (one_check && first.catalog_id != page_catalog.id).then(|| first.catalog_id.clone())
}
