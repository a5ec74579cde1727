//! Every user-facing text of the front end, German first and English second: the one home for wording. The core
//! returns data (codes, counts, dates); the words around it are made here, on screen and on paper alike.
//! Fixed texts are [`Text`]; texts with values are functions, grouped by area in the submodules; counts pick their
//! word through one helper, [`by_count`]. (Catalog texts come from the catalogs; the messages about a broken catalog
//! file, which are for catalog authors, come from the core's loader, through the catalog worker.)

pub mod companies;
pub mod declaration;
pub mod embed;
pub mod evidence;
pub mod pages;
pub mod paper;
pub mod plan;
pub mod report;
pub mod screen;
pub mod team;

use checkwerk_core::{Language, MeasureStatus, NeedIndex};

use crate::storage::ImportError;

/// A fixed text in German and English, as [`tr`](crate::state::tr) shows it: the root's [`Text`] and the texts of
/// an area kept apart from it (such as [`pages::PageText`]).
pub trait FixedText: Copy + Send + Sync + 'static {
    /// The text in a language.
    fn get(self, language: Language) -> &'static str;
}

impl FixedText for Text {
    fn get(self, language: Language) -> &'static str {
        Text::get(self, language)
    }
}

/// A fixed text of the user interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    AppTitle,
    AppTagline,
    SkipToContent,
    LanguageSwitch,
    BackToHome,
    ModulesHeading,
    PreviousModule,
    NextModule,
    ModuleNavigation,
    ToResults,
    Explanation,
    Examples,
    Links,
    NotePlaceholder,
    Unanswered,
    Saved,
    SavedDetail,
    StorageUnavailable,
    StorageWriteFailed,
    UnreadableData,
    NotFoundHeading,
    NotFoundExplanation,
    CatalogMissing,
    ModuleMissing,
    Goal,
    ExpectedResult,
    NextUnanswered,
    AllAnswered,
    CheckNavigation,
    Kompass,
    Starthilfe,
    Vollversion,
    MyResults,
    MyMeasures,
    OurStrengths,
    Readiness,
    Report,
    CompanyName,
    ActiveRun,
    ExportRun,
    Undo,
    Dismiss,
    CreateMeasure,
    UpdateReady,
    ReloadNow,
    Later,
    RemoteLoading,
    RemoteLoaded,
    RemoteUnreachable,
    RemoteInvalid,
    StorageStoredUnreadable,
    MemoryOnlyBanner,
    QuotaBanner,
    WriteFailedBanner,
    StoredUnreadableBanner,
    DownloadBackup,
    UnreadableDownloadHint,
    DownloadUnreadable,
    OrphanNoRating,
    PageLoading,
    PageLoadFailed,
    TryAgain,
    CheckLoading,
    CheckLoadFailed,
    SomeChecksMissing,
    Module,
    Note,
    CheckerNotLoaded,
    CheckerNoAnswer,
    Companies,
    Company,
    SwitchCompany,
    NotRatedThen,
    ShowPreviousRating,
    TeamNavEntry,
}

