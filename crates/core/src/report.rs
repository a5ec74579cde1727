//! The management summary: one to two pages for the people who decide, as data for the front end and as Markdown
//! to print or hand over.
//!
//! OM checks show a need profile, never a school grade: good firms still mark needs, because improvement never
//! ends. So the wording here describes where the company sees need, and an index of 0 reads as "no need reported",
//! never as praise.

use crate::action_plan::MeasureStatus;
use crate::catalog::Catalog;
use crate::date::Date;
use crate::evaluation::{Evaluation, NeedIndex, RatedItem, Tally};
use crate::load::Language;
use crate::run::{Run, Timestamp};
use crate::starthilfe::quoted_list;

/// How many needs and strengths the summary lists.
pub const LIST_LENGTH: usize = 5;

/// A rated item as the summary lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportItem {
    /// The item's id.
    pub item_id: String,
    /// Its number as printed, e.g. "2.3".
    pub number: String,
    /// Its statement.
    pub statement: String,
    /// The title of its module.
    pub module_title: String,
    /// The label of the chosen level.
    pub level_label: String,
    /// The need of the chosen level, 0–100.
    pub need: u8,
    /// The label of the chosen priority, if any.
    pub priority_label: Option<String>,
}

/// The figures of one module.
#[derive(Debug, Clone, PartialEq)]
pub struct ModuleSummary {
    /// The module's id.
    pub module_id: String,
    /// Its number as printed.
    pub number: String,
    /// Its title.
    pub title: String,
    /// Its counts and index.
    pub tally: Tally,
}

/// Everything the management summary shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// The check's title.
    pub catalog_title: String,
    /// The standard the check implements, e.g. "OM-Praxis A-3.6"; may be empty.
    pub standard: String,
    /// The company's name; may be empty.
    pub company: String,
    /// The run's name; may be empty.
    pub run_name: String,
    /// The day the summary was made (UTC).
    pub date: Date,
    /// Figures over the whole check.
    pub overall: Tally,
    /// Figures per module, in catalog order.
    pub modules: Vec<ModuleSummary>,
    /// The most urgent needs, at most [`LIST_LENGTH`], in the evaluation's order.
    pub top_needs: Vec<ReportItem>,
    /// How many items show need in all, so the summary can say how many it leaves out.
    pub need_count: usize,
    /// Strengths, at most [`LIST_LENGTH`], in catalog order.
    pub strengths: Vec<ReportItem>,
    /// How many strengths there are in all.
    pub strength_count: usize,
    /// How many measures have each status, for every status from open to done.
    pub measures_by_status: Vec<(MeasureStatus, usize)>,
    /// The overall picture in one or two sentences.
    pub picture: String,
}

fn report_item(catalog: &Catalog, rated: &RatedItem) -> Option<ReportItem> {
    let (module, item) = catalog.item(&rated.item_id)?;
    let scale = catalog.scale_for(module, item)?;
    Some(ReportItem {
        item_id: item.id.clone(),
        number: item.number.clone(),
        statement: item.statement.clone(),
        module_title: module.title.clone(),
        level_label: scale
            .level(&rated.level_key)
            .map_or_else(|| rated.level_key.clone(), |level| level.label.clone()),
        need: rated.need,
        priority_label: rated
            .priority
            .and_then(|priority| scale.priority_label(priority))
            .map(str::to_owned),
    })
}

/// Gathers the summary of a run. `now` dates it; the texts around catalog content are in `language`.
pub fn summary(
    catalog: &Catalog,
    run: &Run,
    evaluation: &Evaluation,
    now: Timestamp,
    language: Language,
) -> Summary {
    let modules = catalog
        .modules
        .iter()
        .map(|module| ModuleSummary {
            module_id: module.id.clone(),
            number: module.number.clone(),
            title: module.title.clone(),
            tally: evaluation
                .module(&module.id)
                .map(|evaluated| evaluated.tally.clone())
                .unwrap_or_default(),
        })
        .collect();
    let list = |items: &[RatedItem]| {
        items
            .iter()
            .filter_map(|rated| report_item(catalog, rated))
            .take(LIST_LENGTH)
            .collect()
    };
    let measures_by_status = MeasureStatus::ALL
        .into_iter()
        .map(|status| {
            let count = run
                .measures
                .iter()
                .filter(|measure| measure.status == status)
                .count();
            (status, count)
        })
        .collect();
    Summary {
        catalog_title: catalog.title.clone(),
        standard: catalog.standard.clone(),
        company: run.company.clone(),
        run_name: run.name.clone(),
        date: Date::from_timestamp(now),
        overall: evaluation.overall.clone(),
        modules,
        top_needs: list(&evaluation.needs),
        need_count: evaluation.needs.len(),
        strengths: list(&evaluation.strengths),
        strength_count: evaluation.strengths.len(),
        measures_by_status,
        picture: picture(catalog, evaluation, language),
    }
}

