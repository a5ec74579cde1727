//! The words of the evidence (Nachweis) a Check-Punkt's rating can carry: on the card, in the report, and for the
//! self-declaration record.

use checkwerk_core::Language;

/// A fixed text about evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvidenceText {
    /// What to write there, inside the empty field.
    Hint,
    /// Before the evidence where it is shown with other things (a report's note cell).
    Prefix,
}

impl EvidenceText {
    /// The text in a language.
    pub fn get(self, language: Language) -> &'static str {
        let (de, en) = match self {
            EvidenceText::Hint => (
                "optional: Dokument, Ablageort oder Link",
                "optional: document, where it is kept, or link",
            ),
            EvidenceText::Prefix => ("Nachweis", "Evidence"),
        };
        match language {
            Language::De => de,
            Language::En => en,
        }
    }
}

/// The accessible name of an item's evidence field: "Nachweis zu 2.1".
pub fn evidence_label(language: Language, number: &str) -> String {
    match language {
        Language::De => format!("Nachweis zu {number}"),
        Language::En => format!("Evidence for {number}"),
    }
}
