//! "Maßnahme anlegen" where the need is seen: on a Check-Punkt, in the results' list of needs and in the action
//! plan's list of needs still without a measure. The new measure answers the item and starts with the urgency the
//! item's answer suggests (its priority where the scale asks for one, else its need – the core decides).

use checkwerk_core::{Catalog, Item, Measure};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::clock::{new_id, now};
use crate::i18n::Text;
use crate::state::{tr, Runs};

/// Adds a measure for an item to the active run and returns its id.
pub fn create_measure_for(runs: Runs, catalog: &'static Catalog, item_id: &str) -> String {
    let urgency = catalog.item(item_id).and_then(|(module, item)| {
        let scale = catalog.scale_for(module, item)?;
        runs.with_active_untracked(&catalog.id, |run| run?.answer(item_id)?.urgency_on(scale))
    });
    let id = new_id(now());
    let mut measure = Measure::new(id.clone(), "", vec![item_id.to_owned()], now());
    measure.urgency = urgency;
    runs.edit_active(catalog, |run, now| run.upsert_measure(measure, now));
    id
}

/// The address of the action plan with one measure open.
pub fn measure_address(catalog: &Catalog, measure_id: &str) -> String {
    format!("/check/{}/massnahmen#massnahme-{measure_id}", catalog.id)
}

/// The button that creates a measure for an item. By default it then goes to the action plan with the new measure
/// open; where the plan is already on screen, `on_created` takes the new id instead.
#[component]
pub fn CreateMeasureButton(
    catalog: &'static Catalog,
    item: &'static Item,
    /// Called with the new measure's id instead of going to the action plan.
    #[prop(optional)]
    on_created: Option<Callback<String>>,
) -> impl IntoView {
    let runs = expect_context::<Runs>();
    let navigate = use_navigate();
    let create = move |_| {
        let id = create_measure_for(runs, catalog, &item.id);
        match on_created {
            Some(callback) => callback.run(id),
            None => navigate(&measure_address(catalog, &id), Default::default()),
        }
    };
    view! {
        <button type="button" class="button secondary small create-measure" on:click=create>
            {tr(Text::CreateMeasure)}<span class="visually-hidden">" " {item.number.clone()}</span>
        </button>
    }
}
