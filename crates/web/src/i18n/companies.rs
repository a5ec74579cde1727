//! The words of companies and their history: the adviser's workspace, follow-up runs, the comparison of two runs,
//! the history of a check, the storage meter, and what an import brought. German first, English second.

use checkwerk_core::workspace::SortKey;
use checkwerk_core::{CompanyField, Language};

use super::{by_count, pick};

/// A fixed text of this area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompanyText {
    WorkspaceLead,
    WorkspaceLink,
    NewCompany,
    ImportFile,
    ExportAll,
    Search,
    SearchHint,
    OpenCompany,
    EditCompany,
    DoneEditing,
    ExportCompany,
    DeleteCompany,
    CurrentMarker,
    NoCompaniesYet,
    NoMatches,
    Unnamed,
    CompanyDetails,
    NoChecksYet,
    FollowUp,
    FollowUpStarted,
    CompareHeading,
    CompareLead,
    Earlier,
    Later,
    IndexPerModule,
    Before,
    After,
    Change,
    Overall,
    Improved,
    Worsened,
    HighBoth,
    FinishedMeasures,
    ControlShort,
    NoneListed,
    Coverage,
    OnlyBefore,
    OnlyAfter,
    Gone,
    NeedsTwoRuns,
    CompareChartCaption,
    CompareChartLegendBefore,
    CompareChartLegendAfter,
    HistoryHeading,
    HistoryLead,
    HistoryChartCaption,
    HistoryNeedsTwoRuns,
    IncludeComparison,
    LowerIsLessNeed,
    StorageHeading,
    SizeOptions,
}

