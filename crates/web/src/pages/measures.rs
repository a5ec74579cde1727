//! Meine Maßnahmen: the action plan as a working tool. What needs following up comes first (overdue, due soon,
//! finished but not yet checked), then the needs still without a measure, then the plan as a compact table –
//! sortable, filterable (kept across reloads), each row edited in place below itself.
//!
//! A list never re-orders or loses focus under the person editing it: the table keeps its order while a measure
//! changes, and a changed sort key takes effect when the person asks ("Neu sortieren"), closes the row they edit,
//! or leaves the table. A measure that no longer matches the filter stays until then, marked.

use std::collections::BTreeMap;

use checkwerk_core::export::{measures_csv, measures_ics};
use checkwerk_core::plan::{follow_up, uncovered_needs, view_measures, Filter, SortKey};
use checkwerk_core::{Catalog, DateEntry, Effectiveness, Measure, MeasureStatus, Urgency};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::clock::{new_id, now, today};
use crate::components::create_measure::CreateMeasureButton;
use crate::components::download::{download_text, file_name_part};
use crate::i18n::pages::PageText;
use crate::i18n::plan::{self as words, PlanText};
use crate::i18n::{self, Text};
use crate::state::check::{current_catalog, use_evaluation};
use crate::state::{tr, Notices, Runs, UiLanguage};
use crate::storage;

/// How the plan is sorted and filtered: one signal each, remembered per check (`storage::save_view`).
#[derive(Clone, Copy)]
struct PlanView {
    sort: RwSignal<SortKey>,
    status: RwSignal<Option<MeasureStatus>>,
    urgency: RwSignal<Option<Urgency>>,
    module: RwSignal<Option<String>>,
}

impl PlanView {
    fn storage_name(catalog: &Catalog) -> String {
        format!("massnahmen.{}", catalog.id)
    }

    /// The view as the user left it; whatever cannot be read (a module the check no longer has) is dropped.
    fn load(catalog: &'static Catalog) -> Self {
        let saved = storage::load_view(&Self::storage_name(catalog));
        let value = |name: &str| saved.get(name).map(String::as_str).unwrap_or_default();
        let view = PlanView {
            sort: RwSignal::new(SortKey::from_key(value("sort")).unwrap_or_default()),
            status: RwSignal::new(MeasureStatus::from_key(value("status"))),
            urgency: RwSignal::new(Urgency::from_key(value("urgency"))),
            module: RwSignal::new(
                catalog
                    .module(value("module"))
                    .map(|module| module.id.clone()),
            ),
        };
        // One writer: every change of the view is remembered (a convenience; failing to is not worth a message).
        Effect::new(move |_| {
            let mut saved = BTreeMap::new();
            saved.insert("sort".to_owned(), view.sort.get().key().to_owned());
            if let Some(status) = view.status.get() {
                saved.insert("status".to_owned(), status.key().to_owned());
            }
            if let Some(urgency) = view.urgency.get() {
                saved.insert("urgency".to_owned(), urgency.key().to_owned());
            }
            if let Some(module) = view.module.get() {
                saved.insert("module".to_owned(), module);
            }
            let _ = storage::save_view(&Self::storage_name(catalog), &saved);
        });
        view
    }

    fn filter(&self) -> Filter {
        Filter {
            status: self.status.get(),
            urgency: self.urgency.get(),
            module_id: self.module.get(),
        }
    }

    fn reset_filters(&self) {
        self.status.set(None);
        self.urgency.set(None);
        self.module.set(None);
    }
}

/// Which measure's row is open for editing (one at a time), and which field to focus when it opens.
#[derive(Clone, Copy)]
struct Editing {
    open: RwSignal<Option<String>>,
    /// Asks the table to take the current order from the core again.
    resort: RwSignal<u64>,
}

impl Editing {
    /// Opens a measure's row and puts the focus into one of its fields (`titel`, `bis`, `wirkung`, …).
    fn open(&self, id: &str, field: &'static str) {
        self.open.set(Some(id.to_owned()));
        focus_field(id, field);
    }

    /// Closes the open row; the table sorts again, and the focus goes back to the row's button.
    fn close(&self, id: &str) {
        self.open.set(None);
        self.resort.update(|count| *count += 1);
        let button = format!("massnahme-{id}-zeile");
        request_animation_frame(move || focus_element(&button, false));
    }
}

