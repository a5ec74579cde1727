//! The sentences around the results: the overall picture of the management summary and the Starthilfe's reason.
//! The core says what holds (counts, indexes, modules); these say it.
//!
//! OM checks show a need profile, never a school grade: an index of 0 reads as "no need reported", never as praise.

use checkwerk_core::report::Picture;
use checkwerk_core::starthilfe::Recommendation;
use checkwerk_core::{Catalog, Language};

use super::{by_count, pick};

/// Titles in quotation marks, joined as a sentence lists them: „A“, „B“ und „C“.
pub fn quoted_list(titles: &[&str], language: Language) -> String {
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

/// "5 von 7 Check-Punkten sind bewertet (ein vorläufiges Bild, 2 noch offen)".
fn rated_phrase(language: Language, rated: usize, total: usize) -> String {
    let open = total.saturating_sub(rated);
    match language {
        Language::De => {
            let verb = by_count(rated, "ist", "sind");
            let provisional = if open > 0 {
                format!(" (ein vorläufiges Bild, {open} noch offen)")
            } else {
                String::new()
            };
            format!("{rated} von {total} Check-Punkten {verb} bewertet{provisional}")
        }
        Language::En => {
            let verb = by_count(rated, "is", "are");
            let provisional = if open > 0 {
                format!(" (a provisional picture, {open} still open)")
            } else {
                String::new()
            };
            format!("{rated} of {total} check points {verb} rated{provisional}")
        }
    }
}

/// The overall picture in one or two sentences.
pub fn picture(language: Language, picture: &Picture) -> String {
    match *picture {
        Picture::NoItems => pick(
            language,
            || {
                "Der Check enthält keine Check-Punkte, daher gibt es kein Bild des Handlungsbedarfs.".to_owned()
            },
            || {
                "The check has no check points, so there is no picture of the need for action."
                    .to_owned()
            },
        ),
        Picture::NothingRated { total } => pick(
            language,
            || {
                format!(
                    "Noch ist keiner der {total} Check-Punkte bewertet; das Bild des Handlungsbedarfs entsteht mit \
                     den ersten Einschätzungen."
                )
            },
            || {
                format!(
                    "None of the {total} check points is rated yet; the picture of the need for action emerges with \
                     the first ratings."
                )
            },
        ),
        Picture::AllNotRelevant { rated, total } => {
            let rated = rated_phrase(language, rated, total);
            pick(
                language,
                || {
                    format!(
                        "{rated}; alle bewerteten sind als nicht relevant markiert, daher lässt sich kein \
                         Handlungsbedarf ablesen."
                    )
                },
                || {
                    format!(
                        "{rated}; all rated ones are marked not relevant, so no need for action can be read from \
                         them."
                    )
                },
            )
        }
        Picture::NoNeed { rated, total } => {
            let rated = rated_phrase(language, rated, total);
            pick(
                language,
                || {
                    format!("{rated}: kein Handlungsbedarf gemeldet – Verbesserung bleibt eine Daueraufgabe.")
                },
                || {
                    format!("{rated}: no need for action reported – improvement remains an ongoing task.")
                },
            )
        }
        Picture::Need {
            rated,
            total,
            needs,
            index,
            highest,
            ref highest_modules,
        } => {
            let rated = rated_phrase(language, rated, total);
            let titles: Vec<&str> = highest_modules.iter().map(String::as_str).collect();
            let where_most = quoted_list(&titles, language);
            match language {
                Language::De => {
                    let with_need = match needs {
                        1 => "bei einem davon sehen Sie Handlungsbedarf".to_owned(),
                        _ => format!("bei {needs} davon sehen Sie Handlungsbedarf"),
                    };
                    format!(
                        "{rated}; {with_need}, der Handlungsbedarfsindex liegt bei {index} von 100. Am größten ist \
                         der Bedarf bei {where_most} (Index {highest})."
                    )
                }
                Language::En => {
                    let with_need = format!(
                        "{needs} of them {} need for action",
                        by_count(needs, "shows", "show")
                    );
                    format!(
                        "{rated}; {with_need}, and the need-for-action index is {index} out of 100. The need is \
                         greatest in {where_most} (index {highest})."
                    )
                }
            }
        }
    }
}

/// One or two sentences that say why to begin with the recommended module. Module titles and level labels come from
/// the catalog, in its language; the sentence around them is in `language`.
pub fn starthilfe_reason(
    language: Language,
    recommendation: &Recommendation,
    catalog: &Catalog,
) -> String {
    let title = |module_id: &str| {
        catalog
            .module(module_id)
            .map_or(module_id, |module| module.title.as_str())
            .to_owned()
    };
    let main_quoted = quoted_list(&[title(&recommendation.module_id).as_str()], language);
    let label = recommendation
        .level_label
        .as_ref()
        .map(|label| format!(" ({label})"))
        .unwrap_or_default();
    let mut sentence = match (recommendation.reports_need, language) {
        (true, Language::De) => format!(
            "Sie sehen bei {main_quoted} den höchsten Handlungsbedarf{label}. Beginnen Sie dort."
        ),
        (true, Language::En) => format!(
            "You see the highest need for action in {main_quoted}{label}. Start there."
        ),
        (false, Language::De) => format!(
            "Sie melden bei keinem Thema ausdrücklichen Handlungsbedarf{label}. Beginnen Sie mit {main_quoted} – \
             Verbesserung bleibt eine Daueraufgabe."
        ),
        (false, Language::En) => format!(
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
        let count = titles.len();
        sentence.push(' ');
        sentence.push_str(&match language {
            Language::De => format!(
                "{} schätzen Sie {others} ein; {} als Nächstes.",
                if recommendation.reports_need {
                    "Ebenso hoch"
                } else {
                    "Genauso"
                },
                by_count(count, "dieses Thema folgt", "diese Themen folgen")
            ),
            Language::En => format!(
                "You rate {others} {}; {} next.",
                if recommendation.reports_need {
                    "just as high"
                } else {
                    "the same"
                },
                by_count(count, "that theme comes", "those themes come")
            ),
        });
    }
    sentence
}

/// The words on the Starthilfe's button: begin a module not yet started, continue one begun ("hier weitermachen,
/// 3 von 8 bewertet").
pub fn starthilfe_action(language: Language, rated: usize, total: usize) -> String {
    if rated == 0 {
        return super::pages::PageText::BeginHere.get(language).to_owned();
    }
    pick(
        language,
        || format!("hier weitermachen ({rated} von {total} bewertet)"),
        || format!("continue here ({rated} of {total} rated)"),
    )
}

/// Which modules the Starthilfe would have recommended first but are already fully rated: "„Risiken“ ist bereits
/// vollständig bewertet." Empty when there are none.
pub fn starthilfe_completed(language: Language, completed: &[String], catalog: &Catalog) -> String {
    if completed.is_empty() {
        return String::new();
    }
    let titles = module_titles(completed, catalog);
    let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
    let quoted = quoted_list(&titles, language);
    let count = titles.len();
    pick(
        language,
        || {
            format!(
                "{quoted} {} bereits vollständig bewertet.",
                by_count(count, "ist", "sind")
            )
        },
        || {
            format!(
                "{quoted} {} already fully rated.",
                by_count(count, "is", "are")
            )
        },
    )
}

/// When every module the answers point to is fully rated.
pub fn starthilfe_all_rated(language: Language, modules: &[String], catalog: &Catalog) -> String {
    let titles = module_titles(modules, catalog);
    let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
    let quoted = quoted_list(&titles, language);
    pick(
        language,
        || {
            format!(
                "Die Bausteine, die Ihre Antworten nahelegen, sind vollständig bewertet: {quoted}. Weiter geht es mit \
                 den übrigen Bausteinen oder mit Ihren Ergebnissen."
            )
        },
        || {
            format!(
                "The modules your answers point to are fully rated: {quoted}. Go on with the other modules or with \
                 your results."
            )
        },
    )
}

fn module_titles(module_ids: &[String], catalog: &Catalog) -> Vec<String> {
    module_ids
        .iter()
        .map(|id| {
            catalog
                .module(id)
                .map_or(id.as_str(), |module| module.title.as_str())
                .to_owned()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words that would turn a need profile into a grade.
    fn assert_no_grade(text: &str) {
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            let word = word.to_lowercase();
            for grade in [
                "gut",
                "note",
                "bestanden",
                "good",
                "grade",
                "passed",
                "perfekt",
                "perfect",
            ] {
                assert_ne!(word, grade, "{text}");
            }
        }
    }

    #[test]
    fn the_picture_is_worded_for_every_kind_of_index_without_grading() {
        let cases = [
            (
                Picture::NothingRated { total: 5 },
                "Noch ist keiner der 5 Check-Punkte bewertet; das Bild des Handlungsbedarfs entsteht mit den ersten \
                 Einschätzungen.",
            ),
            (
                Picture::AllNotRelevant { rated: 2, total: 5 },
                "2 von 5 Check-Punkten sind bewertet (ein vorläufiges Bild, 3 noch offen); alle bewerteten sind als \
                 nicht relevant markiert, daher lässt sich kein Handlungsbedarf ablesen.",
            ),
            (
                Picture::NoNeed { rated: 5, total: 5 },
                "5 von 5 Check-Punkten sind bewertet: kein Handlungsbedarf gemeldet – Verbesserung bleibt eine \
                 Daueraufgabe.",
            ),
            (
                Picture::Need {
                    rated: 5,
                    total: 5,
                    needs: 2,
                    index: 67,
                    highest: 100,
                    highest_modules: vec!["Führung".into()],
                },
                "5 von 5 Check-Punkten sind bewertet; bei 2 davon sehen Sie Handlungsbedarf, der \
                 Handlungsbedarfsindex liegt bei 67 von 100. Am größten ist der Bedarf bei „Führung“ (Index 100).",
            ),
        ];
        for (case, german) in cases {
            assert_eq!(picture(Language::De, &case), german);
            let english = picture(Language::En, &case);
            assert_ne!(english, german);
            assert_no_grade(german);
            assert_no_grade(&english);
        }
        assert_eq!(
            picture(Language::En, &Picture::NoItems),
            "The check has no check points, so there is no picture of the need for action."
        );
        assert!(
            picture(Language::En, &Picture::NoNeed { rated: 1, total: 3 }).starts_with(
                "1 of 3 check points is rated (a provisional picture, 2 still open): no need"
            )
        );
    }

    fn recommendation(
        module: &str,
        tied: &[&str],
        label: &str,
        reports_need: bool,
    ) -> Recommendation {
        Recommendation {
            module_id: module.into(),
            need: if reports_need { 100 } else { 0 },
            tied_with: tied.iter().map(|id| (*id).to_owned()).collect(),
            level_label: Some(label.into()),
            reports_need,
            rated: 0,
            total: 3,
            completed: vec![],
        }
    }

    #[test]
    fn the_starthilfe_names_where_to_begin_and_what_follows() {
        let catalog = crate::state::catalogs::bundled()
            .iter()
            .find(|catalog| catalog.modules.len() >= 3)
            .expect("a bundled catalog with three modules");
        let [first, second, third] = [0, 1, 2].map(|index| &catalog.modules[index]);
        let alone = recommendation(&first.id, &[], "hoch", true);
        assert_eq!(
            starthilfe_reason(Language::De, &alone, catalog),
            format!(
                "Sie sehen bei „{}“ den höchsten Handlungsbedarf (hoch). Beginnen Sie dort.",
                first.title
            )
        );
        let tied = recommendation(&first.id, &[&second.id, &third.id], "mittel", true);
        assert_eq!(
            starthilfe_reason(Language::De, &tied, catalog),
            format!(
                "Sie sehen bei „{}“ den höchsten Handlungsbedarf (mittel). Beginnen Sie dort. Ebenso hoch schätzen \
                 Sie „{}“ und „{}“ ein; diese Themen folgen als Nächstes.",
                first.title, second.title, third.title
            )
        );
        let one_more = recommendation(&first.id, &[&second.id], "hoch", true);
        assert_eq!(
            starthilfe_reason(Language::En, &one_more, catalog),
            format!(
                "You see the highest need for action in “{}” (hoch). Start there. You rate “{}” just as high; that \
                 theme comes next.",
                first.title, second.title
            )
        );
        let no_need = recommendation(&first.id, &[&second.id], "niedrig", false);
        let text = starthilfe_reason(Language::De, &no_need, catalog);
        assert!(text
            .starts_with("Sie melden bei keinem Thema ausdrücklichen Handlungsbedarf (niedrig)."));
        assert!(text.ends_with(&format!(
            "Genauso schätzen Sie „{}“ ein; dieses Thema folgt als Nächstes.",
            second.title
        )));
        assert_no_grade(&text);
    }
}
