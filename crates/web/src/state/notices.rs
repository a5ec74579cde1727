//! The short message shown after an action, with its undo.

use leptos::prelude::*;

/// Undoes an action. A plain closure, not a reactive callback: the component that offered the undo (a deleted
/// list entry) is gone by the time the user clicks it, and its reactive values with it.
pub type Undo = std::sync::Arc<dyn Fn() + Send + Sync>;

/// A short message after an action, optionally with an undo.
#[derive(Clone)]
pub struct Notice {
    /// What happened.
    pub message: String,
    /// Undoes it, if it can be undone.
    pub undo: Option<Undo>,
}

/// The one notice shown at a time.
#[derive(Clone, Copy)]
pub struct Notices(pub RwSignal<Option<Notice>>);

impl Notices {
    /// Shows a notice, replacing the previous one.
    pub fn show(&self, message: String, undo: Option<Undo>) {
        self.0.set(Some(Notice { message, undo }));
    }

    /// Removes the notice.
    pub fn dismiss(&self) {
        self.0.set(None);
    }
}
