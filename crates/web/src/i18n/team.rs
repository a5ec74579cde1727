//! The words of rating as a team: starting a team assessment, the invitation, contributing, gathering, the
//! differences and the team's ratings, and why a link or file was refused.
//!
//! Where the data is and who sees it is said plainly wherever it matters: nothing leaves a device unless a person
//! passes it on, and the data in a link sits after `#`, which no server receives.

use checkwerk_core::agreement::Progress;
use checkwerk_core::contribution::{EncodeError, LinkError, LinkKind, MAX_NOTE};
use checkwerk_core::team::Added;
use checkwerk_core::Language;

use super::{by_count, pick};

/// A fixed text of rating as a team.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeamText {
    StartHeading,
    StartIntro,
    StepInvite,
    StepContribute,
    StepAgree,
    TeamName,
    TeamNamePlaceholder,
    ChooseModules,
    Participants,
    ParticipantsHint,
    StartTeam,
    NoModuleChosen,
    YourTeams,
    OpenTeam,
    YourContributions,
    ContinueContribution,
    NewTeam,
    Cancel,
    InvitationHeading,
    InvitationIntro,
    InvitationLink,
    InvitationQr,
    PrintInvitation,
    SendByMail,
    MailSubject,
    CopyLink,
    Copied,
    CopyFailed,
    Share,
    QrTooLong,
    GatherHeading,
    GatherIntro,
    PasteLabel,
    TakeIn,
    LoadFile,
    ParticipantsHeading,
    NoContributions,
    NoContributionYet,
    RemoveContribution,
    EditParticipants,
    SaveParticipants,
    DifferencesHeading,
    DifferencesIntro,
    NoContributionsForDifferences,
    OrderBy,
    ByDifference,
    ByModule,
    WorkshopPrint,
    ToDecide,
    ToTakeOver,
    OpenItem,
    TeamRating,
    SetTeamRating,
    Anonymous,
    ShowNames,
    AppendixHeading,
    AppendixIntro,
    PrivacyTeam,
    ChecksumNote,
    ContributeHeading,
    ContributePrivacy,
    YourName,
    YourNameHint,
    Join,
    NoInvitation,
    PassOnHeading,
    PassOnButton,
    PassOnIntro,
    ContributionLink,
    ContributionQr,
    SaveAsFile,
    ChangeLater,
    GoToPassOn,
    LinkPrivacy,
    WorkshopHeading,
    WorkshopIntro,
    NoDifferences,
    Number,
    CheckPoint,
    Ratings,
    Notes,
    TeamRatingByHand,
    InvitationSheetHeading,
    SheetStepScan,
    SheetStepRate,
    SheetStepReturn,
    SheetPrivacy,
    Print,
    BackToTeam,
    AllModules,
    ToResults,
    ContributionOf,
    NoTeamActive,
}

