//! The fingerprint of a self-declaration: SHA-256 of a canonical text of its [`Record`].
//!
//! The canonical text is plain UTF-8, one line per fact, each line ending in a line feed (also the last). A line is
//! a keyword and its fields, separated by tabs. In every field a backslash is written `\\`, a tab `\t` and a line
//! feed `\n` (texts are trimmed and their line ends made line feeds before, see [`record_text`]); nothing else is
//! escaped. The lines, in this order:
//!
//! ```text
//! checkwerk-selbsterklaerung  1
//! declaration  <declaration id>
//! date         <YYYY-MM-DD>
//! valid-until  <YYYY-MM-DD>
//! company      <name>  <address>  <size>  <sector>
//! then per check, by catalog id:
//! part         <catalog id>  <catalog version>  <part name or empty>
//! item         <item id>  <number>  <chosen key or empty>  <priority or empty>  <evidence or empty>
//!                                                                                  (every item, catalog order)
//! measure      <due>  <urgency: hoch|mittel|niedrig or empty>  <title>  <item ids, comma-separated>
//!              <responsible>  <Kontrolle>  <status: offen|in-arbeit|erledigt>     (every measure of the run, in the
//!                                                                                  record's canonical order)
//! end
//! ```
//!
//! It names what the printed record shows and nothing else: no notes, no run name, no ids of runs or measures, no
//! times, and no word of the user interface (keys, not labels), so the fingerprint is the same in every language and
//! every browser, whatever order a saved file keeps its answers and measures in. Anyone can recompute it from the
//! text with `sha256sum`.
//!
//! What it proves: a printed record and a run file with the same fingerprint declare the same. What it does not: who
//! made either, when, or whether what they declare is true. The hash is not a signature.

use sha2::{Digest, Sha256};

use crate::declaration::{record_text, Record, RecordMeasure};

/// The first line of the canonical text: its name and version.
pub const CANONICAL_HEADER: &str = "checkwerk-selbsterklaerung\t1";

/// How many hexadecimal digits the short form shows.
pub const SHORT_DIGITS: usize = 16;

/// A SHA-256 hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Fingerprint(pub [u8; 32]);

impl Fingerprint {
    /// All 64 hexadecimal digits, lower case.
    pub fn hex(&self) -> String {
        self.0.iter().map(|byte| format!("{byte:02x}")).collect()
    }

    /// The hexadecimal digits in groups of four, for reading aloud and comparing by eye.
    pub fn grouped(&self) -> String {
        group(&self.hex())
    }

    /// The first [`SHORT_DIGITS`] digits in groups of four, for the foot of every printed page.
    pub fn short(&self) -> String {
        group(&self.hex()[..SHORT_DIGITS])
    }

    /// Compares a fingerprint as someone typed, pasted or scanned it with this one: its full form, or at least
    /// the short form's digits from the start. Spaces, dashes, colons, case and a leading `sha256` are ignored.
    pub fn compare(&self, typed: &str) -> Comparison {
        let digits = typed_digits(typed);
        if digits.is_empty() {
            Comparison::Nothing
        } else if !digits.chars().all(|c| c.is_ascii_hexdigit())
            || digits.len() > 64
            || !self.hex().starts_with(&digits)
        {
            Comparison::Differs
        } else if digits.len() < SHORT_DIGITS {
            Comparison::TooShort
        } else {
            Comparison::Matches
        }
    }
}

/// How a typed fingerprint compares with one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparison {
    /// Nothing typed yet.
    Nothing,
    /// What is typed agrees so far, but is shorter than the short form.
    TooShort,
    /// At least the short form's digits, and all agree.
    Matches,
    /// Something differs (or is not a fingerprint at all).
    Differs,
}

/// The hexadecimal digits of a typed fingerprint, lower case, without separators or a `sha256` prefix.
fn typed_digits(typed: &str) -> String {
    let lower = typed.trim().to_ascii_lowercase();
    let without_prefix = lower
        .strip_prefix("sha256")
        .or_else(|| lower.strip_prefix("sha-256"))
        .unwrap_or(&lower);
    without_prefix
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | ':' | '\u{a0}' | '\t'))
        .collect()
}

