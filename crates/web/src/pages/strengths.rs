//! Unsere Stärken: the items rated at the no-need end of their scale, per Baustein.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::pages::PageText;
use crate::i18n::{module_heading, Text};
use crate::state::check::{current_catalog, use_evaluation};
use crate::state::{tr, UiLanguage};

/// The strengths of the active run.
#[component]
pub fn StrengthsPage() -> impl IntoView {
    let catalog = current_catalog();
    let language = expect_context::<UiLanguage>().0;
    crate::title::check_page_title(catalog, Text::OurStrengths);
    let evaluation = use_evaluation(catalog);
    let per_module = move || {
        evaluation.with(|evaluation| {
            let strengths = evaluation
                .as_ref()
                .map(|e| e.strengths.clone())
                .unwrap_or_default();
            catalog
                .modules
                .iter()
                .filter_map(|module| {
                    let items: Vec<_> = strengths
                        .iter()
                        .filter(|strength| strength.module_id == module.id)
                        .filter_map(|strength| {
                            catalog.item(&strength.item_id).map(|(_, item)| item)
                        })
                        .collect();
                    (!items.is_empty()).then_some((module, items))
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="page strengths">
            <h1>{tr(Text::OurStrengths)}</h1>
            <p class="lead">{tr(PageText::StrengthsIntro)}</p>
            {move || {
                let groups = per_module();
                if groups.is_empty() {
                    return view! { <p class="empty">{tr(PageText::NoStrengthsYet)}</p> }.into_any();
                }
                groups.into_iter().map(|(module, items)| view! {
                    <section class="strength-group">
                        <h2>{move || module_heading(language.get(), &module.number, &module.title)}</h2>
                        <ul class="strength-list">
                            {items.into_iter().map(|item| view! {
                                <li>
                                    <span class="item-number">{item.number.clone()}</span> " "
                                    <A href=crate::page_config::app_href(&format!("/check/{}/baustein/{}#punkt-{}", catalog.id, module.id, item.id))>{item.statement.clone()}</A>
                                </li>
                            }).collect_view()}
                        </ul>
                    </section>
                }).collect_view().into_any()
            }}
        </section>
    }
}
