//! Meine Maßnahmen: the action plan. Each measure says what is to be done, which items it answers, how urgent it
//! is, who is responsible, by when, how its effect is checked, and where it stands.

use checkwerk_core::export::{measures_csv, measures_ics};
use checkwerk_core::plan::{view_measures, Filter, SortKey};
use checkwerk_core::{Catalog, Measure, MeasureStatus, Urgency};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::clock::{new_id, now, today};
use crate::components::download::{download_text, file_name_part};
use crate::i18n::{self, Text};
use crate::state::check::current_catalog;
use crate::state::{tr, Notices, Runs, UiLanguage};

/// The action plan of the active run.
#[component]
pub fn MeasuresPage() -> impl IntoView {
    let catalog = current_catalog();
    let runs = expect_context::<Runs>();
    let language = expect_context::<UiLanguage>().0;
    let sort = RwSignal::new(SortKey::Due);
    let filter_status = RwSignal::new(None::<MeasureStatus>);
    let filter_urgency = RwSignal::new(None::<Urgency>);
    let filter_module = RwSignal::new(None::<String>);

    let visible_ids = Memo::new(move |_| {
        let filter = Filter {
            status: filter_status.get(),
            urgency: filter_urgency.get(),
            module_id: filter_module.get(),
        };
        let sort = sort.get();
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
    let total =
        move || runs.with_active(&catalog.id, |run| run.map_or(0, |run| run.measures.len()));

    let add_measure = move |_| {
        let id = new_id(now());
        runs.edit_active(catalog, |run, now| {
            run.upsert_measure(Measure::new(id.clone(), "", Vec::new(), now), now)
        });
        focus_measure(&id);
    };
    let export_csv = move |_| {
        runs.with_active(&catalog.id, |run| {
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
                        &i18n::plan::export_wording(language.get_untracked()),
                    ),
                );
            }
        });
    };
    let export_ics = move |_| {
        runs.with_active(&catalog.id, |run| {
            if let Some(run) = run {
                let name = format!(
                    "massnahmen-{}-{}.ics",
                    catalog.id,
                    file_name_part(&run.name)
                );
                let calendar = measures_ics(
                    catalog,
                    run,
                    now(),
                    &i18n::plan::export_wording(language.get_untracked()),
                );
                download_text(&name, "text/calendar;charset=utf-8", &calendar);
            }
        });
    };

    // A link from an item ("Maßnahme anlegen") lands here with the new measure's anchor: focus its first field.
    Effect::new(move |_| {
        if let Some(hash) = web_sys::window().and_then(|window| window.location().hash().ok()) {
            if let Some(id) = hash.strip_prefix("#massnahme-") {
                focus_measure(id);
            }
        }
    });

    view! {
        <section class="page measures">
            <h1>{tr(Text::MyMeasures)}</h1>
            <p class="lead">{tr(Text::MeasuresIntro)}</p>
            <div class="toolbar no-print">
                <button type="button" class="button" on:click=add_measure>{tr(Text::NewMeasure)}</button>
                <button type="button" class="button secondary" on:click=export_csv>{tr(Text::ExportCsv)}</button>
                <button type="button" class="button secondary" on:click=export_ics>{tr(Text::ExportIcs)}</button>
            </div>
            <div class="filters no-print" role="group" aria-label=tr(Text::SortAndFilter)>
                <label>{tr(Text::SortBy)}
                    <select on:change=move |event| {
                        if let Some(key) = SortKey::from_key(&event_target_value(&event)) { sort.set(key) }
                    }>
                        {SortKey::ALL.into_iter().map(|key| view! {
                            <option value=key.key() selected=move || sort.get() == key>{move || i18n::plan::sort_key(language.get(), key)}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label>{tr(Text::Status)}
                    <select on:change=move |event| filter_status.set(MeasureStatus::from_key(&event_target_value(&event)))>
                        <option value="">{tr(Text::All)}</option>
                        {MeasureStatus::ALL.into_iter().map(|status| view! {
                            <option value=status.key()>{move || i18n::plan::status(language.get(), status)}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label>{tr(Text::Urgency)}
                    <select on:change=move |event| filter_urgency.set(Urgency::from_key(&event_target_value(&event)))>
                        <option value="">{tr(Text::All)}</option>
                        {Urgency::ALL.into_iter().map(|urgency| view! {
                            <option value=urgency.key()>{move || i18n::plan::urgency(language.get(), urgency)}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label>{tr(Text::Module)}
                    <select on:change=move |event| {
                        let value = event_target_value(&event);
                        filter_module.set((!value.is_empty()).then_some(value));
                    }>
                        <option value="">{tr(Text::All)}</option>
                        {catalog.modules.iter().map(|module| view! {
                            <option value=module.id.clone()>{format!("{} {}", module.number, module.title)}</option>
                        }).collect_view()}
                    </select>
                </label>
            </div>
            <p class="count" aria-live="polite">{move || i18n::measures_shown(language.get(), visible_ids.with(Vec::len), total())}</p>
            {move || (total() == 0).then(|| view! {
                <p class="empty">{tr(Text::NoMeasuresYet)} " "
                    <A href=crate::page_config::app_href(&format!("/check/{}/ergebnisse", catalog.id))>{tr(Text::GoToResults)}</A>
                </p>
            })}
            <ol class="measure-list">
                <For each=move || visible_ids.get() key=|id| id.clone() let:id>
                    <MeasureEditor catalog id/>
                </For>
            </ol>
        </section>
    }
}

/// Scrolls to a measure and focuses its description, once it is in the page.
pub fn focus_measure(id: &str) {
    let selector = format!("massnahme-{id}-titel");
    let focus = move || {
        let element = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.get_element_by_id(&selector))
            .and_then(|element| {
                wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element).ok()
            });
        if let Some(element) = element {
            element.scroll_into_view();
            let _ = element.focus();
        }
    };
    // The measure renders in the next frame; focus it then.
    request_animation_frame(focus);
}

/// One measure, editable in place. Every change is saved at once.
#[component]
fn MeasureEditor(catalog: &'static Catalog, id: String) -> impl IntoView {
    let runs = expect_context::<Runs>();
    let notices = expect_context::<Notices>();
    let language = expect_context::<UiLanguage>().0;
    let id = StoredValue::new(id);
    let measure = Memo::new(move |_| {
        runs.with_active(&catalog.id, |run| {
            run.and_then(|run| run.measure(&id.read_value()).cloned())
        })
    });
    let update = move |change: Box<dyn FnOnce(&mut Measure)>| {
        if let Some(mut changed) = measure.get_untracked() {
            change(&mut changed);
            runs.edit_active(catalog, |run, now| run.upsert_measure(changed, now));
        }
    };
    let field = |name: &str| format!("massnahme-{}-{name}", id.read_value());
    let number = move || {
        runs.with_active(&catalog.id, |run| {
            run.and_then(|run| run.measures.iter().position(|m| m.id == *id.read_value()))
                .map_or(0, |p| p + 1)
        })
    };
    let delete = move |_| {
        let mut removed = None;
        runs.edit_active(catalog, |run, now| {
            removed = run.remove_measure(&id.read_value(), now)
        });
        if let Some((index, measure)) = removed {
            let message = i18n::measure_deleted(language.get_untracked(), &measure.title);
            let undo: crate::state::Undo = std::sync::Arc::new(move || {
                runs.edit_active(catalog, |run, now| {
                    run.restore_measure(index, measure.clone(), now)
                });
            });
            notices.show(message, Some(undo));
        }
    };
    let today = today();
    let overdue = Memo::new(move |_| {
        measure.with(|measure| {
            measure
                .as_ref()
                .is_some_and(|measure| measure.is_overdue(today))
        })
    });
    let linked_items = move || {
        measure.with(|measure| {
            measure
                .as_ref()
                .map(|m| m.item_ids.clone())
                .unwrap_or_default()
        })
    };
    let heading = move || {
        let title = measure.with(|m| m.as_ref().map(|m| m.title.clone()).unwrap_or_default());
        i18n::measure_heading(language.get(), number(), &title)
    };

    view! {
        <li class="measure" id=field("karte") class:overdue=overdue>
            <h2 class="measure-heading">{heading}</h2>
            {move || overdue.get().then(|| view! { <p class="overdue-note">{tr(Text::Overdue)}</p> })}
            <div class="field wide">
                <label for=field("titel")>{tr(Text::MeasureTitle)}</label>
                <textarea id=field("titel") rows="2"
                    prop:value=move || measure.with(|m| m.as_ref().map(|m| m.title.clone()).unwrap_or_default())
                    on:input=move |event| { let value = event_target_value(&event); update(Box::new(move |m| m.title = value)) }></textarea>
            </div>
            <div class="field wide">
                <span class="field-label" id=field("punkte-label")>{tr(Text::MeasureItems)}</span>
                <ul class="linked-items" aria-labelledby=field("punkte-label")>
                    {move || linked_items().into_iter().map(|item_id| {
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
                <label class="add-item">{tr(Text::AddItem)}
                    <select on:change=move |event| {
                        let value = event_target_value(&event);
                        if !value.is_empty() {
                            update(Box::new(move |m| if !m.item_ids.contains(&value) { m.item_ids.push(value) }));
                        }
                        // Back to the prompt, ready for the next item.
                        if let Some(select) = event.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlSelectElement>(t).ok()) {
                            select.set_value("");
                        }
                    }>
                        <option value="">{tr(Text::ChooseItem)}</option>
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
                <label for=field("dringlichkeit")>{tr(Text::Urgency)}</label>
                <select id=field("dringlichkeit") on:change=move |event| {
                    let urgency = Urgency::from_key(&event_target_value(&event));
                    update(Box::new(move |m| m.urgency = urgency))
                }>
                    <option value="" selected=move || measure.with(|m| m.as_ref().is_some_and(|m| m.urgency.is_none()))>{tr(Text::NotSet)}</option>
                    {Urgency::ALL.into_iter().map(|urgency| view! {
                        <option value=urgency.key() selected=move || measure.with(|m| m.as_ref().is_some_and(|m| m.urgency == Some(urgency)))>
                            {move || i18n::plan::urgency(language.get(), urgency)}
                        </option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=field("wer")>{tr(Text::Responsible)}</label>
                <input id=field("wer") type="text"
                    prop:value=move || measure.with(|m| m.as_ref().map(|m| m.responsible.clone()).unwrap_or_default())
                    on:input=move |event| { let value = event_target_value(&event); update(Box::new(move |m| m.responsible = value)) }/>
            </div>
            <div class="field">
                <label for=field("bis")>{tr(Text::DueDate)}</label>
                <input id=field("bis") type="date"
                    prop:value=move || measure.with(|m| m.as_ref().and_then(|m| m.due.clone()).unwrap_or_default())
                    on:change=move |event| {
                        let value = event_target_value(&event);
                        update(Box::new(move |m| m.due = (!value.is_empty()).then_some(value)))
                    }/>
            </div>
            <div class="field">
                <label for=field("status")>{tr(Text::Status)}</label>
                <select id=field("status") on:change=move |event| {
                    if let Some(status) = MeasureStatus::from_key(&event_target_value(&event)) {
                        update(Box::new(move |m| m.status = status))
                    }
                }>
                    {MeasureStatus::ALL.into_iter().map(|status| view! {
                        <option value=status.key() selected=move || measure.with(|m| m.as_ref().is_some_and(|m| m.status == status))>
                            {move || i18n::plan::status(language.get(), status)}
                        </option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field wide">
                <label for=field("kontrolle")>{tr(Text::Control)}</label>
                <textarea id=field("kontrolle") rows="2" placeholder=tr(Text::ControlHint)
                    prop:value=move || measure.with(|m| m.as_ref().map(|m| m.control.clone()).unwrap_or_default())
                    on:input=move |event| { let value = event_target_value(&event); update(Box::new(move |m| m.control = value)) }></textarea>
            </div>
            <div class="measure-actions no-print">
                <button type="button" class="button danger small" on:click=delete>{tr(Text::DeleteMeasure)}</button>
            </div>
        </li>
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
