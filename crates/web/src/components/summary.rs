//! The management summary (1–2 pages): overall picture, per-Baustein profile, top needs, strengths, date.
//! The core computes it; this only lays it out.

use checkwerk_core::report::Summary;
use leptos::prelude::*;

use crate::components::chart::{ChartRow, ProfileChart};
use crate::i18n::pages::PageText;
use crate::i18n::{self, Text};
use crate::state::{tr, UiLanguage};

/// Chart rows for every Baustein of a summary.
pub fn module_rows(summary: &Summary) -> Vec<ChartRow> {
    summary
        .modules
        .iter()
        .map(|module| ChartRow {
            label: format!("{} {}", module.number, module.title),
            tally: module.tally.clone(),
        })
        .collect()
}

/// The management summary.
#[component]
pub fn ManagementSummary(
    #[prop(into)] summary: Signal<Summary>,
    #[prop(into)] id: String,
) -> impl IntoView {
    let language = expect_context::<UiLanguage>().0;
    let rows = Signal::derive(move || module_rows(&summary.get()));
    // The check's own word for "not relevant" ("Keine Relevanz"), as on its rating pages; no column without one.
    let not_relevant = use_context::<crate::state::check::CurrentCheck>()
        .and_then(|check| check.0.not_relevant_label())
        .map(str::to_owned);
    view! {
        <section class="summary" aria-labelledby=format!("{id}-heading")>
            <h2 id=format!("{id}-heading")>{tr(PageText::ManagementSummary)}</h2>
            <p class="summary-meta">{move || summary.with(|s| i18n::summary_meta(language.get(), &s.company, &s.run_name, &s.date.german()))}</p>
            <p class="picture">{move || summary.with(|s| i18n::report::picture(language.get(), &s.picture))}</p>
            <p class="index-line">
                {tr(PageText::NeedIndex)} ": "
                <strong>{move || summary.with(|s| i18n::need_index(language.get(), s.overall.need_index))}</strong>
                <span class="hint">" – " {tr(PageText::NeedIndexExplained)}</span>
            </p>
            <ProfileChart id=format!("{id}-chart") rows caption=PageText::ChartCaption.get(language.get_untracked()) not_relevant/>
            <div class="summary-columns">
                <div>
                    <h3>{tr(PageText::TopNeeds)}</h3>
                    {move || summary.with(|s| if s.top_needs.is_empty() {
                        view! { <p class="empty">{tr(PageText::NoNeedsYet)}</p> }.into_any()
                    } else {
                        view! {
                            <ol class="report-items">
                                {s.top_needs.iter().map(|item| view! {
                                    <li><span class="item-number">{item.number.clone()}</span> " " {item.statement.clone()}
                                        <span class="level-tag">{item.level_label.clone()}
                                            {item.priority_label.clone().map(|p| format!(" · {p}"))}</span></li>
                                }).collect_view()}
                            </ol>
                        }.into_any()
                    })}
                </div>
                <div>
                    <h3>{tr(Text::OurStrengths)}</h3>
                    {move || summary.with(|s| if s.strengths.is_empty() {
                        view! { <p class="empty">{tr(PageText::NoStrengthsYet)}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="report-items">
                                {s.strengths.iter().map(|item| view! {
                                    <li><span class="item-number">{item.number.clone()}</span> " " {item.statement.clone()}</li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    })}
                </div>
            </div>
            <p class="measure-status-line">
                {move || summary.with(|s| i18n::measures_by_status(language.get(), &s.measures_by_status))}
            </p>
        </section>
    }
}
