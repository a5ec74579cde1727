//! The words of the blank check on paper: what to tick, derived from the catalog's scales, so that a yes/no check
//! does not ask for a "Handlungsbedarf" and a check with priorities asks for them.

use checkwerk_core::{Catalog, Language};

use super::pick;
use super::report::quoted_list;

/// The instruction at the top of the blank check.
pub fn blank_intro(language: Language, catalog: &Catalog) -> String {
    let mut questions: Vec<&str> = Vec::new();
    for scale in &catalog.scales {
        if !questions.contains(&scale.label.as_str()) {
            questions.push(scale.label.as_str());
        }
    }
    let asked = quoted_list(&questions, language);
    let priority = catalog
        .scales
        .iter()
        .find_map(|scale| scale.priority.as_ref())
        .map(|priority| priority.label.as_str());
    match priority {
        Some(priority) => pick(
            language,
            || {
                format!(
                    "Kreuzen Sie je Check-Punkt Ihre Antwort an ({asked}) und, wo gefragt, die {priority}. Notieren Sie \
                     darunter Ideen für Maßnahmen."
                )
            },
            || {
                format!(
                    "Tick your answer per check point ({asked}) and, where asked, the {priority}. Note ideas for \
                     measures below it."
                )
            },
        ),
        None => pick(
            language,
            || {
                format!(
                    "Kreuzen Sie je Check-Punkt Ihre Antwort an ({asked}) und notieren Sie darunter Ideen für \
                     Maßnahmen."
                )
            },
            || {
                format!("Tick your answer per check point ({asked}) and note ideas for measures below it.")
            },
        ),
    }
}

/// The heading of the free texts on paper.
pub fn free_texts_heading(language: Language) -> &'static str {
    match language {
        Language::De => "Ihre Schlussfolgerungen",
        Language::En => "Your conclusions",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_instruction_asks_what_the_scales_ask() {
        let catalogs = crate::state::catalogs::bundled();
        let energie = catalogs
            .iter()
            .find(|catalog| catalog.id == "energie-sparen")
            .expect("the Energie check");
        let text = blank_intro(Language::De, energie);
        assert_eq!(
            text,
            "Kreuzen Sie je Check-Punkt Ihre Antwort an („Trifft das zu?“) und, wo gefragt, die Priorität der \
             Umsetzung. Notieren Sie darunter Ideen für Maßnahmen."
        );
        assert!(!text.contains("Handlungsbedarf"));
        let umwelt = catalogs
            .iter()
            .find(|catalog| catalog.id == "umweltschutz")
            .expect("the Umwelt check");
        assert_eq!(
            blank_intro(Language::De, umwelt),
            "Kreuzen Sie je Check-Punkt Ihre Antwort an („Handlungsbedarf“) und notieren Sie darunter Ideen für \
             Maßnahmen."
        );
    }
}
