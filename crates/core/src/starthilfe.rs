//! Starthilfe: "Mit welchem Thema des Checks beginnen?" One short question per module; the module where the
//! company sees the highest need is where it should start.

use crate::catalog::{Catalog, StarthilfeQuestion};
use crate::load::Language;
use crate::run::Run;

/// Where to begin, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recommendation {
    /// The module to begin with.
    pub module_id: String,
    /// The need (0–100) the company sees there.
    pub need: u8,
    /// Other modules with the same need, in catalog order; good candidates for what comes next.
    pub tied_with: Vec<String>,
}

/// The module with the highest need among the answered Starthilfe questions.
///
/// A "not relevant" answer and a key the question's scale does not know are ignored. Ties go to the module that
/// comes first in the catalog. `None` when nothing usable is answered.
pub fn recommend(catalog: &Catalog, run: &Run) -> Option<Recommendation> {
    // (position of the module in the catalog, module id, need)
    let mut answered: Vec<(usize, &str, u8)> = catalog
        .starthilfe
        .iter()
        .filter_map(|question| {
            let position = catalog
                .modules
                .iter()
                .position(|module| module.id == question.module)?;
            let choice = run.starthilfe.get(&question.module)?;
            let level = catalog.starthilfe_scale(question)?.level(choice)?;
            Some((position, question.module.as_str(), level.need))
        })
        .collect();
    let highest = answered.iter().map(|(_, _, need)| *need).max()?;
    answered.retain(|(_, _, need)| *need == highest);
    answered.sort_by_key(|(position, _, _)| *position);
    // Two questions for one module would otherwise list it as tied with itself.
    answered.dedup_by_key(|(position, _, _)| *position);
    let mut modules = answered
        .into_iter()
        .map(|(_, module_id, _)| module_id.to_owned());
    let module_id = modules.next()?;
    Some(Recommendation {
        module_id,
        need: highest,
        tied_with: modules.collect(),
    })
}

fn question<'c>(catalog: &'c Catalog, module_id: &str) -> Option<&'c StarthilfeQuestion> {
    catalog
        .starthilfe
        .iter()
        .find(|question| question.module == module_id)
}

/// Titles in quotation marks, joined as a sentence lists them: „A“, „B“ und „C“.
pub(crate) fn quoted_list(titles: &[&str], language: Language) -> String {
    let quoted: Vec<String> = titles
        .iter()
        .map(|title| match language {
            Language::De => format!("„{title}“"),
            Language::En => format!("“{title}”"),
        })
        .collect();
    let and = match language {
        Language::De => "und",
        Language::En => "and",
    };
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {and} {last}", rest.join(", ")),
    }
}