impl Text {
    /// The text in a language.
    pub fn get(self, language: Language) -> &'static str {
        use Text::*;
        let (de, en) = match self {
            AppTitle => ("Checkwerk", "Checkwerk"),
            AppTagline => ("Selbst-Checks für den Mittelstand", "Self-assessment checks for SMEs"),
            SkipToContent => ("Zum Inhalt springen", "Skip to content"),
            LanguageSwitch => ("English", "Deutsch"),
            BackToHome => ("Alle Checks", "All checks"),
            ModulesHeading => ("Bausteine", "Modules"),
            PreviousModule => ("Vorheriger Baustein", "Previous module"),
            NextModule => ("Nächster Baustein", "Next module"),
            ModuleNavigation => ("Blättern zwischen Bausteinen", "Move between modules"),
            ToResults => ("Zu meinen Ergebnissen", "To my results"),
            Explanation => ("Erläuterung", "Explanation"),
            Examples => ("Praxisbeispiele", "Practice examples"),
            Links => ("Weitere Hilfe", "Further help"),
            NotePlaceholder => ("Ihre Notiz (optional)", "Your note (optional)"),
            Unanswered => ("noch offen", "open"),
            Saved => ("Gespeichert", "Saved"),
            SavedDetail => (
                "Gespeichert – nur in diesem Browser auf diesem Gerät",
                "Saved – only in this browser on this device",
            ),
            StorageUnavailable => (
                "Nicht gespeichert – der Speicher dieses Browsers ist gesperrt. Exportieren Sie Ihre Antworten, bevor Sie die Seite schließen.",
                "Not saved – this browser's storage is blocked. Export your answers before you close the page.",
            ),
            StorageWriteFailed => (
                "Nicht gespeichert – der Speicher dieses Browsers ist voll. Der zuletzt gespeicherte Stand bleibt erhalten.",
                "Not saved – this browser's storage is full. The last saved state is kept.",
            ),
            UnreadableData => (
                "Einige gespeicherte Daten in diesem Browser konnten nicht gelesen werden. Sie bleiben unverändert liegen; nichts wurde gelöscht.",
                "Some data saved in this browser could not be read. It is left untouched; nothing was deleted.",
            ),
            NotFoundHeading => ("Seite nicht gefunden", "Page not found"),
            NotFoundExplanation => ("Diese Adresse gibt es nicht.", "This address does not exist."),
            CatalogMissing => (
                "Diesen Check gibt es hier nicht (mehr).",
                "This check does not exist here (any more).",
            ),
            ModuleMissing => ("Diesen Baustein gibt es in diesem Check nicht.", "This check has no such module."),
            Goal => ("Ziel", "Goal"),
            ExpectedResult => ("Ergebnis", "Result"),
            NextUnanswered => ("Zum nächsten offenen Check-Punkt", "Go to the next open check point"),
            AllAnswered => (
                "Alle Check-Punkte dieses Bausteins sind bewertet.",
                "Every check point of this module is rated.",
            ),
            CheckNavigation => ("Meine Check-Box", "My check box"),
            Kompass => ("Kompass", "Compass"),
            Starthilfe => ("Starthilfe", "Where to start"),
            Vollversion => ("Bausteine", "Modules"),
            MyResults => ("Meine Ergebnisse", "My results"),
            MyMeasures => ("Meine Maßnahmen", "My measures"),
            OurStrengths => ("Unsere Stärken", "Our strengths"),
            Readiness => ("Selbsterklärung", "Self-declaration"),
            Report => ("Bericht drucken", "Print report"),
            CompanyName => ("Unternehmen", "Company"),
            ActiveRun => ("Durchlauf", "Run"),
            ExportRun => ("Exportieren", "Export"),
            Undo => ("Rückgängig", "Undo"),
            Dismiss => ("Schließen", "Close"),
            CreateMeasure => ("Maßnahme anlegen", "Create a measure"),
            UpdateReady => (
                "Eine neue Version von Checkwerk ist bereit. Ihre Antworten bleiben erhalten.",
                "A new version of Checkwerk is ready. Your answers are kept.",
            ),
            ReloadNow => ("Jetzt neu laden", "Reload now"),
            Later => ("Später", "Later"),
            RemoteLoading => ("Der Check dieser Seite wird geladen …", "Loading this site's check …"),
            PageLoading => ("Die Seite wird geladen …", "Loading the page …"),
            PageLoadFailed => (
                "Diese Seite konnte nicht geladen werden – vermutlich ist die Verbindung unterbrochen. Ihre Antworten sind gespeichert. Versuchen Sie es erneut, sobald Sie wieder online sind.",
                "This page could not be loaded – probably the connection is interrupted. Your answers are saved. Try again once you are back online.",
            ),
            TryAgain => ("Erneut versuchen", "Try again"),
            CheckLoading => ("Der Check wird geladen …", "Loading the check …"),
            CheckLoadFailed => (
                "Dieser Check konnte nicht geladen werden – vermutlich ist die Verbindung unterbrochen. Ihre Antworten sind gespeichert. Versuchen Sie es erneut, sobald Sie wieder online sind.",
                "This check could not be loaded – probably the connection is interrupted. Your answers are saved. Try again once you are back online.",
            ),
            SomeChecksMissing => (
                "Nicht alle Checks konnten geladen werden – vermutlich ist die Verbindung unterbrochen. Ihre Antworten sind gespeichert; was fehlt, erscheint, sobald Sie es erneut versuchen und wieder online sind.",
                "Not every check could be loaded – probably the connection is interrupted. Your answers are saved; what is missing appears once you try again while online.",
            ),
            RemoteLoaded => ("Der Check dieser Seite ist geladen:", "This site's check is loaded:"),
            RemoteUnreachable => (
                "Der Check dieser Seite konnte nicht geladen werden. Prüfen Sie die Verbindung oder wenden Sie sich an die Betreiber der Seite.",
                "This site's check could not be loaded. Check the connection or contact the site's operators.",
            ),
            RemoteInvalid => (
                "Der Check dieser Seite ist fehlerhaft und wird nicht angezeigt. Für die Betreiber der Seite:",
                "This site's check is broken and is not shown. For the site's operators:",
            ),
            StorageStoredUnreadable => (
                "Nicht gespeichert – der gespeicherte Stand dieses Durchlaufs ist unlesbar und wird nicht überschrieben.",
                "Not saved – the stored copy of this run cannot be read and is not overwritten.",
            ),
            MemoryOnlyBanner => (
                "Dieser Browser lässt Checkwerk hier nichts speichern (z. B. im privaten Fenster, in einer eingebetteten Seite oder wegen Datenschutz-Einstellungen). Sie können den Check trotzdem ausfüllen, aber Ihre Antworten bleiben nur erhalten, solange diese Seite geöffnet ist. Sichern Sie sie als Datei, bevor Sie die Seite schließen.",
                "This browser does not let Checkwerk save anything here (e.g. in a private window, in an embedded page or because of privacy settings). You can still fill in the check, but your answers are kept only while this page is open. Save them as a file before you close the page.",
            ),
            QuotaBanner => (
                "Der Speicher dieses Browsers ist voll: Ihre letzte Änderung wurde nicht gespeichert. Der zuletzt gespeicherte Stand bleibt unverändert erhalten. Sichern Sie Ihre Durchläufe als Datei und löschen Sie Durchläufe, die Sie nicht mehr brauchen.",
                "This browser's storage is full: your last change was not saved. The last saved state is kept unchanged. Save your runs as a file and delete runs you no longer need.",
            ),
            WriteFailedBanner => (
                "Ihre letzte Änderung konnte nicht gespeichert werden. Der zuletzt gespeicherte Stand bleibt erhalten. Sichern Sie Ihre Durchläufe zur Vorsicht als Datei.",
                "Your last change could not be saved. The last saved state is kept. To be safe, save your runs as a file.",
            ),
            StoredUnreadableBanner => (
                "Der gespeicherte Stand dieses Durchlaufs kann nicht gelesen werden – vielleicht hat ihn eine neuere Checkwerk-Version in einem anderen Fenster geschrieben. Er wird nicht überschrieben. Sichern Sie Ihre Änderungen aus diesem Fenster als Datei und laden Sie die Seite dann neu.",
                "The stored copy of this run cannot be read – perhaps a newer version of Checkwerk wrote it in another window. It is not overwritten. Save your changes from this window as a file, then reload the page.",
            ),
            DownloadBackup => ("Alle Durchläufe als Datei sichern", "Save all runs as a file"),
            UnreadableDownloadHint => (
                "Sie können diese Daten unverändert als Datei herunterladen, etwa um sie mit einer neueren Checkwerk-Version zu öffnen.",
                "You can download this data unchanged as a file, e.g. to open it with a newer version of Checkwerk.",
            ),
            DownloadUnreadable => ("Unlesbare Daten herunterladen", "Download the unreadable data"),
            CheckerNotLoaded => (
                "Das Prüfprogramm für Kataloge ließ sich nicht laden.",
                "The catalog checker could not be loaded.",
            ),
            CheckerNoAnswer => (
                "Das Prüfprogramm für Kataloge hat nicht rechtzeitig geantwortet.",
                "The catalog checker did not answer in time.",
            ),
            Module => ("Baustein", "Module"),
            Note => ("Notiz", "Note"),
            OrphanNoRating => ("ohne Bewertung", "not rated"),
            Companies => ("Betriebe", "Companies"),
            Company => ("Betrieb", "Company"),
            SwitchCompany => ("Betrieb wechseln", "Switch company"),
            NotRatedThen => ("damals nicht bewertet", "not rated then"),
            ShowPreviousRating => ("Frühere Bewertung anzeigen", "Show the previous rating"),
            TeamNavEntry => ("Im Team", "As a team"),
        };
        match language {
            Language::De => de,
            Language::En => en,
        }
    }
}

