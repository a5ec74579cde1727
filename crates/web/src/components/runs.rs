//! The runs of a check (of the current company): one per site or per year, named and dated. Start, re-assess a
//! year later, copy, rename, delete with undo, export and import; compare two and see the history.

use checkwerk_core::{evaluate, Catalog, Run};
use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen::JsCast;

use crate::clock::local_date;
use crate::components::download::download_run;
use crate::components::import::ImportButton;
use crate::i18n::companies::CompanyText;
use crate::i18n::pages::PageText;
use crate::i18n::{self, Text};
use crate::state::{tr, Notices, Runs, UiLanguage};

/// The list of runs with their actions.
#[component]
pub fn RunsPanel(catalog: &'static Catalog) -> impl IntoView {
    let runs = expect_context::<Runs>();
    let notices = expect_context::<Notices>();
    let list = move || runs.of_catalog(&catalog.id);
    let active = move || runs.active_id(&catalog.id);

    let start_new = move |_| {
        runs.create(catalog, None);
        notices.show(tr(PageText::RunStarted)().to_owned(), None);
    };
    let several = move || list().len() > 1;
    let base = format!("/check/{}", catalog.id);
    let compare_link = crate::page_config::app_href(&format!("{base}/vergleich"));
    let history_link = crate::page_config::app_href(&format!("{base}/verlauf"));

    view! {
        <section class="runs" aria-labelledby="runs-heading">
            <h2 id="runs-heading">{tr(PageText::RunsHeading)}</h2>
            <p class="hint">{tr(PageText::RunsHint)}</p>
            <div class="run-actions">
                <button type="button" class="button secondary" on:click=start_new>{tr(PageText::StartNewRun)}</button>
                <ImportButton label=Signal::derive(tr(PageText::ImportRun)) page_catalog=catalog/>
            </div>
            {move || several().then(|| view! {
                <p class="run-links">
                    <A href=compare_link.clone()>{tr(CompanyText::CompareHeading)}</A>
                    " · "
                    <A href=history_link.clone()>{tr(CompanyText::HistoryHeading)}</A>
                </p>
            })}
            <ul class="run-list">
                <For each=list key=|run| (run.id.clone(), run.updated_at) let:run>
                    <RunEntry catalog run=run.clone() is_active=Signal::derive(move || active().as_deref() == Some(run.id.as_str()))/>
                </For>
            </ul>
        </section>
    }
}

#[component]
fn RunEntry(
    catalog: &'static Catalog,
    run: Run,
    #[prop(into)] is_active: Signal<bool>,
) -> impl IntoView {
    let runs = expect_context::<Runs>();
    let notices = expect_context::<Notices>();
    let language = expect_context::<UiLanguage>().0;
    let run_id = StoredValue::new(run.id.clone());
    let renaming = RwSignal::new(false);
    let rated = evaluate(catalog, &run).overall.rated_count;
    let total = catalog.item_count();
    let created = local_date(run.created_at).german();
    let name = run.name.clone();
    // A team assessment or one person's contribution to one says so, in the run's line.
    let team_contributions = run.team.as_ref().map(|team| team.contributions.len());
    let contributes_to = run
        .participation
        .as_ref()
        .map(|participation| participation.invitation.team_name.clone());
    let team_marker = move |language| {
        team_contributions
            .map(|count| crate::i18n::team::team_marker(language, count))
            .or_else(|| {
                contributes_to
                    .as_deref()
                    .map(|team| crate::i18n::team::contribution_marker(language, team))
            })
    };

    let activate = move |_| runs.activate(&catalog.id, &run_id.get_value());
    let copy = move |_| {
        if runs.copy(&run_id.get_value()).is_some() {
            notices.show(tr(PageText::RunCopied)().to_owned(), None);
        }
    };
    let follow_up = move |_| {
        if runs.follow_up(&run_id.get_value()).is_some() {
            notices.show(tr(CompanyText::FollowUpStarted)().to_owned(), None);
        }
    };
    // The rename field takes the focus when it opens, with the whole name selected to type over or to edit.
    let rename_input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if renaming.get() {
            if let Some(input) = rename_input.get() {
                let _ = input.focus();
                input.select();
            }
        }
    });
    let export = move |_| {
        runs.with_run_and_company(&run_id.get_value(), |found| {
            if let Some((run, company)) = found {
                download_run(catalog, run, company);
            }
        });
    };
    let delete = move |_| {
        if let Some(deleted) = runs.delete(&run_id.get_value()) {
            let message = i18n::run_deleted(language.get_untracked(), &deleted.name);
            let undo: crate::state::Undo =
                std::sync::Arc::new(move || runs.restore(deleted.clone()));
            notices.show(message, Some(undo));
        }
    };
    let rename = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let input = event
            .target()
            .and_then(|form| form.dyn_into::<web_sys::HtmlFormElement>().ok())
            .and_then(|form| form.elements().named_item("name"))
            .and_then(|element| element.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(input) = input {
            let name = input.value().trim().to_owned();
            if !name.is_empty() {
                runs.edit(&run_id.get_value(), catalog, |run, now| {
                    run.rename(name, now)
                });
            }
        }
        renaming.set(false);
    };
    let name_for_view = name.clone();
    view! {
        <li class="run" class:active=is_active>
            <div class="run-info">
                {move || if renaming.get() {
                    view! {
                        <form class="rename" on:submit=rename>
                            <label for=format!("name-{}", run_id.get_value())>{tr(PageText::RunName)}</label>
                            <input id=format!("name-{}", run_id.get_value()) name="name" type="text" value=name.clone() required=true
                                size=name.chars().count().clamp(20, 60) node_ref=rename_input/>
                            <button type="submit" class="button small">{tr(PageText::Save)}</button>
                        </form>
                    }.into_any()
                } else {
                    view! { <strong class="run-title">{name_for_view.clone()}</strong> }.into_any()
                }}
                <span class="run-meta">
                    {move || i18n::created_on(language.get(), &created)} " · " {move || i18n::rated_of(language.get(), rated, total)}
                    {move || team_marker(language.get()).map(|marker| view! { " · " <span class="run-team">{marker}</span> })}
                    {move || is_active.get().then(|| view! { " · " <span class="run-active">{tr(PageText::ActiveRunMarker)}</span> })}
                </span>
            </div>
            <div class="run-buttons">
                {move || (!is_active.get()).then(|| view! {
                    <button type="button" class="button small" on:click=activate>{tr(PageText::ContinueThisRun)}</button>
                })}
                <button type="button" class="button secondary small" on:click=move |_| renaming.update(|r| *r = !*r)>{tr(PageText::Rename)}</button>
                <button type="button" class="button secondary small" on:click=follow_up>{tr(CompanyText::FollowUp)}</button>
                <button type="button" class="button secondary small" on:click=copy>{tr(PageText::CopyRun)}</button>
                <button type="button" class="button secondary small" on:click=export>{tr(Text::ExportRun)}</button>
                <button type="button" class="button danger small" on:click=delete>{tr(PageText::Delete)}</button>
            </div>
        </li>
    }
}