/// One or two sentences that say why to begin with the recommended module.
///
/// Module titles and level labels come from the catalog, in its language; the sentence around them is in
/// `language`.
pub fn reason(recommendation: &Recommendation, catalog: &Catalog, language: Language) -> String {
    let title = |module_id: &str| {
        catalog
            .module(module_id)
            .map_or(module_id, |module| module.title.as_str())
            .to_owned()
    };
    let main = title(&recommendation.module_id);
    let scale = question(catalog, &recommendation.module_id)
        .and_then(|question| catalog.starthilfe_scale(question));
    let level_label = scale
        .and_then(|scale| {
            scale
                .levels
                .iter()
                .find(|level| level.need == recommendation.need)
        })
        .map(|level| level.label.clone());
    // At the no-need end there is no "highest need" to speak of, only a place to start.
    let no_need = scale.is_some_and(|scale| recommendation.need <= scale.least_need());

    let main_quoted = quoted_list(&[main.as_str()], language);
    let label = level_label
        .map(|label| format!(" ({label})"))
        .unwrap_or_default();
    let mut sentence = match (no_need, language) {
        (false, Language::De) => format!(
            "Sie sehen bei {main_quoted} den höchsten Handlungsbedarf{label}. Beginnen Sie dort."
        ),
        (false, Language::En) => format!(
            "You see the highest need for action in {main_quoted}{label}. Start there."
        ),
        (true, Language::De) => format!(
            "Sie melden bei keinem Thema ausdrücklichen Handlungsbedarf{label}. Beginnen Sie mit {main_quoted} – \
             Verbesserung bleibt eine Daueraufgabe."
        ),
        (true, Language::En) => format!(
            "You report no explicit need for action in any theme{label}. Start with {main_quoted} – \
             improvement remains an ongoing task."
        ),
    };
    if !recommendation.tied_with.is_empty() {
        let titles: Vec<String> = recommendation
            .tied_with
            .iter()
            .map(|module_id| title(module_id))
            .collect();
        let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
        let others = quoted_list(&titles, language);
        let (verb_de, verb_en) = if titles.len() == 1 {
            ("folgt", "comes")
        } else {
            ("folgen", "come")
        };
        sentence.push(' ');
        sentence.push_str(&match language {
            Language::De => format!(
                "{} schätzen Sie {others} ein; {} {verb_de} als Nächstes.",
                if no_need { "Genauso" } else { "Ebenso hoch" },
                if titles.len() == 1 {
                    "dieses Thema"
                } else {
                    "diese Themen"
                }
            ),
            Language::En => format!(
                "You rate {others} {}; {} {verb_en} next.",
                if no_need { "the same" } else { "just as high" },
                if titles.len() == 1 {
                    "that theme"
                } else {
                    "those themes"
                }
            ),
        });
    }
    sentence
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run::Timestamp;
    use crate::testing;

    fn run_with(answers: &[(&str, &str)]) -> Run {
        let mut run = testing::run();
        for (module, choice) in answers {
            run.set_starthilfe(module, Some((*choice).into()), Timestamp(1));
        }
        run
    }

    #[test]
    fn nothing_usable_answered_recommends_nothing() {
        let catalog = testing::catalog();
        assert_eq!(recommend(&catalog, &run_with(&[])), None);
        let ignored = run_with(&[
            ("einstieg", "nicht-relevant"),
            ("risiken", "sehr-hoch"),
            ("gibt-es-nicht", "hoch"),
        ]);
        assert_eq!(recommend(&catalog, &ignored), None);
    }

    #[test]
    fn the_highest_need_wins() {
        let catalog = testing::catalog();
        let run = run_with(&[
            ("einstieg", "mittel"),
            ("risiken", "hoch"),
            ("fuehrung", "niedrig"),
        ]);
        let recommendation = recommend(&catalog, &run).expect("answered");
        assert_eq!(
            recommendation,
            Recommendation {
                module_id: "risiken".into(),
                need: 100,
                tied_with: vec![]
            }
        );
        assert_eq!(
            reason(&recommendation, &catalog, Language::De),
            "Sie sehen bei „Risikobetrachtung“ den höchsten Handlungsbedarf (hoch). Beginnen Sie dort."
        );
        assert_eq!(
            reason(&recommendation, &catalog, Language::En),
            "You see the highest need for action in “Risikobetrachtung” (hoch). Start there."
        );
    }

    #[test]
    fn ties_go_to_the_first_module_in_catalog_order_and_name_the_others() {
        let mut catalog = testing::catalog();
        // The questions' order must not matter, only the modules'.
        catalog.starthilfe.reverse();
        let run = run_with(&[
            ("fuehrung", "mittel"),
            ("risiken", "mittel"),
            ("einstieg", "mittel"),
        ]);
        let recommendation = recommend(&catalog, &run).expect("answered");
        assert_eq!(recommendation.module_id, "einstieg");
        assert_eq!(recommendation.tied_with, vec!["risiken", "fuehrung"]);
        assert_eq!(
            reason(&recommendation, &catalog, Language::De),
            "Sie sehen bei „Einstieg: Nutzen“ den höchsten Handlungsbedarf (mittel). Beginnen Sie dort. \
             Ebenso hoch schätzen Sie „Risikobetrachtung“ und „Führung“ ein; diese Themen folgen als Nächstes."
        );
        let two = run_with(&[("fuehrung", "hoch"), ("risiken", "hoch")]);
        let recommendation = recommend(&catalog, &two).expect("answered");
        assert_eq!(
            reason(&recommendation, &catalog, Language::En),
            "You see the highest need for action in “Risikobetrachtung” (hoch). Start there. \
             You rate “Führung” just as high; that theme comes next."
        );
    }

    #[test]
    fn no_need_anywhere_still_names_a_start_without_praise() {
        let catalog = testing::catalog();
        let run = run_with(&[("risiken", "niedrig"), ("fuehrung", "niedrig")]);
        let recommendation = recommend(&catalog, &run).expect("answered");
        assert_eq!(recommendation.module_id, "risiken");
        assert_eq!(recommendation.need, 0);
        let text = reason(&recommendation, &catalog, Language::De);
        assert!(text.starts_with("Sie melden bei keinem Thema ausdrücklichen Handlungsbedarf"));
        assert!(text.contains("Daueraufgabe"), "{text}");
        assert!(
            text.ends_with("Genauso schätzen Sie „Führung“ ein; dieses Thema folgt als Nächstes."),
            "{text}"
        );
    }
}
