//! Starthilfe: one short question per Baustein; the answers recommend where to begin, and – as the Bausteine get
//! rated – where to go on.

use checkwerk_core::starthilfe::{advise, Advice};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::module_list::ModuleList;
use crate::i18n::pages::PageText;
use crate::i18n::{self, module_heading, Text};
use crate::state::check::current_catalog;
use crate::state::{tr, Runs, UiLanguage};

/// The Starthilfe of the current check.
#[component]
pub fn StarthilfePage() -> impl IntoView {
    let catalog = current_catalog();
    let runs = expect_context::<Runs>();
    let language = expect_context::<UiLanguage>().0;
    crate::title::check_page_title(catalog, Text::Starthilfe);
    let advice = Memo::new(move |_| {
        runs.with_active(&catalog.id, |run| {
            run.map_or(Advice::Unanswered, |run| advise(catalog, run))
        })
    });

    let questions = catalog
        .starthilfe
        .iter()
        .enumerate()
        .filter_map(|(index, question)| {
            let scale = catalog.starthilfe_scale(question)?;
            let module = catalog.module(&question.module)?;
            let question_id = format!("starthilfe-{index}");
            let chosen = Memo::new(move |_| {
                runs.with_active(&catalog.id, |run| run.and_then(|run| run.starthilfe.get(&module.id).cloned()))
            });
            let choices = scale
                .levels
                .iter()
                .map(|level| (level.key.as_str(), level.label.as_str(), level.colour.as_str()))
                .chain(scale.not_relevant.iter().map(|choice| (choice.key.as_str(), choice.label.as_str(), "none")))
                .map(|(key, label, colour)| {
                    let choose = move |_| runs.edit_active(catalog, |run, now| run.set_starthilfe(&module.id, Some(key.to_owned()), now));
                    view! {
                        <label class=format!("choice choice-{colour}")>
                            <input type="radio" name=format!("starthilfe-{}", module.id) value=key
                                prop:checked=move || chosen.get().as_deref() == Some(key) on:change=choose/>
                            <span class="choice-mark" aria-hidden="true"></span>
                            <span class="choice-label">{label}</span>
                    <span class="choice-tick" aria-hidden="true"></span>
                        </label>
                    }
                })
                .collect_view();
            Some(view! {
                <li class="item starthilfe-question">
                    <p class="item-module">{move || module_heading(language.get(), &module.number, &module.title)}</p>
                    <p class="statement" id=question_id.clone()>{question.question.clone()}</p>
                    <div class="scale" role="radiogroup" aria-labelledby=question_id>
                        <span class="scale-label" aria-hidden="true">{scale.label.clone()}</span>
                        {choices}
                    </div>
                </li>
            })
        })
        .collect_view();

    view! {
        <section class="page starthilfe">
            <h1>{tr(PageText::StarthilfeHeading)}</h1>
            <p class="lead">{tr(PageText::StarthilfeIntro)}</p>
            <ol class="items plain-list">{questions}</ol>
            <div class="recommendation" role="status">
                {move || match advice.get() {
                    Advice::Next(recommendation) => {
                        let module = catalog.module(&recommendation.module_id);
                        let language = language.get();
                        let text = i18n::report::starthilfe_reason(language, &recommendation, catalog);
                        let done = i18n::report::starthilfe_completed(language, &recommendation.completed, catalog);
                        let action = i18n::report::starthilfe_action(language, recommendation.rated, recommendation.total);
                        view! {
                            <h2>{tr(PageText::Recommendation)}</h2>
                            {(!done.is_empty()).then(|| view! { <p>{done}</p> })}
                            <p>{text}</p>
                            {module.map(|module| view! {
                                <A href=crate::page_config::app_href(&format!("/check/{}/baustein/{}", catalog.id, module.id)) attr:class="button">
                                    {module_heading(language, &module.number, &module.title)} " – " {action}
                                </A>
                            })}
                        }.into_any()
                    }
                    Advice::AllRated { modules, next_open } => {
                        let language = language.get();
                        let text = i18n::report::starthilfe_all_rated(language, &modules, catalog);
                        let next = next_open.as_deref().and_then(|id| catalog.module(id));
                        view! {
                            <h2>{tr(PageText::Recommendation)}</h2>
                            <p>{text}</p>
                            {match next {
                                Some(module) => view! {
                                    <A href=crate::page_config::app_href(&format!("/check/{}/baustein/{}", catalog.id, module.id)) attr:class="button">
                                        {module_heading(language, &module.number, &module.title)} " – " {i18n::report::starthilfe_action(language, 0, 1)}
                                    </A>
                                }.into_any(),
                                None => view! {
                                    <A href=crate::page_config::app_href(&format!("/check/{}/ergebnisse", catalog.id)) attr:class="button">{tr(Text::ToResults)}</A>
                                }.into_any(),
                            }}
                        }.into_any()
                    }
                    Advice::Unanswered => view! { <p>{tr(PageText::AnswerForRecommendation)}</p> }.into_any(),
                }}
            </div>
            <h2>{tr(PageText::OrPickAnyModule)}</h2>
            <ModuleList catalog/>
        </section>
    }
}
