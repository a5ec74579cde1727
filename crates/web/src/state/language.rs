//! The language of the user interface, and reactive access to the fixed texts in it.
//!
//! Two values, one owner each: [`LanguageChoice`] is what the user chose (the header's switch sets it), and
//! [`UiLanguage`] is what the current screen speaks. They differ inside a check whose catalog has no text in the
//! chosen language: one language per screen, so the whole check stays in the catalog's (the check's frame provides
//! its own [`UiLanguage`], see `state::check::provide_check`).

use checkwerk_core::Language;
use leptos::prelude::*;

use crate::i18n::FixedText;
use crate::storage;

/// The language the user chose: the header's switch changes it, and it is remembered.
#[derive(Clone, Copy)]
pub struct LanguageChoice(pub RwSignal<Language>);

impl LanguageChoice {
    /// The remembered language, else German.
    pub fn load() -> Self {
        LanguageChoice(RwSignal::new(storage::load_language().unwrap_or_default()))
    }
}

/// The language the current screen speaks: the user's choice, except inside a check that exists only in another
/// language.
#[derive(Clone, Copy)]
pub struct UiLanguage(pub Signal<Language>);

impl UiLanguage {
    /// The screen follows the user's choice.
    pub fn following(choice: LanguageChoice) -> Self {
        UiLanguage(choice.0.into())
    }
}

/// The language of the check on screen, set by the check's frame while it is shown: the parts of the screen outside
/// the frame that speak about what happens in it (the notice after an action) follow it, so that a German check's
/// notice does not offer "Undo".
#[derive(Clone, Copy)]
pub struct FrameLanguage(pub RwSignal<Option<Language>>);

/// A reactive translation of a fixed text.
pub fn tr<T: FixedText>(text: T) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let language = expect_context::<UiLanguage>().0;
    move || text.get(language.get())
}
