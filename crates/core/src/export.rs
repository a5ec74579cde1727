//! The action plan for other programs: CSV that German Excel opens as it is, and iCalendar for calendars.
//!
//! The files carry the user's words around the plan's data (column headings, labels); the caller supplies them in
//! [`ExportWording`], so every word the user reads comes from the front end's one home for wording.

use crate::catalog::Catalog;
use crate::date::{utc_stamp, Date, Timestamp};
use crate::measure::{Effectiveness, Measure, MeasureStatus, Urgency};
use crate::plan::measure_module;
use crate::run::Run;

/// How dates are written in an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateStyle {
    /// `DD.MM.YYYY`, as Germans write it.
    German,
    /// `YYYY-MM-DD`.
    Iso,
}

/// The words an export puts around the plan's data, in the user's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportWording<'a> {
    /// Heading of the number column.
    pub number: &'a str,
    /// Heading of the measure column.
    pub measure: &'a str,
    /// Heading of the Check-Punkte column; also labels them in a calendar entry.
    pub items: &'a str,
    /// Heading of the Baustein column.
    pub module: &'a str,
    /// Heading of the urgency column; also labels it in a calendar entry.
    pub urgency: &'a str,
    /// Heading of the responsible column; also labels it in a calendar entry.
    pub responsible: &'a str,
    /// Heading of the due-date column.
    pub due: &'a str,
    /// Heading of the Kontrolle column; also labels it in a calendar entry.
    pub control: &'a str,
    /// Heading of the status column; also labels it in a calendar entry.
    pub status: &'a str,
    /// Heading of the column of the day a measure was finished; also labels it in a calendar entry.
    pub finished: &'a str,
    /// Heading of the column of the Kontrolle's finding; also labels it in a calendar entry.
    pub effect: &'a str,
    /// Marks a finished measure's calendar entry, before its title (e.g. "Erledigt").
    pub done: &'a str,
    /// What a calendar reminder says before the measure's title (e.g. "Fällig").
    pub reminder: &'a str,
    /// Labels where a calendar entry comes from.
    pub source: &'a str,
    /// The title of a calendar entry for a measure without one.
    pub untitled: &'a str,
    /// The urgencies' labels, in the order of [`Urgency::ALL`].
    pub urgencies: [&'a str; 3],
    /// The statuses' labels, in the order of [`MeasureStatus::ALL`].
    pub statuses: [&'a str; 3],
    /// The findings' labels, in the order of [`Effectiveness::ALL`].
    pub effects: [&'a str; 3],
    /// How dates are written.
    pub date_style: DateStyle,
}

impl ExportWording<'_> {
    /// The label of an urgency.
    pub fn urgency_label(&self, urgency: Urgency) -> &str {
        let index = Urgency::ALL
            .iter()
            .position(|candidate| *candidate == urgency)
            .unwrap_or_default();
        self.urgencies[index]
    }

    /// The label of a status.
    pub fn status_label(&self, status: MeasureStatus) -> &str {
        let index = MeasureStatus::ALL
            .iter()
            .position(|candidate| *candidate == status)
            .unwrap_or_default();
        self.statuses[index]
    }

    /// The label of a finding.
    pub fn effect_label(&self, effect: Effectiveness) -> &str {
        let index = Effectiveness::ALL
            .iter()
            .position(|candidate| *candidate == effect)
            .unwrap_or_default();
        self.effects[index]
    }
}

/// The items of a measure as "number statement"; an id the catalog no longer knows is shown as it is.
fn item_texts(catalog: &Catalog, measure: &Measure) -> Vec<String> {
    measure
        .item_ids
        .iter()
        .map(|item_id| match catalog.item(item_id) {
            Some((_, item)) => format!("{} {}", item.number, item.statement),
            None => item_id.clone(),
        })
        .collect()
}

fn module_text(catalog: &Catalog, measure: &Measure) -> String {
    measure_module(catalog, measure)
        .map(|module| format!("{} {}", module.number, module.title))
        .unwrap_or_default()
}

/// A date of a measure in the wording's style; an invalid one as typed, so nothing is lost.
fn date_text(date: Option<crate::date::Date>, typed: Option<&String>, style: DateStyle) -> String {
    match (date, style) {
        (Some(date), DateStyle::German) => date.german(),
        (Some(date), DateStyle::Iso) => date.iso(),
        (None, _) => typed.cloned().unwrap_or_default(),
    }
}

fn due_text(measure: &Measure, style: DateStyle) -> String {
    date_text(measure.due_date(), measure.due.as_ref(), style)
}

fn finished_text(measure: &Measure, style: DateStyle) -> String {
    date_text(measure.finished_date(), measure.finished.as_ref(), style)
}

/// One CSV cell: guarded against formula injection, then quoted where needed.
fn csv_cell(text: &str) -> String {
    // A spreadsheet runs a cell that starts like a formula; the apostrophe makes it text.
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if guarded.contains([';', '"', '\r', '\n']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

fn push_csv_row<S: AsRef<str>>(out: &mut String, cells: &[S]) {
    let row: Vec<String> = cells.iter().map(|cell| csv_cell(cell.as_ref())).collect();
    out.push_str(&row.join(";"));
    out.push_str("\r\n");
}

/// The action plan as CSV that German Excel opens as it is: UTF-8 with BOM, `;` between cells, CRLF line ends.
///
/// Rows follow the run's order, numbered from 1.
pub fn measures_csv(catalog: &Catalog, run: &Run, wording: &ExportWording) -> String {
    // Without the byte-order mark Excel reads UTF-8 as Windows-1252 and mangles every umlaut.
    let mut out = String::from('\u{feff}');
    let header = [
        wording.number,
        wording.measure,
        wording.items,
        wording.module,
        wording.urgency,
        wording.responsible,
        wording.due,
        wording.control,
        wording.status,
        wording.finished,
        wording.effect,
    ];
    push_csv_row(&mut out, &header);
    for (index, measure) in run.measures.iter().enumerate() {
        let row = [
            (index + 1).to_string(),
            measure.title.clone(),
            item_texts(catalog, measure).join(" | "),
            module_text(catalog, measure),
            measure
                .urgency
                .map(|urgency| wording.urgency_label(urgency).to_owned())
                .unwrap_or_default(),
            measure.responsible.clone(),
            due_text(measure, wording.date_style),
            measure.control.clone(),
            wording.status_label(measure.status).to_owned(),
            finished_text(measure, wording.date_style),
            measure
                .effect
                .map(|effect| wording.effect_label(effect).to_owned())
                .unwrap_or_default(),
        ];
        push_csv_row(&mut out, &row);
    }
    out
}

/// Escapes an iCalendar TEXT value (RFC 5545, 3.3.11).
fn ics_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut characters = text.chars().peekable();
    while let Some(character) = characters.next() {
        match character {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if characters.peek() == Some(&'\n') {
                    characters.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            // TEXT allows no other control characters; a tab is harmless.
            '\t' => out.push('\t'),
            control if control.is_control() => {}
            other => out.push(other),
        }
    }
    out
}

/// Appends a content line, folded so that no line exceeds 75 octets, and never inside a UTF-8 character.
fn push_ics_line(out: &mut String, line: &str) {
    let mut rest = line;
    let mut limit = 75;
    while rest.len() > limit {
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        // The continuation starts with a space, which counts against its 75 octets.
        out.push_str("\r\n ");
        rest = &rest[cut..];
        limit = 74;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

fn push_ics_header(out: &mut String) {
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Checkwerk//Checkwerk//DE",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push_ics_line(out, line);
    }
}

/// One all-day calendar entry, e.g. the reminder to renew a self-declaration. Its words come from the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reminder<'a> {
    /// A stable identifier (without the `@checkwerk` domain), so that a newer file updates the entry.
    pub uid: &'a str,
    /// The day of the entry.
    pub date: Date,
    /// Its title.
    pub summary: &'a str,
    /// Its description; line breaks are kept.
    pub description: &'a str,
}

/// A calendar file with one all-day entry. `stamp` is when the file is made (DTSTAMP).
pub fn reminder_ics(reminder: &Reminder, stamp: Timestamp) -> String {
    let mut out = String::new();
    push_ics_header(&mut out);
    push_ics_line(&mut out, "BEGIN:VEVENT");
    push_ics_line(
        &mut out,
        &format!("UID:{}", ics_text(&format!("{}@checkwerk", reminder.uid))),
    );
    push_ics_line(&mut out, &format!("DTSTAMP:{}", utc_stamp(stamp)));
    push_ics_line(
        &mut out,
        &format!("DTSTART;VALUE=DATE:{}", reminder.date.compact()),
    );
    push_ics_line(
        &mut out,
        &format!("DTEND;VALUE=DATE:{}", reminder.date.next_day().compact()),
    );
    push_ics_line(&mut out, &format!("SUMMARY:{}", ics_text(reminder.summary)));
    push_ics_line(
        &mut out,
        &format!("DESCRIPTION:{}", ics_text(reminder.description)),
    );
    push_ics_line(&mut out, "TRANSP:TRANSPARENT");
    push_ics_line(&mut out, "END:VEVENT");
    push_ics_line(&mut out, "END:VCALENDAR");
    out
}

/// The action plan as a calendar file, and what it could not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarExport {
    /// The iCalendar text.
    pub text: String,
    /// How many events it holds.
    pub events: usize,
    /// The ids of the measures left out because they have no valid due date, in the run's order: a calendar has
    /// no place for them, and the user should hear which.
    pub undated: Vec<String>,
}

/// When a reminder goes off, relative to the start of an all-day event (midnight of the due day): a week before at
/// 9 o'clock, and on the day at 9 o'clock.
const REMINDERS: [&str; 2] = ["-P6DT15H", "PT9H"];

/// The measures with a valid due date as an iCalendar file: one all-day event per measure on its due date, with
/// reminders a week before and on the day for the measures still to do; finished ones are marked as finished
/// (title and description) and remind no one. Measures without a valid date are left out and named in the result.
///
/// `stamp` is when the file is made (DTSTAMP). Events keep their UID across exports, so importing a newer file
/// updates the events instead of doubling them.
pub fn measures_ics(
    catalog: &Catalog,
    run: &Run,
    stamp: Timestamp,
    wording: &ExportWording,
) -> CalendarExport {
    let mut events = 0;
    let mut undated = Vec::new();
    let mut out = String::new();
    push_ics_header(&mut out);
    let dtstamp = utc_stamp(stamp);
    for measure in &run.measures {
        let Some(due) = measure.due_date() else {
            undated.push(measure.id.clone());
            continue;
        };
        events += 1;
        let mut description = Vec::new();
        if !measure.responsible.trim().is_empty() {
            description.push(format!("{}: {}", wording.responsible, measure.responsible));
        }
        if !measure.control.trim().is_empty() {
            description.push(format!("{}: {}", wording.control, measure.control));
        }
        if let Some(level) = measure.urgency {
            description.push(format!(
                "{}: {}",
                wording.urgency,
                wording.urgency_label(level)
            ));
        }
        description.push(format!(
            "{}: {}",
            wording.status,
            wording.status_label(measure.status)
        ));
        if measure.is_done() {
            let finished = finished_text(measure, wording.date_style);
            if !finished.is_empty() {
                description.push(format!("{}: {finished}", wording.finished));
            }
            if let Some(effect) = measure.effect {
                description.push(format!(
                    "{}: {}",
                    wording.effect,
                    wording.effect_label(effect)
                ));
            }
        }
        let texts = item_texts(catalog, measure);
        if !texts.is_empty() {
            description.push(format!("{}: {}", wording.items, texts.join(" | ")));
        }
        // Where the measure comes from, so the calendar entry makes sense months later.
        let origin = if run.name.is_empty() {
            catalog.title.clone()
        } else {
            format!("{} – {}", catalog.title, run.name)
        };
        description.push(format!("{}: {origin}", wording.source));
        let title = if measure.title.trim().is_empty() {
            wording.untitled
        } else {
            measure.title.as_str()
        };
        let summary = if measure.is_done() {
            format!("{}: {title}", wording.done)
        } else {
            title.to_owned()
        };

        push_ics_line(&mut out, "BEGIN:VEVENT");
        push_ics_line(
            &mut out,
            &format!(
                "UID:{}",
                ics_text(&format!("{}@{}.checkwerk", measure.id, run.id))
            ),
        );
        push_ics_line(&mut out, &format!("DTSTAMP:{dtstamp}"));
        push_ics_line(&mut out, &format!("DTSTART;VALUE=DATE:{}", due.compact()));
        push_ics_line(
            &mut out,
            &format!("DTEND;VALUE=DATE:{}", due.next_day().compact()),
        );
        push_ics_line(&mut out, &format!("SUMMARY:{}", ics_text(&summary)));
        push_ics_line(
            &mut out,
            &format!("DESCRIPTION:{}", ics_text(&description.join("\n"))),
        );
        push_ics_line(&mut out, "TRANSP:TRANSPARENT");
        if !measure.is_done() {
            let reminder = ics_text(&format!("{}: {title}", wording.reminder));
            for trigger in REMINDERS {
                push_ics_line(&mut out, "BEGIN:VALARM");
                push_ics_line(&mut out, "ACTION:DISPLAY");
                push_ics_line(&mut out, &format!("TRIGGER:{trigger}"));
                push_ics_line(&mut out, &format!("DESCRIPTION:{reminder}"));
                push_ics_line(&mut out, "END:VALARM");
            }
        }
        push_ics_line(&mut out, "END:VEVENT");
    }
    push_ics_line(&mut out, "END:VCALENDAR");
    CalendarExport {
        text: out,
        events,
        undated,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing;

    fn measure(id: &str, items: &[&str]) -> Measure {
        Measure::new(
            id,
            format!("Maßnahme {id}"),
            items.iter().map(|item| (*item).to_owned()).collect(),
            Timestamp(1),
        )
    }

    #[test]
    fn csv_starts_with_a_bom_uses_crlf_and_the_german_header() {
        let catalog = testing::catalog();
        let run = testing::run();
        let csv = measures_csv(&catalog, &run, &testing::wording());
        assert_eq!(
            csv,
            "\u{feff}Nr.;Maßnahme;Check-Punkte;Baustein;Dringlichkeit;Verantwortlich;Bis wann;Kontrolle;Status;Erledigt am;Wirkung\r\n"
        );
    }

    #[test]
    fn csv_quotes_separators_quotes_and_line_breaks() {
        assert_eq!(csv_cell("schlicht"), "schlicht");
        assert_eq!(csv_cell("a;b"), "\"a;b\"");
        assert_eq!(csv_cell("Sie sagte \"ja\""), "\"Sie sagte \"\"ja\"\"\"");
        assert_eq!(csv_cell("Zeile 1\nZeile 2"), "\"Zeile 1\nZeile 2\"");
        assert_eq!(csv_cell("a\r\nb"), "\"a\r\nb\"");
        assert_eq!(csv_cell("Komma, kein Trenner"), "Komma, kein Trenner");
    }

    #[test]
    fn csv_guards_against_formulas() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("+49 221 123"), "'+49 221 123");
        assert_eq!(csv_cell("-5"), "'-5");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("\tx"), "'\tx");
        assert_eq!(csv_cell("E-Mail an =Chef"), "E-Mail an =Chef");
    }

    #[test]
    fn csv_rows_carry_items_module_and_dates_per_language() {
        let catalog = testing::catalog();
        let mut run = testing::run();
        let mut first = measure("a", &["risiken-ermitteln", "weg", "nutzen"]);
        first.urgency = Some(Urgency::High);
        first.due = Some("2026-03-05".into());
        first.responsible = "Frau Öztürk".into();
        first.control = "Begehung; Protokoll".into();
        run.upsert_measure(first, Timestamp(2));
        let mut second = measure("b", &[]);
        second.due = Some("bald".into());
        run.upsert_measure(second, Timestamp(2));
        let mut third = measure("c", &[]);
        third.set_status(
            MeasureStatus::Done,
            crate::date::Date::new(2026, 4, 2).expect("a date"),
        );
        third.effect = Some(Effectiveness::Partial);
        run.upsert_measure(third, Timestamp(2));
        let csv = measures_csv(&catalog, &run, &testing::wording());
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(
            lines[1],
            "1;Maßnahme a;2.1 Risiken sind ermittelt. | weg | 1.1 Wir kennen den Nutzen.;1 Einstieg: Nutzen;hoch;Frau Öztürk;05.03.2026;\"Begehung; Protokoll\";offen;;"
        );
        assert_eq!(lines[2], "2;Maßnahme b;;;;;bald;;offen;;");
        assert_eq!(
            lines[3],
            "3;Maßnahme c;;;;;;;erledigt;02.04.2026;teilweise wirksam"
        );
        assert_eq!(lines[4], "", "the file ends with a line end");
        let english = measures_csv(
            &catalog,
            &run,
            &ExportWording {
                number: "No.",
                measure: "Measure",
                urgencies: ["high", "medium", "low"],
                date_style: DateStyle::Iso,
                ..testing::wording()
            },
        );
        assert!(english.starts_with("\u{feff}No.;Measure;"));
        assert!(english.contains(";high;Frau Öztürk;2026-03-05;"));
    }

    #[test]
    fn ics_text_escapes_backslash_separators_and_newlines() {
        assert_eq!(
            ics_text("a\\b;c,d\ne\r\nf\rg\u{7}h"),
            "a\\\\b\\;c\\,d\\ne\\nf\\ngh"
        );
    }

    #[test]
    fn ics_folds_long_lines_without_splitting_characters() {
        let catalog = testing::catalog();
        let mut run = testing::run();
        let mut long = measure("a", &["nutzen"]);
        long.title = "Gefährdungsbeurteilung für Lärm, Gefahrstoffe und Prüfpflichten überprüfen; \
             Unterweisung aller Beschäftigten dokumentieren – größere Änderungen gemäß Maßnahmenplan, \
             Überwachung durch Fachkraft für Arbeitssicherheit ÄÖÜäöüß"
            .into();
        long.due = Some("2024-02-29".into());
        run.upsert_measure(long.clone(), Timestamp(2));
        let ics = measures_ics(&catalog, &run, Timestamp(0), &testing::wording()).text;
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(
            !ics.replace("\r\n", "").contains(['\r', '\n']),
            "only CRLF line ends"
        );
        let lines: Vec<&str> = ics.split("\r\n").collect();
        let mut folded = 0;
        for line in &lines {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
            if line.starts_with(' ') {
                folded += 1;
            }
        }
        assert!(folded >= 3, "the title and description were folded");
        // Unfolding (RFC 5545, 3.1) gives back the escaped title.
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("SUMMARY:{}\r\n", ics_text(&long.title))));
        assert!(unfolded.contains("DTSTART;VALUE=DATE:20240229\r\n"));
        assert!(unfolded.contains("DTEND;VALUE=DATE:20240301\r\n"));
        assert!(unfolded.contains("UID:a@lauf-1.checkwerk\r\n"));
        assert!(unfolded.contains("DTSTAMP:19700101T000000Z\r\n"));
    }

    #[test]
    fn folding_cuts_before_a_character_that_would_cross_the_limit() {
        // 74 ASCII octets, then a two-octet ü: the ü does not fit into the 75 octets of the first line.
        let line = format!("{}ü{}", "x".repeat(74), "y".repeat(80));
        let mut out = String::new();
        push_ics_line(&mut out, &line);
        let lines: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
        assert_eq!(lines[0].len(), 74);
        assert!(lines[1].starts_with(" ü"));
        assert!(lines.iter().all(|line| line.len() <= 75));
        assert_eq!(out.replace("\r\n ", ""), format!("{line}\r\n"));
    }

    #[test]
    fn a_reminder_is_one_all_day_event_with_the_callers_words() {
        let ics = reminder_ics(
            &Reminder {
                uid: "erneuerung-om-zeichen-test-lauf-1",
                date: Date::parse_iso("2028-09-01").unwrap_or(Date {
                    year: 1970,
                    month: 1,
                    day: 1,
                }),
                summary: "OM-Zeichen Test erneuern",
                description: "Gültig bis 01.12.2028;\nSelbstbewertung aktualisieren",
            },
            Timestamp(0),
        );
        assert_eq!(
            ics,
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Checkwerk//Checkwerk//DE\r\nCALSCALE:GREGORIAN\r\n\
             METHOD:PUBLISH\r\nBEGIN:VEVENT\r\nUID:erneuerung-om-zeichen-test-lauf-1@checkwerk\r\n\
             DTSTAMP:19700101T000000Z\r\nDTSTART;VALUE=DATE:20280901\r\nDTEND;VALUE=DATE:20280902\r\n\
             SUMMARY:OM-Zeichen Test erneuern\r\nDESCRIPTION:Gültig bis 01.12.2028\\;\\nSelbstbewertung aktualisieren\r\n\
             TRANSP:TRANSPARENT\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        );
    }

    #[test]
    fn ics_reminds_of_what_is_to_do_and_marks_what_is_done() {
        let catalog = testing::catalog();
        let mut run = testing::run();
        let mut open = measure("a", &[]);
        open.due = Some("2027-03-31".into());
        run.upsert_measure(open, Timestamp(2));
        let mut done = measure("b", &[]);
        done.due = Some("2027-02-28".into());
        done.set_status(
            MeasureStatus::Done,
            crate::date::Date::new(2027, 2, 20).expect("a date"),
        );
        done.effect = Some(Effectiveness::Effective);
        run.upsert_measure(done, Timestamp(2));
        let ics = measures_ics(&catalog, &run, Timestamp(0), &testing::wording())
            .text
            .replace("\r\n ", "");
        let events: Vec<&str> = ics.split("BEGIN:VEVENT").skip(1).collect();
        assert_eq!(events.len(), 2);
        // To do: two reminders, a week before and on the day, at 9 o'clock.
        assert!(events[0].contains("SUMMARY:Maßnahme a\r\n"));
        assert_eq!(events[0].matches("BEGIN:VALARM").count(), 2);
        assert!(events[0].contains(
            "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-P6DT15H\r\nDESCRIPTION:Fällig: Maßnahme a\r\nEND:VALARM\r\n"
        ));
        assert!(events[0].contains("TRIGGER:PT9H\r\n"));
        // Done: marked in title and description, no reminder.
        assert!(events[1].contains("SUMMARY:Erledigt: Maßnahme b\r\n"));
        assert!(events[1].contains("Status: erledigt\\nErledigt am: 20.02.2027\\nWirkung: wirksam"));
        assert!(!events[1].contains("VALARM"));
        assert!(events[1].ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
    }

    #[test]
    fn ics_has_events_only_for_valid_due_dates() {
        let catalog = testing::catalog();
        let mut run = testing::run();
        let mut with_date = measure("a", &[]);
        with_date.due = Some("2026-12-31".into());
        run.upsert_measure(with_date, Timestamp(2));
        let mut invalid = measure("b", &[]);
        invalid.due = Some("2026-02-29".into());
        run.upsert_measure(invalid, Timestamp(2));
        run.upsert_measure(measure("c", &[]), Timestamp(2));
        let export = measures_ics(&catalog, &run, Timestamp(0), &testing::wording());
        assert_eq!(export.events, 1);
        assert_eq!(
            export.undated,
            vec!["b", "c"],
            "the export names what it left out"
        );
        let ics = export.text;
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1);
        assert!(ics.contains("DTEND;VALUE=DATE:20270101\r\n"));
        assert!(ics.starts_with(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Checkwerk//Checkwerk//DE\r\nCALSCALE:GREGORIAN\r\n"
        ));
    }
}