impl TeamText {
    /// The text in a language.
    pub fn get(self, language: Language) -> &'static str {
        use TeamText::*;
        let (de, en) = match self {
            StartHeading => ("Im Team bewerten", "Rate as a team"),
            StartIntro => (
                "Jede Person bewertet auf ihrem eigenen Gerät. Danach sehen Sie, wo das Team übereinstimmt und wo nicht, besprechen die Unterschiede und legen die Teamwerte fest. Es gibt keinen Server: Einladung und Beiträge reisen als Link, QR-Code oder Datei, die Menschen selbst weitergeben.",
                "Everyone rates on their own device. Then you see where the team agrees and where it does not, discuss the differences and set the team's ratings. There is no server: the invitation and the contributions travel as links, QR codes or files that people pass on themselves.",
            ),
            StepInvite => (
                "Einladung weitergeben: als Link, QR-Code oder ausgedruckt im Workshop.",
                "Pass on the invitation: as a link, a QR code or printed for a workshop.",
            ),
            StepContribute => (
                "Jede Person bewertet auf ihrem Gerät und gibt ihren Beitrag als Link, QR-Code oder Datei zurück.",
                "Everyone rates on their own device and returns their contribution as a link, QR code or file.",
            ),
            StepAgree => (
                "Sie sehen die Unterschiede, besprechen sie und legen die Teamwerte fest. Ergebnisse, Maßnahmen, Bericht und Selbsterklärung verwenden die Teamwerte.",
                "You see the differences, discuss them and set the team's ratings. Results, measures, report and self-declaration use the team's ratings.",
            ),
            TeamName => ("Name der Teamauswertung", "Name of the team assessment"),
            TeamNamePlaceholder => ("z. B. Umweltschutz 2027, Werk Süd", "e.g. Environment 2027, south plant"),
            ChooseModules => ("Welche Bausteine bewertet das Team?", "Which modules does the team rate?"),
            Participants => (
                "Teilnehmende (freiwillig, eine Person je Zeile)",
                "Participants (optional, one person per line)",
            ),
            ParticipantsHint => (
                "Die Liste bleibt auf diesem Gerät und zeigt Ihnen, wer schon beigetragen hat. Die Einladung enthält keine Namen.",
                "The list stays on this device and shows you who has contributed. The invitation holds no names.",
            ),
            StartTeam => ("Teamauswertung starten", "Start the team assessment"),
            NoModuleChosen => ("Bitte wählen Sie mindestens einen Baustein.", "Please choose at least one module."),
            YourTeams => ("Teamauswertungen auf diesem Gerät", "Team assessments on this device"),
            OpenTeam => ("Öffnen", "Open"),
            YourContributions => ("Ihre Beiträge zu Teamauswertungen", "Your contributions to team assessments"),
            ContinueContribution => ("Weiter bewerten", "Continue rating"),
            NewTeam => ("Neue Teamauswertung starten", "Start a new team assessment"),
            Cancel => ("Abbrechen", "Cancel"),
            InvitationHeading => ("1. Einladung", "1. Invitation"),
            InvitationIntro => (
                "Geben Sie diesen Link weiter (E-Mail, Messenger) oder lassen Sie den QR-Code mit dem Handy scannen. Die Einladung enthält keine Antworten und keine Namen.",
                "Pass on this link (e-mail, messenger) or let people scan the QR code with their phone. The invitation holds no answers and no names.",
            ),
            InvitationLink => ("Link zur Einladung", "Invitation link"),
            InvitationQr => ("QR-Code der Einladung", "QR code of the invitation"),
            PrintInvitation => ("Einladung drucken", "Print the invitation"),
            SendByMail => ("Per E-Mail senden", "Send by e-mail"),
            MailSubject => ("Einladung zur Teamauswertung", "Invitation to the team assessment"),
            CopyLink => ("Link kopieren", "Copy link"),
            Copied => ("Kopiert.", "Copied."),
            CopyFailed => (
                "Kopieren ging nicht – markieren Sie den Link und kopieren Sie ihn selbst.",
                "Copying did not work – select the link and copy it yourself.",
            ),
            Share => ("Teilen …", "Share …"),
            QrTooLong => (
                "Zu lang für einen QR-Code – bitte den Link oder die Datei verwenden.",
                "Too long for a QR code – please use the link or the file.",
            ),
            GatherHeading => ("2. Beiträge einsammeln", "2. Gather the contributions"),
            GatherIntro => (
                "Öffnen Sie die Links, die Sie zurückbekommen, auf diesem Gerät – oder fügen Sie sie hier ein, oder laden Sie Beitragsdateien. Denselben Beitrag zweimal zu übernehmen ändert nichts; eine neuere Fassung ersetzt die ältere.",
                "Open the links you get back on this device – or paste them here, or load contribution files. Taking in the same contribution twice changes nothing; a newer version replaces the older.",
            ),
            PasteLabel => ("Link oder Code eines Beitrags", "Link or code of a contribution"),
            TakeIn => ("Beitrag übernehmen", "Take in the contribution"),
            LoadFile => ("Beitragsdatei laden", "Load a contribution file"),
            ParticipantsHeading => ("Teilnehmende und Beiträge", "Participants and contributions"),
            NoContributions => ("Noch keine Beiträge.", "No contributions yet."),
            NoContributionYet => ("noch kein Beitrag", "no contribution yet"),
            RemoveContribution => ("Beitrag entfernen", "Remove contribution"),
            EditParticipants => ("Liste der Teilnehmenden bearbeiten", "Edit the list of participants"),
            SaveParticipants => ("Liste speichern", "Save list"),
            DifferencesHeading => ("3. Wo sehen wir es unterschiedlich?", "3. Where do we see it differently?"),
            DifferencesIntro => (
                "Je Check-Punkt, wie das Team bewertet hat: Unterschiede zuerst, die größten oben. Wo alle gleich bewertet haben, können Sie die Werte übernehmen; jeden Unterschied entscheiden Sie ausdrücklich, mit kurzer Begründung.",
                "How the team rated each check point: differences first, the largest at the top. Where everyone agrees you can take the ratings over; every difference you decide explicitly, with a short reason.",
            ),
            NoContributionsForDifferences => (
                "Sobald Beiträge da sind, sehen Sie hier die Unterschiede.",
                "Once contributions are in, you see the differences here.",
            ),
            OrderBy => ("Ordnen", "Order"),
            ByDifference => ("nach Unterschied", "by difference"),
            ByModule => ("nach Baustein", "by module"),
            WorkshopPrint => ("Für den Workshop drucken", "Print for the workshop"),
            ToDecide => ("noch zu entscheiden", "still to decide"),
            ToTakeOver => ("einig – noch nicht übernommen", "agreed – not taken over yet"),
            OpenItem => ("von niemandem bewertet", "rated by nobody"),
            TeamRating => ("Teamwert", "Team rating"),
            SetTeamRating => ("Teamwert festlegen", "Set team rating"),
            Anonymous => ("ohne Namen", "no name"),
            ShowNames => ("Namen zeigen", "Show names"),
            AppendixHeading => ("Anhang: Einschätzungen des Teams", "Appendix: the team's ratings"),
            AppendixIntro => (
                "Die Bewertungen dieses Berichts sind die Teamwerte. Hier stehen die einzelnen Einschätzungen, wie sie eingegangen sind.",
                "The ratings in this report are the team's. Here are the individual ratings as they came in.",
            ),
            PrivacyTeam => (
                "Alles bleibt auf diesem Gerät. Checkwerk sendet weder Einladung noch Beiträge irgendwohin; Sie und die Teilnehmenden geben Links und Dateien selbst weiter. Die Daten stehen im Link hinter „#“ – diesen Teil einer Adresse erhält kein Server.",
                "Everything stays on this device. Checkwerk sends neither the invitation nor contributions anywhere; you and the participants pass on links and files yourselves. The data sits in the link after “#” – the part of an address no server receives.",
            ),
            ChecksumNote => (
                "Eine Prüfsumme erkennt beschädigte oder gekürzte Links. Wer einen Beitrag geschickt hat, beweist sie nicht.",
                "A checksum detects damaged or shortened links. It does not prove who sent a contribution.",
            ),
            ContributeHeading => ("Ihr Beitrag zur Teamauswertung", "Your contribution to the team assessment"),
            ContributePrivacy => (
                "Ihre Einschätzungen bleiben auf diesem Gerät, bis Sie sie selbst weitergeben. Checkwerk sendet nichts.",
                "Your ratings stay on this device until you pass them on yourself. Checkwerk sends nothing.",
            ),
            YourName => ("Ihr Name (freiwillig)", "Your name (optional)"),
            YourNameHint => (
                "Ohne Namen geben Sie Ihren Beitrag anonym ab.",
                "Without a name your contribution is anonymous.",
            ),
            Join => ("Mitmachen", "Take part"),
            NoInvitation => (
                "Hier fehlt die Einladung. Öffnen Sie den Link oder QR-Code, den Sie von der Person bekommen haben, die die Teamauswertung leitet.",
                "The invitation is missing here. Open the link or QR code you got from the person who leads the team assessment.",
            ),
            PassOnHeading => ("Beitrag weitergeben", "Pass on your contribution"),
            PassOnButton => ("Beitrag jetzt weitergeben", "Pass on my contribution now"),
            PassOnIntro => (
                "Schicken Sie den Link an die Person, die die Teamauswertung leitet – per E-Mail oder Messenger –, lassen Sie den QR-Code scannen oder speichern Sie eine Datei.",
                "Send the link to the person who leads the team assessment – by e-mail or messenger –, let them scan the QR code, or save a file.",
            ),
            ContributionLink => ("Link zu Ihrem Beitrag", "Link to your contribution"),
            ContributionQr => ("QR-Code Ihres Beitrags", "QR code of your contribution"),
            SaveAsFile => ("Als Datei speichern", "Save as a file"),
            ChangeLater => (
                "Sie können Ihre Einschätzungen später ändern und den neuen Link weitergeben; er ersetzt den alten.",
                "You can change your ratings later and pass on the new link; it replaces the old one.",
            ),
            GoToPassOn => ("Zum Weitergeben", "To passing on"),
            LinkPrivacy => (
                "Ihre Einschätzungen stehen im Link hinter „#“. Diesen Teil einer Adresse sendet der Browser an keinen Server; nur wer den Link bekommt, kann sie lesen.",
                "Your ratings sit in the link after “#”. Browsers send that part of an address to no server; only whoever gets the link can read them.",
            ),
            WorkshopHeading => ("Wo sehen wir es unterschiedlich?", "Where do we see it differently?"),
            WorkshopIntro => (
                "Die Check-Punkte, die das Team verschieden bewertet hat – die größten Unterschiede zuerst.",
                "The check points the team rated differently – the largest differences first.",
            ),
            NoDifferences => (
                "Keine Unterschiede: Alle, die bewertet haben, sehen es gleich.",
                "No differences: everyone who rated sees it the same way.",
            ),
            Number => ("Nr.", "No."),
            CheckPoint => ("Check-Punkt", "Check point"),
            Ratings => ("Einschätzungen", "Ratings"),
            Notes => ("Notizen", "Notes"),
            TeamRatingByHand => ("Teamwert und Begründung", "Team rating and reason"),
            InvitationSheetHeading => ("Einladung zur Teamauswertung", "Invitation to the team assessment"),
            SheetStepScan => (
                "Scannen Sie den QR-Code mit der Kamera Ihres Handys – oder öffnen Sie den Link darunter.",
                "Scan the QR code with your phone's camera – or open the link below it.",
            ),
            SheetStepRate => (
                "Bewerten Sie die Check-Punkte auf Ihrem Gerät. Notizen helfen im Gespräch.",
                "Rate the check points on your device. Notes help the discussion.",
            ),
            SheetStepReturn => (
                "Geben Sie Ihren Beitrag zurück: als Link, QR-Code oder Datei.",
                "Return your contribution: as a link, QR code or file.",
            ),
            SheetPrivacy => (
                "Ihre Einschätzungen bleiben auf Ihrem Gerät, bis Sie sie selbst weitergeben. Die Einladung enthält keine Antworten.",
                "Your ratings stay on your device until you pass them on yourself. The invitation holds no answers.",
            ),
            Print => ("Drucken", "Print"),
            BackToTeam => ("Zurück zur Teamauswertung", "Back to the team assessment"),
            AllModules => ("alle Bausteine", "all modules"),
            ToResults => ("Zu den Ergebnissen des Teams", "To the team's results"),
            ContributionOf => ("Beitrag", "Contribution"),
            NoTeamActive => (
                "Hier ist keine Teamauswertung geöffnet. Starten oder öffnen Sie eine unter „Im Team“.",
                "No team assessment is open here. Start or open one under “As a team”.",
            ),
        };
        match language {
            Language::De => de,
            Language::En => en,
        }
    }
}