/// The overall picture: how much is rated, how much need, and where it is greatest.
fn picture(catalog: &Catalog, evaluation: &Evaluation, language: Language) -> String {
    let overall = &evaluation.overall;
    let total = overall.item_count;
    let rated = overall.rated_count;
    let open = total.saturating_sub(rated);
    let rated_phrase = match language {
        Language::De => {
            let verb = if rated == 1 { "ist" } else { "sind" };
            let provisional = if open > 0 {
                format!(" (ein vorläufiges Bild, {open} noch offen)")
            } else {
                String::new()
            };
            format!("{rated} von {total} Check-Punkten {verb} bewertet{provisional}")
        }
        Language::En => {
            let verb = if rated == 1 { "is" } else { "are" };
            let provisional = if open > 0 {
                format!(" (a provisional picture, {open} still open)")
            } else {
                String::new()
            };
            format!("{rated} of {total} check points {verb} rated{provisional}")
        }
    };
    match (overall.need_index, language) {
        (NeedIndex::NoItems, Language::De) => {
            "Der Check enthält keine Check-Punkte, daher gibt es kein Bild des Handlungsbedarfs.".to_owned()
        }
        (NeedIndex::NoItems, Language::En) => {
            "The check has no check points, so there is no picture of the need for action.".to_owned()
        }
        (NeedIndex::NothingRated, Language::De) => format!(
            "Noch ist keiner der {total} Check-Punkte bewertet; das Bild des Handlungsbedarfs entsteht mit den \
             ersten Einschätzungen."
        ),
        (NeedIndex::NothingRated, Language::En) => format!(
            "None of the {total} check points is rated yet; the picture of the need for action emerges with the \
             first ratings."
        ),
        (NeedIndex::AllNotRelevant, Language::De) => format!(
            "{rated_phrase}; alle bewerteten sind als nicht relevant markiert, daher lässt sich kein \
             Handlungsbedarf ablesen."
        ),
        (NeedIndex::AllNotRelevant, Language::En) => format!(
            "{rated_phrase}; all rated ones are marked not relevant, so no need for action can be read from them."
        ),
        (NeedIndex::Value(0), Language::De) => format!(
            "{rated_phrase}: kein Handlungsbedarf gemeldet – Verbesserung bleibt eine Daueraufgabe."
        ),
        (NeedIndex::Value(0), Language::En) => format!(
            "{rated_phrase}: no need for action reported – improvement remains an ongoing task."
        ),
        (NeedIndex::Value(index), _) => {
            let needs = evaluation.needs.len();
            let highest = evaluation
                .modules
                .iter()
                .filter_map(|module| module.tally.need_index.value())
                .max()
                .unwrap_or(index);
            let titles: Vec<&str> = evaluation
                .modules
                .iter()
                .filter(|module| module.tally.need_index == NeedIndex::Value(highest))
                .filter_map(|module| catalog.module(&module.module_id))
                .map(|module| module.title.as_str())
                .collect();
            let where_most = quoted_list(&titles, language);
            match language {
                Language::De => {
                    let with_need = if needs == 1 {
                        "bei einem davon sehen Sie Handlungsbedarf".to_owned()
                    } else {
                        format!("bei {needs} davon sehen Sie Handlungsbedarf")
                    };
                    format!(
                        "{rated_phrase}; {with_need}, der Handlungsbedarfsindex liegt bei {index} von 100. \
                         Am größten ist der Bedarf bei {where_most} (Index {highest})."
                    )
                }
                Language::En => {
                    let with_need = if needs == 1 {
                        "1 of them shows need for action".to_owned()
                    } else {
                        format!("{needs} of them show need for action")
                    };
                    format!(
                        "{rated_phrase}; {with_need}, and the need-for-action index is {index} out of 100. \
                         The need is greatest in {where_most} (index {highest})."
                    )
                }
            }
        }
    }
}

