//! The words of the self-declaration (Selbsterklärung): where a check comes from, what is still missing, the record
//! a company signs, its fingerprint, renewal, and declarations over several checks.
//!
//! What a declaration asks (how many measures, how long it is valid) is catalog data; these only say it.

use checkwerk_core::declaration::CompanyField;
use checkwerk_core::{Attribution, Declaration, Language};

use super::{by_count, pick};

/// A fixed text of the self-declaration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Words {
    RecordHeading,
    FormLegend,
    Address,
    Size,
    SizeHint,
    Sector,
    DeclarationDate,
    Today,
    ValidUntil,
    NoDateYet,
    ItemsAndRatings,
    Measures,
    Signature,
    PlaceAndDate,
    SignatureLine,
    NameInCapitals,
    FingerprintHeading,
    FingerprintProves,
    FingerprintDoesNotProve,
    FingerprintRecompute,
    QrLabel,
    QrTooLong,
    NotSignedYet,
    MarkSigned,
    MarkSignedAgain,
    MarkedSigned,
    ExportForReview,
    DownloadCanonical,
    CompareHeading,
    CompareHint,
    CompareMatch,
    CompareMismatch,
    NotReadyForRecord,
    WhatIsMissing,
    ViewRecord,
    JointHeadingHint,
    ToMeasures,
    NotStarted,
    AcrossChecksHeading,
    Overview,
    Unrated,
    NoRecordWithoutDate,
    RecordTools,
    NoDeclaration,
    JointDeclarationMissing,
    ReadinessRecordNote,
    SomeIncomplete,
}

