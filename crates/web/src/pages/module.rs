//! Vollversion: one module (Baustein) with its goal and its items one below the other; every other module is one
//! click away.

use checkwerk_core::{is_rated, Catalog, Module};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::components::formatted::Formatted;
use crate::components::missing::Missing;
use crate::components::module_list::ModuleList;
use crate::components::progress::Progress;
use crate::components::rating::ItemCard;
use crate::i18n::{module_heading, Text};
use crate::state::check::{current_catalog, module_rated};
use crate::state::{tr, Runs, UiLanguage};

/// The page of one module.
#[component]
pub fn ModulePage() -> impl IntoView {
    let catalog = current_catalog();
    let params = use_params_map();
    move || {
        let module_id = params.read().get("module").unwrap_or_default();
        match catalog
            .modules
            .iter()
            .position(|module| module.id == module_id)
        {
            Some(index) => view! { <ModuleView catalog index/> }.into_any(),
            None => view! { <Missing text=Text::ModuleMissing/> }.into_any(),
        }
    }
}

#[component]
fn ModuleView(catalog: &'static Catalog, index: usize) -> impl IntoView {
    let language = expect_context::<UiLanguage>().0;
    let runs = expect_context::<Runs>();
    let module: &'static Module = &catalog.modules[index];
    crate::title::named_check_page_title(catalog, move || {
        module_heading(language.get(), &module.number, &module.title)
    });
    let rated = module_rated(catalog, &module.id);
    // The link to the next open item and the "all answered" note change places only when the module is complete.
    let all_rated = Memo::new(move |_| rated.get() >= module.items.len());
    let first_unanswered = move || {
        runs.with_active_untracked(&catalog.id, |run| {
            module
                .items
                .iter()
                .find(|item| {
                    // Unanswered as the evaluation counts it: no choice, or one the scale no longer has.
                    let answer = run.and_then(|run| run.answer(&item.id));
                    !is_rated(catalog.scale_for(module, item), answer)
                })
                .map(|item| item.id.clone())
        })
    };
    let go_to_unanswered = move |_| {
        if let Some(item_id) = first_unanswered() {
            focus_item(&item_id);
        }
    };
    let module_link = |module: &Module| format!("/check/{}/baustein/{}", catalog.id, module.id);
    let previous = index.checked_sub(1).and_then(|i| catalog.modules.get(i));
    let next = catalog.modules.get(index + 1);

    // "Nächster Baustein" and "Vorheriger Baustein" sit at the foot of a page that now shows another module from
    // its top: a keyboard user's focus moves on to the heading, where reading and the next Tab start.
    if focus_is_in(".module-nav") {
        request_animation_frame(|| {
            if let Ok(Some(heading)) = document().query_selector(".page.module h1") {
                focus(heading);
            }
        });
    }

    // Links to an item (from results, strengths, the readiness list) carry its anchor: bring it into view.
    Effect::new(move |_| {
        if let Some(hash) = web_sys::window().and_then(|window| window.location().hash().ok()) {
            if let Some(item_id) = hash.strip_prefix("#punkt-") {
                let item_id = item_id.to_owned();
                request_animation_frame(move || focus_item(&item_id));
            }
        }
    });

    view! {
        <div class="module-layout">
            <section class="page module">
                <h1 tabindex="-1">{move || module_heading(language.get(), &module.number, &module.title)}</h1>
                <div class="module-progress">
                    <Progress rated total=module.items.len()/>
                    {move || if !all_rated.get() {
                        view! {
                            <button type="button" class="link-button" on:click=go_to_unanswered>{tr(Text::NextUnanswered)}</button>
                        }.into_any()
                    } else {
                        view! { <span class="all-answered">{tr(Text::AllAnswered)}</span> }.into_any()
                    }}
                </div>
                {(!module.goal.is_empty()).then(|| view! {
                    <div class="goal"><h2>{tr(Text::Goal)}</h2><Formatted text=module.goal.clone()/></div>
                })}
                {(!module.result.is_empty()).then(|| view! {
                    <div class="goal"><h2>{tr(Text::ExpectedResult)}</h2><Formatted text=module.result.clone()/></div>
                })}
                // Keyed by check and module: going to the next module builds its cards afresh instead of patching
                // the last module's cards in place. Chromium visits patched `content-visibility: auto` cards in
                // every later frame's pre-paint: 2–3 ms more per rating under the bench's 4× CPU throttle
                // (bench/results/clicks.md).
                <For each=move || [(catalog.id.as_str(), index)] key=|key| *key children=move |_| view! {
                    <div class="items">
                        {module.items.iter().map(|item| view! { <ItemCard catalog module item/> }).collect_view()}
                    </div>
                }.into_any()/>
                <nav class="module-nav" aria-label=tr(Text::ModuleNavigation)>
                    {previous.map(|module| view! {
                        <A href=crate::page_config::app_href(&module_link(module)) attr:class="button secondary">"← " {tr(Text::PreviousModule)}</A>
                    })}
                    {match next {
                        Some(module) => view! {
                            <A href=crate::page_config::app_href(&module_link(module)) attr:class="button">{tr(Text::NextModule)} " →"</A>
                        }.into_any(),
                        None => view! {
                            <A href=crate::page_config::app_href(&format!("/check/{}/ergebnisse", catalog.id)) attr:class="button">{tr(Text::ToResults)} " →"</A>
                        }.into_any(),
                    }}
                </nav>
            </section>
            // After the module in the document: on a phone the list of all modules follows the items rather than
            // pushing them down (15 modules of were two screens); on a wide screen it stands on the left.
            <aside class="module-sidebar no-print" aria-label=tr(Text::ModulesHeading)>
                <h2 class="sidebar-heading">{tr(Text::ModulesHeading)}</h2>
                <ModuleList catalog current=module.id.as_str()/>
            </aside>
        </div>
    }
}

/// Whether the keyboard focus is inside the element the selector finds.
fn focus_is_in(selector: &str) -> bool {
    document()
        .active_element()
        .is_some_and(|focused| focused.closest(selector).ok().flatten().is_some())
}

/// Scrolls to an item and puts the keyboard focus on its rating.
fn focus_item(item_id: &str) {
    let Some(element) = document().get_element_by_id(&format!("punkt-{item_id}")) else {
        return;
    };
    element.scroll_into_view();
    let target = element
        .query_selector("input[type=radio]:checked")
        .ok()
        .flatten()
        .or_else(|| element.query_selector("input[type=radio]").ok().flatten());
    if let Some(radio) = target {
        focus(radio);
    }
}

/// Puts the keyboard focus on an element that can take it.
fn focus(element: web_sys::Element) {
    if let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
        let _ = element.focus();
    }
}
