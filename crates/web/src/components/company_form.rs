//! The fields of a company (name, site, address, sector, size, contact), each saved as it is typed: a reload
//! in the middle of a word loses nothing.

use checkwerk_core::{Catalog, CompanyField};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::companies::{field_label, CompanyText};
use crate::i18n::Text;
use crate::state::{tr, Runs, UiLanguage};

/// Which company the fields edit.
#[derive(Clone, PartialEq)]
pub enum Editing {
    /// The current company, created quietly with the first character typed if there is none yet.
    Current,
    /// A company by id.
    Company(String),
}

/// Inputs for some fields of a company.
#[component]
pub fn CompanyFields(
    /// Which company.
    editing: Editing,
    /// Which fields, in this order.
    fields: &'static [CompanyField],
    /// Makes the inputs' ids unique on the page.
    id_prefix: String,
) -> impl IntoView {
    let runs = expect_context::<Runs>();
    let companies = runs.companies;
    let language = expect_context::<UiLanguage>().0;
    let editing = StoredValue::new(editing);
    fields
        .iter()
        .map(|&field| {
            let value = move || match editing.get_value() {
                Editing::Current => {
                    companies.with_current(|company| company.map(|c| c.field(field).to_owned()))
                }
                Editing::Company(id) => {
                    companies.with(&id, |company| company.map(|c| c.field(field).to_owned()))
                }
            }
            .unwrap_or_default();
            let save = move |event: leptos::ev::Event| {
                let text = event_target_value(&event);
                match editing.get_value() {
                    Editing::Current => {
                        companies.edit_current(|company, now| company.set(field, text, now))
                    }
                    Editing::Company(id) => {
                        companies.edit(&id, |company, now| company.set(field, text, now))
                    }
                }
            };
            let input_id = format!("{id_prefix}-{}", field.key());
            // On the Kompass the name keeps the label it always had.
            let label = move || match (field, &editing.get_value()) {
                (CompanyField::Name, Editing::Current) => Text::CompanyName.get(language.get()),
                _ => field_label(language.get(), field),
            };
            let input = match field {
                CompanyField::Address => view! {
                    <textarea id=input_id.clone() rows="3" autocomplete="street-address" prop:value=value on:input=save></textarea>
                }
                .into_any(),
                CompanyField::Size => {
                    let list_id = format!("{input_id}-vorschlaege");
                    view! {
                        <input id=input_id.clone() type="text" list=list_id.clone() prop:value=value on:input=save/>
                        <datalist id=list_id>
                            {move || CompanyText::SizeOptions.get(language.get()).split('|').map(|option| view! { <option value=option></option> }).collect_view()}
                        </datalist>
                    }
                    .into_any()
                }
                _ => {
                    let autocomplete = match field {
                        CompanyField::Name => "organization",
                        CompanyField::Contact => "name",
                        _ => "off",
                    };
                    view! {
                        <input id=input_id.clone() type="text" autocomplete=autocomplete prop:value=value on:input=save/>
                    }
                    .into_any()
                }
            };
            view! {
                <div class="field">
                    <label for=input_id>{label}</label>
                    {input}
                </div>
            }
        })
        .collect_view()
}

/// The current company's name for the check's frame and the home page: shown only to someone with more than one
/// company, with the way to the others.
#[component]
pub fn CurrentCompanyLine() -> impl IntoView {
    let runs = expect_context::<Runs>();
    let companies = runs.companies;
    let language = expect_context::<UiLanguage>().0;
    move || {
        (companies.count() > 1).then(|| {
            let name = companies.with_current(|company| {
                crate::i18n::companies::company_name(
                    language.get(),
                    company.map(|c| c.name.as_str()).unwrap_or_default(),
                )
            });
            view! {
                <p class="current-company">
                    <span>{tr(Text::Company)} ": " <strong>{name}</strong></span>
                    " "
                    <A href=crate::page_config::app_href("/betriebe")>{tr(Text::SwitchCompany)}</A>
                </p>
            }
        })
    }
}

/// On paper only, where the check's frame (title, company, run) is not printed: which check and which company the
/// printed page is about.
#[component]
pub fn PrintedContext(catalog: &'static Catalog) -> impl IntoView {
    let runs = expect_context::<Runs>();
    let language = expect_context::<UiLanguage>().0;
    let text = move || {
        let company = runs.companies.with_current(|company| {
            company
                .map(|company| company.name.clone())
                .unwrap_or_default()
        });
        crate::i18n::companies::printed_context(language.get(), &catalog.title, &company)
    };
    view! { <p class="print-only printed-context">{text}</p> }
}