/// A remote catalog over the size limit.
pub fn catalog_too_large(language: Language, limit: usize) -> String {
    let megabytes = limit / (1024 * 1024);
    pick(
        language,
        || format!("Die Katalogdatei ist größer als {megabytes} MB und wird nicht gelesen."),
        || format!("The catalog file is larger than {megabytes} MB and is not read."),
    )
}

/// Makes the German or the English form, whichever `language` asks for (only that one is formatted).
pub(crate) fn pick(
    language: Language,
    de: impl FnOnce() -> String,
    en: impl FnOnce() -> String,
) -> String {
    match language {
        Language::De => de(),
        Language::En => en(),
    }
}

/// "3 von 5 bewertet".
pub fn rated_of(language: Language, rated: usize, total: usize) -> String {
    pick(
        language,
        || format!("{rated} von {total} bewertet"),
        || format!("{rated} of {total} rated"),
    )
}

/// The accessible name of a priority group for an item.
pub fn priority_group_name(priority_label: &str, statement: &str) -> String {
    format!("{priority_label}: {statement}")
}

/// Beside a switched-off priority: "Keine Relevanz: ohne Priorität".
pub fn priority_not_applicable(language: Language, not_relevant: &str) -> String {
    pick(
        language,
        || format!("{not_relevant}: ohne Priorität"),
        || format!("{not_relevant}: no priority"),
    )
}

