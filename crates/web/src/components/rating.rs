//! One Check-Punkt: statement, explanation, practice examples, the rating radio group, priority, note and evidence.
//!
//! The rating is a native radio group (arrow keys move and choose) whose accessible name is the statement and
//! whose options are named by the scale's labels. What follows from the scale (whether a priority goes with the
//! choice, whether the answer calls for a measure, the measure's urgency) is the core's to say.

use checkwerk_core::{Catalog, Item, Module};
use leptos::prelude::*;

use crate::components::create_measure::CreateMeasureButton;
use crate::components::evidence::EvidenceRef;
use crate::components::formatted::Formatted;
use crate::i18n::evidence::{evidence_label, EvidenceText};
use crate::i18n::{note_label, priority_group_name, priority_not_applicable, Text};
use crate::state::check::{ItemAnswers, PreviousAnswers};
use crate::state::{tr, Runs, UiLanguage};

/// An item with everything needed to rate it.
#[component]
pub fn ItemCard(
    catalog: &'static Catalog,
    module: &'static Module,
    item: &'static Item,
    /// Leaves out the way to plan a measure (when rating for a team: the action plan is the team's).
    #[prop(optional)]
    without_measures: bool,
) -> impl IntoView {
    let runs = expect_context::<Runs>();
    let language = expect_context::<UiLanguage>().0;
    let Some(scale) = catalog.scale_for(module, item) else {
        // Catalogs are validated at build time, so every item has a scale.
        return ().into_any();
    };
    // This item's answer alone: rating another item does not touch this card.
    let item_answers = ItemAnswers::of(catalog);
    let answer = item_answers.answer(&item.id);
    let choice = Memo::new(move |_| answer.with(|answer| answer.as_ref()?.choice.clone()));
    let priority = Memo::new(move |_| answer.with(|answer| answer.as_ref()?.priority));
    let note = Memo::new(move |_| {
        answer.with(|answer| {
            answer
                .as_ref()
                .map(|answer| answer.note.clone())
                .unwrap_or_default()
        })
    });

    let statement_id = format!("aussage-{}", item.id);
    let group_name = format!("bewertung-{}", item.id);
    let choices = scale
        .levels
        .iter()
        .map(|level| {
            (
                level.key.as_str(),
                level.label.as_str(),
                level.colour.as_str(),
            )
        })
        .chain(
            scale
                .not_relevant
                .iter()
                .map(|choice| (choice.key.as_str(), choice.label.as_str(), "none")),
        );
    let radios = choices
        .map(|(key, label, colour)| {
            let choose = move |_| {
                runs.edit_active(catalog, |run, now| {
                    run.rate(&item.id, scale, Some(key.to_owned()), now)
                });
            };
            view! {
                <label class=format!("choice choice-{colour}")>
                    <input type="radio" name=group_name.clone() value=key
                        prop:checked=move || choice.get().as_deref() == Some(key)
                        on:change=choose/>
                    <span class="choice-mark" aria-hidden="true"></span>
                    <span class="choice-label">{label}</span>
                    <span class="choice-tick" aria-hidden="true"></span>
                </label>
            }
        })
        .collect_view();

    // "Keine Relevanz" takes no priority: the group stays in place (nothing below it moves) but is switched off.
    let priority_applies =
        Memo::new(move |_| choice.with(|choice| scale.priority_applies(choice.as_deref())));
    let priority_view = scale.priority.as_ref().map(|priority_scale| {
        let group_label = priority_group_name(&priority_scale.label, &item.statement);
        let priority_name = format!("prioritaet-{}", item.id);
        let options = priority_scale
            .levels
            .iter()
            .map(|level| {
                let value = level.value;
                let choose = move |_| runs.edit_active(catalog, |run, now| run.set_priority(&item.id, Some(value), now));
                view! {
                    <label class="choice choice-priority">
                        <input type="radio" name=priority_name.clone() value=value.to_string()
                            prop:checked=move || priority.get() == Some(value)
                            prop:disabled=move || !priority_applies.get()
                            on:change=choose/>
                        <span class="choice-label">{level.label.clone()}</span>
                        <span class="choice-tick" aria-hidden="true"></span>
                    </label>
                }
            })
            .collect_view();
        let not_applicable = scale.not_relevant.as_ref().map(|choice| choice.label.clone());
        view! {
            <div class="priority" role="radiogroup" aria-label=group_label aria-disabled=move || (!priority_applies.get()).then_some("true")>
                <span class="priority-label" aria-hidden="true">{priority_scale.label.clone()}</span>
                {options}
                {move || (!priority_applies.get()).then(|| view! {
                    <span class="priority-off">{priority_not_applicable(language.get(), not_applicable.as_deref().unwrap_or_default())}</span>
                })}
            </div>
        }
    });

    let has_details =
        !item.explanation.is_empty() || !item.examples.is_empty() || !item.links.is_empty();
    let details = has_details.then(|| {
        view! {
            <details class="item-details">
                <summary>{tr(Text::Explanation)} " & " {tr(Text::Examples)}</summary>
                {(!item.explanation.is_empty()).then(|| view! { <Formatted text=item.explanation.clone()/> })}
                {(!item.examples.is_empty()).then(|| view! {
                    <h4>{tr(Text::Examples)}</h4>
                    <ul class="examples">
                        {item.examples.iter().map(|example| view! { <li><Formatted text=example.clone()/></li> }).collect_view()}
                    </ul>
                })}
                {(!item.links.is_empty()).then(|| view! {
                    <h4>{tr(Text::Links)}</h4>
                    <ul class="links">
                        {item.links.iter().map(|link| view! {
                            <li><a href=link.url.clone() target="_blank" rel="noopener noreferrer">{link.label.clone()}</a></li>
                        }).collect_view()}
                    </ul>
                })}
            </details>
        }
    });

    // In a follow-up run the previous rating is there on demand, folded away: it should not anchor the new one.
    let previous = PreviousAnswers::of(catalog).answer(&item.id);
    let previous_view = move || {
        previous.get().map(|(run_name, answer)| {
            let language = language.get();
            let rating = answer
                .as_ref()
                .and_then(|answer| {
                    let choice = answer.choice.as_deref().and_then(|key| scale.choice_label(key));
                    let priority = answer.priority.and_then(|value| scale.priority_label(value));
                    let note = (!answer.note.is_empty()).then(|| format!("„{}“", answer.note));
                    let parts: Vec<String> = [choice.map(str::to_owned), priority.map(str::to_owned), note]
                        .into_iter()
                        .flatten()
                        .collect();
                    (!parts.is_empty()).then(|| parts.join(" · "))
                })
                .unwrap_or_else(|| Text::NotRatedThen.get(language).to_owned());
            view! {
                <details class="previous-rating no-print">
                    <summary>{Text::ShowPreviousRating.get(language)}<span class="visually-hidden">" " {item.number.clone()}</span></summary>
                    <p>{crate::i18n::companies::previous_rating(language, &run_name, &rating)}</p>
                </details>
            }
        })
    };

    let note_id = format!("notiz-{}", item.id);
    let save_note = move |event: leptos::ev::Event| {
        let text = event_target_value(&event);
        runs.edit_active(catalog, |run, now| run.set_note(&item.id, text, now));
    };
    let evidence_id = format!("nachweis-{}", item.id);
    let evidence = Memo::new(move |_| {
        answer.with(|answer| {
            answer
                .as_ref()
                .map(|answer| answer.evidence.clone())
                .unwrap_or_default()
        })
    });
    let save_evidence = move |event: leptos::ev::Event| {
        let text = event_target_value(&event);
        runs.edit_active(catalog, |run, now| run.set_evidence(&item.id, text, now));
    };
    let evidence_shown = move || {
        answer.with(|answer| {
            answer
                .as_ref()
                .filter(|answer| answer.evidence_link().is_some())
                .map(|answer| view! { <p class="evidence-open"><EvidenceRef evidence=answer.evidence.clone()/></p> })
        })
    };
    let answered = move || choice.get().is_some();
    // A memo: changing between two ratings that both call for action keeps the button as it is.
    let calls_for_action = Memo::new(move |_| {
        answer.with(|answer| {
            answer
                .as_ref()
                .is_some_and(|answer| answer.calls_for_action(scale))
        })
    });
    let measure_count = item_answers.measure_count(&item.id);

    view! {
        <article class="item" class:answered=answered id=format!("punkt-{}", item.id) data-item=item.id.clone()>
            <div class="item-head">
                <span class="item-number">{item.number.clone()}</span>
                <p class="statement" id=statement_id.clone()>{item.statement.clone()}</p>
                // Always there, hidden by the card's `answered` class: rating changes one class, not the DOM.
                <span class="item-state">{tr(Text::Unanswered)}</span>
            </div>
            {details}
            <span class="scale-label" aria-hidden="true">{scale.label.clone()}</span>
            // The way to plan a measure appears beside the rating that reports the need, on the same line where
            // there is room: the rest of the card (and every card below it) stays where it was.
            <div class="scale-row">
                <div class="scale" role="radiogroup" aria-labelledby=statement_id>{radios}</div>
                {move || (calls_for_action.get() && !without_measures).then(|| view! {
                    <div class="item-measure no-print">
                        <CreateMeasureButton catalog item/>
                        {move || (measure_count.get() > 0).then(|| view! {
                            <span class="measure-count">{move || crate::i18n::linked_measures(language.get(), measure_count.get())}</span>
                        })}
                    </div>
                })}
            </div>
            {priority_view}
            {previous_view}
            <div class="item-notes">
                <div class="note">
                    <label for=note_id.clone()>{move || note_label(language.get(), &item.number)}</label>
                    <textarea id=note_id rows="2" placeholder=tr(Text::NotePlaceholder)
                        prop:value=move || note.get() on:input=save_note></textarea>
                </div>
                <div class="note evidence">
                    <label for=evidence_id.clone()>{move || evidence_label(language.get(), &item.number)}</label>
                    <input id=evidence_id type="text" autocomplete="off"
                        placeholder=move || EvidenceText::Hint.get(language.get())
                        prop:value=move || evidence.get() on:input=save_evidence/>
                    {evidence_shown}
                </div>
            </div>
        </article>
    }
    .into_any()
}