/// "Teamauswertung: Umweltschutz 2027".
pub fn team_heading(language: Language, name: &str) -> String {
    pick(
        language,
        || format!("Teamauswertung: {name}"),
        || format!("Team assessment: {name}"),
    )
}

/// The default name of a participant's own run.
pub fn contribution_run_name(language: Language, team_name: &str) -> String {
    pick(
        language,
        || format!("Beitrag: {team_name}"),
        || format!("Contribution: {team_name}"),
    )
}

/// "Sie sind eingeladen, zur Teamauswertung „X“ beizutragen."
pub fn invited(language: Language, team_name: &str) -> String {
    pick(
        language,
        || format!("Sie sind eingeladen, zur Teamauswertung „{team_name}“ beizutragen."),
        || format!("You are invited to contribute to the team assessment “{team_name}”."),
    )
}

/// The Bausteine a team rates: "Bausteine 1, 2 und 4" or "alle Bausteine".
pub fn chosen_modules(language: Language, numbers: &[&str]) -> String {
    if numbers.is_empty() {
        return TeamText::AllModules.get(language).to_owned();
    }
    let and = match language {
        Language::De => "und",
        Language::En => "and",
    };
    let list = match numbers.split_last() {
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} {and} {last}", rest.join(", ")),
        None => String::new(),
    };
    pick(
        language,
        || {
            format!(
                "{} {list}",
                by_count(numbers.len(), "Baustein", "Bausteine")
            )
        },
        || format!("{} {list}", by_count(numbers.len(), "module", "modules")),
    )
}