/// The accessible name of an item's note field.
pub fn note_label(language: Language, number: &str) -> String {
    format!("{} {number}", Text::Note.get(language))
}

/// A module's heading, e.g. "Baustein 2: Risikobetrachtung".
pub fn module_heading(language: Language, number: &str, title: &str) -> String {
    format!("{} {number}: {title}", Text::Module.get(language))
}

/// "7 Bausteine mit 55 Check-Punkten".
pub fn modules_and_items(language: Language, modules: usize, items: usize) -> String {
    pick(
        language,
        || {
            format!(
                "{modules} {} mit {items} {}",
                by_count(modules, "Baustein", "Bausteine"),
                by_count(items, "Check-Punkt", "Check-Punkten")
            )
        },
        || {
            format!(
                "{modules} {} with {items} {}",
                by_count(modules, "module", "modules"),
                by_count(items, "check point", "check points")
            )
        },
    )
}

/// How long the check takes, when the catalog says.
pub fn duration(
    language: Language,
    minutes_per_module: Option<u32>,
    modules: usize,
) -> Option<String> {
    let minutes = minutes_per_module?;
    let total = minutes as usize * modules;
    let total_text = if total >= 90 {
        // Tenths of an hour, rounded half up.
        let hours = u32::try_from((total * 10 + 30) / 60).unwrap_or(u32::MAX);
        pick(
            language,
            || format!("etwa {} Stunden", one_decimal(hours, ',')),
            || format!("about {} hours", one_decimal(hours, '.')),
        )
    } else {
        pick(
            language,
            || format!("etwa {total} Minuten"),
            || format!("about {total} minutes"),
        )
    };
    Some(pick(
        language,
        || {
            format!("Zeitbedarf: rund {minutes} Minuten je Baustein, insgesamt {total_text}; Sie können jederzeit unterbrechen.")
        },
        || {
            format!("Time needed: around {minutes} minutes per module, {total_text} in all; you can pause at any time.")
        },
    ))
}

/// The default name of a new run.
pub fn run_name(language: Language, date: &str) -> String {
    pick(
        language,
        || format!("Durchlauf vom {date}"),
        || format!("Run of {date}"),
    )
}

/// The name of a copy.
pub fn copy_name(language: Language, original: &str, date: &str) -> String {
    pick(
        language,
        || format!("{original} – Neubewertung {date}"),
        || format!("{original} – reassessment {date}"),
    )
}

/// "angelegt am 28.11.2026".
pub fn created_on(language: Language, date: &str) -> String {
    pick(
        language,
        || format!("angelegt am {date}"),
        || format!("created {date}"),
    )
}

/// "2 Durchläufe".
pub fn run_count(language: Language, count: usize) -> String {
    pick(
        language,
        || format!("{count} Durchläufe gespeichert"),
        || format!("{count} runs saved"),
    )
}

/// The notice after a run was deleted.
pub fn run_deleted(language: Language, name: &str) -> String {
    pick(
        language,
        || format!("Durchlauf „{name}“ gelöscht."),
        || format!("Run “{name}” deleted."),
    )
}

