//! The printable report: cover, management summary, results, action plan, strengths, all answers with notes and
//! evidence, and conclusions. Also the blank check for those who fill it in on paper, asking what the screen asks
//! (the scale's question, priorities, the free texts).
//!
//! On paper nothing may be cut at the page's edge (tables keep to the page's width and break long words and links),
//! and no page is spent on an empty section.

use checkwerk_core::compare::default_pair;
use checkwerk_core::report::summary;
use checkwerk_core::CompanyField;
use checkwerk_core::{evaluate, MeasureStatus, Run, Timestamp};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::clock::today;
use crate::components::attribution::AttributionLine;
use crate::components::comparison::ComparisonView;
use crate::components::evidence::EvidenceRef;
use crate::components::formatted::Formatted;
use crate::components::summary::ManagementSummary;
use crate::i18n::companies::{self, CompanyText};
use crate::i18n::evidence::EvidenceText;
use crate::i18n::pages::PageText;
use crate::i18n::plan::PlanText;
use crate::i18n::{self, module_heading, paper, Text};
use crate::state::check::current_catalog;
use crate::state::{tr, Runs, UiLanguage};

fn print_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// The report of the active run, laid out for A4.
#[component]
pub fn ReportPage() -> impl IntoView {
    let catalog = current_catalog();
    let runs = expect_context::<Runs>();
    let language = expect_context::<UiLanguage>().0;
    crate::title::check_page_title(catalog, Text::Report);
    let run = Memo::new(move |_| {
        runs.with_active(&catalog.id, |run| run.cloned())
            .unwrap_or_else(|| Run::new("", catalog, Timestamp(0)))
    });
    // The active run is always of the current company, whose data the report prints.
    let company = Memo::new(move |_| runs.companies.with_current(|company| company.cloned()));
    let report = Memo::new(move |_| {
        let run = run.get();
        let mut summary = summary(catalog, &run, &evaluate(catalog, &run), today());
        if let Some(company) = company.get() {
            summary.company = company.name;
        }
        summary
    });
    // The comparison with the earlier run is an optional section, chosen here and kept in the address.
    let query = use_query_map();
    let navigate = use_navigate();
    let with_comparison = move || {
        query
            .read()
            .get("vergleich")
            .is_some_and(|value| value == "1")
    };
    let earlier = Memo::new(move |_| {
        let current = run.get();
        let list = runs.of_catalog(&catalog.id);
        let refs: Vec<&Run> = list
            .iter()
            .filter(|other| other.created_at <= current.created_at)
            .collect();
        default_pair(&refs)
            .filter(|(_, later)| later.id == current.id)
            .map(|(earlier, _)| earlier.clone())
    });
    let toggle_comparison = move |event: leptos::ev::Event| {
        let checked = event_target_checked(&event);
        let suffix = if checked { "?vergleich=1" } else { "" };
        navigate(
            &format!("/check/{}/bericht{suffix}", catalog.id),
            leptos_router::NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    };
    let comparison = move || {
        let earlier = earlier.get()?;
        with_comparison().then(|| {
            let heading = companies::comparison_heading(language.get(), &earlier.name);
            view! {
                <section class="report-section report-comparison">
                    <h2>{heading}</h2>
                    <ComparisonView catalog before=Signal::derive(move || earlier.clone()) after=run id="bericht-vergleich" nested=true/>
                </section>
            }
        })
    };
    let company_facts = move || {
        company.get().map(|company| {
            let language = language.get();
            [CompanyField::Site, CompanyField::Address, CompanyField::Sector, CompanyField::Size, CompanyField::Contact]
                .into_iter()
                .filter(|field| !company.field(*field).trim().is_empty())
                .map(|field| view! {
                    <dt>{companies::field_label(language, field)}</dt><dd class="pre-wrap">{company.field(field).to_owned()}</dd>
                })
                .collect_view()
        })
    };
    let measures = move || {
        run.with(|run| {
            run.measures
                .iter()
                .enumerate()
                .map(|(index, measure)| {
                    let items = measure
                        .item_ids
                        .iter()
                        .filter_map(|id| catalog.item(id).map(|(_, item)| item.number.clone()))
                        .collect::<Vec<_>>()
                        .join(", ");
                    let due = measure
                        .due_date()
                        .map(|d| d.german())
                        .unwrap_or_default();
                    let language = language.get();
                    let status = match (measure.status, measure.finished_date()) {
                        (MeasureStatus::Done, Some(date)) => i18n::plan::done_on(language, &date.german()),
                        (status, _) => i18n::plan::status(language, status).to_owned(),
                    };
                    let effect = measure.effect.map(|effect| i18n::plan::effect(language, effect));
                    view! {
                        <tr>
                            <td>{index + 1}</td>
                            <td>{measure.title.clone()}</td>
                            <td>{items}</td>
                            <td>{measure.urgency.map(|u| i18n::plan::urgency(language, u)).unwrap_or("–")}</td>
                            <td>{measure.responsible.clone()}</td>
                            <td>{due}</td>
                            <td>{measure.control.clone()}{effect.map(|effect| view! { <br/><span class="level-tag">{effect}</span> })}</td>
                            <td>{status}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let answers = move || {
        let language = language.get();
        catalog.modules.iter().map(|module| {
            let rows = module.items.iter().map(|item| {
                let scale = catalog.scale_for(module, item);
                let (choice, priority, answer) = run.with(|run| {
                    let answer = run.answer(&item.id);
                    let choice = answer.and_then(|a| a.choice.as_deref()).and_then(|key| scale.and_then(|s| s.choice_label(key))).map(str::to_owned);
                    // A priority shows only where it applies (not beside "Keine Relevanz").
                    let priority = answer
                        .filter(|a| scale.is_some_and(|s| s.priority_applies(a.choice.as_deref())))
                        .and_then(|a| a.priority)
                        .and_then(|p| scale.and_then(|s| s.priority_label(p)))
                        .map(str::to_owned);
                    (choice, priority, answer.cloned().unwrap_or_default())
                });
                let evidence = (!answer.evidence.trim().is_empty()).then(|| view! {
                    <span class="report-evidence">{EvidenceText::Prefix.get(language)} ": " <EvidenceRef evidence=answer.evidence.clone()/></span>
                });
                view! {
                    <tr>
                        <td>{item.number.clone()}</td>
                        <td>{item.statement.clone()}</td>
                        <td>{choice.unwrap_or_else(|| PageText::Open.get(language).to_owned())}{priority.map(|p| format!(" · {p}"))}</td>
                        <td class="report-note">{(!answer.note.is_empty()).then(|| view! { <span class="pre-wrap">{answer.note.clone()}</span> })}{evidence}</td>
                    </tr>
                }
            }).collect_view();
            view! {
                <h3>{module_heading(language, &module.number, &module.title)}</h3>
                <table class="report-table answers">
                    <thead><tr>
                        <th scope="col">{PageText::Number.get(language)}</th>
                        <th scope="col">{PageText::Statement.get(language)}</th>
                        <th scope="col">{PageText::Rating.get(language)}</th>
                        <th scope="col">{format!("{} / {}", Text::Note.get(language), EvidenceText::Prefix.get(language))}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
        }).collect_view()
    };
    let free_texts = move || {
        run.with(|run| {
            catalog.free_texts.iter().filter_map(|free_text| {
                let text = run.free_texts.get(&free_text.id).filter(|text| !text.trim().is_empty())?;
                Some(view! { <h3>{free_text.label.clone()}</h3><p class="pre-wrap">{text.clone()}</p> })
            }).collect_view()
        })
    };
    // The conclusions appear only with something written in them: no page for an empty heading.
    let has_conclusions = Memo::new(move |_| {
        run.with(|run| {
            catalog.free_texts.iter().any(|free_text| {
                run.free_texts
                    .get(&free_text.id)
                    .is_some_and(|text| !text.trim().is_empty())
            })
        })
    });
    let no_measures = Memo::new(move |_| run.with(|run| run.measures.is_empty()));

    view! {
        <article class="page report">
            <p class="no-print print-actions">
                <button type="button" class="button" on:click=|_| print_page()>{tr(PageText::Print)}</button>
                <span class="hint">{tr(PageText::PrintHint)}</span>
            </p>
            {move || earlier.with(Option::is_some).then(|| view! {
                <p class="no-print report-options">
                    <label>
                        <input type="checkbox" prop:checked=with_comparison on:change=toggle_comparison.clone()/>
                        " " {tr(CompanyText::IncludeComparison)}
                    </label>
                </p>
            })}
            <header class="report-cover">
                <p class="card-standard">{catalog.standard.clone()}</p>
                <h1>{catalog.title.clone()}</h1>
                {(!catalog.subtitle.is_empty()).then(|| view! { <p class="lead">{catalog.subtitle.clone()}</p> })}
                <AttributionLine catalog/>
                <dl class="cover-facts">
                    <dt>{tr(Text::CompanyName)}</dt><dd>{move || report.with(|r| if r.company.is_empty() { "–".to_owned() } else { r.company.clone() })}</dd>
                    {company_facts}
                    <dt>{tr(Text::ActiveRun)}</dt><dd>{move || report.with(|r| r.run_name.clone())}</dd>
                    <dt>{tr(PageText::ReportDate)}</dt><dd>{move || report.with(|r| r.date.german())}</dd>
                </dl>
                <p class="hint">{tr(PageText::ReportPrivacy)}</p>
            </header>
            <ManagementSummary summary=report id="bericht"/>
            {comparison}
            <section class="report-section" class:compact=no_measures>
                <h2>{tr(Text::MyMeasures)}</h2>
                {move || if no_measures.get() {
                    view! { <p class="empty">{tr(PageText::NoMeasuresYet)}</p> }.into_any()
                } else {
                    view! {
                        // Eight columns: on a phone the table scrolls in its own box instead of widening the page.
                        <div class="table-scroll" role="region" tabindex="0" aria-label=tr(Text::MyMeasures)>
                            <table class="report-table measures-table">
                                <thead><tr>
                                    {[
                                        PlanText::ColumnNumber,
                                        PlanText::ColumnMeasure,
                                        PlanText::ColumnItems,
                                        PlanText::ColumnUrgency,
                                        PlanText::ColumnResponsible,
                                        PlanText::ColumnDue,
                                        PlanText::ColumnControl,
                                        PlanText::ColumnStatus,
                                    ].into_iter().map(|column| view! {
                                        <th scope="col">{move || column.get(language.get())}</th>
                                    }).collect_view()}
                                </tr></thead>
                                <tbody>{measures}</tbody>
                            </table>
                        </div>
                    }.into_any()
                }}
            </section>
            <section class="report-section">
                <h2>{tr(PageText::AllAnswers)}</h2>
                {answers}
            </section>
            <crate::components::team_appendix::TeamAppendix catalog run/>
            {move || has_conclusions.get().then(|| view! {
                <section class="report-section">
                    <h2>{tr(PageText::Conclusions)}</h2>
                    {free_texts}
                </section>
            })}
            <footer class="report-footer">{move || i18n::report_footer(language.get(), &catalog.title, &catalog.version)}</footer>
        </article>
    }
}

/// The blank check, to print and fill in by hand: the boxes the scale offers, the priority where the scale asks
/// for one, lines for notes, and the check's free texts.
#[component]
pub fn BlankPrintPage() -> impl IntoView {
    let catalog = current_catalog();
    let language = expect_context::<UiLanguage>().0;
    crate::title::check_page_title(catalog, PageText::BlankPrint);
    let modules = catalog.modules.iter().map(|module| {
        let items = module.items.iter().map(|item| {
            let scale = catalog.scale_for(module, item);
            let boxes = scale.map(|scale| {
                scale.levels.iter().map(|level| level.label.clone())
                    .chain(scale.not_relevant.iter().map(|choice| choice.label.clone()))
                    .map(|label| view! { " " <span class="paper-box">"☐ " {label}</span> })
                    .collect_view()
            });
            let priorities = scale.and_then(|scale| scale.priority.as_ref()).map(|priority| view! {
                <p class="paper-boxes paper-priority">
                    <span class="paper-question">{priority.label.clone()} ":"</span>
                    {priority.levels.iter().map(|level| view! { " " <span class="paper-box">"☐ " {level.label.clone()}</span> }).collect_view()}
                </p>
            });
            view! {
                <li class="paper-item">
                    <p><span class="item-number">{item.number.clone()}</span> " " <strong>{item.statement.clone()}</strong></p>
                    <p class="paper-boxes">
                        {scale.map(|scale| view! { <span class="paper-question">{scale.label.clone()}</span> })}
                        {boxes}
                    </p>
                    {priorities}
                    <p class="paper-lines" aria-hidden="true"></p>
                </li>
            }
        }).collect_view();
        view! {
            <section class="paper-module">
                <h2>{move || module_heading(language.get(), &module.number, &module.title)}</h2>
                {(!module.goal.is_empty()).then(|| view! { <Formatted text=module.goal.clone()/> })}
                <ol class="paper-items">{items}</ol>
            </section>
        }
    }).collect_view();
    let free_texts = (!catalog.free_texts.is_empty()).then(|| view! {
        <section class="paper-module paper-free-texts">
            <h2>{move || paper::free_texts_heading(language.get())}</h2>
            {catalog.free_texts.iter().map(|free_text| view! {
                <div class="paper-free-text">
                    <h3>{free_text.label.clone()}</h3>
                    {(!free_text.hint.is_empty()).then(|| view! { <p class="hint">{crate::state::catalogs::plain(&free_text.hint)}</p> })}
                    <p class="paper-lines tall" aria-hidden="true"></p>
                </div>
            }).collect_view()}
        </section>
    });
    view! {
        <article class="page report blank">
            <p class="no-print print-actions">
                <button type="button" class="button" on:click=|_| print_page()>{tr(PageText::Print)}</button>
            </p>
            <header class="report-cover">
                <p class="card-standard">{catalog.standard.clone()}</p>
                <h1>{catalog.title.clone()}</h1>
                <AttributionLine catalog/>
                <p class="blank-intro">{move || paper::blank_intro(language.get(), catalog)}</p>
                <p class="paper-field">{tr(Text::CompanyName)} ": ____________________________   " {tr(PageText::ReportDate)} ": ____________"</p>
            </header>
            {modules}
            {free_texts}
        </article>
    }
}
