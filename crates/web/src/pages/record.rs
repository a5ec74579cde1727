//! The record of a self-declaration, to sign and hand over: of one check's declaration (inside the check's frame),
//! or of a declaration over several checks (on its own).

use checkwerk_core::declaration::joint_parts;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::declaration_record::{DeclarationRecord, MissingDeclaration, Part};
use crate::i18n::declaration::Words;
use crate::state::catalogs;
use crate::state::check::current_catalog;

/// The record of the current check's own declaration.
#[component]
pub fn RecordPage() -> impl IntoView {
    let catalog = current_catalog();
    match catalog.own_declaration() {
        Some(declaration) => view! {
            <DeclarationRecord
                declaration
                parts=vec![(catalog, declaration)]
                readiness_href=format!("/check/{}/selbsterklaerung", catalog.id)
            />
        }
        .into_any(),
        None => view! { <MissingDeclaration explanation=Words::NoDeclaration/> }.into_any(),
    }
}

/// The record of a declaration over several checks, by its id.
#[component]
pub fn JointRecordPage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let id = params.read().get("declaration").unwrap_or_default();
        let parts: Vec<Part> = joint_parts(catalogs::all(), &id);
        match parts.first().map(|(_, declaration)| *declaration) {
            Some(declaration) => view! {
                <DeclarationRecord declaration parts readiness_href=format!("/erklaerung/{id}")/>
            }
            .into_any(),
            None => view! { <MissingDeclaration explanation=Words::JointDeclarationMissing/> }
                .into_any(),
        }
    }
}
