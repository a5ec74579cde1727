//! Answers the check can no longer place – its item was removed or renamed, or the saved rating left the scale –
//! listed with what was saved, so the user sees that nothing was dropped and can carry it over.

use checkwerk_core::evaluation::OrphanReason;
use checkwerk_core::Catalog;
use leptos::prelude::*;

use crate::i18n;
use crate::i18n::pages::PageText;
use crate::state::check::use_evaluation;
use crate::state::{tr, Runs, UiLanguage};

/// How many kept answers are listed; a crafted file may hold thousands, and all of them are exported anyway.
const LISTED: usize = 100;

/// The kept answers of the active run that the catalog cannot place; nothing while there are none.
#[component]
pub fn OrphanedAnswers(catalog: &'static Catalog) -> impl IntoView {
    let runs = expect_context::<Runs>();
    let language = expect_context::<UiLanguage>().0;
    let evaluation = use_evaluation(catalog);
    let orphans = move || {
        let language = language.get();
        let orphans = evaluation.with(|evaluation| {
            evaluation
                .as_ref()
                .map(|evaluation| evaluation.orphans.clone())
                .unwrap_or_default()
        });
        runs.with_active(&catalog.id, |run| {
            let total = orphans.len();
            let rows = orphans
                .iter()
                .take(LISTED)
                .filter_map(|orphan| {
                    let answer = run?.answer(&orphan.item_id)?;
                    let label = match (&orphan.reason, catalog.item(&orphan.item_id)) {
                        (
                            OrphanReason::ChoiceUnknown { .. }
                            | OrphanReason::PriorityUnknown { .. },
                            Some((_, item)),
                        ) => {
                            format!("{} {}", item.number, item.statement)
                        }
                        _ => orphan.item_id.clone(),
                    };
                    let rating =
                        i18n::orphan_rating(language, answer.choice.as_deref(), answer.priority);
                    Some((label, rating, answer.note.clone()))
                })
                .collect::<Vec<_>>();
            (rows, total)
        })
    };
    move || {
        let (rows, total) = orphans();
        (total > 0).then(|| {
            let more = (total > LISTED).then(|| i18n::more_orphans(language.get(), total - LISTED));
            view! {
                <section class="notice orphans" aria-labelledby="orphans-heading">
                    <h2 id="orphans-heading">{tr(PageText::OrphansHeading)}</h2>
                    <p>{tr(PageText::OrphansNotice)} " " {tr(PageText::OrphansKept)}</p>
                    <ul class="orphan-list">
                        {rows.into_iter().map(|(label, rating, note)| view! {
                            <li>
                                <strong class="orphan-item">{label}</strong> <br/>
                                <span class="orphan-rating">{rating}</span>
                                {(!note.is_empty()).then(|| view! { " – " <q class="orphan-note">{note}</q> })}
                            </li>
                        }).collect_view()}
                    </ul>
                    {more.map(|more| view! { <p class="hint">{more}</p> })}
                </section>
            }
        })
    }
}