/// A person as lists show them: their name, or their number where names are left out or none was given.
pub fn person(language: Language, participant: &str, number: usize, with_names: bool) -> String {
    if with_names && !participant.trim().is_empty() {
        return participant.trim().to_owned();
    }
    let numbered = pick(
        language,
        || format!("Person {number}"),
        || format!("Person {number}"),
    );
    if with_names {
        format!("{numbered} ({})", TeamText::Anonymous.get(language))
    } else {
        numbered
    }
}

/// "2 × hoch".
pub fn choice_count(count: usize, label: &str) -> String {
    format!("{count} × {label}")
}

/// "1 offen".
pub fn open_count(language: Language, count: usize) -> String {
    pick(
        language,
        || format!("{count} offen"),
        || format!("{count} open"),
    )
}

/// "32 von 55 bewertet · 3 Notizen".
pub fn contribution_line(language: Language, rated: usize, total: usize, notes: usize) -> String {
    pick(
        language,
        || {
            format!(
                "{rated} von {total} bewertet · {notes} {}",
                by_count(notes, "Notiz", "Notizen")
            )
        },
        || {
            format!(
                "{rated} of {total} rated · {notes} {}",
                by_count(notes, "note", "notes")
            )
        },
    )
}

/// "Fassung 2023-05: 2 Antworten zu Check-Punkten, die diese Fassung nicht kennt".
pub fn contribution_orphans(language: Language, version: &str, count: usize) -> String {
    pick(
        language,
        || {
            format!(
                "bewertet mit Fassung {version}: {count} {} zu Check-Punkten oder Stufen, die diese Fassung nicht kennt (aufbewahrt, nicht gezählt)",
                by_count(count, "Antwort", "Antworten")
            )
        },
        || {
            format!(
                "rated with version {version}: {count} {} to check points or levels this version does not have (kept, not counted)",
                by_count(count, "answer", "answers")
            )
        },
    )
}