/// Why an import was refused, in words.
pub fn import_error(language: Language, error: &ImportError) -> String {
    use checkwerk_core::saved::SavedError;
    match error {
        ImportError::TooLarge => pick(
            language,
            || {
                "Diese Datei ist zu groß für einen Checkwerk-Durchlauf und wurde nicht importiert."
                    .to_owned()
            },
            || "This file is too large to be a Checkwerk run and was not imported.".to_owned(),
        ),
        ImportError::UnknownCheck(catalog_id) => pick(
            language,
            || {
                format!("Die Datei gehört zum Check „{catalog_id}“, den diese Seite nicht anbietet. Nichts wurde geändert.")
            },
            || {
                format!("The file belongs to the check “{catalog_id}”, which this site does not offer. Nothing was changed.")
            },
        ),
        ImportError::Unreadable(SavedError::FromTheFuture(_)) => pick(
            language,
            || {
                "Die Datei stammt aus einer neueren Checkwerk-Version. Laden Sie die Seite neu und versuchen Sie es noch einmal.".to_owned()
            },
            || {
                "The file comes from a newer version of Checkwerk. Reload the page and try again."
                    .to_owned()
            },
        ),
        ImportError::Unreadable(SavedError::Implausible(detail)) => pick(
            language,
            || {
                format!("Diese Datei enthält weit mehr, als ein Checkwerk-Durchlauf haben kann ({detail}), und wurde nicht importiert. Nichts wurde geändert.")
            },
            || {
                format!("This file holds far more than a Checkwerk run can ({detail}) and was not imported. Nothing was changed.")
            },
        ),
        ImportError::NotSaved(_) => pick(
            language,
            || {
                "Der Speicher dieses Browsers ist voll; der Durchlauf wurde nicht importiert. Nichts wurde geändert.".to_owned()
            },
            || {
                "This browser's storage is full; the run was not imported. Nothing was changed."
                    .to_owned()
            },
        ),
        ImportError::Unreadable(_) => pick(
            language,
            || {
                "Diese Datei ist kein lesbarer Checkwerk-Durchlauf. Nichts wurde geändert."
                    .to_owned()
            },
            || "This file is not a readable Checkwerk run. Nothing was changed.".to_owned(),
        ),
    }
}

/// "3 von 12 Maßnahmen", "1 Maßnahme".
pub fn measures_shown(language: Language, shown: usize, total: usize) -> String {
    let de = by_count(total, "Maßnahme", "Maßnahmen");
    let en = by_count(total, "measure", "measures");
    if shown == total {
        pick(
            language,
            || format!("{total} {de}"),
            || format!("{total} {en}"),
        )
    } else {
        pick(
            language,
            || format!("{shown} von {total} {de}"),
            || format!("{shown} of {total} {en}"),
        )
    }
}

/// A measure's heading: its number and the start of its description.
pub fn measure_heading(language: Language, number: usize, title: &str) -> String {
    let title = title.trim();
    let short: String = title.chars().take(70).collect();
    let short = if title.chars().count() > 70 {
        format!("{short} …")
    } else {
        short
    };
    match (language, short.is_empty()) {
        (Language::De, true) => format!("Maßnahme {number} (noch ohne Beschreibung)"),
        (Language::En, true) => format!("Measure {number} (not yet described)"),
        (Language::De, false) => format!("Maßnahme {number}: {short}"),
        (Language::En, false) => format!("Measure {number}: {short}"),
    }
}

/// The notice after a measure was deleted.
pub fn measure_deleted(language: Language, title: &str) -> String {
    let title = if title.trim().is_empty() {
        "–"
    } else {
        title.trim()
    };
    pick(
        language,
        || format!("Maßnahme „{title}“ gelöscht."),
        || format!("Measure “{title}” deleted."),
    )
}

/// The accessible name of the button that unlinks an item from a measure.
pub fn remove_item(language: Language, label: &str) -> String {
    pick(
        language,
        || format!("Verknüpfung lösen: {label}"),
        || format!("Unlink: {label}"),
    )
}

/// "1 Maßnahme dazu".
pub fn linked_measures(language: Language, count: usize) -> String {
    pick(
        language,
        || format!("{count} {} dazu", by_count(count, "Maßnahme", "Maßnahmen")),
        || format!("{count} {} for it", by_count(count, "measure", "measures")),
    )
}