impl CompanyText {
    /// The text in a language.
    pub fn get(self, language: Language) -> &'static str {
        use CompanyText::*;
        let (de, en) = match self {
            WorkspaceLead => (
                "Ihr Arbeitsbereich: alle Betriebe, die Sie in diesem Browser begleiten, mit ihren Checks, Maßnahmen und Fristen. Exportieren Sie einen Betrieb als Datei, um ihn auf einem anderen Gerät weiterzubearbeiten.",
                "Your workspace: every company you support in this browser, with its checks, measures and deadlines. Export a company as a file to continue on another device.",
            ),
            WorkspaceLink => ("Mehrere Betriebe begleiten? Zum Arbeitsbereich", "Supporting several companies? Open the workspace"),
            NewCompany => ("Neuer Betrieb", "New company"),
            ImportFile => ("Datei importieren", "Import a file"),
            ExportAll => ("Alle Betriebe exportieren", "Export all companies"),
            Search => ("Betriebe durchsuchen", "Search companies"),
            SearchHint => ("Name, Standort, Branche …", "Name, site, sector …"),
            OpenCompany => ("Bearbeiten", "Work on it"),
            EditCompany => ("Angaben ändern", "Edit details"),
            DoneEditing => ("Fertig", "Done"),
            ExportCompany => ("Exportieren", "Export"),
            DeleteCompany => ("Löschen", "Delete"),
            CurrentMarker => ("in Bearbeitung", "current"),
            NoCompaniesYet => (
                "Noch kein Betrieb. Legen Sie einen an, importieren Sie die Datei eines Betriebs, oder beginnen Sie einfach einen Check.",
                "No company yet. Add one, import a company's file, or simply start a check.",
            ),
            NoMatches => ("Kein Betrieb passt zur Suche.", "No company matches the search."),
            Unnamed => ("Betrieb ohne Namen", "Unnamed company"),
            CompanyDetails => (
                "Weitere Angaben zum Betrieb (für Bericht und Selbsterklärung)",
                "More about the company (for the report and the self-declaration)",
            ),
            NoChecksYet => ("noch kein Check begonnen", "no check started yet"),
            FollowUp => ("Erneut bewerten", "Re-assess"),
            FollowUpStarted => (
                "Neubewertung begonnen: Die offenen Maßnahmen sind übernommen, die Bewertungen beginnen leer. Die frühere Bewertung eines Check-Punkts können Sie bei Bedarf aufklappen.",
                "Re-assessment started: the open measures are carried over, the ratings start empty. You can unfold a check point's previous rating when you need it.",
            ),
            CompareHeading => ("Durchläufe vergleichen", "Compare runs"),
            CompareLead => (
                "Was hat sich getan? Der Index des Handlungsbedarfs je Baustein vorher und nachher (0 = kein Bedarf gemeldet, 100 = überall hoher Bedarf), die Check-Punkte, die sich verändert haben, und die Maßnahmen, die dazwischen erledigt wurden.",
                "What has changed? The need index per module before and after (0 = no need reported, 100 = high need everywhere), the check points that changed, and the measures finished in between.",
            ),
            Earlier => ("Früherer Durchlauf", "Earlier run"),
            IndexPerModule => ("Handlungsbedarf je Baustein: vorher und nachher", "Need for action per module: before and after"),
            Later => ("Späterer Durchlauf", "Later run"),
            Before => ("vorher", "before"),
            After => ("nachher", "after"),
            Change => ("Veränderung", "Change"),
            Overall => ("Gesamt", "Overall"),
            Improved => ("Weniger Handlungsbedarf als zuvor", "Less need for action than before"),
            Worsened => ("Mehr Handlungsbedarf als zuvor", "More need for action than before"),
            HighBoth => ("Hoher Handlungsbedarf in beiden Durchläufen", "High need for action both times"),
            FinishedMeasures => ("Seitdem erledigte Maßnahmen", "Measures finished since"),
            ControlShort => ("Kontrolle", "Check of its effect"),
            NoneListed => ("keine", "none"),
            Coverage => ("Was beide Durchläufe gemeinsam haben", "What both runs share"),
            OnlyBefore => ("Nur im früheren Durchlauf bewertet", "Rated in the earlier run only"),
            OnlyAfter => (
                "Nur im späteren Durchlauf bewertet (neu in dieser Fassung oder damals nicht bewertet)",
                "Rated in the later run only (new in this version, or not rated then)",
            ),
            Gone => (
                "Nicht mehr in dieser Fassung des Checks (die Antworten bleiben im früheren Durchlauf erhalten)",
                "No longer in this version of the check (the answers stay in the earlier run)",
            ),
            NeedsTwoRuns => (
                "Zum Vergleichen braucht es zwei Durchläufe dieses Checks. Beginnen Sie eine Neubewertung mit „Erneut bewerten“ im Kompass.",
                "Comparing needs two runs of this check. Start a re-assessment with “Re-assess” on the Kompass page.",
            ),
            CompareChartCaption => (
                "Index des Handlungsbedarfs je Baustein, früher und jetzt (0–100).",
                "Need index per module, earlier and now (0–100).",
            ),
            CompareChartLegendBefore => ("früher", "earlier"),
            CompareChartLegendAfter => ("jetzt", "now"),
            HistoryHeading => ("Verlauf des Handlungsbedarfs", "How the need for action developed"),
            HistoryLead => (
                "Der Index des Handlungsbedarfs je Baustein in jedem Durchlauf, vom ältesten zum neuesten. Sinkt er, ist der Bedarf kleiner geworden.",
                "The need index per module in each run, oldest first. When it falls, the need has shrunk.",
            ),
            HistoryChartCaption => (
                "Index des Handlungsbedarfs über die Durchläufe (0–100).",
                "Need index over the runs (0–100).",
            ),
            HistoryNeedsTwoRuns => (
                "Einen Verlauf gibt es ab zwei Durchläufen dieses Checks. Beginnen Sie eine Neubewertung mit „Erneut bewerten“ im Kompass.",
                "A history needs two runs of this check. Start a re-assessment with “Re-assess” on the Kompass page.",
            ),
            IncludeComparison => (
                "Vergleich mit dem vorigen Durchlauf in den Bericht aufnehmen",
                "Include the comparison with the previous run in the report",
            ),
            LowerIsLessNeed => (
                "Ein kleinerer Index heißt: weniger Handlungsbedarf.",
                "A lower index means less need for action.",
            ),
            StorageHeading => ("Speicher dieses Browsers", "This browser's storage"),
            SizeOptions => (
                "1–9 Beschäftigte|10–49 Beschäftigte|50–249 Beschäftigte|250 und mehr Beschäftigte",
                "1–9 employees|10–49 employees|50–249 employees|250 or more employees",
            ),
        };
        match language {
            Language::De => de,
            Language::En => en,
        }
    }
}