/// The runs panel's marker of a team assessment.
pub fn team_marker(language: Language, contributions: usize) -> String {
    pick(
        language,
        || {
            format!(
                "Teamauswertung mit {contributions} {}",
                by_count(contributions, "Beitrag", "Beiträgen")
            )
        },
        || {
            format!(
                "team assessment with {contributions} {}",
                by_count(contributions, "contribution", "contributions")
            )
        },
    )
}

/// The runs panel's marker of a participant's run.
pub fn contribution_marker(language: Language, team_name: &str) -> String {
    pick(
        language,
        || format!("Beitrag zu „{team_name}“"),
        || format!("contribution to “{team_name}”"),
    )
}

/// "Alle Übereinstimmungen übernehmen (12)".
pub fn take_over_agreed(language: Language, count: usize) -> String {
    pick(
        language,
        || format!("Alle Übereinstimmungen übernehmen ({count})"),
        || format!("Take over all agreements ({count})"),
    )
}

/// "Vorschlag: mittel".
pub fn suggestion(language: Language, label: &str) -> String {
    pick(
        language,
        || format!("Vorschlag: {label}"),
        || format!("Suggestion: {label}"),
    )
}

/// "Teamwert: mittel".
pub fn team_value(language: Language, label: &str) -> String {
    format!("{}: {label}", TeamText::TeamRating.get(language))
}