/// The index in words.
pub fn need_index(language: Language, index: NeedIndex) -> String {
    match index {
        NeedIndex::Value(value) => format!("{value} / 100"),
        NeedIndex::NoItems => pick(
            language,
            || "keine Check-Punkte".into(),
            || "no check points".into(),
        ),
        NeedIndex::NothingRated => pick(
            language,
            || "noch nichts bewertet".into(),
            || "nothing rated yet".into(),
        ),
        NeedIndex::AllNotRelevant => pick(
            language,
            || "alles „nicht relevant“".into(),
            || "all “not relevant”".into(),
        ),
    }
}

/// The line under the summary heading: company, run, date.
pub fn summary_meta(language: Language, company: &str, run_name: &str, date: &str) -> String {
    let company = if company.trim().is_empty() {
        String::new()
    } else {
        format!("{} · ", company.trim())
    };
    pick(
        language,
        || format!("{company}{run_name} · Stand {date}"),
        || format!("{company}{run_name} · as of {date}"),
    )
}

/// "Maßnahmen: 3 offen, 2 in Arbeit, 1 erledigt".
pub fn measures_by_status(language: Language, counts: &[(MeasureStatus, usize)]) -> String {
    let parts: Vec<String> = counts
        .iter()
        .map(|(status, count)| format!("{count} {}", plan::status(language, *status)))
        .collect();
    let total: usize = counts.iter().map(|(_, count)| count).sum();
    if total == 0 {
        return pick(
            language,
            || "Maßnahmen: noch keine festgelegt.".into(),
            || "Measures: none set yet.".into(),
        );
    }
    pick(
        language,
        || format!("Maßnahmen: {}", parts.join(", ")),
        || format!("Measures: {}", parts.join(", ")),
    )
}

/// The hint beside the report button.
pub fn results_note(language: Language) -> String {
    pick(
        language,
        || "Der Bericht fasst Ergebnisse, Maßnahmen und Notizen auf A4 zusammen.".into(),
        || "The report puts results, measures and notes on A4 pages.".into(),
    )
}

/// The report's footer.
pub fn report_footer(language: Language, title: &str, version: &str) -> String {
    pick(
        language,
        || format!("{title} · Fassung {version} · erstellt mit Checkwerk"),
        || format!("{title} · version {version} · made with Checkwerk"),
    )
}

/// "Alle 55 Check-Punkte bewertet (3 fehlen)".
pub fn all_items_rated(language: Language, total: usize, unrated: usize) -> String {
    if unrated == 0 {
        pick(
            language,
            || format!("Alle {total} Check-Punkte sind bewertet."),
            || format!("All {total} check points are rated."),
        )
    } else {
        pick(
            language,
            || {
                format!(
                    "Alle {total} Check-Punkte bewerten – {unrated} {} noch offen:",
                    by_count(unrated, "ist", "sind")
                )
            },
            || {
                format!(
                    "Rate all {total} check points – {unrated} {} still open:",
                    by_count(unrated, "is", "are")
                )
            },
        )
    }
}

/// "Mindestens 10 vollständige Maßnahmen (7 vorhanden, 3 fehlen)".
pub fn enough_measures(
    language: Language,
    minimum: usize,
    complete: usize,
    missing: usize,
) -> String {
    if missing == 0 {
        pick(
            language,
            || format!("Mindestens {minimum} vollständige Maßnahmen: {complete} vorhanden."),
            || format!("At least {minimum} complete measures: {complete} present."),
        )
    } else {
        pick(
            language,
            || {
                format!(
                "Mindestens {minimum} vollständige Maßnahmen: {complete} vorhanden, {missing} {} noch.",
                by_count(missing, "fehlt", "fehlen")
            )
            },
            || {
                format!("At least {minimum} complete measures: {complete} present, {missing} still missing.")
            },
        )
    }
}

/// "es fehlen: Dringlichkeit, Termin".
pub fn missing_fields(language: Language, fields: &str) -> String {
    pick(
        language,
        || format!("es fehlen {fields}"),
        || format!("missing {fields}"),
    )
}