impl Words {
    /// The text in a language.
    pub fn get(self, language: Language) -> &'static str {
        use Words::*;
        let (de, en) = match self {
            RecordHeading => ("Selbsterklärung", "Self-declaration"),
            FormLegend => ("Angaben für die Erklärung", "Details for the declaration"),
            Address => ("Anschrift", "Address"),
            Size => ("Größe", "Size"),
            SizeHint => ("z. B. „25 Beschäftigte“", "e.g. “25 employees”"),
            Sector => ("Branche", "Sector"),
            DeclarationDate => ("Datum der Erklärung", "Date of the declaration"),
            Today => ("Heute", "Today"),
            ValidUntil => ("Gültig bis", "Valid until"),
            NoDateYet => (
                "Wählen Sie das Datum der Erklärung. Erst damit steht fest, was sie angibt, und ihr Fingerabdruck entsteht.",
                "Choose the date of the declaration. Only then is what it declares settled, and its fingerprint made.",
            ),
            ItemsAndRatings => ("Check-Punkte und Bewertungen", "Check points and ratings"),
            Measures => ("Maßnahmen", "Measures"),
            Signature => ("Unterschrift", "Signature"),
            PlaceAndDate => ("Ort, Datum", "Place, date"),
            SignatureLine => ("Unterschrift der Geschäftsleitung", "Signature of the management"),
            NameInCapitals => ("Name in Druckbuchstaben", "Name in capitals"),
            FingerprintHeading => ("Fingerabdruck", "Fingerprint"),
            FingerprintProves => (
                "Der Fingerabdruck ist eine Prüfsumme (SHA-256) über alles, was diese Erklärung angibt: Unternehmen, Datum, jede Bewertung und jede Maßnahme. Wer die Datei dieses Durchlaufs in Checkwerk importiert, sieht denselben Fingerabdruck, solange nichts geändert wurde. So lässt sich prüfen, dass Papier und Datei dasselbe angeben.",
                "The fingerprint is a checksum (SHA-256) of everything this declaration states: company, date, every rating and every measure. Whoever imports this run's file into Checkwerk sees the same fingerprint as long as nothing was changed. That way one can check that paper and file state the same.",
            ),
            FingerprintDoesNotProve => (
                "Er beweist nicht, wer die Erklärung erstellt oder unterschrieben hat, wann das geschah oder ob die Angaben zutreffen. Er ist keine elektronische Signatur.",
                "It does not prove who made or signed the declaration, when that happened, or whether what it states is true. It is not an electronic signature.",
            ),
            FingerprintRecompute => (
                "Nachrechnen ohne Checkwerk: Die Seite bietet den Inhalt als Textdatei an; deren SHA-256 (z. B. mit sha256sum) ist der Fingerabdruck.",
                "To recompute it without Checkwerk: the page offers the content as a text file; its SHA-256 (e.g. with sha256sum) is the fingerprint.",
            ),
            QrLabel => ("QR-Code mit dem Fingerabdruck", "QR code holding the fingerprint"),
            QrTooLong => ("Der Fingerabdruck passt nicht in einen QR-Code.", "The fingerprint does not fit a QR code."),
            NotSignedYet => (
                "Noch nicht als unterschrieben vermerkt. Haben Sie die gedruckte Erklärung unterschrieben, vermerken Sie es hier: Dann zeigt Checkwerk an, sobald sich danach etwas ändert, und erinnert an die Erneuerung.",
                "Not yet recorded as signed. Once you have signed the printed declaration, record it here: Checkwerk then shows when anything changes afterwards, and reminds you of the renewal.",
            ),
            MarkSigned => ("Als unterschrieben vermerken", "Record as signed"),
            MarkSignedAgain => ("Diesen Stand als unterschrieben vermerken", "Record this state as signed"),
            MarkedSigned => ("Als unterschrieben vermerkt.", "Recorded as signed."),
            ExportForReview => ("Datei für die Prüfung exportieren", "Export the file for the review"),
            DownloadCanonical => ("Inhalt des Fingerabdrucks als Text", "Content of the fingerprint as text"),
            CompareHeading => ("Fingerabdruck vom Papier vergleichen", "Compare the fingerprint on paper"),
            CompareHint => (
                "Geben Sie den Fingerabdruck von der gedruckten Erklärung ein – ganz oder mindestens die ersten 16 Zeichen – oder fügen Sie den Text des QR-Codes ein.",
                "Enter the fingerprint from the printed declaration – in full or at least its first 16 characters – or paste the text of the QR code.",
            ),
            CompareMatch => (
                "Stimmt überein: Das Papier gibt dasselbe an wie dieser Stand.",
                "Matches: the paper states the same as this state.",
            ),
            CompareMismatch => (
                "Stimmt nicht überein: Das Papier gibt nicht dasselbe an wie dieser Stand.",
                "Does not match: the paper does not state the same as this state.",
            ),
            NotReadyForRecord => (
                "Die Erklärung entsteht, sobald alles beisammen ist, was sie verlangt.",
                "The declaration is made once everything it asks for is there.",
            ),
            WhatIsMissing => ("Was fehlt noch?", "What is still missing?"),
            ViewRecord => ("Erklärung ansehen und drucken", "View and print the declaration"),
            JointHeadingHint => (
                "Für diese Erklärung zählen vollständige Maßnahmen aus mehreren Checks – mit Beschreibung, Dringlichkeit, Verantwortlichen, Termin und Kontrolle. Jede Maßnahme im Plan eines Checks muss vollständig sein.",
                "This declaration counts complete measures from several checks – with description, urgency, person responsible, date and check of effect. Every measure in a check's plan must be complete.",
            ),
            ToMeasures => ("Zu den Maßnahmen", "To the measures"),
            NotStarted => ("noch nicht begonnen", "not started"),
            AcrossChecksHeading => ("Selbsterklärungen über mehrere Checks", "Self-declarations across several checks"),
            Overview => ("Übersicht", "Overview"),
            Unrated => ("nicht bewertet", "not rated"),
            NoRecordWithoutDate => (
                "Noch ohne Datum – die Erklärung und ihr Fingerabdruck erscheinen, sobald Sie oben das Datum gewählt haben.",
                "No date yet – the declaration and its fingerprint appear once you choose the date above.",
            ),
            RecordTools => ("Erklärung vorbereiten", "Prepare the declaration"),
            NoDeclaration => (
                "Dieser Check ist nicht die Grundlage einer Selbsterklärung. Er hilft Ihnen, Handlungsbedarf zu erkennen und Maßnahmen zu planen.",
                "This check is not the basis of a self-declaration. It helps you find where action is needed and plan measures.",
            ),
            JointDeclarationMissing => (
                "Diese Selbsterklärung kennt diese Seite nicht.",
                "This page does not know this self-declaration.",
            ),
            SomeIncomplete => (
                "einige Maßnahmen sind noch unvollständig",
                "some measures are still incomplete",
            ),
            ReadinessRecordNote => (
                "Ist alles beisammen, stellt Checkwerk die Erklärung zum Unterschreiben zusammen: mit Ihren Angaben zum Unternehmen, jeder Bewertung, jeder Maßnahme und einem Fingerabdruck, mit dem sich Papier und Datei vergleichen lassen.",
                "Once everything is there, Checkwerk puts the declaration together for signing: with your company's details, every rating, every measure and a fingerprint to compare paper and file.",
            ),
        };
        match language {
            Language::De => de,
            Language::En => en,
        }
    }
}

