//! The history of the current company in one check: the need index per Baustein and overall in each run, as small
//! charts with a table.

use checkwerk_core::history::history;
use checkwerk_core::{NeedIndex, Run};
use leptos::prelude::*;

use crate::clock::local_date;
use crate::components::company_form::PrintedContext;
use crate::components::history_chart::Sparkline;
use crate::i18n::companies::{self, CompanyText};
use crate::i18n::pages::PageText;
use crate::i18n::{self, module_heading, Text};
use crate::state::check::current_catalog;
use crate::state::{tr, Runs, UiLanguage};

/// The history page of the current check.
#[component]
pub fn HistoryPage() -> impl IntoView {
    let catalog = current_catalog();
    let runs = expect_context::<Runs>();
    let language = expect_context::<UiLanguage>().0;
    let history = Memo::new(move |_| {
        let list = runs.of_catalog(&catalog.id);
        let refs: Vec<&Run> = list.iter().collect();
        history(catalog, &refs)
    });
    let values = |indexes: &[NeedIndex]| {
        indexes
            .iter()
            .map(|index| {
                index
                    .value()
                    .map_or_else(|| "–".to_owned(), |value| value.to_string())
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let charts = move || {
        history.with(|history| {
            let language = language.get();
            let labels: Vec<String> = history
                .runs
                .iter()
                .map(|run| {
                    let date = local_date(run.created_at);
                    format!("{:02}/{}", date.month, date.year)
                })
                .collect();
            let change = |series: &checkwerk_core::history::Series| match series.highest() {
                Some(_) => companies::change_in_words(language, series.change()),
                None => i18n::need_index(language, NeedIndex::NothingRated),
            };
            let overall_name = format!("{}: {}", CompanyText::Overall.get(language), values(&history.overall.indexes));
            let modules = history
                .modules
                .iter()
                .filter_map(|series| {
                    let module = catalog.module(&series.module_id)?;
                    let title = module_heading(language, &module.number, &module.title);
                    let name = format!("{title}: {}", values(&series.indexes));
                    Some(view! {
                        <li class="history-card">
                            <p class="history-title">{title}</p>
                            <Sparkline name indexes=series.indexes.clone() labels=labels.clone()/>
                            <p class="history-change">{change(series)}</p>
                        </li>
                    })
                })
                .collect_view();
            view! {
                <ul class="history-grid-list">
                    <li class="history-card overall">
                        <p class="history-title">{CompanyText::Overall.get(language)}</p>
                        <Sparkline name=overall_name indexes=history.overall.indexes.clone() labels=labels.clone() overall=true/>
                        <p class="history-change">{change(&history.overall)}</p>
                    </li>
                    {modules}
                </ul>
            }
        })
    };
    let table = move || {
        history.with(|history| {
            let language = language.get();
            let cell = |index: &NeedIndex| match index.value() {
                Some(value) => value.to_string(),
                None => i18n::need_index(language, *index),
            };
            view! {
                <table class="profile-table history-table">
                    <caption class="visually-hidden">{CompanyText::HistoryChartCaption.get(language)}</caption>
                    <thead><tr>
                        <th scope="col">{Text::Module.get(language)}</th>
                        {history.runs.iter().map(|run| view! {
                            <th scope="col">{run.name.clone()} <br/><span class="hint">{local_date(run.created_at).german()}</span></th>
                        }).collect_view()}
                        <th scope="col">{CompanyText::Change.get(language)}</th>
                    </tr></thead>
                    <tbody>
                        {history.modules.iter().filter_map(|series| {
                            let module = catalog.module(&series.module_id)?;
                            Some(view! {
                                <tr>
                                    <th scope="row">{module.number.clone()} " " {module.title.clone()}</th>
                                    {series.indexes.iter().map(|index| view! { <td>{cell(index)}</td> }).collect_view()}
                                    <td>{companies::change(series.change())}</td>
                                </tr>
                            })
                        }).collect_view()}
                        <tr class="total">
                            <th scope="row">{CompanyText::Overall.get(language)}</th>
                            {history.overall.indexes.iter().map(|index| view! { <td>{cell(index)}</td> }).collect_view()}
                            <td>{companies::change(history.overall.change())}</td>
                        </tr>
                    </tbody>
                </table>
            }
        })
    };
    let print = |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    view! {
        <section class="page history">
            <PrintedContext catalog/>
            <h1>{tr(CompanyText::HistoryHeading)}</h1>
            <p class="lead">{tr(CompanyText::HistoryLead)} " " {tr(CompanyText::LowerIsLessNeed)}</p>
            {move || if history.with(|history| history.runs.len() < 2) {
                view! { <p class="empty">{tr(CompanyText::HistoryNeedsTwoRuns)}</p> }.into_any()
            } else {
                view! {
                    <figure class="chart history">
                        <figcaption>{tr(CompanyText::HistoryChartCaption)}</figcaption>
                        {charts}
                        <div class="table-scroll" role="region" tabindex="0" aria-label=tr(CompanyText::HistoryChartCaption)>{table}</div>
                    </figure>
                    <p class="no-print print-actions">
                        <button type="button" class="button" on:click=print>{tr(PageText::Print)}</button>
                    </p>
                }.into_any()
            }}
        </section>
    }
}