/// Escapes text for Markdown, so that catalog and user texts stay text: no emphasis, links, tables or HTML.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut characters = text.chars().peekable();
    while let Some(character) = characters.next() {
        match character {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => {
                out.push('\\');
                out.push(character);
            }
            // Only an ampersand that could start an entity needs escaping; „Müller & Söhne“ stays readable.
            '&' if characters
                .peek()
                .is_some_and(|next| next.is_ascii_alphanumeric() || *next == '#') =>
            {
                out.push_str("\\&");
            }
            '\r' | '\n' => {
                if character == '\r' && characters.peek() == Some(&'\n') {
                    characters.next();
                }
                out.push(' ');
            }
            other => out.push(other),
        }
    }
    out
}

fn index_text(index: NeedIndex) -> String {
    index
        .value()
        .map_or_else(|| "–".to_owned(), |value| value.to_string())
}

/// The level columns of the profile table: level labels in scale order, one column per distinct label, so a
/// catalog with two scales that share labels gets one „hoch“ column.
fn level_columns(overall: &Tally) -> Vec<String> {
    let mut labels: Vec<String> = Vec::new();
    for count in &overall.level_counts {
        if !labels.contains(&count.label) {
            labels.push(count.label.clone());
        }
    }
    labels
}

fn count_at(tally: &Tally, label: &str) -> usize {
    tally
        .level_counts
        .iter()
        .filter(|count| count.label == label)
        .map(|count| count.count)
        .sum()
}

