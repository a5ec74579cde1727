//! The page title (`document.title`), kept in the language the screen speaks: each page names itself here.

use checkwerk_core::Catalog;
use leptos::prelude::*;

use crate::i18n::{screen, FixedText};
use crate::state::UiLanguage;

/// Keeps the document's title at what `title` makes, following its reactive inputs.
pub fn set_page_title(title: impl Fn() -> String + 'static) {
    Effect::new(move |_| document().set_title(&title()));
}

/// Titles a page of a check: "Meine Maßnahmen – Energie sparen – Checkwerk".
pub fn check_page_title(catalog: &'static Catalog, page: impl FixedText) {
    let language = expect_context::<UiLanguage>().0;
    set_page_title(move || {
        let language = language.get();
        screen::page_title(language, &[page.get(language), &catalog.title])
    });
}

/// Titles a page of a check by a name it makes itself (a Baustein's heading, the check's own title).
pub fn named_check_page_title(catalog: &'static Catalog, page: impl Fn() -> String + 'static) {
    let language = expect_context::<UiLanguage>().0;
    set_page_title(move || {
        let name = page();
        let check = if name == catalog.title {
            ""
        } else {
            catalog.title.as_str()
        };
        screen::page_title(language.get(), &[&name, check])
    });
}