/// Where a check comes from, in one line: „Gliederung: " before the structure, „ · Formulierung: … · Lizenz: …"
/// after it, then „nicht die offizielle Fassung" (or that it is the official one).
pub fn attribution_parts(
    language: Language,
    attribution: &Attribution,
    compact: bool,
) -> [String; 3] {
    let licence_de = if compact {
        String::new()
    } else {
        format!(" · Lizenz: {}", attribution.licence)
    };
    let licence_en = if compact {
        String::new()
    } else {
        format!(" · licence: {}", attribution.licence)
    };
    match language {
        Language::De => [
            "Gliederung: ".to_owned(),
            format!(" · Formulierung: {}{licence_de}", attribution.wording),
            if attribution.official {
                "offizielle Fassung".to_owned()
            } else {
                "nicht die offizielle Fassung".to_owned()
            },
        ],
        Language::En => [
            "Structure: ".to_owned(),
            format!(" · wording: {}{licence_en}", attribution.wording),
            if attribution.official {
                "official version".to_owned()
            } else {
                "not the official version".to_owned()
            },
        ],
    }
}

/// The label of a company field.
pub fn company_field(language: Language, field: CompanyField) -> &'static str {
    match field {
        CompanyField::Name => crate::i18n::Text::CompanyName.get(language),
        CompanyField::Address => Words::Address.get(language),
        CompanyField::Size => Words::Size.get(language),
        CompanyField::Sector => Words::Sector.get(language),
    }
}

/// "Es fehlen noch Angaben zum Unternehmen: Anschrift, Größe."
pub fn company_missing(language: Language, fields: &[CompanyField]) -> String {
    let names: Vec<&str> = fields
        .iter()
        .map(|field| company_field(language, *field))
        .collect();
    let names = names.join(", ");
    pick(
        language,
        || format!("Für die Erklärung fehlen noch Angaben zum Unternehmen: {names}."),
        || format!("The declaration still lacks details of the company: {names}."),
    )
}