/// The accessible name of an item's team rating group: "Teamwert für 1.2".
pub fn team_rating_for(language: Language, number: &str) -> String {
    pick(
        language,
        || format!("Teamwert für {number}"),
        || format!("Team rating for {number}"),
    )
}

/// The accessible name of an item's reason field: "Begründung zu 1.2".
pub fn reason_for(language: Language, number: &str) -> String {
    pick(
        language,
        || format!("Begründung zu {number}"),
        || format!("Reason for {number}"),
    )
}

/// How far the team assessment has come, in one sentence.
pub fn progress(language: Language, progress: &Progress) -> String {
    let Progress {
        items,
        to_decide,
        to_take_over,
        open,
        settled,
        differences,
    } = *progress;
    pick(
        language,
        || {
            format!(
                "{items} {}: {differences} mit Unterschieden ({to_decide} noch zu entscheiden), {to_take_over} einig und noch nicht übernommen, {open} von niemandem bewertet; bei {settled} steht der Teamwert.",
                by_count(items, "Check-Punkt", "Check-Punkte")
            )
        },
        || {
            format!(
                "{items} {}: {differences} with differences ({to_decide} still to decide), {to_take_over} agreed and not taken over yet, {open} rated by nobody; {settled} have their team rating.",
                by_count(items, "check point", "check points")
            )
        },
    )
}

/// What taking in a contribution did.
pub fn taken_in(language: Language, added: Added, who: &str, rated: usize, notes: usize) -> String {
    let counts = || {
        pick(
            language,
            || {
                format!(
                    "{rated} {}, {notes} {}",
                    by_count(rated, "Bewertung", "Bewertungen"),
                    by_count(notes, "Notiz", "Notizen")
                )
            },
            || {
                format!(
                    "{rated} {}, {notes} {}",
                    by_count(rated, "rating", "ratings"),
                    by_count(notes, "note", "notes")
                )
            },
        )
    };
    match added {
        Added::New => pick(
            language,
            || format!("Beitrag von {who} übernommen: {}.", counts()),
            || format!("Took in the contribution of {who}: {}.", counts()),
        ),
        Added::Updated => pick(
            language,
            || {
                format!(
                    "Neuere Fassung des Beitrags von {who} übernommen: {}.",
                    counts()
                )
            },
            || {
                format!(
                    "Took in a newer version of the contribution of {who}: {}.",
                    counts()
                )
            },
        ),
        Added::AlreadyThere => pick(
            language,
            || format!("Dieser Beitrag von {who} ist schon übernommen – nichts geändert."),
            || format!("This contribution of {who} is already here – nothing changed."),
        ),
        Added::Outdated => pick(
            language,
            || format!("Von {who} ist schon eine neuere Fassung da – nichts geändert."),
            || format!("A newer version from {who} is already here – nothing changed."),
        ),
    }
}

/// A contribution for a team assessment this device does not have.
pub fn no_team_here(language: Language, who: &str) -> String {
    pick(
        language,
        || {
            format!(
                "Auf diesem Gerät gibt es keine Teamauswertung, zu der dieser Beitrag von {who} gehört – es wurde nichts übernommen. Öffnen Sie den Link auf dem Gerät, auf dem die Teamauswertung gestartet wurde."
            )
        },
        || {
            format!(
                "This device has no team assessment this contribution of {who} belongs to – nothing was taken in. Open the link on the device where the team assessment was started."
            )
        },
    )
}

/// A person opened their own contribution's link on their own device.
pub fn own_contribution(language: Language) -> String {
    pick(
        language,
        || {
            "Das ist Ihr eigener Beitrag. Geben Sie den Link an die Person weiter, die die Teamauswertung leitet.".to_owned()
        },
        || {
            "This is your own contribution. Pass the link on to the person who leads the team assessment.".to_owned()
        },
    )
}

/// "Beitrag von Anna entfernt."
pub fn contribution_removed(language: Language, who: &str) -> String {
    pick(
        language,
        || format!("Beitrag von {who} entfernt."),
        || format!("Removed the contribution of {who}."),
    )
}

