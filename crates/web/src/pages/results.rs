//! Meine Ergebnisse: the need profile per Baustein and overall, the items with the highest need, the management
//! summary, and the check's free-text conclusions.

use checkwerk_core::report::summary;
use checkwerk_core::{Run, Timestamp};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::clock::today;
use crate::components::create_measure::CreateMeasureButton;
use crate::components::summary::ManagementSummary;
use crate::i18n::pages::PageText;
use crate::i18n::{self, Text};
use crate::state::check::{current_catalog, use_evaluation, ItemAnswers};
use crate::state::{tr, Runs, UiLanguage};

/// The results of the active run.
#[component]
pub fn ResultsPage() -> impl IntoView {
    let catalog = current_catalog();
    let runs = expect_context::<Runs>();
    let language = expect_context::<UiLanguage>().0;
    crate::title::check_page_title(catalog, Text::MyResults);
    let evaluation = use_evaluation(catalog);
    let item_answers = ItemAnswers::of(catalog);
    let report = Memo::new(move |_| {
        let mut summary = runs.with_active(&catalog.id, |run| {
            let empty = Run::new("", catalog, Timestamp(0));
            let run = run.unwrap_or(&empty);
            let evaluation = checkwerk_core::evaluate(catalog, run);
            summary(catalog, run, &evaluation, today())
        });
        // The company's name is the current company's (the active run is always one of its runs).
        if let Some(name) = runs
            .companies
            .with_current(|company| company.map(|c| c.name.clone()))
        {
            summary.company = name;
        }
        summary
    });
    let needs = move || {
        evaluation.with(|evaluation| {
            evaluation
                .as_ref()
                .map(|evaluation| {
                    evaluation
                        .needs
                        .iter()
                        .take(10)
                        .filter_map(|need| {
                            let (module, item) = catalog.item(&need.item_id)?;
                            let scale = catalog.scale_for(module, item)?;
                            let label = scale
                                .choice_label(&need.level_key)
                                .unwrap_or_default()
                                .to_owned();
                            let priority = need
                                .priority
                                .and_then(|p| scale.priority_label(p))
                                .map(str::to_owned);
                            Some((module, item, label, priority))
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let free_texts = catalog.free_texts.iter().map(|free_text| {
        let value = move || runs.with_active(&catalog.id, |run| {
            run.and_then(|run| run.free_texts.get(&free_text.id).cloned()).unwrap_or_default()
        });
        let field_id = format!("freitext-{}", free_text.id);
        view! {
            <div class="field wide">
                <label for=field_id.clone()>{free_text.label.clone()}</label>
                {(!free_text.hint.is_empty()).then(|| view! { <p class="hint">{crate::state::catalogs::plain(&free_text.hint)}</p> })}
                <textarea id=field_id rows="3" prop:value=value on:input=move |event| {
                    let text = event_target_value(&event);
                    runs.edit_active(catalog, |run, now| run.set_free_text(&free_text.id, text, now));
                }></textarea>
            </div>
        }
    }).collect_view();

    view! {
        <section class="page results">
            <h1>{tr(Text::MyResults)}</h1>
            <p class="lead">{tr(PageText::ResultsIntro)}</p>
            <ManagementSummary summary=report id="ergebnisse"/>
            <section class="needs" aria-labelledby="needs-heading">
                <h2 id="needs-heading">{tr(PageText::HighestNeeds)}</h2>
                {move || {
                    let needs = needs();
                    if needs.is_empty() {
                        return view! { <p class="empty">{tr(PageText::NoNeedsYet)}</p> }.into_any();
                    }
                    view! {
                        <ol class="need-list">
                            {needs.into_iter().map(|(module, item, label, priority)| {
                                let measure_count = item_answers.measure_count(&item.id);
                                view! {
                                    <li>
                                        <span class="item-number">{item.number.clone()}</span> " "
                                        <A href=crate::page_config::app_href(&format!("/check/{}/baustein/{}#punkt-{}", catalog.id, module.id, item.id))>{item.statement.clone()}</A>
                                        " " <span class="level-tag">{label} {priority.map(|p| format!(" · {p}"))}</span>
                                        " " <span class="need-actions no-print">
                                            <CreateMeasureButton catalog item/>
                                            {move || (measure_count.get() > 0).then(|| view! {
                                                " " <span class="measure-count">{move || i18n::linked_measures(language.get(), measure_count.get())}</span>
                                            })}
                                        </span>
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    }.into_any()
                }}
                <p><A href=crate::page_config::app_href(&format!("/check/{}/massnahmen", catalog.id))>{tr(PageText::PlanMeasures)}</A></p>
            </section>
            {(!catalog.free_texts.is_empty()).then(|| view! {
                <section class="free-texts" aria-labelledby="freitexte-heading">
                    <h2 id="freitexte-heading">{tr(PageText::Conclusions)}</h2>
                    {free_texts}
                </section>
            })}
            <p class="no-print">
                <A href=crate::page_config::app_href(&format!("/check/{}/bericht", catalog.id)) attr:class="button">{tr(PageText::OpenReport)}</A>
                " "
                <span class="hint">{move || i18n::results_note(language.get())}</span>
            </p>
        </section>
    }
}