/// What a declaration of one check asks, as the readiness page's lead.
pub fn readiness_intro(language: Language, declaration: &Declaration) -> String {
    let title = &declaration.title;
    let minimum = declaration.min_measures;
    let years = declaration.validity_months / 12;
    let validity_de = if declaration.validity_months % 12 == 0 {
        format!("{years} {}", by_count(years as usize, "Jahr", "Jahre"))
    } else {
        format!("{} Monate", declaration.validity_months)
    };
    let validity_en = if declaration.validity_months % 12 == 0 {
        format!("{years} {}", by_count(years as usize, "year", "years"))
    } else {
        format!("{} months", declaration.validity_months)
    };
    let rated_de = match (
        declaration.every_item_rated,
        declaration.not_relevant_is_rated,
    ) {
        (true, true) => {
            "alle Check-Punkte bewertet sein („nicht relevant“ zählt als Bewertung) und "
        }
        (true, false) => {
            "alle Check-Punkte mit einer Stufe des Handlungsbedarfs bewertet sein und "
        }
        (false, _) => "",
    };
    let rated_en = match (
        declaration.every_item_rated,
        declaration.not_relevant_is_rated,
    ) {
        (true, true) => "every check point rated (“not relevant” counts as a rating) and ",
        (true, false) => "every check point rated with a level of need and ",
        (false, _) => "",
    };
    pick(
        language,
        || {
            format!(
                "Für die Selbsterklärung „{title}“ müssen {rated_de}mindestens {minimum} Maßnahmen vollständig beschrieben sein – mit Dringlichkeit, Verantwortlichen, Termin und Kontrolle der Wirksamkeit. Die Erklärung gilt {validity_de}."
            )
        },
        || {
            format!(
                "The self-declaration “{title}” needs {rated_en}at least {minimum} fully described measures – with urgency, person responsible, date and check of effect. It is valid for {validity_en}."
            )
        },
    )
}

/// The line under the record's heading: "OM-Zeichen Arbeitsschutz".
pub fn record_subheading(language: Language, title: &str) -> String {
    pick(language, || format!("„{title}“"), || format!("“{title}”"))
}

/// Which check a part of the record comes from.
pub fn record_basis(
    language: Language,
    check: &str,
    standard: &str,
    version: &str,
    part: &str,
) -> String {
    let standard_de = if standard.is_empty() {
        String::new()
    } else {
        format!(" ({standard})")
    };
    let part_de = if part.is_empty() {
        String::new()
    } else {
        format!("Teil „{part}“: ")
    };
    let part_en = if part.is_empty() {
        String::new()
    } else {
        format!("Part “{part}”: ")
    };
    pick(
        language,
        || format!("{part_de}Selbstbewertung: {check}{standard_de}, Fassung {version}"),
        || format!("{part_en}Self-assessment: {check}{standard_de}, version {version}"),
    )
}

/// That the record is not an official form, and where the declaration is handed in.
pub fn not_an_official_form(language: Language, url: &str) -> String {
    let where_de = if url.is_empty() {
        "beim Träger des Zeichens".to_owned()
    } else {
        format!("beim Träger des Zeichens ({url})")
    };
    let where_en = if url.is_empty() {
        "with the body that awards the mark".to_owned()
    } else {
        format!("with the body that awards the mark ({url})")
    };
    pick(
        language,
        || {
            format!("Diese Aufstellung bereitet Ihre Selbsterklärung vor und hält fest, was sie angibt. Sie ist kein offizielles Formular: Eingereicht und geprüft wird die Erklärung {where_de}.")
        },
        || {
            format!("This record prepares your self-declaration and keeps what it states. It is not an official form: the declaration is handed in and reviewed {where_en}.")
        },
    )
}

/// The sentence the company signs.
pub fn statement(
    language: Language,
    checks: usize,
    measures: usize,
    every_item_rated: bool,
) -> String {
    pick(
        language,
        || {
            let rated = if every_item_rated {
                "Jeder Check-Punkt ist bewertet, und die "
            } else {
                "Die "
            };
            let assessment = by_count(
                checks,
                "die oben genannte Selbstbewertung",
                "die oben genannten Selbstbewertungen",
            );
            let measure_word = by_count(
                measures,
                "aufgeführte Maßnahme ist",
                "aufgeführten Maßnahmen sind",
            );
            format!("Wir erklären, dass wir {assessment} für unser Unternehmen durchgeführt haben. {rated}{measures} unten {measure_word} mit Dringlichkeit, Verantwortlichen, Termin und Kontrolle der Wirksamkeit festgelegt. Die Angaben entsprechen nach bestem Wissen dem Stand in unserem Unternehmen.")
        },
        || {
            let rated = if every_item_rated {
                "Every check point is rated, and the "
            } else {
                "The "
            };
            let assessment = by_count(
                checks,
                "the self-assessment named above",
                "the self-assessments named above",
            );
            let measure_word = by_count(
                measures,
                "measure listed below is",
                "measures listed below are",
            );
            format!("We declare that we have carried out {assessment} for our company. {rated}{measures} {measure_word} set with urgency, person responsible, date and check of effect. To the best of our knowledge, this is the state of our company.")
        },
    )
}

