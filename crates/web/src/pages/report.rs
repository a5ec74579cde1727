//! The printable report: cover, management summary, results, action plan, strengths, all answers with notes,
//! and conclusions. Also the blank check for those who fill it in on paper.

use checkwerk_core::date::Date;
use checkwerk_core::report::summary;
use checkwerk_core::{evaluate, Run, Timestamp};
use leptos::prelude::*;

use crate::clock::today;
use crate::components::formatted::Formatted;
use crate::components::summary::ManagementSummary;
use crate::i18n::{self, module_heading, Text};
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
    let run = Memo::new(move |_| {
        runs.with_active(&catalog.id, |run| run.cloned())
            .unwrap_or_else(|| Run::new("", catalog, Timestamp(0)))
    });
    let report = Memo::new(move |_| {
        let run = run.get();
        summary(catalog, &run, &evaluate(catalog, &run), today())
    });
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
                        .due
                        .as_deref()
                        .and_then(Date::parse_iso)
                        .map(|d| d.german())
                        .unwrap_or_default();
                    let language = language.get();
                    view! {
                        <tr>
                            <td>{index + 1}</td>
                            <td>{measure.title.clone()}</td>
                            <td>{items}</td>
                            <td>{measure.urgency.map(|u| i18n::plan::urgency(language, u)).unwrap_or("–")}</td>
                            <td>{measure.responsible.clone()}</td>
                            <td>{due}</td>
                            <td>{measure.control.clone()}</td>
                            <td>{i18n::plan::status(language, measure.status)}</td>
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
                let (choice, priority, note) = run.with(|run| {
                    let answer = run.answer(&item.id);
                    let choice = answer.and_then(|a| a.choice.as_deref()).and_then(|key| scale.and_then(|s| s.choice_label(key))).map(str::to_owned);
                    let priority = answer.and_then(|a| a.priority).and_then(|p| scale.and_then(|s| s.priority_label(p))).map(str::to_owned);
                    (choice, priority, answer.map(|a| a.note.clone()).unwrap_or_default())
                });
                view! {
                    <tr>
                        <td>{item.number.clone()}</td>
                        <td>{item.statement.clone()}</td>
                        <td>{choice.unwrap_or_else(|| Text::Open.get(language).to_owned())}{priority.map(|p| format!(" · {p}"))}</td>
                        <td>{note}</td>
                    </tr>
                }
            }).collect_view();
            view! {
                <h3>{module_heading(language, &module.number, &module.title)}</h3>
                <table class="report-table answers">
                    <thead><tr>
                        <th scope="col">{Text::Number.get(language)}</th>
                        <th scope="col">{Text::Statement.get(language)}</th>
                        <th scope="col">{Text::Rating.get(language)}</th>
                        <th scope="col">{Text::Note.get(language)}</th>
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

    view! {
        <article class="page report">
            <p class="no-print print-actions">
                <button type="button" class="button" on:click=|_| print_page()>{tr(Text::Print)}</button>
                <span class="hint">{tr(Text::PrintHint)}</span>
            </p>
            <header class="report-cover">
                <p class="card-standard">{catalog.standard.clone()}</p>
                <h1>{catalog.title.clone()}</h1>
                {(!catalog.subtitle.is_empty()).then(|| view! { <p class="lead">{catalog.subtitle.clone()}</p> })}
                <dl class="cover-facts">
                    <dt>{tr(Text::CompanyName)}</dt><dd>{move || report.with(|r| if r.company.is_empty() { "–".to_owned() } else { r.company.clone() })}</dd>
                    <dt>{tr(Text::ActiveRun)}</dt><dd>{move || report.with(|r| r.run_name.clone())}</dd>
                    <dt>{tr(Text::ReportDate)}</dt><dd>{move || report.with(|r| r.date.german())}</dd>
                </dl>
                <p class="hint">{tr(Text::ReportPrivacy)}</p>
            </header>
            <ManagementSummary summary=report id="bericht"/>
            <section class="report-section">
                <h2>{tr(Text::MyMeasures)}</h2>
                {move || if run.with(|run| run.measures.is_empty()) {
                    view! { <p class="empty">{tr(Text::NoMeasuresYet)}</p> }.into_any()
                } else {
                    view! {
                        // Eight columns: on a phone the table scrolls in its own box instead of widening the page.
                        <div class="table-scroll" role="region" tabindex="0" aria-label=tr(Text::MyMeasures)>
                            <table class="report-table measures-table">
                                <thead><tr>
                                    <th scope="col">{tr(Text::Number)}</th>
                                    <th scope="col">{tr(Text::MeasureTitle)}</th>
                                    <th scope="col">{tr(Text::MeasureItems)}</th>
                                    <th scope="col">{tr(Text::Urgency)}</th>
                                    <th scope="col">{tr(Text::Responsible)}</th>
                                    <th scope="col">{tr(Text::DueDate)}</th>
                                    <th scope="col">{tr(Text::Control)}</th>
                                    <th scope="col">{tr(Text::Status)}</th>
                                </tr></thead>
                                <tbody>{measures}</tbody>
                            </table>
                        </div>
                    }.into_any()
                }}
            </section>
            <section class="report-section">
                <h2>{tr(Text::AllAnswers)}</h2>
                {answers}
            </section>
            <crate::components::team_appendix::TeamAppendix catalog run/>
            {move || (!catalog.free_texts.is_empty()).then(|| view! {
                <section class="report-section">
                    <h2>{tr(Text::Conclusions)}</h2>
                    {free_texts}
                </section>
            })}
            <footer class="report-footer">{move || i18n::report_footer(language.get(), &catalog.title, &catalog.version)}</footer>
        </article>
    }
}

/// The blank check, to print and fill in by hand.
#[component]
pub fn BlankPrintPage() -> impl IntoView {
    let catalog = current_catalog();
    let language = expect_context::<UiLanguage>().0;
    let modules = catalog.modules.iter().map(|module| {
        let items = module.items.iter().map(|item| {
            let boxes = catalog.scale_for(module, item).map(|scale| {
                scale.levels.iter().map(|level| level.label.clone())
                    .chain(scale.not_relevant.iter().map(|choice| choice.label.clone()))
                    .map(|label| view! { <span class="paper-box">"☐ " {label}</span> })
                    .collect_view()
            });
            view! {
                <li class="paper-item">
                    <p><span class="item-number">{item.number.clone()}</span> " " <strong>{item.statement.clone()}</strong></p>
                    <p class="paper-boxes">{boxes}</p>
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
    view! {
        <article class="page report blank">
            <p class="no-print print-actions">
                <button type="button" class="button" on:click=|_| print_page()>{tr(Text::Print)}</button>
            </p>
            <header class="report-cover">
                <p class="card-standard">{catalog.standard.clone()}</p>
                <h1>{catalog.title.clone()}</h1>
                <p>{tr(Text::BlankIntro)}</p>
                <p class="paper-field">{tr(Text::CompanyName)} ": ____________________________   " {tr(Text::ReportDate)} ": ____________"</p>
            </header>
            {modules}
        </article>
    }
}