/// The label of a company field.
pub fn field_label(language: Language, field: CompanyField) -> &'static str {
    let (de, en) = match field {
        CompanyField::Name => ("Name des Betriebs", "Company name"),
        CompanyField::Site => ("Standort", "Site"),
        CompanyField::Address => ("Anschrift", "Address"),
        CompanyField::Sector => ("Branche", "Sector"),
        CompanyField::Size => ("Größe", "Size"),
        CompanyField::Contact => ("Ansprechperson", "Contact person"),
    };
    match language {
        Language::De => de,
        Language::En => en,
    }
}

/// A sort key of the workspace in words.
pub fn sort_label(language: Language, key: SortKey) -> &'static str {
    let (de, en) = match key {
        SortKey::Name => ("Name", "Name"),
        SortKey::LastChange => ("zuletzt geändert", "last changed"),
        SortKey::Overdue => ("überfällige Maßnahmen", "overdue measures"),
        SortKey::Need => ("höchster Handlungsbedarf", "highest need"),
        SortKey::Expiry => ("Ablauf der Selbsterklärung", "self-declaration expiry"),
    };
    match language {
        Language::De => de,
        Language::En => en,
    }
}

/// A company's name for lists and headings; an unnamed one says so.
pub fn company_name(language: Language, name: &str) -> String {
    let name = name.trim();
    if name.is_empty() {
        CompanyText::Unnamed.get(language).to_owned()
    } else {
        name.to_owned()
    }
}

/// What a printed page is about, where the check's frame is not printed: the check and, once it has a name, the
/// company.
pub fn printed_context(language: Language, check: &str, company: &str) -> String {
    let company = company.trim();
    if company.is_empty() {
        return check.to_owned();
    }
    pick(
        language,
        || format!("{check} · Betrieb: {company}"),
        || format!("{check} · Company: {company}"),
    )
}

/// The default name of a follow-up run.
pub fn follow_up_name(language: Language, date: &str) -> String {
    pick(
        language,
        || format!("Neubewertung vom {date}"),
        || format!("Re-assessment of {date}"),
    )
}

/// A company's line in the workspace: runs, measures (the overdue ones named only when there are any), last change.
pub fn company_facts(
    language: Language,
    runs: usize,
    open: usize,
    overdue: usize,
    changed: &str,
) -> String {
    pick(
        language,
        || {
            let overdue = if overdue > 0 {
                format!(" ({overdue} überfällig)")
            } else {
                String::new()
            };
            format!(
                "{runs} {} · {open} offene {}{overdue} · zuletzt geändert am {changed}",
                by_count(runs, "Durchlauf", "Durchläufe"),
                by_count(open, "Maßnahme", "Maßnahmen"),
            )
        },
        || {
            let overdue = if overdue > 0 {
                format!(" ({overdue} overdue)")
            } else {
                String::new()
            };
            format!(
                "{runs} {} · {open} open {}{overdue} · last changed {changed}",
                by_count(runs, "run", "runs"),
                by_count(open, "measure", "measures"),
            )
        },
    )
}

/// A check's measures in the workspace: "3 offen, 1 überfällig", "3 offen" or "keine offenen Maßnahmen".
pub fn check_measures(language: Language, open: usize, overdue: usize) -> String {
    match (open, overdue) {
        (0, _) => pick(
            language,
            || "keine offenen Maßnahmen".to_owned(),
            || "no open measures".to_owned(),
        ),
        (_, 0) => pick(
            language,
            || format!("{open} offen"),
            || format!("{open} open"),
        ),
        _ => pick(
            language,
            || format!("{open} offen, {overdue} überfällig"),
            || format!("{open} open, {overdue} overdue"),
        ),
    }
}