/// The accessible name of a remove button: "Beitrag von Anna entfernen".
pub fn remove_contribution_of(language: Language, who: &str) -> String {
    pick(
        language,
        || format!("Beitrag von {who} entfernen"),
        || format!("Remove the contribution of {who}"),
    )
}

/// "Teamwert für 1.2 festgelegt: mittel."
pub fn rating_set(language: Language, number: &str, label: &str) -> String {
    pick(
        language,
        || format!("Teamwert für {number} festgelegt: {label}."),
        || format!("Team rating for {number} set: {label}."),
    )
}

/// "12 Übereinstimmungen übernommen."
pub fn agreements_taken_over(language: Language, count: usize) -> String {
    pick(
        language,
        || {
            format!(
                "{count} {} übernommen.",
                by_count(count, "Übereinstimmung", "Übereinstimmungen")
            )
        },
        || {
            format!(
                "Took over {count} {}.",
                by_count(count, "agreement", "agreements")
            )
        },
    )
}

/// The workshop sheet's line under its heading: team, date, how many contributed.
pub fn workshop_meta(language: Language, team: &str, date: &str, contributions: usize) -> String {
    pick(
        language,
        || {
            format!(
                "{team} · Stand {date} · {contributions} {}",
                by_count(contributions, "Beitrag", "Beiträge")
            )
        },
        || {
            format!(
                "{team} · as of {date} · {contributions} {}",
                by_count(contributions, "contribution", "contributions")
            )
        },
    )
}

/// A participant's catalog version differs from the facilitator's: the link names items by id.
pub fn other_version(language: Language, mine: &str, theirs: &str) -> String {
    pick(
        language,
        || {
            format!(
                "Ihre Fassung des Checks ({mine}) ist nicht die der Moderation ({theirs}). Der Link nennt die Check-Punkte deshalb beim Namen und wird etwas länger."
            )
        },
        || {
            format!(
                "Your version of the check ({mine}) is not the facilitator's ({theirs}). The link therefore names the check points by id and gets a little longer."
            )
        },
    )
}

/// Why a link, code or file was refused.
pub fn link_error(language: Language, error: &LinkError) -> String {
    match error {
        LinkError::Empty => pick(
            language,
            || {
                "Der Link enthält keine Daten (es fehlt der Teil nach „#“). Es wurde nichts übernommen.".to_owned()
            },
            || {
                "The link holds no data (the part after “#” is missing). Nothing was taken in."
                    .to_owned()
            },
        ),
        LinkError::Damaged => pick(
            language,
            || {
                "Der Link ist unvollständig oder verändert – vielleicht wurde er beim Kopieren oder im Messenger abgeschnitten. Es wurde nichts übernommen. Bitten Sie um den vollständigen Link oder um die Datei.".to_owned()
            },
            || {
                "The link is incomplete or altered – perhaps it was cut off when copied or in a messenger. Nothing was taken in. Ask for the complete link or the file.".to_owned()
            },
        ),
        LinkError::FromTheFuture(version) => pick(
            language,
            || {
                format!("Die Daten stammen aus einer neueren Checkwerk-Version (Format {version}). Laden Sie die Seite neu, um die neue Version zu bekommen; es wurde nichts übernommen.")
            },
            || {
                format!("The data comes from a newer Checkwerk version (format {version}). Reload the page to get the new version; nothing was taken in.")
            },
        ),
        LinkError::WrongKind(LinkKind::Invitation) => pick(
            language,
            || {
                "Das ist eine Einladung, kein Beitrag. Geben Sie die Einladung an die Teilnehmenden weiter; ihre Beiträge kommen als eigene Links zurück.".to_owned()
            },
            || {
                "This is an invitation, not a contribution. Pass the invitation on to the participants; their contributions come back as links of their own.".to_owned()
            },
        ),
        LinkError::WrongKind(LinkKind::Contribution) => pick(
            language,
            || {
                "Das ist ein Beitrag, keine Einladung. Öffnen Sie ihn auf dem Gerät, auf dem die Teamauswertung läuft.".to_owned()
            },
            || {
                "This is a contribution, not an invitation. Open it on the device where the team assessment runs.".to_owned()
            },
        ),
        LinkError::OtherCheck(catalog_id) => pick(
            language,
            || {
                format!("Der Link gehört zu einem anderen Check („{catalog_id}“). Es wurde nichts übernommen.")
            },
            || format!("The link belongs to another check (“{catalog_id}”). Nothing was taken in."),
        ),
        LinkError::OtherVersion(version) => pick(
            language,
            || {
                format!("Der Beitrag wurde mit einer anderen Fassung des Checks ({version}) gemacht, deren Check-Punkte diese Seite nicht kennt. Es wurde nichts übernommen. Bitten Sie um den Beitrag als Datei: Die nennt die Check-Punkte beim Namen.")
            },
            || {
                format!("The contribution was made with another version of the check ({version}), whose check points this page does not know. Nothing was taken in. Ask for the contribution as a file: it names the check points by id.")
            },
        ),
        LinkError::TooLarge => pick(
            language,
            || "Die Daten sind unplausibel groß. Es wurde nichts übernommen.".to_owned(),
            || "The data is implausibly large. Nothing was taken in.".to_owned(),
        ),
        LinkError::NotAContributionFile => pick(
            language,
            || {
                "Die Datei ist kein Beitrag zu einer Teamauswertung. (Ein exportierter Durchlauf wird im Kompass importiert.) Es wurde nichts übernommen.".to_owned()
            },
            || {
                "The file is not a contribution to a team assessment. (An exported run is imported on the Kompass page.) Nothing was taken in.".to_owned()
            },
        ),
        // Crafted data: the rule it broke is for developers, not for the person who pasted it.
        _ => pick(
            language,
            || "Die Daten sind ungültig. Es wurde nichts übernommen.".to_owned(),
            || "The data is not valid. Nothing was taken in.".to_owned(),
        ),
    }
}