/// The action plan of the active run.
#[component]
pub fn MeasuresPage() -> impl IntoView {
    let catalog = current_catalog();
    let runs = expect_context::<Runs>();
    let notices = expect_context::<Notices>();
    let language = expect_context::<UiLanguage>().0;
    crate::title::check_page_title(catalog, Text::MyMeasures);
    let view = PlanView::load(catalog);
    let editing = Editing {
        open: RwSignal::new(None),
        resort: RwSignal::new(0),
    };

    // The order the core gives now, for the current sort and filter.
    let fresh_order = Memo::new(move |_| {
        let filter = view.filter();
        let sort = view.sort.get();
        runs.with_active(&catalog.id, |run| {
            run.map(|run| {
                view_measures(catalog, &run.measures, &filter, sort)
                    .into_iter()
                    .map(|measure| measure.id.clone())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
        })
    });
    // Which measures exist, in no particular order: adding or removing one changes the table, editing one does not.
    let existing = Memo::new(move |_| {
        runs.with_active(&catalog.id, |run| {
            let mut ids: Vec<String> = run
                .map(|run| {
                    run.measures
                        .iter()
                        .map(|measure| measure.id.clone())
                        .collect()
                })
                .unwrap_or_default();
            ids.sort();
            ids
        })
    });
    // The order on screen. It takes the core's order when the user changes sort or filter or asks for it;
    // otherwise it keeps its order, drops measures that are gone and adds new ones at the end.
    let seen_request = StoredValue::new(None::<(SortKey, Filter, u64)>);
    let shown_order = Memo::new(move |previous: Option<&Vec<String>>| {
        let request = (view.sort.get(), view.filter(), editing.resort.get());
        let existing = existing.get();
        let fresh = untrack(|| fresh_order.get());
        // Opening a measure the filter hides (from the follow-up) brings it into the table; it keeps the order.
        let open = editing.open.get();
        let asked = seen_request.with_value(|seen| seen.as_ref() != Some(&request));
        seen_request.set_value(Some(request));
        let mut order = match previous {
            Some(previous) if !asked => {
                let mut kept: Vec<String> = previous
                    .iter()
                    .filter(|id| existing.binary_search(id).is_ok())
                    .cloned()
                    .collect();
                kept.extend(fresh.iter().filter(|id| !previous.contains(id)).cloned());
                kept
            }
            _ => fresh,
        };
        // The measure being edited stays on screen even where the filter would now hide it.
        if let Some(open) = open {
            if !order.contains(&open) && existing.binary_search(&open).is_ok() {
                order.push(open);
            }
        }
        order
    });
    let stale = Memo::new(move |_| {
        let fresh = fresh_order.get();
        shown_order.with(|shown| *shown != fresh)
    });
    let total =
        move || runs.with_active(&catalog.id, |run| run.map_or(0, |run| run.measures.len()));
    // A memo: the table is built once, not again with every change of a measure.
    let has_measures = Memo::new(move |_| total() > 0);
    let shown_count = move || {
        let fresh = fresh_order.get();
        shown_order.with(|shown| shown.iter().filter(|id| fresh.contains(id)).count())
    };

    let add_measure = move |_| {
        let id = new_id(now());
        runs.edit_active(catalog, |run, now| {
            run.upsert_measure(Measure::new(id.clone(), "", Vec::new(), now), now)
        });
        editing.open(&id, "titel");
    };
    let export_csv = move |_| {
        runs.with_active_untracked(&catalog.id, |run| {
            if let Some(run) = run {
                let name = format!(
                    "massnahmen-{}-{}.csv",
                    catalog.id,
                    file_name_part(&run.name)
                );
                download_text(
                    &name,
                    "text/csv;charset=utf-8",
                    &measures_csv(
                        catalog,
                        run,
                        &words::export_wording(language.get_untracked()),
                    ),
                );
            }
        });
    };
    let export_ics = move |_| {
        let language = language.get_untracked();
        let message = runs.with_active_untracked(&catalog.id, |run| {
            let run = run?;
            let name = format!(
                "massnahmen-{}-{}.ics",
                catalog.id,
                file_name_part(&run.name)
            );
            let calendar = measures_ics(catalog, run, now(), &words::export_wording(language));
            download_text(&name, "text/calendar;charset=utf-8", &calendar.text);
            // The user hears what the file holds, and which measures a calendar has no place for.
            let left_out: Vec<String> = calendar
                .undated
                .iter()
                .filter_map(|id| run.measure(id))
                .map(|measure| title_or_untitled(language, &measure.title))
                .collect();
            Some(words::calendar_exported(
                language,
                calendar.events,
                &left_out,
            ))
        });
        if let Some(message) = message {
            notices.show(message, None);
        }
    };

    // A link from elsewhere ("Maßnahme anlegen") lands here with the measure's anchor: open it, focus its first field.
    Effect::new(move |_| {
        if let Some(hash) = web_sys::window().and_then(|window| window.location().hash().ok()) {
            if let Some(id) = hash.strip_prefix("#massnahme-") {
                let id = id.to_owned();
                if runs.with_active_untracked(&catalog.id, |run| {
                    run.is_some_and(|run| run.measure(&id).is_some())
                }) {
                    editing.open(&id, "titel");
                }
            }
        }
    });

    // Leaving the table (for the filters, the toolbar, anywhere else) takes the new order: no row moves under the
    // focus then.
    let left_table = move |event: leptos::ev::FocusEvent| {
        let inside = event
            .related_target()
            .and_then(|target| target.dyn_into::<web_sys::Node>().ok())
            .zip(
                event
                    .current_target()
                    .and_then(|table| table.dyn_into::<web_sys::Node>().ok()),
            )
            .is_some_and(|(target, table)| table.contains(Some(&target)));
        if !inside && stale.get_untracked() && editing.open.get_untracked().is_none() {
            editing.resort.update(|count| *count += 1);
        }
    };

    let headers = [
        PlanText::ColumnNumber,
        PlanText::ColumnMeasure,
        PlanText::ColumnItems,
        PlanText::ColumnUrgency,
        PlanText::ColumnResponsible,
        PlanText::ColumnDue,
        PlanText::ColumnStatus,
        PlanText::ColumnControl,
    ];

    view! {
        <section class="page measures">
            <h1>{tr(Text::MyMeasures)}</h1>
            <p class="lead">{tr(PageText::MeasuresIntro)}</p>
            <FollowUpPanel catalog editing/>
            <CoveragePanel catalog editing/>
            <div class="toolbar no-print">
                <button type="button" class="button" on:click=add_measure>{tr(PageText::NewMeasure)}</button>
                <button type="button" class="button secondary" on:click=export_csv>{tr(PageText::ExportCsv)}</button>
                <button type="button" class="button secondary" on:click=export_ics>{tr(PageText::ExportIcs)}</button>
            </div>
            <div class="filters no-print" role="group" aria-label=tr(PageText::SortAndFilter)>
                <label>{tr(PageText::SortBy)}
                    <select on:change=move |event| {
                        if let Some(key) = SortKey::from_key(&event_target_value(&event)) { view.sort.set(key) }
                    }>
                        {SortKey::ALL.into_iter().map(|key| view! {
                            <option value=key.key() selected=move || view.sort.get() == key>{move || words::sort_key(language.get(), key)}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label>{tr(PageText::Status)}
                    <select on:change=move |event| view.status.set(MeasureStatus::from_key(&event_target_value(&event)))>
                        <option value="" selected=move || view.status.get().is_none()>{tr(PageText::All)}</option>
                        {MeasureStatus::ALL.into_iter().map(|status| view! {
                            <option value=status.key() selected=move || view.status.get() == Some(status)>{move || words::status(language.get(), status)}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label>{tr(PageText::Urgency)}
                    <select on:change=move |event| view.urgency.set(Urgency::from_key(&event_target_value(&event)))>
                        <option value="" selected=move || view.urgency.get().is_none()>{tr(PageText::All)}</option>
                        {Urgency::ALL.into_iter().map(|urgency| view! {
                            <option value=urgency.key() selected=move || view.urgency.get() == Some(urgency)>{move || words::urgency(language.get(), urgency)}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label>{tr(Text::Module)}
                    <select on:change=move |event| {
                        let value = event_target_value(&event);
                        view.module.set((!value.is_empty()).then_some(value));
                    }>
                        <option value="" selected=move || view.module.get().is_none()>{tr(PageText::All)}</option>
                        {catalog.modules.iter().map(|module| {
                            let id = module.id.clone();
                            view! {
                                <option value=module.id.clone() selected=move || view.module.get().as_deref() == Some(id.as_str())>{format!("{} {}", module.number, module.title)}</option>
                            }
                        }).collect_view()}
                    </select>
                </label>
            </div>
            <div class="plan-status no-print">
                <p class="count" aria-live="polite">{move || i18n::measures_shown(language.get(), shown_count(), total())}</p>
                {move || view.filter().is_active().then(|| view! {
                    <button type="button" class="button secondary small" on:click=move |_| view.reset_filters()>{plan_text(PlanText::ResetFilters)}</button>
                })}
                {move || stale.get().then(|| view! {
                    <button type="button" class="button secondary small" on:click=move |_| editing.resort.update(|count| *count += 1)>{plan_text(PlanText::Resort)}</button>
                    <span class="hint">{plan_text(PlanText::ResortHint)}</span>
                })}
            </div>
            {move || (!has_measures.get()).then(|| view! {
                <p class="empty">{plan_text(PlanText::EmptyPlan)}</p>
            })}
            {move || has_measures.get().then(|| view! {
                <table class="plan-table" on:focusout=left_table>
                    <caption class="visually-hidden">{plan_text(PlanText::TableCaption)}</caption>
                    <thead>
                        <tr>
                            {headers.into_iter().map(|header| match sorted_by(header) {
                                // A sortable column's heading sorts by it, and says when the plan is sorted by it.
                                Some(key) => view! {
                                    <th scope="col" aria-sort=move || (view.sort.get() == key).then_some("ascending")>
                                        <button type="button" class="sort-button" on:click=move |_| view.sort.set(key)>
                                            {plan_text(header)}
                                        </button>
                                    </th>
                                }.into_any(),
                                None => view! { <th scope="col">{plan_text(header)}</th> }.into_any(),
                            }).collect_view()}
                        </tr>
                    </thead>
                    <For each=move || shown_order.get() key=|id| id.clone() let:id>
                        <PlanEntry catalog id editing fresh_order/>
                    </For>
                </table>
            })}
        </section>
    }
}

/// The sort a column's heading stands for: the module goes with the Check-Punkte.
fn sorted_by(column: PlanText) -> Option<SortKey> {
    match column {
        PlanText::ColumnItems => Some(SortKey::Module),
        PlanText::ColumnUrgency => Some(SortKey::Urgency),
        PlanText::ColumnDue => Some(SortKey::Due),
        PlanText::ColumnStatus => Some(SortKey::Status),
        _ => None,
    }
}

/// A reactive fixed text of the plan. One closure type for all of them: each `move ||` of its own would be one more
/// instantiation of the renderer's code in every visitor's download.
fn plan_text(text: PlanText) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let language = expect_context::<UiLanguage>().0;
    move || text.get(language.get())
}

/// A measure's title, or the words for one not yet described.
fn title_or_untitled(language: checkwerk_core::Language, title: &str) -> String {
    if title.trim().is_empty() {
        PlanText::Untitled.get(language).to_owned()
    } else {
        title.trim().to_owned()
    }
}

/// What needs following up: overdue, due soon, finished without a Kontrolle result. Each names its measures as
/// buttons that open them in the table.
#[component]
fn FollowUpPanel(catalog: &'static Catalog, editing: Editing) -> impl IntoView {
    let runs = expect_context::<Runs>();
    let language = expect_context::<UiLanguage>().0;
    let today = today();
    // (id, title, what stands out) per list: overdue, due soon, to check.
    let lists = Memo::new(move |_| {
        runs.with_active(&catalog.id, |run| {
            let Some(run) = run else {
                return Vec::new();
            };
            let follow = follow_up(&run.measures, today);
            let language = language.get();
            let describe = |measure: &Measure, field: &'static str| {
                let detail = match field {
                    "wirkung" => measure
                        .finished_date()
                        .map(|date| words::done_on(language, &date.german()))
                        .unwrap_or_default(),
                    _ => measure
                        .due_date()
                        .map(|due| {
                            format!(
                                "{} · {}",
                                due.german(),
                                words::due_in(language, today.days_until(due))
                            )
                        })
                        .unwrap_or_default(),
                };
                (
                    measure.id.clone(),
                    title_or_untitled(language, &measure.title),
                    detail,
                    field,
                )
            };
            [
                (
                    PlanText::FollowUpOverdue.get(language).to_owned(),
                    "overdue",
                    follow
                        .overdue
                        .iter()
                        .map(|m| describe(m, "bis"))
                        .collect::<Vec<_>>(),
                ),
                (
                    words::due_soon_heading(language),
                    "due-soon",
                    follow.due_soon.iter().map(|m| describe(m, "bis")).collect(),
                ),
                (
                    PlanText::FollowUpToCheck.get(language).to_owned(),
                    "to-check",
                    follow
                        .to_check
                        .iter()
                        .map(|m| describe(m, "wirkung"))
                        .collect(),
                ),
            ]
            .into_iter()
            .filter(|(_, _, entries)| !entries.is_empty())
            .collect::<Vec<_>>()
        })
    });
    move || {
        let lists = lists.get();
        (!lists.is_empty()).then(|| {
            view! {
                <section class="follow-up no-print" aria-labelledby="nachverfolgung">
                    <h2 id="nachverfolgung">{plan_text(PlanText::FollowUpHeading)}</h2>
                    {lists.into_iter().map(|(heading, class, entries)| view! {
                        <div class=format!("follow-up-group {class}")>
                            <h3>{heading}</h3>
                            <ul>
                                {entries.into_iter().map(|(id, title, detail, field)| {
                                    let open_id = id.clone();
                                    view! {
                                        <li>
                                            <button type="button" class="link-button" on:click=move |_| editing.open(&open_id, field)>{title}</button>
                                            {(!detail.is_empty()).then(|| view! { " " <span class="follow-up-detail">{detail}</span> })}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        </div>
                    }).collect_view()}
                </section>
            }
        })
    }
}

/// "Hier fehlt noch eine Maßnahme": the items that call for action with high urgency and have no measure, each with
/// its button; those of lower urgency folded below.
#[component]
fn CoveragePanel(catalog: &'static Catalog, editing: Editing) -> impl IntoView {
    let runs = expect_context::<Runs>();
    let language = expect_context::<UiLanguage>().0;
    let evaluation = use_evaluation(catalog);
    // (item id, urgency) of every need without a measure, most urgent first.
    let uncovered = Memo::new(move |_| {
        evaluation.with(|evaluation| {
            let Some(evaluation) = evaluation else {
                return (0, Vec::new());
            };
            runs.with_active(&catalog.id, |run| {
                let measures = run.map(|run| run.measures.as_slice()).unwrap_or_default();
                let needs = evaluation.needs.len();
                let uncovered = uncovered_needs(evaluation, measures)
                    .into_iter()
                    .map(|need| (need.item_id.clone(), need.urgency))
                    .collect::<Vec<_>>();
                (needs, uncovered)
            })
        })
    });
    let open_new = Callback::new(move |id: String| editing.open(&id, "titel"));
    let entry = move |item_id: String| {
        let (module, item) = catalog.item(&item_id)?;
        let scale = catalog.scale_for(module, item)?;
        let rating = runs.with_active_untracked(&catalog.id, |run| {
            let answer = run?.answer(&item.id)?;
            let label = scale.choice_label(answer.choice.as_deref()?)?.to_owned();
            let priority = answer.priority.and_then(|p| scale.priority_label(p));
            Some(match priority {
                Some(priority) => format!("{label} · {priority}"),
                None => label,
            })
        });
        Some(view! {
            <li>
                <span class="item-number">{item.number.clone()}</span> " "
                <span class="coverage-statement">{item.statement.clone()}</span> " "
                <span class="level-tag">{rating}</span> " "
                <CreateMeasureButton catalog item on_created=open_new/>
            </li>
        })
    };
    move || {
        let (needs, uncovered) = uncovered.get();
        if needs == 0 {
            return None;
        }
        let (high, lower): (Vec<_>, Vec<_>) = uncovered
            .into_iter()
            .partition(|(_, urgency)| *urgency == Urgency::High);
        Some(view! {
            <section class="coverage no-print" aria-labelledby="fehlende-massnahmen">
                <h2 id="fehlende-massnahmen">{plan_text(PlanText::CoverageHeading)}</h2>
                {if high.is_empty() {
                    view! { <p>{plan_text(PlanText::CoverageComplete)}</p> }.into_any()
                } else {
                    view! {
                        <p>{plan_text(PlanText::CoverageIntro)}</p>
                        <ul class="coverage-list">
                            {high.into_iter().map(|(id, _)| entry(id)).collect_view()}
                        </ul>
                    }.into_any()
                }}
                {(!lower.is_empty()).then(|| {
                    let count = lower.len();
                    view! {
                        <details class="coverage-more">
                            <summary>{move || words::more_uncovered(language.get(), count)}</summary>
                            <ul class="coverage-list">
                                {lower.into_iter().map(|(id, _)| entry(id)).collect_view()}
                            </ul>
                        </details>
                    }
                })}
            </section>
        })
    }
}

/// Puts the focus into a field of a measure's open row once it is in the page, and brings it into view.
fn focus_field(measure_id: &str, field: &'static str) {
    let selector = format!("massnahme-{measure_id}-{field}");
    request_animation_frame(move || focus_element(&selector, true));
}

fn focus_element(id: &str, scroll: bool) {
    let element = document()
        .get_element_by_id(id)
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        if scroll {
            element.scroll_into_view();
        }
        let _ = element.focus();
    }
}

/// One measure: a row of the table and, while open, its form below it. Every change is saved at once.
#[component]
fn PlanEntry(
    catalog: &'static Catalog,
    id: String,
    editing: Editing,
    fresh_order: Memo<Vec<String>>,
) -> impl IntoView {
    let runs = expect_context::<Runs>();
    let language = expect_context::<UiLanguage>().0;
    let id = StoredValue::new(id);
    let measure = Memo::new(move |_| {
        runs.with_active(&catalog.id, |run| {
            run.and_then(|run| run.measure(&id.read_value()).cloned())
        })
    });
    let number = Memo::new(move |_| {
        runs.with_active(&catalog.id, |run| {
            run.and_then(|run| run.measures.iter().position(|m| m.id == *id.read_value()))
                .map_or(0, |p| p + 1)
        })
    });
    let is_open =
        Memo::new(move |_| editing.open.get().as_deref() == Some(id.read_value().as_str()));
    let outside_filter =
        Memo::new(move |_| !fresh_order.with(|fresh| fresh.contains(&id.read_value())));
    let today = today();
    let overdue = Memo::new(move |_| {
        measure.with(|measure| {
            measure
                .as_ref()
                .is_some_and(|measure| measure.is_overdue(today))
        })
    });
    let field = move |name: &str| format!("massnahme-{}-{name}", id.read_value());
    let toggle = move |_| {
        if is_open.get_untracked() {
            editing.close(&id.read_value());
        } else {
            editing.open(&id.read_value(), "titel");
        }
    };
    // A click on a cell opens the row at that cell's field (the row's button does the same from the keyboard).
    let open_at = move |field: &'static str| {
        move |_| {
            if !is_open.get_untracked() {
                editing.open(&id.read_value(), field);
            } else {
                focus_field(&id.read_value(), field);
            }
        }
    };

    let cells = Memo::new(move |_| {
        measure.with(|measure| {
            let measure = measure.as_ref()?;
            let language = language.get();
            let due_note = (!measure.is_done())
                .then(|| measure.due_date())
                .flatten()
                .map(|due| words::due_in(language, today.days_until(due)));
            Some(RowCells {
                title: title_or_untitled(language, &measure.title),
                items: measure
                    .item_ids
                    .iter()
                    .map(|item_id| {
                        catalog
                            .item(item_id)
                            .map_or_else(|| item_id.clone(), |(_, item)| item.number.clone())
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
                item_statements: measure
                    .item_ids
                    .iter()
                    .filter_map(|item_id| catalog.item(item_id))
                    .map(|(_, item)| format!("{} {}", item.number, item.statement))
                    .collect::<Vec<_>>()
                    .join("\n"),
                urgency: measure
                    .urgency
                    .map_or("–", |urgency| words::urgency(language, urgency)),
                responsible: measure.responsible.clone(),
                due: match (measure.due_date(), measure.due.as_deref()) {
                    (Some(due), _) => due.german(),
                    (None, Some(typed)) => typed.to_owned(),
                    (None, None) => "–".to_owned(),
                },
                due_note,
                status: match (measure.status, measure.finished_date()) {
                    (MeasureStatus::Done, Some(date)) => words::done_on(language, &date.german()),
                    (status, _) => words::status(language, status).to_owned(),
                },
                control: measure.control.clone(),
                effect: measure.effect.map(|effect| words::effect(language, effect)),
            })
        })
    });
    let cell = move |read: fn(&RowCells) -> String| {
        move || cells.with(|cells| cells.as_ref().map(read).unwrap_or_default())
    };
    let label = move || {
        let title = cells.with(|cells| {
            cells
                .as_ref()
                .map(|cells| cells.title.clone())
                .unwrap_or_default()
        });
        words::edit_measure(language.get(), number.get(), &title)
    };

    view! {
        <tbody class="plan-entry" id=field("eintrag") class:open=is_open class:overdue=overdue class:outside-filter=outside_filter>
            <tr class="plan-row">
                <td class="plan-number" data-label=plan_text(PlanText::ColumnNumber)>{number}</td>
                <th scope="row" class="plan-title" data-label=plan_text(PlanText::ColumnMeasure)>
                    <button type="button" class="row-toggle" id=field("zeile") aria-expanded=move || is_open.get().to_string()
                        aria-controls=field("formular") aria-label=label on:click=toggle>{cell(|c| c.title.clone())}</button>
                    {move || outside_filter.get().then(|| view! { " " <span class="level-tag">{plan_text(PlanText::OutsideFilter)}</span> })}
                </th>
                <td data-label=plan_text(PlanText::ColumnItems) title=cell(|c| c.item_statements.clone()) on:click=open_at("punkte")>{cell(|c| c.items.clone())}</td>
                <td data-label=plan_text(PlanText::ColumnUrgency) on:click=open_at("dringlichkeit")>{cell(|c| c.urgency.to_owned())}</td>
                <td data-label=plan_text(PlanText::ColumnResponsible) on:click=open_at("wer")>{cell(|c| c.responsible.clone())}</td>
                <td data-label=plan_text(PlanText::ColumnDue) on:click=open_at("bis")>
                    {cell(|c| c.due.clone())}
                    {move || cells.with(|c| c.as_ref().and_then(|c| c.due_note.clone())).map(|note| view! { " " <span class="due-note" class:overdue-note=overdue>{note}</span> })}
                </td>
                <td data-label=plan_text(PlanText::ColumnStatus) on:click=open_at("status")>{cell(|c| c.status.clone())}</td>
                <td data-label=plan_text(PlanText::ColumnControl) on:click=open_at("kontrolle")>
                    {cell(|c| c.control.clone())}
                    {move || cells.with(|c| c.as_ref().and_then(|c| c.effect)).map(|effect| view! { " " <span class="level-tag">{effect}</span> })}
                </td>
            </tr>
            {move || is_open.get().then(|| view! {
                <tr class="plan-form-row">
                    <td colspan="8">
                        <MeasureForm catalog id=id.get_value() measure editing/>
                    </td>
                </tr>
            })}
        </tbody>
    }
}

/// What a measure's row shows, in the screen's language.
#[derive(Clone, PartialEq)]
struct RowCells {
    title: String,
    items: String,
    item_statements: String,
    urgency: &'static str,
    responsible: String,
    due: String,
    due_note: Option<String>,
    status: String,
    control: String,
    effect: Option<&'static str>,
}

/// The form of an open row: every field of the measure, saved as it changes.
#[component]
fn MeasureForm(
    catalog: &'static Catalog,
    id: String,
    measure: Memo<Option<Measure>>,
    editing: Editing,
) -> impl IntoView {
    let runs = expect_context::<Runs>();
    let notices = expect_context::<Notices>();
    let language = expect_context::<UiLanguage>().0;
    let id = StoredValue::new(id);
    let update = move |change: Box<dyn FnOnce(&mut Measure)>| {
        if let Some(mut changed) = measure.get_untracked() {
            change(&mut changed);
            runs.edit_active(catalog, |run, now| run.upsert_measure(changed, now));
        }
    };
    let field = move |name: &str| format!("massnahme-{}-{name}", id.read_value());
    let delete = move |_| {
        let mut removed = None;
        runs.edit_active(catalog, |run, now| {
            removed = run.remove_measure(&id.read_value(), now)
        });
        if let Some((index, measure)) = removed {
            editing.open.set(None);
            let message = i18n::measure_deleted(language.get_untracked(), &measure.title);
            let undo: crate::state::Undo = std::sync::Arc::new(move || {
                runs.edit_active(catalog, |run, now| {
                    run.restore_measure(index, measure.clone(), now)
                });
            });
            notices.show(message, Some(undo));
        }
    };
    // Each field follows its own value: a change elsewhere in the measure does not write into a field being typed in.
    let text_of = move |read: fn(&Measure) -> String| {
        Memo::new(move |_| measure.with(|m| m.as_ref().map(read).unwrap_or_default()))
    };
    let title = text_of(|m| m.title.clone());
    let responsible = text_of(|m| m.responsible.clone());
    let control = text_of(|m| m.control.clone());
    let due = text_of(|m| m.due.clone().unwrap_or_default());
    let finished = text_of(|m| m.finished.clone().unwrap_or_default());
    let status =
        Memo::new(move |_| measure.with(|m| m.as_ref().map(|m| m.status).unwrap_or_default()));
    let urgency = Memo::new(move |_| measure.with(|m| m.as_ref().and_then(|m| m.urgency)));
    let effect = Memo::new(move |_| measure.with(|m| m.as_ref().and_then(|m| m.effect)));
    let linked_items = Memo::new(move |_| {
        measure.with(|m| m.as_ref().map(|m| m.item_ids.clone()).unwrap_or_default())
    });
    // Shown once done, and kept in sight while a finding exists: a memo, so choosing a finding keeps the field.
    let asks_effect =
        Memo::new(move |_| status.get() == MeasureStatus::Done || effect.get().is_some());
    // A due date is saved only whole: the field may hold a year still being typed (0002, 0020, 0202, …).
    let due_incomplete = RwSignal::new(false);
    let finished_incomplete = RwSignal::new(false);
    let date_input = move |event: &leptos::ev::Event| {
        let input = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok());
        let value = input
            .as_ref()
            .map(|input| input.value())
            .unwrap_or_default();
        // A field with some parts filled and others not reports no value at all, only that it is incomplete.
        let partial = input.is_some_and(|input| input.validity().bad_input());
        if partial {
            DateEntry::Incomplete
        } else {
            DateEntry::read(&value)
        }
    };
    let on_due = move |event: leptos::ev::Event| match date_input(&event) {
        DateEntry::Complete(date) => {
            due_incomplete.set(false);
            update(Box::new(move |m| m.due = Some(date.iso())));
        }
        DateEntry::Empty => {
            due_incomplete.set(false);
            update(Box::new(|m| m.due = None));
        }
        DateEntry::Incomplete => due_incomplete.set(true),
    };
    let on_finished = move |event: leptos::ev::Event| match date_input(&event) {
        DateEntry::Complete(date) => {
            finished_incomplete.set(false);
            update(Box::new(move |m| m.finished = Some(date.iso())));
        }
        DateEntry::Empty => {
            finished_incomplete.set(false);
            update(Box::new(|m| m.finished = None));
        }
        DateEntry::Incomplete => finished_incomplete.set(true),
    };
    let stored_due_invalid = Memo::new(move |_| {
        measure.with(|m| {
            m.as_ref()
                .and_then(|m| m.due.clone().filter(|_| m.due_date().is_none()))
        })
    });

    view! {
        <div class="measure-form" id=field("formular") role="group" aria-labelledby=field("zeile")
            on:keydown=move |event: leptos::ev::KeyboardEvent| if event.key() == "Escape" { editing.close(&id.read_value()) }>
            <div class="field wide">
                <label for=field("titel")>{tr(PageText::MeasureTitle)}</label>
                <textarea id=field("titel") rows="2" prop:value=move || title.get()
                    on:input=move |event| { let value = event_target_value(&event); update(Box::new(move |m| m.title = value)) }></textarea>
            </div>
            <div class="field wide">
                <span class="field-label" id=field("punkte-label")>{tr(PageText::MeasureItems)}</span>
                <ul class="linked-items" aria-labelledby=field("punkte-label")>
                    {move || linked_items.get().into_iter().map(|item_id| {
                        let label = catalog.item(&item_id)
                            .map(|(_, item)| format!("{} {}", item.number, item.statement))
                            .unwrap_or_else(|| item_id.clone());
                        let remove_label = i18n::remove_item(language.get(), &label);
                        let unlink = move |_| {
                            let item_id = item_id.clone();
                            update(Box::new(move |m| m.item_ids.retain(|linked| *linked != item_id)));
                        };
                        view! {
                            <li>{label.clone()} " "
                                <button type="button" class="link-button" aria-label=remove_label on:click=unlink>"✕"</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <label class="add-item">{tr(PageText::AddItem)}
                    <select id=field("punkte") on:change=move |event| {
                        let value = event_target_value(&event);
                        if !value.is_empty() {
                            update(Box::new(move |m| if !m.item_ids.contains(&value) { m.item_ids.push(value) }));
                        }
                        // Back to the prompt, ready for the next item.
                        if let Some(select) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) {
                            select.set_value("");
                        }
                    }>
                        <option value="">{tr(PageText::ChooseItem)}</option>
                        {catalog.modules.iter().map(|module| view! {
                            <optgroup label=format!("{} {}", module.number, module.title)>
                                {module.items.iter().map(|item| view! {
                                    <option value=item.id.clone()>{format!("{} {}", item.number, shorten(&item.statement, 80))}</option>
                                }).collect_view()}
                            </optgroup>
                        }).collect_view()}
                    </select>
                </label>
            </div>
            <div class="field">
                <label for=field("dringlichkeit")>{tr(PageText::Urgency)}</label>
                <select id=field("dringlichkeit") on:change=move |event| {
                    let urgency = Urgency::from_key(&event_target_value(&event));
                    update(Box::new(move |m| m.urgency = urgency))
                }>
                    <option value="" selected=move || urgency.get().is_none()>{tr(PageText::NotSet)}</option>
                    {Urgency::ALL.into_iter().map(|level| view! {
                        <option value=level.key() selected=move || urgency.get() == Some(level)>
                            {move || words::urgency(language.get(), level)}
                        </option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=field("wer")>{tr(PageText::Responsible)}</label>
                <input id=field("wer") type="text" prop:value=move || responsible.get()
                    on:input=move |event| { let value = event_target_value(&event); update(Box::new(move |m| m.responsible = value)) }/>
            </div>
            <div class="field">
                <label for=field("bis")>{tr(PageText::DueDate)}</label>
                <input id=field("bis") type="date" prop:value=move || due.get()
                    aria-invalid=move || due_incomplete.get().then_some("true")
                    aria-describedby=field("bis-hinweis")
                    on:input=on_due/>
                <span class="field-note" id=field("bis-hinweis") role="status">
                    {move || due_incomplete.get().then(|| PlanText::DueIncomplete.get(language.get()))}
                    {move || stored_due_invalid.get().filter(|_| !due_incomplete.get()).map(|typed| words::stored_date_invalid(language.get(), &typed))}
                </span>
            </div>
            <div class="field">
                <label for=field("status")>{tr(PageText::Status)}</label>
                <select id=field("status") on:change=move |event| {
                    if let Some(status) = MeasureStatus::from_key(&event_target_value(&event)) {
                        let today = today();
                        update(Box::new(move |m| m.set_status(status, today)))
                    }
                }>
                    {MeasureStatus::ALL.into_iter().map(|level| view! {
                        <option value=level.key() selected=move || status.get() == level>
                            {move || words::status(language.get(), level)}
                        </option>
                    }).collect_view()}
                </select>
            </div>
            {move || (status.get() == MeasureStatus::Done).then(|| view! {
                <div class="field">
                    <label for=field("erledigt")>{plan_text(PlanText::FinishedOn)}</label>
                    <input id=field("erledigt") type="date" prop:value=move || finished.get()
                        aria-invalid=move || finished_incomplete.get().then_some("true")
                        on:input=on_finished/>
                    {move || finished_incomplete.get().then(|| view! { <span class="field-note">{PlanText::DueIncomplete.get(language.get())}</span> })}
                </div>
            })}
            <div class="field wide">
                <label for=field("kontrolle")>{tr(PageText::Control)}</label>
                <textarea id=field("kontrolle") rows="2" placeholder=tr(PageText::ControlHint) prop:value=move || control.get()
                    on:input=move |event| { let value = event_target_value(&event); update(Box::new(move |m| m.control = value)) }></textarea>
            </div>
            // A finished measure asks whether it worked; the answer is kept if the measure is reopened.
            {move || asks_effect.get().then(|| view! {
                <div class="field wide effect" class:asks=move || effect.get().is_none()>
                    {move || effect.get().is_none().then(|| view! { <p class="effect-prompt">{PlanText::EffectPrompt.get(language.get())}</p> })}
                    <label for=field("wirkung")>{plan_text(PlanText::EffectQuestion)}</label>
                    <select id=field("wirkung") on:change=move |event| {
                        let effect = Effectiveness::from_key(&event_target_value(&event));
                        update(Box::new(move |m| m.effect = effect))
                    }>
                        <option value="" selected=move || effect.get().is_none()>{plan_text(PlanText::EffectNotChecked)}</option>
                        {Effectiveness::ALL.into_iter().map(|finding| view! {
                            <option value=finding.key() selected=move || effect.get() == Some(finding)>{move || words::effect(language.get(), finding)}</option>
                        }).collect_view()}
                    </select>
                </div>
            })}
            <div class="measure-actions no-print">
                <button type="button" class="button small" on:click=move |_| editing.close(&id.read_value())>{plan_text(PlanText::DoneEditing)}</button>
                <button type="button" class="button danger small" on:click=delete>{tr(PageText::DeleteMeasure)}</button>
            </div>
        </div>
    }
}

/// The first characters of a long text, cut at a word.
pub fn shorten(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_owned();
    }
    let cut: String = text.chars().take(limit).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut} …")
}