/// Where a company stands with a self-declaration of a check, for the workspace: the words and a class for their
/// colour (`ready`, `valid`, `due`, `expired`); `None` while it is neither signed nor ready.
pub fn declaration_state(
    language: Language,
    title: &str,
    status: &checkwerk_core::workspace::DeclarationStatus,
) -> Option<(String, &'static str)> {
    use checkwerk_core::declaration::RenewalState;
    let Some(renewal) = status.renewal else {
        return status.ready.then(|| {
            (
                pick(
                    language,
                    || format!("{title}: bereit für die Selbsterklärung"),
                    || format!("{title}: ready for the self-declaration"),
                ),
                "ready",
            )
        });
    };
    let until = renewal.valid_until.german();
    Some(match renewal.state {
        RenewalState::Valid => (
            pick(
                language,
                || format!("{title}: erklärt, gültig bis {until}"),
                || format!("{title}: declared, valid until {until}"),
            ),
            "valid",
        ),
        RenewalState::DueSoon => (
            pick(
                language,
                || format!("{title}: läuft am {until} ab – Zeit für die Erneuerung"),
                || format!("{title}: expires on {until} – time to renew"),
            ),
            "due",
        ),
        RenewalState::Expired => (
            pick(
                language,
                || format!("{title}: am {until} abgelaufen"),
                || format!("{title}: expired on {until}"),
            ),
            "expired",
        ),
    })
}

/// "Index 42" or what stands in for it.
pub fn index_short(language: Language, index: checkwerk_core::NeedIndex) -> String {
    match index.value() {
        Some(value) => pick(
            language,
            || format!("Index {value}"),
            || format!("index {value}"),
        ),
        None => pick(
            language,
            || "noch kein Index".to_owned(),
            || "no index yet".to_owned(),
        ),
    }
}

/// A change of an index, signed: "−12", "+5", "±0"; a dash where one side has no value.
pub fn change(change: Option<i16>) -> String {
    match change {
        Some(value) if value < 0 => format!("−{}", -value),
        Some(value) if value > 0 => format!("+{value}"),
        Some(_) => "±0".to_owned(),
        None => "–".to_owned(),
    }
}

/// A change in words for screen readers and print: "12 Punkte weniger Handlungsbedarf".
pub fn change_in_words(language: Language, change: Option<i16>) -> String {
    match change {
        Some(value) if value < 0 => pick(
            language,
            || format!("{} Punkte weniger Handlungsbedarf", -value),
            || format!("{} points less need", -value),
        ),
        Some(value) if value > 0 => pick(
            language,
            || format!("{value} Punkte mehr Handlungsbedarf"),
            || format!("{value} points more need"),
        ),
        Some(_) => pick(language, || "unverändert".into(), || "unchanged".into()),
        None => pick(
            language,
            || "nicht vergleichbar".into(),
            || "not comparable".into(),
        ),
    }
}

/// "53 von 55 Check-Punkten sind in beiden Durchläufen bewertet."
pub fn shared_items(language: Language, shared: usize, total: usize) -> String {
    pick(
        language,
        || {
            format!(
                "{shared} von {total} Check-Punkten {} in beiden Durchläufen bewertet.",
                by_count(shared, "ist", "sind")
            )
        },
        || format!("{shared} of {total} check points are rated in both runs."),
    )
}

/// The line that says the check changed between the runs.
pub fn catalog_changed(language: Language, before: &str, after: &str) -> String {
    pick(
        language,
        || {
            format!("Der Check hat sich zwischen den beiden Durchläufen geändert (Fassung {before} → {after}); verglichen wird Check-Punkt für Check-Punkt über die Kennung.")
        },
        || {
            format!("The check changed between the two runs (version {before} → {after}); ratings are matched check point by check point by their id.")
        },
    )
}

