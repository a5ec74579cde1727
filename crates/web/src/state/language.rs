//! The language of the user interface, and reactive access to the fixed texts in it.

use checkwerk_core::Language;
use leptos::prelude::*;

use crate::i18n::Text;
use crate::storage;

/// The language of the user interface.
#[derive(Clone, Copy)]
pub struct UiLanguage(pub RwSignal<Language>);

impl UiLanguage {
    /// The remembered language, else German.
    pub fn load() -> Self {
        UiLanguage(RwSignal::new(storage::load_language().unwrap_or_default()))
    }
}

/// A reactive translation of a fixed text.
pub fn tr(text: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let language = expect_context::<UiLanguage>().0;
    move || text.get(language.get())
}