fn group(hex: &str) -> String {
    hex.as_bytes()
        .chunks(4)
        .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// One field of a canonical line.
fn field(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            other => out.push(other),
        }
    }
    out
}

fn push_line(out: &mut String, keyword: &str, fields: &[&str]) {
    out.push_str(keyword);
    for text in fields {
        out.push('\t');
        out.push_str(&field(text));
    }
    out.push('\n');
}

fn push_measure(out: &mut String, measure: &RecordMeasure) {
    push_line(
        out,
        "measure",
        &[
            &measure.due,
            measure
                .urgency
                .map(|urgency| urgency.key())
                .unwrap_or_default(),
            &measure.title,
            &measure.item_ids.join(","),
            &measure.responsible,
            &measure.control,
            measure.status.key(),
        ],
    );
}

/// The canonical text of a record (see the module's documentation).
pub fn canonical_text(record: &Record) -> String {
    let mut out = String::new();
    out.push_str(CANONICAL_HEADER);
    out.push('\n');
    push_line(&mut out, "declaration", &[&record.declaration_id]);
    push_line(&mut out, "date", &[&record.date.iso()]);
    push_line(&mut out, "valid-until", &[&record.valid_until.iso()]);
    let company = &record.company;
    push_line(
        &mut out,
        "company",
        &[
            &record_text(&company.name),
            &record_text(&company.address),
            &record_text(&company.size),
            &record_text(&company.sector),
        ],
    );
    for part in &record.parts {
        push_line(
            &mut out,
            "part",
            &[&part.catalog_id, &part.catalog_version, &part.part],
        );
        for item in &part.items {
            let priority = item
                .priority
                .map(|value| value.to_string())
                .unwrap_or_default();
            push_line(
                &mut out,
                "item",
                &[
                    &item.id,
                    &item.number,
                    item.choice.as_deref().unwrap_or_default(),
                    &priority,
                    &item.evidence,
                ],
            );
        }
        for measure in &part.measures {
            push_measure(&mut out, measure);
        }
    }
    out.push_str("end\n");
    out
}

/// The fingerprint of a record: SHA-256 of its canonical text.
pub fn fingerprint(record: &Record) -> Fingerprint {
    Fingerprint(Sha256::digest(canonical_text(record).as_bytes()).into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_known_texts() {
        // The test vectors of FIPS 180-2.
        let hex = |text: &str| Fingerprint(Sha256::digest(text.as_bytes()).into()).hex();
        assert_eq!(
            hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            hex(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn fields_escape_what_would_break_a_line() {
        assert_eq!(field("a\\b\tc\nd"), "a\\\\b\\tc\\nd");
        assert_eq!(field("Ölpreis „hoch“"), "Ölpreis „hoch“");
    }

    #[test]
    fn typed_fingerprints_match_in_full_or_by_their_start() {
        let print = Fingerprint([0xab; 32]);
        assert_eq!(print.short(), "abab abab abab abab");
        assert_eq!(print.grouped().len(), 64 + 15);
        assert_eq!(print.compare(&print.hex()), Comparison::Matches);
        assert_eq!(
            print.compare(&print.grouped().to_uppercase()),
            Comparison::Matches
        );
        assert_eq!(
            print.compare(&format!("sha256:{}", print.hex())),
            Comparison::Matches
        );
        assert_eq!(print.compare(" abab-abab abab:abab "), Comparison::Matches);
        assert_eq!(print.compare("abab abab abab"), Comparison::TooShort);
        assert_eq!(print.compare("abab abab abab abac"), Comparison::Differs);
        assert_eq!(print.compare("abac"), Comparison::Differs, "wrong at once");
        assert_eq!(
            print.compare(&format!("{}0", print.hex())),
            Comparison::Differs,
            "too long"
        );
        assert_eq!(print.compare("Fingerabdruck"), Comparison::Differs);
        assert_eq!(print.compare("  "), Comparison::Nothing);
    }
}