/// A run in a choice or heading: "Standort Köln 2025 (angelegt am 03.03.2025)".
pub fn run_label(language: Language, name: &str, date: &str) -> String {
    pick(
        language,
        || format!("{name} (angelegt am {date})"),
        || format!("{name} (created {date})"),
    )
}

/// The previous rating of a Check-Punkt, shown on demand in a follow-up run.
pub fn previous_rating(language: Language, run_name: &str, rating: &str) -> String {
    pick(
        language,
        || format!("In „{run_name}“: {rating}"),
        || format!("In “{run_name}”: {rating}"),
    )
}

/// The heading of the report's comparison section.
pub fn comparison_heading(language: Language, earlier: &str) -> String {
    pick(
        language,
        || format!("Vergleich mit „{earlier}“"),
        || format!("Comparison with “{earlier}”"),
    )
}

/// How much of the browser's storage this site uses. A UTF-16 code unit takes two bytes, as Chromium counts it.
pub fn storage_usage(language: Language, units: usize, quota: usize) -> String {
    let percent = units * 100 / quota.max(1);
    let bytes = units * 2;
    let separator = match language {
        Language::De => ',',
        Language::En => '.',
    };
    let size = |bytes: usize| {
        if bytes < 1024 * 1024 {
            format!("{} KB", bytes.div_ceil(1024))
        } else {
            format!(
                "{} MB",
                super::one_decimal((bytes * 10 / (1024 * 1024)) as u32, separator)
            )
        }
    };
    let (used, total) = (size(bytes), size(quota * 2));
    pick(
        language,
        || {
            format!("Belegt: {used} von etwa {total} ({percent} %), die dieser Browser für diese Seite bereithält.")
        },
        || {
            format!(
                "In use: {used} of about {total} ({percent} %) this browser keeps for this site."
            )
        },
    )
}

/// The warning before the storage is full, with what to do.
pub fn storage_warning(language: Language, percent: usize) -> String {
    pick(
        language,
        || {
            format!("Der Speicher dieses Browsers ist zu {percent} % belegt. Bald kann nichts mehr gespeichert werden: Exportieren Sie Betriebe, die Sie gerade nicht brauchen, und löschen Sie sie hier, oder löschen Sie alte Durchläufe, die Sie exportiert haben.")
        },
        || {
            format!("This browser's storage is {percent} % full. Soon nothing more can be saved: export the companies you do not need right now and delete them here, or delete old runs you have exported.")
        },
    )
}

/// The notice after a company was deleted.
pub fn company_deleted(language: Language, name: &str, runs: usize) -> String {
    pick(
        language,
        || {
            format!(
                "Betrieb „{name}“ mit {runs} {} gelöscht.",
                by_count(runs, "Durchlauf", "Durchläufen")
            )
        },
        || {
            format!(
                "Company “{name}” deleted with {runs} {}.",
                by_count(runs, "run", "runs")
            )
        },
    )
}

/// The notice after a company file was written.
pub fn exported(language: Language, runs: usize, companies: usize) -> String {
    pick(
        language,
        || {
            format!(
                "{companies} {} mit {runs} {} exportiert. Die Datei lässt sich in jedem Browser importieren; was dort schon ist, wird zusammengeführt, nicht verdoppelt.",
                by_count(companies, "Betrieb", "Betriebe"),
                by_count(runs, "Durchlauf", "Durchläufen")
            )
        },
        || {
            format!(
                "{companies} {} with {runs} {} exported. The file can be imported in any browser; what is there already is merged, not doubled.",
                by_count(companies, "company", "companies"),
                by_count(runs, "run", "runs")
            )
        },
    )
}