/// The line at the foot of every printed page.
pub fn running_footer(language: Language, title: &str, company: &str, short: &str) -> String {
    pick(
        language,
        || format!("Selbsterklärung {title} · {company} · Fingerabdruck {short}"),
        || format!("Self-declaration {title} · {company} · fingerprint {short}"),
    )
}

/// The words around the page count at the foot of a printed record: „Seite 2 von 4".
pub fn page_of(language: Language) -> (&'static str, &'static str) {
    match language {
        Language::De => ("Seite ", " von "),
        Language::En => ("Page ", " of "),
    }
}

/// "Unterschrieben am 01.12.2026. Dieser Stand ist der unterschriebene."
pub fn signed_same(language: Language, date: &str) -> String {
    pick(
        language,
        || format!("Unterschrieben am {date}. Dieser Stand ist der unterschriebene."),
        || format!("Signed on {date}. This state is the one signed."),
    )
}

/// The warning when the run changed after signing.
pub fn signed_changed(language: Language, date: &str, short: &str) -> String {
    pick(
        language,
        || {
            format!("Dieser Stand ist nicht mehr der unterschriebene. Unterschrieben wurde am {date} die Fassung mit dem Fingerabdruck {short}; seitdem wurde etwas geändert, das die Erklärung angibt. Ein neuer Ausdruck hat einen anderen Fingerabdruck.")
        },
        || {
            format!("This state is no longer the one signed. On {date} the version with the fingerprint {short} was signed; since then something the declaration states has changed. A new printout has another fingerprint.")
        },
    )
}

/// Validity and renewal of a signed declaration.
pub fn valid_until_line(language: Language, valid_until: &str, renew_from: &str) -> String {
    pick(
        language,
        || format!("Gültig bis {valid_until}. Die Erneuerung ist ab {renew_from} fällig."),
        || format!("Valid until {valid_until}. Renewal is due from {renew_from}."),
    )
}

/// The button for the calendar reminder.
pub fn renewal_button(language: Language, renew_from: &str) -> String {
    pick(
        language,
        || format!("Erinnerung für den {renew_from} in den Kalender"),
        || format!("Reminder for {renew_from} in the calendar"),
    )
}

/// The calendar entry's title.
pub fn renewal_summary(language: Language, title: &str) -> String {
    pick(
        language,
        || format!("Selbsterklärung „{title}“ erneuern"),
        || format!("Renew the self-declaration “{title}”"),
    )
}

/// The calendar entry's description.
pub fn renewal_description(
    language: Language,
    title: &str,
    check: &str,
    signed_on: &str,
    valid_until: &str,
    url: &str,
) -> String {
    pick(
        language,
        || {
            format!("Die Selbsterklärung „{title}“ vom {signed_on} ({check}) gilt bis {valid_until}.\nAktualisieren Sie Selbstbewertung und Maßnahmen in Checkwerk und geben Sie die Erklärung neu ab: {url}")
        },
        || {
            format!("The self-declaration “{title}” of {signed_on} ({check}) is valid until {valid_until}.\nUpdate the self-assessment and measures in Checkwerk and hand in the declaration again: {url}")
        },
    )
}