fn table_row(cells: &[String]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

fn profile_row(name: String, tally: &Tally, columns: &[String], bold: bool) -> String {
    let wrap = |text: String| if bold { format!("**{text}**") } else { text };
    let mut cells = vec![wrap(name)];
    cells.extend(
        columns
            .iter()
            .map(|label| count_at(tally, label).to_string()),
    );
    cells.push(tally.not_relevant_count.to_string());
    cells.push(
        tally
            .item_count
            .saturating_sub(tally.rated_count)
            .to_string(),
    );
    cells.push(wrap(index_text(tally.need_index)));
    table_row(&cells)
}

fn item_line(item: &ReportItem, language: Language, with_rating: bool) -> String {
    let mut line = format!(
        "**{}** {} ({})",
        md(&item.number),
        md(&item.statement),
        md(&item.module_title)
    );
    if with_rating {
        line.push_str(" – ");
        line.push_str(&md(&item.level_label));
        if let Some(priority) = &item.priority_label {
            let word = match language {
                Language::De => "Priorität",
                Language::En => "priority",
            };
            line.push_str(&format!(", {word} {}", md(priority)));
        }
    }
    line
}

/// The summary as Markdown, one to two printed pages: picture, profile per Baustein, top needs, strengths,
/// measures and the date.
pub fn summary_markdown(summary: &Summary, language: Language) -> String {
    let de = language == Language::De;
    let pick = |german: &'static str, english: &'static str| if de { german } else { english };
    let date = if de {
        summary.date.german()
    } else {
        summary.date.iso()
    };
    let mut out = String::new();

    out.push_str(&format!(
        "# {}: {}\n\n",
        pick("Management-Summary", "Management summary"),
        md(&summary.catalog_title)
    ));
    let facts = [
        (pick("Unternehmen", "Company"), summary.company.as_str()),
        (pick("Durchlauf", "Run"), summary.run_name.as_str()),
        (pick("Standard", "Standard"), summary.standard.as_str()),
    ];
    for (label, value) in facts {
        if !value.trim().is_empty() {
            out.push_str(&format!("- **{label}:** {}\n", md(value)));
        }
    }
    out.push_str(&format!("- **{}:** {date}\n\n", pick("Stand", "Date")));

    out.push_str(&format!("## {}\n\n", pick("Gesamtbild", "Overall picture")));
    out.push_str(&md(&summary.picture));
    out.push_str("\n\n");

    out.push_str(&format!(
        "## {}\n\n",
        pick("Handlungsbedarf je Baustein", "Need for action per module")
    ));
    let columns = level_columns(&summary.overall);
    let mut header = vec![pick("Baustein", "Module").to_owned()];
    header.extend(columns.iter().map(|label| md(label)));
    header.push(pick("nicht relevant", "not relevant").to_owned());
    header.push(pick("nicht bewertet", "not rated").to_owned());
    header.push("Index".to_owned());
    out.push_str(&table_row(&header));
    let mut rule = vec!["---".to_owned()];
    rule.extend(std::iter::repeat_n("---:".to_owned(), header.len() - 1));
    out.push_str(&table_row(&rule));
    for module in &summary.modules {
        let name = format!("{} {}", md(&module.number), md(&module.title));
        out.push_str(&profile_row(name, &module.tally, &columns, false));
    }
    out.push_str(&profile_row(
        pick("Gesamt", "Overall").to_owned(),
        &summary.overall,
        &columns,
        true,
    ));
    out.push('\n');
    out.push_str(pick(
        "Index: mittlerer Handlungsbedarf der relevanten bewerteten Check-Punkte, von 0 (kein Bedarf gemeldet) bis \
         100 (höchster Bedarf überall). Er beschreibt, wo der Betrieb selbst Bedarf sieht, und bewertet ihn nicht.\n\n",
        "Index: mean need for action of the relevant rated check points, from 0 (no need reported) to 100 (highest \
         need everywhere). It describes where the company itself sees need; it does not rate the company.\n\n",
    ));

    out.push_str(&format!(
        "## {}\n\n",
        pick("Größter Handlungsbedarf", "Greatest need for action")
    ));
    if summary.top_needs.is_empty() {
        out.push_str(pick(
            "Kein Handlungsbedarf gemeldet.\n\n",
            "No need for action reported.\n\n",
        ));
    } else {
        for (position, item) in summary.top_needs.iter().enumerate() {
            out.push_str(&format!(
                "{}. {}\n",
                position + 1,
                item_line(item, language, true)
            ));
        }
        let more = summary.need_count.saturating_sub(summary.top_needs.len());
        if more > 0 {
            out.push_str(&match language {
                Language::De => {
                    format!("\n… und {more} weitere Check-Punkte mit Handlungsbedarf.\n")
                }
                Language::En => {
                    format!("\n… and {more} more check points with need for action.\n")
                }
            });
        }
        out.push('\n');
    }

    out.push_str(&format!("## {}\n\n", pick("Stärken", "Strengths")));
    if summary.strengths.is_empty() {
        out.push_str(pick(
            "Noch ist kein Check-Punkt ohne Handlungsbedarf eingeschätzt.\n\n",
            "No check point is rated without need for action yet.\n\n",
        ));
    } else {
        for item in &summary.strengths {
            out.push_str(&format!("- {}\n", item_line(item, language, false)));
        }
        let more = summary
            .strength_count
            .saturating_sub(summary.strengths.len());
        if more > 0 {
            out.push_str(&match language {
                Language::De => format!("\n… und {more} weitere.\n"),
                Language::En => format!("\n… and {more} more.\n"),
            });
        }
        out.push('\n');
    }

    out.push_str(&format!("## {}\n\n", pick("Maßnahmen", "Measures")));
    let total: usize = summary
        .measures_by_status
        .iter()
        .map(|(_, count)| count)
        .sum();
    if total == 0 {
        out.push_str(pick(
            "Noch keine Maßnahmen im Maßnahmenplan.\n\n",
            "No measures in the action plan yet.\n\n",
        ));
    } else {
        let counts: Vec<String> = summary
            .measures_by_status
            .iter()
            .map(|(status, count)| format!("{}: {count}", status.label(language)))
            .collect();
        out.push_str(&match language {
            Language::De => format!("{total} Maßnahmen im Plan – {}.\n\n", counts.join(", ")),
            Language::En => format!("{total} measures in the plan – {}.\n\n", counts.join(", ")),
        });
    }

    out.push_str("---\n\n");
    out.push_str(&match language {
        Language::De => format!(
            "Erstellt mit Checkwerk am {date}. Alle Angaben beruhen auf der Selbsteinschätzung des Unternehmens.\n"
        ),
        Language::En => format!(
            "Made with Checkwerk on {date}. Everything here rests on the company's own assessment.\n"
        ),
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::action_plan::Measure;
    use crate::evaluation::evaluate;
    use crate::testing;

    fn summary_of(run: &Run, language: Language) -> Summary {
        let catalog = testing::catalog();
        let evaluation = evaluate(&catalog, run);
        summary(
            &catalog,
            run,
            &evaluation,
            Timestamp(1_773_579_845_678),
            language,
        )
    }

    fn rate(run: &mut Run, answers: &[(&str, &str)]) {
        for (item_id, choice) in answers {
            run.set_choice(item_id, Some((*choice).into()), Timestamp(1));
        }
    }

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
    fn the_picture_handles_every_kind_of_index_without_grading() {
        let mut run = testing::run();
        let nothing = summary_of(&run, Language::De).picture;
        assert!(
            nothing.starts_with("Noch ist keiner der 5 Check-Punkte bewertet"),
            "{nothing}"
        );

        rate(
            &mut run,
            &[("nutzen", "nicht-relevant"), ("ziele", "nicht-relevant")],
        );
        let not_relevant = summary_of(&run, Language::De).picture;
        assert!(not_relevant.contains("nicht relevant"), "{not_relevant}");
        assert!(not_relevant.contains("3 noch offen"), "{not_relevant}");

        rate(
            &mut run,
            &[
                ("risiken-ermitteln", "niedrig"),
                ("rechtspflichten", "niedrig"),
                ("verantwortung", "niedrig"),
            ],
        );
        let zero = summary_of(&run, Language::De).picture;
        assert_eq!(
            zero,
            "5 von 5 Check-Punkten sind bewertet: kein Handlungsbedarf gemeldet – Verbesserung bleibt eine \
             Daueraufgabe."
        );
        let zero_en = summary_of(&run, Language::En).picture;
        assert!(zero_en.contains("no need for action reported"), "{zero_en}");

        rate(
            &mut run,
            &[("risiken-ermitteln", "hoch"), ("verantwortung", "hoch")],
        );
        let value = summary_of(&run, Language::De).picture;
        assert_eq!(
            value,
            "5 von 5 Check-Punkten sind bewertet; bei 2 davon sehen Sie Handlungsbedarf, der \
             Handlungsbedarfsindex liegt bei 67 von 100. Am größten ist der Bedarf bei „Führung“ (Index 100)."
        );

        for text in [nothing, not_relevant, zero, zero_en, value] {
            assert_no_grade(&text);
        }
    }

    #[test]
    fn a_catalog_without_items_has_no_picture_to_draw() {
        let mut catalog = testing::catalog();
        catalog.modules.clear();
        let run = testing::run();
        let evaluation = evaluate(&catalog, &run);
        let summary = summary(&catalog, &run, &evaluation, Timestamp(0), Language::En);
        assert_eq!(
            summary.picture,
            "The check has no check points, so there is no picture of the need for action."
        );
        assert!(summary_markdown(&summary, Language::En)
            .contains("| **Overall** | 0 | 0 | 0 | 0 | 0 | **–** |"));
    }

    #[test]
    fn lists_are_capped_and_measures_counted_per_status() {
        let mut run = testing::run();
        rate(
            &mut run,
            &[
                ("nutzen", "mittel"),
                ("ziele", "hoch"),
                ("risiken-ermitteln", "mittel"),
                ("rechtspflichten", "hoch"),
                ("verantwortung", "mittel"),
            ],
        );
        run.set_priority("ziele", Some(2), Timestamp(1));
        for (id, status) in [
            ("a", MeasureStatus::Done),
            ("b", MeasureStatus::Open),
            ("c", MeasureStatus::Done),
        ] {
            let mut measure = Measure::new(id, "x", vec![], Timestamp(1));
            measure.status = status;
            run.upsert_measure(measure, Timestamp(1));
        }
        let summary = summary_of(&run, Language::De);
        assert_eq!(summary.top_needs.len(), 5);
        assert_eq!(summary.need_count, 5);
        let order: Vec<&str> = summary
            .top_needs
            .iter()
            .map(|item| item.item_id.as_str())
            .collect();
        assert_eq!(
            order,
            vec![
                "ziele",
                "rechtspflichten",
                "nutzen",
                "risiken-ermitteln",
                "verantwortung"
            ]
        );
        assert_eq!(
            summary.top_needs[0].priority_label.as_deref(),
            Some("2 (Prio)")
        );
        assert_eq!(summary.top_needs[0].module_title, "Einstieg: Nutzen");
        assert_eq!(
            summary.measures_by_status,
            vec![
                (MeasureStatus::Open, 1),
                (MeasureStatus::InProgress, 0),
                (MeasureStatus::Done, 2)
            ]
        );
        assert_eq!(
            summary.date,
            Date {
                year: 2026,
                month: 3,
                day: 15
            }
        );
    }

    #[test]
    fn markdown_keeps_user_text_as_text() {
        assert_eq!(
            md("a|b *c* <script> [x](y)"),
            "a\\|b \\*c\\* \\<script\\> \\[x\\](y)"
        );
        assert_eq!(
            md("Müller & Söhne &amp; Co\nKG"),
            "Müller & Söhne \\&amp; Co KG"
        );
        let mut run = testing::run();
        run.set_company("A|B <b>GmbH</b>".into(), Timestamp(1));
        let markdown = summary_markdown(&summary_of(&run, Language::De), Language::De);
        assert!(
            markdown.contains("- **Unternehmen:** A\\|B \\<b\\>GmbH\\</b\\>\n"),
            "{markdown}"
        );
        assert_no_grade(&markdown);
    }
}