/// Why stored data could not be read, in words.
pub fn unreadable_reason(language: Language, error: &crate::storage::StorageError) -> String {
    use crate::storage::StorageError;
    use checkwerk_core::saved::SavedError;
    match error {
        StorageError::Decode(SavedError::FromTheFuture(version)) => pick(
            language,
            || format!("von einer neueren Checkwerk-Version gespeichert (Format {version})"),
            || format!("saved by a newer version of Checkwerk (format {version})"),
        ),
        StorageError::Decode(SavedError::Foreign(_)) => pick(
            language,
            || "nicht von Checkwerk".to_owned(),
            || "not from Checkwerk".to_owned(),
        ),
        StorageError::Read(_) => pick(
            language,
            || "der Browser verweigert das Lesen".to_owned(),
            || "the browser refuses to read it".to_owned(),
        ),
        _ => pick(
            language,
            || "beschädigt".to_owned(),
            || "damaged".to_owned(),
        ),
    }
}

/// A kept answer's rating: the saved choice (its label where the check still has it) and priority.
pub fn orphan_rating(language: Language, choice: Option<&str>, priority: Option<u8>) -> String {
    let choice = match choice {
        Some(choice) => choice.to_owned(),
        None => Text::OrphanNoRating.get(language).to_owned(),
    };
    match priority {
        Some(priority) => pick(
            language,
            || format!("{choice}, Priorität {priority}"),
            || format!("{choice}, priority {priority}"),
        ),
        None => choice,
    }
}

/// "… und 12 weitere".
pub fn more_orphans(language: Language, count: usize) -> String {
    pick(
        language,
        || format!("… und {count} weitere (alle im Export enthalten)"),
        || format!("… and {count} more (all included in the export)"),
    )
}

/// The word that goes with a count: `one` for exactly one, `other` for any other number (0 included).
pub(crate) fn by_count<'a>(count: usize, one: &'a str, other: &'a str) -> &'a str {
    if count == 1 {
        one
    } else {
        other
    }
}

/// A number given in tenths, written with one decimal place after `separator` ("1,5" for 15 and ','). Integer
/// formatting only: the wasm then carries no floating-point formatting code.
pub fn one_decimal(tenths: u32, separator: char) -> String {
    format!("{}{separator}{}", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_decimal_writes_tenths_with_the_given_separator() {
        assert_eq!(one_decimal(15, ','), "1,5");
        assert_eq!(one_decimal(20, '.'), "2.0");
        assert_eq!(one_decimal(7, '.'), "0.7");
        assert_eq!(one_decimal(12345, '.'), "1234.5");
    }

    #[test]
    fn long_checks_are_given_in_hours_rounded_to_tenths() {
        let german = duration(Language::De, Some(20), 5).expect("a duration");
        assert!(german.contains("insgesamt etwa 1,7 Stunden"), "{german}");
        let english = duration(Language::En, Some(15), 6).expect("a duration");
        assert!(english.contains("about 1.5 hours in all"), "{english}");
        let short = duration(Language::De, Some(10), 8).expect("a duration");
        assert!(short.contains("insgesamt etwa 80 Minuten"), "{short}");
        assert_eq!(duration(Language::De, None, 8), None);
    }

    #[test]
    fn counts_of_one_take_the_singular() {
        assert_eq!(measures_shown(Language::De, 1, 1), "1 Maßnahme");
        assert_eq!(measures_shown(Language::De, 0, 1), "0 von 1 Maßnahme");
        assert_eq!(measures_shown(Language::De, 3, 3), "3 Maßnahmen");
        assert_eq!(measures_shown(Language::De, 1, 12), "1 von 12 Maßnahmen");
        assert_eq!(measures_shown(Language::En, 1, 1), "1 measure");
        assert_eq!(measures_shown(Language::En, 2, 5), "2 of 5 measures");
        assert_eq!(
            modules_and_items(Language::De, 1, 1),
            "1 Baustein mit 1 Check-Punkt"
        );
        assert_eq!(
            modules_and_items(Language::De, 7, 55),
            "7 Bausteine mit 55 Check-Punkten"
        );
        assert!(all_items_rated(Language::De, 55, 1).ends_with("1 ist noch offen:"));
        assert!(all_items_rated(Language::De, 55, 2).ends_with("2 sind noch offen:"));
        assert!(all_items_rated(Language::En, 55, 1).ends_with("1 is still open:"));
        assert!(enough_measures(Language::De, 10, 9, 1).ends_with("9 vorhanden, 1 fehlt noch."));
        assert!(enough_measures(Language::De, 10, 7, 3).ends_with("7 vorhanden, 3 fehlen noch."));
    }
}