/// What an import brought, as the notice words it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportSummary {
    /// The one run the file brought, if it brought exactly one: its name and its check's title as the catalog writes
    /// it (quotes and all, so the sentence puts none around it).
    pub single_run: Option<(String, String)>,
    /// Runs that were new here.
    pub added: usize,
    /// Runs that were here and took changes.
    pub updated: usize,
    /// Runs that were here with everything the file holds.
    pub unchanged: usize,
    /// Companies that were new here.
    pub added_companies: usize,
    /// How many companies there are now: new ones are mentioned only to someone with more than one.
    pub companies: usize,
    /// Answers the checks cannot place (kept, and listed on the Kompass).
    pub unplaceable: usize,
    /// Entries of a backup that could not be read.
    pub unreadable: usize,
    /// Whether the storage filled up before everything was saved.
    pub storage_full: bool,
}

/// What an import brought, in one or two sentences.
pub fn import_outcome(language: Language, outcome: &ImportSummary) -> String {
    let total = outcome.added + outcome.updated + outcome.unchanged;
    let mut sentence = match &outcome.single_run {
        Some((name, check)) if total == 1 => {
            if outcome.added == 1 {
                pick(
                    language,
                    || {
                        format!(
                            "Durchlauf „{name}“ importiert – {check}; Sie bearbeiten ihn jetzt."
                        )
                    },
                    || format!("Run “{name}” imported – {check}; you are now working on it."),
                )
            } else if outcome.updated == 1 {
                pick(
                    language,
                    || {
                        format!("Durchlauf „{name}“ ({check}) war schon hier; die neueren Änderungen aus der Datei sind übernommen.")
                    },
                    || {
                        format!("Run “{name}” ({check}) was here already; the newer changes from the file are taken over.")
                    },
                )
            } else {
                pick(
                    language,
                    || {
                        format!("Durchlauf „{name}“ ({check}) war schon hier, mit allem, was die Datei enthält. Nichts wurde geändert.")
                    },
                    || {
                        format!("Run “{name}” ({check}) was here already, with everything the file holds. Nothing was changed.")
                    },
                )
            }
        }
        _ => {
            let (added, updated, unchanged) = (outcome.added, outcome.updated, outcome.unchanged);
            pick(
                language,
                || {
                    format!("{total} Durchläufe importiert: {added} neu, {updated} ergänzt, {unchanged} schon vorhanden.")
                },
                || {
                    format!("{total} runs imported: {added} new, {updated} updated, {unchanged} here already.")
                },
            )
        }
    };
    if outcome.added_companies > 0 && outcome.companies > 1 {
        let count = outcome.added_companies;
        sentence.push(' ');
        sentence.push_str(&pick(
            language,
            || {
                format!(
                    "{count} {} neu angelegt.",
                    by_count(count, "Betrieb", "Betriebe")
                )
            },
            || format!("{count} new {}.", by_count(count, "company", "companies")),
        ));
    }
    let unplaceable = outcome.unplaceable;
    if unplaceable > 0 {
        sentence.push(' ');
        sentence.push_str(&pick(
            language,
            || {
                format!(
                    "{unplaceable} {} nicht zu dieser Fassung des Checks (Check-Punkt, Bewertung oder Priorität unbekannt); {} erhalten und im Kompass aufgeführt.",
                    by_count(unplaceable, "Antwort passt", "Antworten passen"),
                    by_count(unplaceable, "sie bleibt", "sie bleiben")
                )
            },
            || {
                format!(
                    "{unplaceable} {} not fit this version of the check (unknown check point, rating or priority); kept and listed on the Kompass page.",
                    by_count(unplaceable, "answer does", "answers do")
                )
            },
        ));
    }
    if outcome.unreadable > 0 {
        let count = outcome.unreadable;
        sentence.push(' ');
        sentence.push_str(&pick(
            language,
            || {
                format!(
                    "{count} {} der Sicherung waren nicht lesbar und wurden nicht importiert.",
                    by_count(count, "Eintrag", "Einträge")
                )
            },
            || {
                format!(
                    "{count} {} of the backup could not be read and were not imported.",
                    by_count(count, "entry", "entries")
                )
            },
        ));
    }
    if outcome.storage_full {
        sentence.push(' ');
        sentence.push_str(&pick(
            language,
            || {
                "Der Speicher dieses Browsers ist voll: Der Rest der Datei wurde nicht importiert."
                    .to_owned()
            },
            || "This browser's storage is full: the rest of the file was not imported.".to_owned(),
        ));
    }
    sentence
}

