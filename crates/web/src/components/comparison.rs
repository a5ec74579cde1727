//! The comparison of two runs of a check (`compare::compare`, in the core), worded and drawn: per Baustein the
//! index before → after with the change, the chart with both, the Check-Punkte that improved, worsened or stayed
//! high, the measures finished in between with their Kontrolle, and what the runs share when the check changed.
//! Shown on its own page and, if the user wants, in the printed report.

use checkwerk_core::compare::{compare, Comparison, ItemChange};
use checkwerk_core::{Catalog, NeedIndex, Run};
use leptos::prelude::*;

use crate::components::compare_chart::{CompareChart, CompareRow};
use crate::i18n::companies::{self, CompanyText};
use crate::i18n::{self, Text};
use crate::state::{tr, UiLanguage};

/// The comparison of an earlier and a later run, its parts under headings of their own.
#[component]
pub fn ComparisonView(
    catalog: &'static Catalog,
    #[prop(into)] before: Signal<Run>,
    #[prop(into)] after: Signal<Run>,
    /// Makes ids unique where the view appears twice on a page.
    #[prop(into)]
    id: String,
    /// Whether the view sits under a heading of level 2 (in the report), so that its own are of level 3; on its
    /// own page they are of level 2.
    #[prop(optional)]
    nested: bool,
) -> impl IntoView {
    let language = expect_context::<UiLanguage>().0;
    let comparison = Memo::new(move |_| compare(catalog, &before.read(), &after.read()));
    let caption_id = format!("{id}-chart");
    let rows = Signal::derive(move || {
        comparison.with(|comparison| {
            comparison
                .modules
                .iter()
                .filter_map(|change| {
                    let module = catalog.module(&change.module_id)?;
                    Some(CompareRow {
                        label: format!("{} {}", module.number, module.title),
                        before: change.index.before,
                        after: change.index.after,
                    })
                })
                .collect()
        })
    });
    let legend = Signal::derive(move || {
        let language = language.get();
        (
            CompanyText::CompareChartLegendBefore.get(language),
            CompanyText::CompareChartLegendAfter.get(language),
        )
    });
    let index_cell = move |index: NeedIndex| match index.value() {
        Some(value) => value.to_string(),
        None => i18n::need_index(language.get(), index),
    };
    let table = move || {
        comparison.with(|comparison| {
            let language = language.get();
            let module_rows = comparison
                .modules
                .iter()
                .filter_map(|change| {
                    let module = catalog.module(&change.module_id)?;
                    Some(view! {
                        <tr>
                            <th scope="row">{module.number.clone()} " " {module.title.clone()}</th>
                            <td>{index_cell(change.index.before)}</td>
                            <td>{index_cell(change.index.after)}</td>
                            <td>
                                <span aria-hidden="true">{companies::change(change.index.change())}</span>
                                <span class="visually-hidden">{companies::change_in_words(language, change.index.change())}</span>
                            </td>
                        </tr>
                    })
                })
                .collect_view();
            let overall = comparison.overall;
            view! {
                <table class="profile-table compare-table">
                    <caption class="visually-hidden">{CompanyText::CompareChartCaption.get(language)}</caption>
                    <thead><tr>
                        <th scope="col">{Text::Module.get(language)}</th>
                        <th scope="col">{CompanyText::Before.get(language)}</th>
                        <th scope="col">{CompanyText::After.get(language)}</th>
                        <th scope="col">{CompanyText::Change.get(language)}</th>
                    </tr></thead>
                    <tbody>
                        {module_rows}
                        <tr class="total">
                            <th scope="row">{CompanyText::Overall.get(language)}</th>
                            <td>{index_cell(overall.before)}</td>
                            <td>{index_cell(overall.after)}</td>
                            <td>
                                <span aria-hidden="true">{companies::change(overall.change())}</span>
                                <span class="visually-hidden">{companies::change_in_words(language, overall.change())}</span>
                            </td>
                        </tr>
                    </tbody>
                </table>
            }
        })
    };
    let item_list = move |pick: fn(&Comparison) -> &Vec<ItemChange>| {
        move || {
            comparison.with(|comparison| {
                let changes = pick(comparison);
                if changes.is_empty() {
                    return view! { <p class="empty">{tr(CompanyText::NoneListed)}</p> }.into_any();
                }
                view! {
                    <ul class="compare-items">
                        {changes.iter().filter_map(|change| {
                            let (module, item) = catalog.item(&change.item_id)?;
                            let scale = catalog.scale_for(module, item)?;
                            let label = |key: &str| scale.choice_label(key).unwrap_or(key).to_owned();
                            Some(view! {
                                <li>
                                    <span class="item-number">{item.number.clone()}</span> " " {item.statement.clone()}
                                    " " <span class="level-tag">{label(&change.before.level_key)} " → " {label(&change.after.level_key)}</span>
                                </li>
                            })
                        }).collect_view()}
                    </ul>
                }.into_any()
            })
        }
    };
    let finished = move || {
        comparison.with(|comparison| {
            if comparison.finished_measures.is_empty() {
                return view! { <p class="empty">{tr(CompanyText::NoneListed)}</p> }.into_any();
            }
            let language = language.get();
            view! {
                <ul class="compare-measures">
                    {comparison.finished_measures.iter().map(|measure| view! {
                        <li>
                            <strong>{measure.title.clone()}</strong>
                            {(!measure.control.trim().is_empty()).then(|| view! {
                                <br/><span class="hint">{CompanyText::ControlShort.get(language)} ": " {measure.control.clone()}</span>
                            })}
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        })
    };
    let coverage = move || {
        comparison.with(|comparison| {
            let language = language.get();
            let coverage = &comparison.coverage;
            let items = |ids: &[String]| {
                ids.iter()
                    .map(|id| match catalog.item(id) {
                        Some((_, item)) => format!("{} {}", item.number, item.statement),
                        None => id.clone(),
                    })
                    .map(|line| view! { <li>{line}</li> })
                    .collect_view()
            };
            let gone: Vec<String> = coverage.gone.iter().map(|gone| gone.item_id.clone()).collect();
            view! {
                <p>{companies::shared_items(language, coverage.shared, coverage.item_count)}</p>
                {coverage.catalog_changed.then(|| view! {
                    <p class="notice">{companies::catalog_changed(language, &coverage.versions.0, &coverage.versions.1)}</p>
                })}
                {(!coverage.only_after.is_empty()).then(|| view! {
                    <p class="list-heading">{CompanyText::OnlyAfter.get(language)}</p>
                    <ul class="compare-coverage">{items(&coverage.only_after)}</ul>
                })}
                {(!coverage.only_before.is_empty()).then(|| view! {
                    <p class="list-heading">{CompanyText::OnlyBefore.get(language)}</p>
                    <ul class="compare-coverage">{items(&coverage.only_before)}</ul>
                })}
                {(!gone.is_empty()).then(|| view! {
                    <p class="list-heading">{CompanyText::Gone.get(language)}</p>
                    <ul class="compare-coverage">{items(&gone)}</ul>
                })}
            }
        })
    };
    let heading = move |id: String, text: CompanyText| {
        if nested {
            view! { <h3 id=id>{tr(text)}</h3> }.into_any()
        } else {
            view! { <h2 id=id>{tr(text)}</h2> }.into_any()
        }
    };
    view! {
        <div class="comparison">
            <section class="compare-indexes" aria-labelledby=format!("{id}-indexes")>
                {heading(format!("{id}-indexes"), CompanyText::IndexPerModule)}
                <figure class="chart">
                    <figcaption id=caption_id.clone()>{tr(CompanyText::CompareChartCaption)} " " {tr(CompanyText::LowerIsLessNeed)}</figcaption>
                    <CompareChart rows labelled_by=caption_id legend/>
                    <div class="table-scroll" role="region" tabindex="0" aria-label=tr(CompanyText::CompareChartCaption)>{table}</div>
                </figure>
            </section>
            <section aria-labelledby=format!("{id}-improved")>
                {heading(format!("{id}-improved"), CompanyText::Improved)}
                {item_list(|comparison| &comparison.improved)}
            </section>
            <section aria-labelledby=format!("{id}-worsened")>
                {heading(format!("{id}-worsened"), CompanyText::Worsened)}
                {item_list(|comparison| &comparison.worsened)}
            </section>
            <section aria-labelledby=format!("{id}-high")>
                {heading(format!("{id}-high"), CompanyText::HighBoth)}
                {item_list(|comparison| &comparison.high_both)}
            </section>
            <section aria-labelledby=format!("{id}-measures")>
                {heading(format!("{id}-measures"), CompanyText::FinishedMeasures)}
                {finished}
            </section>
            <section aria-labelledby=format!("{id}-coverage")>
                {heading(format!("{id}-coverage"), CompanyText::Coverage)}
                {coverage}
            </section>
        </div>
    }
}