/// The home card's line when a declaration expires soon.
pub fn expires_soon(language: Language, title: &str, valid_until: &str) -> String {
    pick(
        language,
        || {
            format!(
                "{title}: Die Selbsterklärung läuft am {valid_until} ab – Zeit für die Erneuerung."
            )
        },
        || format!("{title}: the self-declaration expires on {valid_until} – time to renew it."),
    )
}

/// The home card's line when a declaration has expired.
pub fn expired(language: Language, title: &str, valid_until: &str) -> String {
    pick(
        language,
        || format!("{title}: Die Selbsterklärung ist am {valid_until} abgelaufen."),
        || format!("{title}: the self-declaration expired on {valid_until}."),
    )
}

/// The readiness page's note that the check is a part of a joint declaration.
pub fn part_of(language: Language, title: &str, part: &str, minimum: u32) -> String {
    pick(
        language,
        || {
            format!("Dieser Check zählt auch für die gemeinsame Erklärung „{title}“: Für den Bereich „{part}“ zählen mindestens {minimum} vollständige Maßnahmen aus diesem Check.")
        },
        || {
            format!("This check also counts for the joint declaration “{title}”: for the area “{part}”, at least {minimum} complete measures from this check count.")
        },
    )
}

/// One part's line on the joint declaration's page.
pub fn part_count(language: Language, complete: usize, minimum: u32) -> String {
    pick(
        language,
        || format!("{complete} von mindestens {minimum} vollständigen Maßnahmen"),
        || format!("{complete} of at least {minimum} complete measures"),
    )
}

/// The sum over the parts of a joint declaration.
pub fn joint_total(language: Language, complete: usize, minimum: u32) -> String {
    pick(
        language,
        || format!("Zusammen {complete} von mindestens {minimum} Maßnahmen, die zählen."),
        || format!("Together {complete} of at least {minimum} measures that count."),
    )
}

/// The accessible name of a part's line: check and area.
pub fn part_heading(language: Language, part: &str, check: &str) -> String {
    pick(
        language,
        || format!("{part} – {check}"),
        || format!("{part} – {check}"),
    )
}

/// The items of a measure as a record lists them.
pub fn item_numbers(numbers: &[String]) -> String {
    numbers.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn declaration(validity_months: u32, not_relevant_is_rated: bool) -> Declaration {
        Declaration {
            id: "om".into(),
            title: "OM-Zeichen Arbeitsschutz".into(),
            part: String::new(),
            every_item_rated: true,
            not_relevant_is_rated,
            min_measures: 10,
            validity_months,
            renewal_lead_months: 3,
            url: String::new(),
        }
    }

    #[test]
    fn the_rules_are_said_as_the_catalog_sets_them() {
        let two_years = readiness_intro(Language::De, &declaration(24, true));
        assert!(two_years.contains("mindestens 10 Maßnahmen"), "{two_years}");
        assert!(two_years.contains("gilt 2 Jahre"), "{two_years}");
        assert!(two_years.contains("„nicht relevant“ zählt als Bewertung"));
        let one_year = readiness_intro(Language::De, &declaration(12, false));
        assert!(one_year.contains("gilt 1 Jahr."), "{one_year}");
        assert!(!one_year.contains("nicht relevant"));
        let months = readiness_intro(Language::En, &declaration(18, true));
        assert!(months.contains("valid for 18 months"), "{months}");
    }

    #[test]
    fn the_statement_counts_checks_and_measures() {
        let one = statement(Language::De, 1, 1, true);
        assert!(
            one.contains("die oben genannte Selbstbewertung für"),
            "{one}"
        );
        assert!(one.contains("1 unten aufgeführte Maßnahme ist"), "{one}");
        let three = statement(Language::En, 3, 10, false);
        assert!(
            three.contains("the self-assessments named above"),
            "{three}"
        );
        assert!(
            three.starts_with("We declare") && three.contains("The 10 measures"),
            "{three}"
        );
    }
}