/// Why a contribution cannot be a link; `note_number` is the number of the item whose note is too long.
pub fn encode_error(language: Language, error: &EncodeError, note_number: Option<&str>) -> String {
    match (error, note_number) {
        (EncodeError::TooLong(_), Some(number)) => pick(
            language,
            || {
                format!("Die Notiz zu {number} ist zu lang für einen Link (höchstens {MAX_NOTE} Zeichen). Bitte kürzen Sie sie.")
            },
            || {
                format!("The note on {number} is too long for a link (at most {MAX_NOTE} characters). Please shorten it.")
            },
        ),
        (EncodeError::TooLong(_), None) => pick(
            language,
            || "Ihr Beitrag ist zu lang für einen Link. Speichern Sie ihn als Datei.".to_owned(),
            || "Your contribution is too long for a link. Save it as a file.".to_owned(),
        ),
        _ => pick(
            language,
            || {
                "Dieser Beitrag kann nicht als Link weitergegeben werden: Seine Kennung ist beschädigt. Speichern Sie ihn als Datei.".to_owned()
            },
            || {
                "This contribution cannot be passed on as a link: its id is damaged. Save it as a file.".to_owned()
            },
        ),
    }
}

/// The text of an e-mail with the invitation link.
pub fn invitation_mail_body(language: Language, team_name: &str, link: &str) -> String {
    pick(
        language,
        || {
            format!(
                "Hallo,\n\nich lade Sie zur Teamauswertung „{team_name}“ ein. Bitte öffnen Sie diesen Link, bewerten Sie die Check-Punkte und schicken Sie mir den Link zu Ihrem Beitrag zurück:\n\n{link}\n\nIhre Einschätzungen bleiben auf Ihrem Gerät, bis Sie sie selbst weitergeben.\n"
            )
        },
        || {
            format!(
                "Hello,\n\nI invite you to the team assessment “{team_name}”. Please open this link, rate the check points and send me back the link to your contribution:\n\n{link}\n\nYour ratings stay on your device until you pass them on yourself.\n"
            )
        },
    )
}

impl super::FixedText for TeamText {
    fn get(self, language: Language) -> &'static str {
        TeamText::get(self, language)
    }
}
