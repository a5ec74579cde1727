//! The adviser's workspace: every company with its checks, progress, latest index, open and overdue measures and
//! readiness for the self-declaration; search and sort; a new company; export one company or all of them as one
//! file and import such files (merged by id); and how full the browser's storage is, with a warning in time.

use std::collections::BTreeMap;

use checkwerk_core::workspace::{matches, overview, sort, CompanyOverview, SortKey};
use checkwerk_core::{Catalog, CompanyField, Run};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::clock::{local_date, today};
use crate::components::company_form::{CompanyFields, Editing};
use crate::components::download::download_companies;
use crate::components::import::ImportButton;
use crate::i18n::companies::{self, CompanyText};
use crate::i18n::pages::PageText;
use crate::i18n::Text;
use crate::state::{catalogs, tr, Notices, Runs, UiLanguage, Undo};
use crate::storage::{QUOTA_UNITS, WARN_PERCENT};

/// The workspace page.
#[component]
pub fn WorkspacePage() -> impl IntoView {
    let runs = expect_context::<Runs>();
    let companies = runs.companies;
    let notices = expect_context::<Notices>();
    let language = expect_context::<UiLanguage>().0;
    let query = RwSignal::new(String::new());
    let sort_key = RwSignal::new(SortKey::Name);
    // While a company's details are open for editing, the list keeps its order: typing a name must not move the
    // card (and the focus) away.
    let frozen_order = RwSignal::new(None::<Vec<String>>);

    let company_ids = Memo::new(move |_| {
        companies.with_all(|all| {
            all.iter()
                .map(|company| company.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let overviews = Memo::new(move |_| {
        company_ids.track();
        let today = today();
        let catalogs: Vec<&Catalog> = catalogs::all();
        let all = untrack(|| companies.with_all(<[_]>::to_vec));
        runs.with_all(|runs| {
            all.iter()
                .map(|company| {
                    (
                        company.id.clone(),
                        overview(&catalogs, company, runs, today),
                    )
                })
                .collect::<BTreeMap<String, CompanyOverview>>()
        })
    });
    let shown = Memo::new(move |_| {
        let query = query.get();
        let key = sort_key.get();
        let overviews = overviews.get();
        companies.with_all(|all| {
            let mut list: Vec<_> = all
                .iter()
                .filter(|company| matches(company, &query))
                .filter_map(|company| Some((company, overviews.get(&company.id)?.clone())))
                .collect();
            sort(&mut list, key);
            list.into_iter()
                .map(|(company, _)| company.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let order = move || match frozen_order.get() {
        Some(frozen) => {
            let shown = shown.get();
            let mut order: Vec<String> =
                frozen.into_iter().filter(|id| shown.contains(id)).collect();
            let new: Vec<String> = shown.into_iter().filter(|id| !order.contains(id)).collect();
            order.extend(new);
            order
        }
        None => shown.get(),
    };

    let new_company = move |_| {
        let id = companies.create(String::new());
        frozen_order.set(Some(shown.get_untracked()));
        // The new company's form opens with its name field focused (`CompanyCard`).
        request_animation_frame(move || focus_name_field(&id));
    };
    let export_all = move |_| {
        let all = companies.snapshot();
        runs.with_all(|list| {
            let refs: Vec<&Run> = list.iter().collect();
            let company_refs: Vec<_> = all.iter().collect();
            download_companies(&company_refs, &refs, &today().iso());
            notices.show(
                companies::exported(language.get_untracked(), refs.len(), all.len()),
                None,
            );
        });
    };
    let usage = move || {
        runs.usage.get().map(|units| {
            let language = language.get();
            // Past the warning mark the banner above every page says what to do (`storage_banner.rs`).
            view! {
                <p class="storage-usage no-print">
                    <meter min="0" max=QUOTA_UNITS.to_string() high=(QUOTA_UNITS * WARN_PERCENT / 100).to_string()
                        value=units.to_string() aria-label=CompanyText::StorageHeading.get(language)></meter>
                    " " {companies::storage_usage(language, units, QUOTA_UNITS)}
                </p>
            }
        })
    };

    view! {
        <section class="page workspace">
            <h1>{tr(Text::Companies)}</h1>
            <p class="lead">{tr(CompanyText::WorkspaceLead)}</p>
            <div class="toolbar no-print">
                <button type="button" class="button" on:click=new_company>{tr(CompanyText::NewCompany)}</button>
                <ImportButton label=Signal::derive(tr(CompanyText::ImportFile))/>
                <button type="button" class="button secondary" on:click=export_all
                    disabled=move || company_ids.with(Vec::is_empty)>{tr(CompanyText::ExportAll)}</button>
            </div>
            {usage}
            <div class="filters workspace-filters no-print">
                <div class="field">
                    <label for="betriebe-suche">{tr(CompanyText::Search)}</label>
                    <input id="betriebe-suche" type="search" placeholder=tr(CompanyText::SearchHint)
                        prop:value=move || query.get() on:input=move |event| query.set(event_target_value(&event))/>
                </div>
                <div class="field">
                    <label for="betriebe-sortierung">{tr(PageText::SortBy)}</label>
                    <select id="betriebe-sortierung" on:change=move |event| {
                        if let Some(key) = SortKey::from_key(&event_target_value(&event)) {
                            frozen_order.set(None);
                            sort_key.set(key);
                        }
                    }>
                        {move || SortKey::ALL.iter().map(|key| view! {
                            <option value=key.key() selected=sort_key.get() == *key>{companies::sort_label(language.get(), *key)}</option>
                        }).collect_view()}
                    </select>
                </div>
            </div>
            {move || if company_ids.with(Vec::is_empty) {
                view! { <p class="empty">{tr(CompanyText::NoCompaniesYet)}</p> }.into_any()
            } else if shown.with(Vec::is_empty) {
                view! { <p class="empty">{tr(CompanyText::NoMatches)}</p> }.into_any()
            } else {
                ().into_any()
            }}
            <ul class="company-list">
                <For each=order key=|id| id.clone() let:company_id>
                    <CompanyCard company_id overviews frozen_order shown/>
                </For>
            </ul>
        </section>
    }
}

/// One company in the workspace.
#[component]
fn CompanyCard(
    company_id: String,
    overviews: Memo<BTreeMap<String, CompanyOverview>>,
    frozen_order: RwSignal<Option<Vec<String>>>,
    shown: Memo<Vec<String>>,
) -> impl IntoView {
    let runs = expect_context::<Runs>();
    let companies = runs.companies;
    let notices = expect_context::<Notices>();
    let language = expect_context::<UiLanguage>().0;
    let navigate = use_navigate();
    let id = StoredValue::new(company_id.clone());
    // A company made a moment ago opens with its form.
    let editing = RwSignal::new(companies.with(&company_id, |company| {
        company.is_some_and(|company| {
            company.name.is_empty() && frozen_order.get_untracked().is_some()
        })
    }));
    let name = move || {
        companies.with(&id.get_value(), |company| {
            companies::company_name(
                language.get(),
                company.map(|c| c.name.as_str()).unwrap_or_default(),
            )
        })
    };
    let facts = move || {
        companies.with(&id.get_value(), |company| {
            company
                .map(|company| {
                    [CompanyField::Site, CompanyField::Sector, CompanyField::Size]
                        .iter()
                        .map(|field| company.field(*field).trim())
                        .filter(|text| !text.is_empty())
                        .collect::<Vec<_>>()
                        .join(" · ")
                })
                .unwrap_or_default()
        })
    };
    let is_current = move || companies.current_id().as_deref() == Some(id.get_value().as_str());
    let overview = Memo::new(move |_| overviews.with(|all| all.get(&id.get_value()).cloned()));
    let heading_id = format!("betrieb-{company_id}");
    let open = {
        let navigate = navigate.clone();
        move |_| {
            companies.choose(&id.get_value());
            navigate("/", Default::default());
        }
    };
    let toggle_edit = move |_| {
        let opening = !editing.get_untracked();
        if opening {
            frozen_order.set(Some(shown.get_untracked()));
        } else {
            frozen_order.set(None);
        }
        editing.set(opening);
    };
    let export = move |_| {
        let company_id = id.get_value();
        let company = companies
            .snapshot()
            .into_iter()
            .find(|company| company.id == company_id);
        if let Some(company) = company {
            runs.with_all(|list| {
                let mine: Vec<&Run> = list
                    .iter()
                    .filter(|run| run.company_id == company_id)
                    .collect();
                download_companies(&[&company], &mine, &today().iso());
                notices.show(
                    companies::exported(language.get_untracked(), mine.len(), 1),
                    None,
                );
            });
        }
    };
    let delete = move |_| {
        if let Some((company, deleted)) = runs.delete_company(&id.get_value()) {
            let message = companies::company_deleted(
                language.get_untracked(),
                &companies::company_name(language.get_untracked(), &company.name),
                deleted.len(),
            );
            let undo: Undo =
                std::sync::Arc::new(move || runs.restore_company(company.clone(), deleted.clone()));
            notices.show(message, Some(undo));
        }
    };
    let checks = move || {
        overview.get().map(|overview| {
            if overview.checks.is_empty() {
                return view! { <p class="hint">{tr(CompanyText::NoChecksYet)}</p> }.into_any();
            }
            let language = language.get();
            view! {
                <ul class="company-checks">
                    {overview.checks.iter().filter_map(|check| {
                        let catalog = catalogs::find(&check.catalog_id)?;
                        let catalog_id = check.catalog_id.clone();
                        let navigate = navigate.clone();
                        let go = move |event: leptos::ev::MouseEvent| {
                            event.prevent_default();
                            companies.choose(&id.get_value());
                            navigate(&format!("/check/{catalog_id}"), Default::default());
                        };
                        let line = format!(
                            "{} · {} · {}",
                            crate::i18n::rated_of(language, check.rated, check.item_count),
                            companies::index_short(language, check.index),
                            companies::check_measures(language, check.open_measures, check.overdue_measures),
                        );
                        Some(view! {
                            <li>
                                <a href=crate::page_config::app_href(&format!("/check/{}", check.catalog_id)) on:click=go>{catalog.title.clone()}</a>
                                ": " {line}
                                {check.declarations.iter().filter_map(|status| {
                                    let declaration = catalog.declaration(&status.declaration_id)?;
                                    let (text, state) = companies::declaration_state(language, &declaration.title, status)?;
                                    Some(view! { <br/><span class=format!("declaration-state {state}")>{text}</span> })
                                }).collect_view()}
                            </li>
                        })
                    }).collect_view()}
                </ul>
            }.into_any()
        })
    };
    let summary = move || {
        overview.get().map(|overview| {
            companies::company_facts(
                language.get(),
                overview.run_count,
                overview.open_measures,
                overview.overdue_measures,
                &local_date(overview.last_change).german(),
            )
        })
    };
    let form_prefix = format!("betrieb-{company_id}-feld");
    let labelled =
        move |action: CompanyText| move || format!("{}: {}", action.get(language.get()), name());
    view! {
        <li>
            <article class="company-card" class:current=is_current class:overdue=move || overview.with(|o| o.as_ref().is_some_and(|o| o.overdue_measures > 0)) aria-labelledby=heading_id.clone()>
                <h2 id=heading_id.clone()>{name}
                    {move || is_current().then(|| view! { " " <span class="run-active">"· " {tr(CompanyText::CurrentMarker)}</span> })}
                </h2>
                {move || { let facts = facts(); (!facts.is_empty()).then(|| view! { <p class="company-facts">{facts}</p> }) }}
                <p class="company-summary">{summary}</p>
                {checks}
                {move || editing.get().then(|| view! {
                    <div class="company-form">
                        <CompanyFields editing=Editing::Company(id.get_value()) fields=&CompanyField::ALL id_prefix=form_prefix.clone()/>
                    </div>
                })}
                // Each button says whose company it acts on, for those who hear the buttons without their card.
                <div class="run-buttons">
                    <button type="button" class="button small" on:click=open aria-label=labelled(CompanyText::OpenCompany)>{tr(CompanyText::OpenCompany)}</button>
                    <button type="button" class="button secondary small" on:click=toggle_edit aria-expanded=move || editing.get().to_string()
                        aria-label=move || labelled(if editing.get() { CompanyText::DoneEditing } else { CompanyText::EditCompany })()>
                        {move || if editing.get() { tr(CompanyText::DoneEditing)() } else { tr(CompanyText::EditCompany)() }}
                    </button>
                    <button type="button" class="button secondary small" on:click=export aria-label=labelled(CompanyText::ExportCompany)>{tr(CompanyText::ExportCompany)}</button>
                    <button type="button" class="button danger small" on:click=delete aria-label=labelled(CompanyText::DeleteCompany)>{tr(CompanyText::DeleteCompany)}</button>
                </div>
            </article>
        </li>
    }
}

/// Puts the focus on a company's name field (its form has just opened).
fn focus_name_field(company_id: &str) {
    let Some(element) = document().get_element_by_id(&format!("betrieb-{company_id}-feld-name"))
    else {
        return;
    };
    if let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
        let _ = element.focus();
    }
}