impl super::FixedText for CompanyText {
    fn get(self, language: Language) -> &'static str {
        CompanyText::get(self, language)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_carry_their_sign_and_storage_its_megabytes() {
        assert_eq!(change(Some(-12)), "−12");
        assert_eq!(change(Some(5)), "+5");
        assert_eq!(change(Some(0)), "±0");
        assert_eq!(change(None), "–");
        assert_eq!(
            storage_usage(Language::De, 1_849_595, 5 * 1024 * 1024),
            "Belegt: 3,5 MB von etwa 10,0 MB (35 %), die dieser Browser für diese Seite bereithält."
        );
        assert!(storage_usage(Language::En, 6_000, 5 * 1024 * 1024)
            .starts_with("In use: 12 KB of about 10.0 MB (0 %)"));
        assert_eq!(
            printed_context(Language::De, "Energie sparen", " Bäckerei Schmidt "),
            "Energie sparen · Betrieb: Bäckerei Schmidt"
        );
        assert_eq!(
            printed_context(Language::En, "Energie sparen", ""),
            "Energie sparen"
        );
        assert_eq!(
            company_facts(Language::De, 1, 1, 0, "01.02.2026"),
            "1 Durchlauf · 1 offene Maßnahme · zuletzt geändert am 01.02.2026"
        );
        assert_eq!(
            company_facts(Language::De, 3, 2, 1, "05.03.2026"),
            "3 Durchläufe · 2 offene Maßnahmen (1 überfällig) · zuletzt geändert am 05.03.2026"
        );
        assert_eq!(
            check_measures(Language::De, 0, 0),
            "keine offenen Maßnahmen"
        );
        assert_eq!(check_measures(Language::De, 3, 0), "3 offen");
        assert_eq!(check_measures(Language::En, 3, 1), "3 open, 1 overdue");
    }

    #[test]
    fn an_import_notice_names_the_run_and_its_check_or_counts_what_came() {
        let one = ImportSummary {
            single_run: Some((
                "Übernahme März".into(),
                "Check „Betrieblicher Umweltschutz“".into(),
            )),
            added: 1,
            companies: 1,
            added_companies: 1,
            ..ImportSummary::default()
        };
        assert_eq!(
            import_outcome(Language::De, &one),
            "Durchlauf „Übernahme März“ importiert – Check „Betrieblicher Umweltschutz“; Sie bearbeiten ihn jetzt.",
            "a new company is not mentioned to someone who has only one"
        );
        let again = ImportSummary {
            added: 0,
            unchanged: 1,
            ..one.clone()
        };
        assert!(import_outcome(Language::De, &again).ends_with("Nichts wurde geändert."));

        let workspace = ImportSummary {
            single_run: Some(("erster".into(), "Energie".into())),
            added: 22,
            updated: 1,
            unchanged: 1,
            added_companies: 2,
            companies: 3,
            unplaceable: 1,
            unreadable: 2,
            storage_full: true,
        };
        assert_eq!(
            import_outcome(Language::De, &workspace),
            "24 Durchläufe importiert: 22 neu, 1 ergänzt, 1 schon vorhanden. 2 Betriebe neu angelegt. \
             1 Antwort passt nicht zu dieser Fassung des Checks (Check-Punkt, Bewertung oder Priorität unbekannt); \
             sie bleibt erhalten und im Kompass aufgeführt. \
             2 Einträge der Sicherung waren nicht lesbar und wurden nicht importiert. \
             Der Speicher dieses Browsers ist voll: Der Rest der Datei wurde nicht importiert."
        );
        assert_eq!(
            import_outcome(
                Language::En,
                &ImportSummary {
                    storage_full: false,
                    unreadable: 0,
                    unplaceable: 0,
                    ..workspace
                }
            ),
            "24 runs imported: 22 new, 1 updated, 1 here already. 2 new companies."
        );
    }
}
