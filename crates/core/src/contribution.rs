//! How invitations and contributions travel without a server: as the part of a link after `#` (which browsers
//! never send to a server), as the QR code of that link, or as a small file.
//!
//! # The link format (version 1)
//!
//! The data after `#` is URL-safe Base64 of a stream of bits, followed by the CRC-32 of those bytes:
//!
//! - a header byte: the kind (1 invitation, 2 contribution) in the high four bits, the format version in the low;
//! - an invitation: team id (64 bits), catalog id, catalog version, the fingerprint of the catalog's items and
//!   choices ([`item_order`], 32 bits), team name, and the chosen Bausteine (a count, 0 for all, then their ids);
//! - a contribution: team id and contribution id (64 bits each), the time it was made (seconds), catalog id and
//!   version, the person's name, then the answers in one of two forms. *By position*, where the participant's
//!   catalog has the fingerprint the invitation named: the fingerprint, then the stretch of items from the first to
//!   the last one answered (its start and length), one digit per item in catalog order (no rating, each level,
//!   "not relevant", times each priority or none), all packed as one number in mixed radix (five choices cost 2.32
//!   bits an item), then the notes as (distance to the previous note's item, text).
//!   *By id* otherwise (another catalog version, or a choice this version does not know): a count, then per answer
//!   its item id, choice, priority and note. A facilitator whose catalog has changed since can then still match
//!   the answers by item id, and list what no longer exists.
//!
//! Numbers are written in groups of four bits, texts with [`crate::text_code`]. The checksum makes a truncated or
//! altered link fail whole with [`LinkError::Damaged`] instead of being half applied; it proves nothing about who
//! made the link (anyone can compute it). The checksum stays the last four bytes in every future version, so that a
//! newer link is told apart from a damaged one.
//!
//! # The file
//!
//! A contribution as JSON (`{"format": "checkwerk-contribution", "version": 1, "contribution": {...}}`), answers by
//! item id: readable by a person who wants to see what they pass on, and independent of catalog versions.

use serde::{Deserialize, Serialize};

use crate::catalog::Catalog;
use crate::codec::{base64_url, crc32, from_base64_url, pack_digits, unpack_digits, BitReader};
use crate::codec::{BitWriter, BitsError};
use crate::date::Timestamp;
use crate::run::Run;
use crate::team::{is_short_id, ContributedAnswer, Contribution, Invitation, Participation, Team};
use crate::text_code::{read_text, write_text, TextError};

/// The link format this build writes and the newest it reads.
pub const LINK_FORMAT_VERSION: u8 = 1;
/// Marks a contribution file.
pub const FILE_FORMAT_NAME: &str = "checkwerk-contribution";
/// The contribution file version this build writes and the newest it reads.
pub const FILE_FORMAT_VERSION: u32 = 1;
/// The longest text read as a link or pasted code, in bytes; longer is refused before any decoding.
pub const MAX_LINK_LENGTH: usize = 40_000;
/// The longest data after `#` this build writes, in characters: browsers and messengers carry it, QR codes do
/// not (a QR code holds at most about 2,300 characters of a link at the error correction used).
pub const MAX_LINK_DATA: usize = 30_000;
/// The longest name (of a person or a team) in a link or file, in characters.
pub const MAX_NAME: usize = 200;
/// The longest note in a link or file, in characters.
pub const MAX_NOTE: usize = 5_000;
/// The longest id (catalog, version, module, item, choice) in a link or file, in characters.
pub const MAX_ID: usize = 200;
/// The most answers a contribution may hold; a catalog has a few dozen items.
pub const MAX_ANSWERS: usize = 5_000;
/// The most Bausteine an invitation may name.
pub const MAX_MODULES: usize = 500;

const KIND_INVITATION: u8 = 1;
const KIND_CONTRIBUTION: u8 = 2;
/// Seconds up to the year 5000: later times are not real.
const MAX_SECONDS: u64 = 95_617_584_000;

/// What a link holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    /// An invitation to a team assessment.
    Invitation,
    /// One person's contribution.
    Contribution,
}

/// Why a link, code or file was refused. Nothing of it was taken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LinkError {
    /// Occurs when the text holds no data: empty, or nothing after `#`.
    #[error("the text holds no link data")]
    Empty,
    /// Occurs when the data is incomplete or altered: cut off (as messengers and e-mail programs sometimes do),
    /// characters changed, or not our data at all. The checksum does not match.
    #[error("the link is incomplete or altered")]
    Damaged,
    /// Occurs when the data was made by a newer version of Checkwerk (the link or file format version it names).
    #[error("made by a newer version of Checkwerk (format {0})")]
    FromTheFuture(u32),
    /// Occurs when a link of the other kind was given: an invitation where a contribution was expected, or the
    /// reverse.
    #[error("the link is of another kind: {0:?}")]
    WrongKind(LinkKind),
    /// Occurs when the data is for another check (its catalog id).
    #[error("the link is for another check ({0})")]
    OtherCheck(String),
    /// Occurs when a contribution names its items by position for another version of the catalog (named), whose
    /// items this site does not know: the person can pass it on as a file, which names items by id.
    #[error("the link is for another version of the check ({0})")]
    OtherVersion(String),
    /// Occurs when the checksum matches but the content breaks the format's rules (a crafted link): the rule named.
    #[error("the data breaks the format ({0})")]
    Invalid(&'static str),
    /// Occurs when the text is far longer than any link or file the app makes.
    #[error("the data is implausibly large")]
    TooLarge,
    /// Occurs when a file is JSON but not a contribution file (for instance an exported run).
    #[error("the file is not a contribution")]
    NotAContributionFile,
}

/// Why a contribution or invitation could not be written as a link.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EncodeError {
    /// Occurs when a team or contribution id is not 16 hexadecimal digits (a hand-edited run).
    #[error("an id is not in the form links need")]
    BadId,
    /// Occurs when a name or note is longer than links allow, or the whole link would be; the item id of the
    /// note, where it is one.
    #[error("too long for a link")]
    TooLong(Option<String>),
}

impl From<BitsError> for LinkError {
    fn from(error: BitsError) -> Self {
        match error {
            BitsError::Truncated => LinkError::Invalid("data ends early"),
            BitsError::OutOfRange => LinkError::Invalid("number out of range"),
        }
    }
}

impl From<TextError> for LinkError {
    fn from(error: TextError) -> Self {
        match error {
            TextError::Bits(bits) => bits.into(),
            TextError::TooLong => LinkError::TooLarge,
            TextError::Invalid => LinkError::Invalid("text"),
        }
    }
}

/// How one item's answer is written by position: its choices (levels, then "not relevant") and priorities.
struct ItemCode<'a> {
    item_id: &'a str,
    choices: Vec<&'a str>,
    priorities: Vec<u8>,
}

impl ItemCode<'_> {
    /// No choice or one of the choices, times no priority or one of the priorities.
    fn radix(&self) -> u32 {
        (self.choices.len() as u32 + 1) * (self.priorities.len() as u32 + 1)
    }

    /// The digit of an answer, or `None` when it holds a choice or priority this item does not have.
    fn digit(&self, answer: &ContributedAnswer) -> Option<u32> {
        let choice = match answer.choice.as_deref() {
            None => 0,
            Some(key) => self.choices.iter().position(|choice| *choice == key)? as u32 + 1,
        };
        let priority = match answer.priority {
            None => 0,
            Some(value) => self.priorities.iter().position(|p| *p == value)? as u32 + 1,
        };
        Some(choice * (self.priorities.len() as u32 + 1) + priority)
    }

    fn answer(&self, digit: u32) -> ContributedAnswer {
        let per_choice = self.priorities.len() as u32 + 1;
        let choice = (digit / per_choice) as usize;
        let priority = (digit % per_choice) as usize;
        ContributedAnswer {
            choice: choice
                .checked_sub(1)
                .and_then(|index| self.choices.get(index))
                .map(|key| (*key).to_owned()),
            priority: priority
                .checked_sub(1)
                .and_then(|index| self.priorities.get(index))
                .copied(),
            note: String::new(),
        }
    }
}

fn item_codes(catalog: &Catalog) -> Vec<ItemCode<'_>> {
    catalog
        .items()
        .map(|(module, item)| {
            let scale = catalog.scale_for(module, item);
            ItemCode {
                item_id: &item.id,
                choices: scale
                    .iter()
                    .flat_map(|scale| {
                        scale
                            .levels
                            .iter()
                            .map(|level| level.key.as_str())
                            .chain(scale.not_relevant.iter().map(|choice| choice.key.as_str()))
                    })
                    .collect(),
                priorities: scale
                    .and_then(|scale| scale.priority.as_ref())
                    .map(|priority| priority.levels.iter().map(|level| level.value).collect())
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// The fingerprint of what a contribution by position depends on: the items in order with their choices and
/// priorities. Two catalog versions that only reword texts have the same.
pub fn item_order(catalog: &Catalog) -> u32 {
    let mut text = String::new();
    for code in item_codes(catalog) {
        text.push_str(code.item_id);
        text.push('\u{1f}');
        text.push_str(&code.choices.join("\u{1e}"));
        text.push('\u{1f}');
        for priority in &code.priorities {
            text.push_str(&priority.to_string());
            text.push(',');
        }
        text.push('\n');
    }
    crc32(text.as_bytes())
}

/// The invitation to a team assessment of a catalog.
pub fn invitation(team: &Team, catalog: &Catalog) -> Invitation {
    Invitation {
        team_id: team.id.clone(),
        team_name: team.name.clone(),
        catalog_id: catalog.id.clone(),
        catalog_version: catalog.version.clone(),
        item_order: item_order(catalog),
        modules: team.modules.clone(),
    }
}

/// The contribution a participant's run makes: the answers to the items of the invited Bausteine (by the
/// participant's catalog), the name they gave, stamped with the run's last change to the second.
pub fn contribution_of(
    run: &Run,
    participation: &Participation,
    catalog: &Catalog,
) -> Contribution {
    let invited = &participation.invitation.modules;
    // Bausteine this catalog version no longer has cannot be rated; if none of the invited is left, all are asked.
    let known_invited = invited.iter().any(|id| catalog.module(id).is_some());
    let asked = |item_id: &str| {
        catalog
            .item(item_id)
            .is_some_and(|(module, _)| !known_invited || invited.contains(&module.id))
    };
    let answers = run
        .answers
        .iter()
        .filter(|(item_id, answer)| asked(item_id) && !answer.is_empty())
        .map(|(item_id, answer)| {
            (
                item_id.clone(),
                ContributedAnswer {
                    choice: answer.choice.clone(),
                    priority: answer.priority,
                    note: answer.note.clone(),
                },
            )
        })
        .collect();
    Contribution {
        id: participation.contribution_id.clone(),
        team_id: participation.invitation.team_id.clone(),
        catalog_id: catalog.id.clone(),
        catalog_version: catalog.version.clone(),
        participant: participation.participant.trim().to_owned(),
        made_at: Timestamp(run.updated_at.0.max(0) / 1000 * 1000),
        received_at: Timestamp::default(),
        answers,
    }
}

fn write_id(writer: &mut BitWriter, id: &str) -> Result<(), EncodeError> {
    if !is_short_id(id) {
        return Err(EncodeError::BadId);
    }
    let value = u64::from_str_radix(id, 16).map_err(|_| EncodeError::BadId)?;
    writer.bits(value, 64);
    Ok(())
}

fn read_id(reader: &mut BitReader) -> Result<String, LinkError> {
    Ok(crate::team::short_id(reader.bits(64)?))
}

fn write_limited(
    writer: &mut BitWriter,
    text: &str,
    limit: usize,
    item_id: Option<&str>,
) -> Result<(), EncodeError> {
    if text.chars().count() > limit {
        return Err(EncodeError::TooLong(item_id.map(str::to_owned)));
    }
    write_text(writer, text);
    Ok(())
}

/// The bytes with their checksum, as link data.
fn seal(writer: BitWriter) -> Result<String, EncodeError> {
    let mut bytes = writer.finish();
    let check = crc32(&bytes);
    bytes.extend_from_slice(&check.to_be_bytes());
    let data = base64_url(&bytes);
    if data.len() > MAX_LINK_DATA {
        return Err(EncodeError::TooLong(None));
    }
    Ok(data)
}

/// The link data (the part after `#`) of an invitation.
pub fn encode_invitation(invitation: &Invitation) -> Result<String, EncodeError> {
    let mut writer = BitWriter::new();
    writer.bits(u64::from(KIND_INVITATION << 4 | LINK_FORMAT_VERSION), 8);
    write_id(&mut writer, &invitation.team_id)?;
    write_limited(&mut writer, &invitation.catalog_id, MAX_ID, None)?;
    write_limited(&mut writer, &invitation.catalog_version, MAX_ID, None)?;
    writer.bits(u64::from(invitation.item_order), 32);
    write_limited(&mut writer, &invitation.team_name, MAX_NAME, None)?;
    if invitation.modules.len() > MAX_MODULES {
        return Err(EncodeError::TooLong(None));
    }
    writer.number(invitation.modules.len() as u64);
    for module in &invitation.modules {
        write_limited(&mut writer, module, MAX_ID, None)?;
    }
    seal(writer)
}

/// The link data (the part after `#`) of a contribution: by position where `facilitator_order` (the
/// [`item_order`] the invitation named) is this catalog's and every answer fits it, else by item id.
pub fn encode_contribution(
    contribution: &Contribution,
    catalog: &Catalog,
    facilitator_order: u32,
) -> Result<String, EncodeError> {
    if contribution.answers.len() > MAX_ANSWERS {
        return Err(EncodeError::TooLong(None));
    }
    let mut writer = BitWriter::new();
    writer.bits(u64::from(KIND_CONTRIBUTION << 4 | LINK_FORMAT_VERSION), 8);
    write_id(&mut writer, &contribution.team_id)?;
    write_id(&mut writer, &contribution.id)?;
    writer.number((contribution.made_at.0.max(0) / 1000) as u64);
    write_limited(&mut writer, &contribution.catalog_id, MAX_ID, None)?;
    write_limited(&mut writer, &contribution.catalog_version, MAX_ID, None)?;
    write_limited(&mut writer, &contribution.participant, MAX_NAME, None)?;

    let codes = item_codes(catalog);
    let order = item_order(catalog);
    let digits: Option<Vec<u32>> = (order == facilitator_order
        && contribution.catalog_id == catalog.id
        && contribution
            .answers
            .keys()
            .all(|item_id| codes.iter().any(|code| code.item_id == item_id)))
    .then(|| {
        codes
            .iter()
            .map(|code| match contribution.answers.get(code.item_id) {
                Some(answer) => code.digit(answer),
                None => Some(0),
            })
            .collect()
    })
    .flatten();
    match digits {
        Some(digits) => {
            writer.bit(true);
            writer.bits(u64::from(order), 32);
            // Only the stretch from the first to the last item answered: a team that rates two of seven Bausteine
            // sends no run of empty digits for the other five.
            let first = digits.iter().position(|&digit| digit != 0).unwrap_or(0);
            let end = digits
                .iter()
                .rposition(|&digit| digit != 0)
                .map_or(first, |last| last + 1);
            writer.number(first as u64);
            writer.number((end - first) as u64);
            let radices: Vec<u32> = codes[first..end].iter().map(ItemCode::radix).collect();
            pack_digits(&mut writer, &digits[first..end], &radices);
            let notes: Vec<(usize, &str)> = codes
                .iter()
                .enumerate()
                .filter_map(|(position, code)| {
                    let answer = contribution.answers.get(code.item_id)?;
                    (!answer.note.is_empty()).then_some((position, answer.note.as_str()))
                })
                .collect();
            writer.number(notes.len() as u64);
            let mut previous = 0;
            for (position, note) in notes {
                writer.number((position - previous) as u64);
                previous = position;
                write_limited(&mut writer, note, MAX_NOTE, Some(codes[position].item_id))?;
            }
        }
        None => {
            writer.bit(false);
            writer.number(contribution.answers.len() as u64);
            for (item_id, answer) in &contribution.answers {
                write_limited(&mut writer, item_id, MAX_ID, None)?;
                writer.bit(answer.choice.is_some());
                if let Some(choice) = &answer.choice {
                    write_limited(&mut writer, choice, MAX_ID, None)?;
                }
                writer.bit(answer.priority.is_some());
                if let Some(priority) = answer.priority {
                    writer.bits(u64::from(priority), 8);
                }
                write_limited(&mut writer, &answer.note, MAX_NOTE, Some(item_id))?;
            }
        }
    }
    seal(writer)
}

/// The link data in a text: what follows the last `#` (or the whole text, if it has none), up to the first
/// character that Base64 for addresses does not use (so a full stop or bracket after a pasted link does not
/// count), checked against its checksum. Returns the bytes before the checksum.
fn link_bytes(text: &str) -> Result<Vec<u8>, LinkError> {
    if text.len() > MAX_LINK_LENGTH {
        return Err(LinkError::TooLarge);
    }
    let text = text.trim();
    let after_hash = text.rsplit_once('#').map_or(text, |(_, data)| data);
    let end = after_hash
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(after_hash.len());
    let data = &after_hash[..end];
    if data.is_empty() {
        return Err(LinkError::Empty);
    }
    let mut bytes = from_base64_url(data).ok_or(LinkError::Damaged)?;
    if bytes.len() < 5 {
        return Err(LinkError::Damaged);
    }
    let check = bytes.split_off(bytes.len() - 4);
    if crc32(&bytes).to_be_bytes()[..] != check[..] {
        return Err(LinkError::Damaged);
    }
    Ok(bytes)
}

/// Reads the header byte: the kind of link, after checking the version.
fn read_header(reader: &mut BitReader) -> Result<LinkKind, LinkError> {
    let header = reader.bits(8)? as u8;
    let version = header & 0x0f;
    if version > LINK_FORMAT_VERSION {
        return Err(LinkError::FromTheFuture(u32::from(version)));
    }
    if version == 0 {
        return Err(LinkError::Invalid("version 0"));
    }
    match header >> 4 {
        KIND_INVITATION => Ok(LinkKind::Invitation),
        KIND_CONTRIBUTION => Ok(LinkKind::Contribution),
        _ => Err(LinkError::Invalid("unknown kind")),
    }
}

/// What kind of link a text holds, if it holds one whole.
pub fn link_kind(text: &str) -> Result<LinkKind, LinkError> {
    let bytes = link_bytes(text)?;
    read_header(&mut BitReader::new(&bytes))
}

fn expect_end(reader: &BitReader) -> Result<(), LinkError> {
    if reader.only_padding_left() {
        Ok(())
    } else {
        Err(LinkError::Invalid("data after the end"))
    }
}

/// Reads an invitation for a catalog from a link, a link's data, or a text with a link in it.
pub fn decode_invitation(text: &str, catalog: &Catalog) -> Result<Invitation, LinkError> {
    let bytes = link_bytes(text)?;
    let mut reader = BitReader::new(&bytes);
    match read_header(&mut reader)? {
        LinkKind::Invitation => {}
        other => return Err(LinkError::WrongKind(other)),
    }
    let team_id = read_id(&mut reader)?;
    let catalog_id = read_text(&mut reader, MAX_ID)?;
    if catalog_id != catalog.id {
        return Err(LinkError::OtherCheck(catalog_id));
    }
    let catalog_version = read_text(&mut reader, MAX_ID)?;
    let item_order = reader.bits(32)? as u32;
    let team_name = read_text(&mut reader, MAX_NAME)?;
    let count = reader.number_up_to(MAX_MODULES as u64)?;
    let modules = (0..count)
        .map(|_| read_text(&mut reader, MAX_ID))
        .collect::<Result<Vec<String>, TextError>>()?;
    expect_end(&reader)?;
    Ok(Invitation {
        team_id,
        team_name,
        catalog_id,
        catalog_version,
        item_order,
        modules,
    })
}

/// Reads a contribution for a catalog from a link, a link's data, or a text with a link in it.
pub fn decode_contribution(text: &str, catalog: &Catalog) -> Result<Contribution, LinkError> {
    let bytes = link_bytes(text)?;
    let mut reader = BitReader::new(&bytes);
    match read_header(&mut reader)? {
        LinkKind::Contribution => {}
        other => return Err(LinkError::WrongKind(other)),
    }
    let team_id = read_id(&mut reader)?;
    let id = read_id(&mut reader)?;
    let seconds = reader.number_up_to(MAX_SECONDS)?;
    let catalog_id = read_text(&mut reader, MAX_ID)?;
    if catalog_id != catalog.id {
        return Err(LinkError::OtherCheck(catalog_id));
    }
    let catalog_version = read_text(&mut reader, MAX_ID)?;
    let participant = read_text(&mut reader, MAX_NAME)?;
    let mut answers = std::collections::BTreeMap::new();
    if reader.bit()? {
        if reader.bits(32)? as u32 != item_order(catalog) {
            return Err(LinkError::OtherVersion(catalog_version));
        }
        let codes = item_codes(catalog);
        let first = reader.number_up_to(codes.len() as u64)? as usize;
        let count = reader.number_up_to((codes.len() - first) as u64)? as usize;
        let stretch = &codes[first..first + count];
        let radices: Vec<u32> = stretch.iter().map(ItemCode::radix).collect();
        let digits = unpack_digits(&mut reader, &radices)?;
        for (code, digit) in stretch.iter().zip(digits) {
            if digit > 0 {
                answers.insert(code.item_id.to_owned(), code.answer(digit));
            }
        }
        let notes = reader.number_up_to(codes.len() as u64)?;
        let mut position = 0u64;
        for index in 0..notes {
            let step = reader.number()?;
            // Notes go forward through the items; only the first may stand at the first item.
            if index > 0 && step == 0 {
                return Err(LinkError::Invalid("note order"));
            }
            position = position.saturating_add(step);
            let code = usize::try_from(position)
                .ok()
                .and_then(|position| codes.get(position))
                .ok_or(LinkError::Invalid("note position"))?;
            let note = read_text(&mut reader, MAX_NOTE)?;
            if note.is_empty() {
                return Err(LinkError::Invalid("empty note"));
            }
            answers
                .entry(code.item_id.to_owned())
                .or_insert_with(ContributedAnswer::default)
                .note = note;
        }
    } else {
        let count = reader.number_up_to(MAX_ANSWERS as u64)?;
        for _ in 0..count {
            let item_id = read_text(&mut reader, MAX_ID)?;
            let choice = if reader.bit()? {
                Some(read_text(&mut reader, MAX_ID)?)
            } else {
                None
            };
            let priority = if reader.bit()? {
                Some(reader.bits(8)? as u8)
            } else {
                None
            };
            let note = read_text(&mut reader, MAX_NOTE)?;
            let answer = ContributedAnswer {
                choice,
                priority,
                note,
            };
            if item_id.is_empty() || answer.is_empty() {
                return Err(LinkError::Invalid("empty answer"));
            }
            if answers.insert(item_id, answer).is_some() {
                return Err(LinkError::Invalid("item twice"));
            }
        }
    }
    expect_end(&reader)?;
    Ok(Contribution {
        id,
        team_id,
        catalog_id,
        catalog_version,
        participant,
        made_at: Timestamp(seconds as i64 * 1000),
        received_at: Timestamp::default(),
        answers,
    })
}

/// A contribution file, borrowing its contribution.
#[derive(Serialize)]
struct FileRef<'a> {
    format: &'static str,
    version: u32,
    contribution: &'a Contribution,
}

/// A contribution file as read: lenient on unknown fields, like the saved format.
#[derive(Deserialize)]
struct FileOwned {
    format: String,
    version: u32,
    contribution: Contribution,
}

/// A contribution as a file: JSON in one line (indenting it would add a second copy of the JSON writer to the app).
pub fn contribution_file(contribution: &Contribution) -> String {
    let file = FileRef {
        format: FILE_FORMAT_NAME,
        version: FILE_FORMAT_VERSION,
        contribution,
    };
    // Strings, numbers and maps with string keys always serialize.
    serde_json::to_string(&file).unwrap_or_default()
}

/// Reads a contribution file for a catalog. Every rule a link obeys holds for a file too.
pub fn read_contribution_file(text: &str, catalog: &Catalog) -> Result<Contribution, LinkError> {
    if text.len() > MAX_LINK_LENGTH * 50 {
        return Err(LinkError::TooLarge);
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|_| LinkError::NotAContributionFile)?;
    if value.get("format").and_then(|format| format.as_str()) != Some(FILE_FORMAT_NAME) {
        return Err(LinkError::NotAContributionFile);
    }
    if let Some(version) = value.get("version").and_then(|version| version.as_u64()) {
        if version > u64::from(FILE_FORMAT_VERSION) {
            return Err(LinkError::FromTheFuture(
                u32::try_from(version).unwrap_or(u32::MAX),
            ));
        }
    }
    let file: FileOwned =
        serde_json::from_value(value).map_err(|_| LinkError::Invalid("file fields"))?;
    if file.format != FILE_FORMAT_NAME || file.version == 0 {
        return Err(LinkError::NotAContributionFile);
    }
    let mut contribution = file.contribution;
    contribution.received_at = Timestamp::default();
    check_contribution(&contribution, catalog)?;
    Ok(contribution)
}

/// Reads a contribution from whatever a person pasted or opened: a file's text, a link, or a link's data.
pub fn read_contribution(text: &str, catalog: &Catalog) -> Result<Contribution, LinkError> {
    if text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{')
    {
        read_contribution_file(text, catalog)
    } else {
        decode_contribution(text, catalog)
    }
}

/// The rules every contribution obeys, however it came: ids as links need them, for this catalog, within limits.
fn check_contribution(contribution: &Contribution, catalog: &Catalog) -> Result<(), LinkError> {
    if !is_short_id(&contribution.id) || !is_short_id(&contribution.team_id) {
        return Err(LinkError::Invalid("id"));
    }
    if contribution.catalog_id != catalog.id {
        return Err(LinkError::OtherCheck(
            contribution.catalog_id.chars().take(MAX_ID).collect(),
        ));
    }
    let too_long = |text: &str, limit: usize| text.chars().count() > limit;
    if contribution.answers.len() > MAX_ANSWERS
        || too_long(&contribution.catalog_version, MAX_ID)
        || too_long(&contribution.participant, MAX_NAME)
        || contribution.made_at.0 < 0
        || contribution.made_at.0 / 1000 > MAX_SECONDS as i64
    {
        return Err(LinkError::TooLarge);
    }
    for (item_id, answer) in &contribution.answers {
        if item_id.is_empty() || answer.is_empty() {
            return Err(LinkError::Invalid("empty answer"));
        }
        if too_long(item_id, MAX_ID)
            || answer
                .choice
                .as_deref()
                .is_some_and(|choice| too_long(choice, MAX_ID))
            || too_long(&answer.note, MAX_NOTE)
        {
            return Err(LinkError::TooLarge);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing;

    fn contribution() -> Contribution {
        let catalog = testing::catalog();
        let mut run = testing::run();
        run.set_choice("nutzen", Some("hoch".into()), Timestamp(5_500));
        run.set_note("nutzen", "Abfall unklar".into(), Timestamp(5_600));
        run.set_choice(
            "risiken-ermitteln",
            Some("nicht-relevant".into()),
            Timestamp(5_700),
        );
        run.set_priority("risiken-ermitteln", Some(2), Timestamp(5_800));
        let participation = Participation::new(
            invitation(&team(), &catalog),
            "00000000000000b1",
            " Anna ",
            Timestamp(1),
        );
        contribution_of(&run, &participation, &catalog)
    }

    fn team() -> Team {
        Team::new("00000000000000a1", "Werk Süd", vec![], vec![], Timestamp(1))
    }

    #[test]
    fn a_contribution_round_trips_by_position() {
        let catalog = testing::catalog();
        let contribution = contribution();
        assert_eq!(contribution.participant, "Anna");
        assert_eq!(contribution.made_at, Timestamp(5_000), "to the second");
        let data =
            encode_contribution(&contribution, &catalog, item_order(&catalog)).expect("fits");
        let link = format!("https://checks.example/check/umwelt-test/team#{data}");
        assert_eq!(
            decode_contribution(&link, &catalog),
            Ok(contribution.clone())
        );
        assert_eq!(
            decode_contribution(&format!("Mein Beitrag: {link}."), &catalog),
            Ok(contribution)
        );
    }

    #[test]
    fn another_catalog_version_makes_the_link_name_items_by_id() {
        let catalog = testing::catalog();
        let contribution = contribution();
        let by_position =
            encode_contribution(&contribution, &catalog, item_order(&catalog)).expect("fits");
        let by_id = encode_contribution(&contribution, &catalog, 7).expect("fits");
        assert!(by_id.len() > by_position.len());
        assert_eq!(
            decode_contribution(&by_id, &catalog),
            Ok(contribution.clone())
        );
        // The facilitator's catalog has changed since: an item is gone, one is new.
        let mut changed = catalog.clone();
        changed.version = "2".into();
        changed.modules[0].items.remove(0);
        assert_eq!(
            decode_contribution(&by_position, &changed),
            Err(LinkError::OtherVersion("1".into()))
        );
        let read = decode_contribution(&by_id, &changed).expect("by id");
        assert_eq!(
            read.answers.len(),
            2,
            "the removed item's answer is kept, as an orphan"
        );
    }

    #[test]
    fn a_truncated_or_altered_link_is_refused_whole() {
        let catalog = testing::catalog();
        let data =
            encode_contribution(&contribution(), &catalog, item_order(&catalog)).expect("fits");
        for cut in 1..data.len() {
            assert!(
                decode_contribution(&data[..cut], &catalog).is_err(),
                "cut at {cut}"
            );
        }
        let mut altered: Vec<char> = data.chars().collect();
        altered[10] = if altered[10] == 'A' { 'B' } else { 'A' };
        let altered: String = altered.into_iter().collect();
        assert_eq!(
            decode_contribution(&altered, &catalog),
            Err(LinkError::Damaged)
        );
        assert_eq!(
            decode_contribution("https://x/#", &catalog),
            Err(LinkError::Empty)
        );
        assert_eq!(decode_contribution("", &catalog), Err(LinkError::Empty));
    }

    #[test]
    fn invitations_and_contributions_are_told_apart() {
        let catalog = testing::catalog();
        let invitation = invitation(&team(), &catalog);
        let data = encode_invitation(&invitation).expect("fits");
        assert_eq!(decode_invitation(&data, &catalog), Ok(invitation));
        assert_eq!(
            decode_contribution(&data, &catalog),
            Err(LinkError::WrongKind(LinkKind::Invitation))
        );
        let contribution =
            encode_contribution(&contribution(), &catalog, item_order(&catalog)).expect("fits");
        assert_eq!(
            decode_invitation(&contribution, &catalog),
            Err(LinkError::WrongKind(LinkKind::Contribution))
        );
        let mut other = catalog.clone();
        other.id = "anderer-check".into();
        assert_eq!(
            decode_invitation(&data, &other),
            Err(LinkError::OtherCheck("umwelt-test".into()))
        );
    }

    #[test]
    fn a_file_round_trips_and_a_run_file_is_not_a_contribution() {
        let catalog = testing::catalog();
        let contribution = contribution();
        let file = contribution_file(&contribution);
        assert!(file.starts_with(r#"{"format":"checkwerk-contribution","version":1,"#));
        assert_eq!(read_contribution(&file, &catalog), Ok(contribution));
        let run = crate::saved::save_run(&testing::run());
        assert_eq!(
            read_contribution(&run, &catalog),
            Err(LinkError::NotAContributionFile)
        );
        let future = file.replace("\"version\":1", "\"version\":2");
        assert_eq!(
            read_contribution(&future, &catalog),
            Err(LinkError::FromTheFuture(2))
        );
    }

    #[test]
    fn only_the_invited_bausteine_are_passed_on() {
        let catalog = testing::catalog();
        let mut run = testing::run();
        for (_, item) in catalog.items() {
            run.set_choice(&item.id, Some("mittel".into()), Timestamp(1_000));
        }
        let mut team = team();
        team.modules = vec![catalog.modules[1].id.clone()];
        let participation = Participation::new(
            invitation(&team, &catalog),
            "00000000000000b1",
            "",
            Timestamp(1),
        );
        let contribution = contribution_of(&run, &participation, &catalog);
        let mut expected: Vec<&str> = catalog.modules[1]
            .items
            .iter()
            .map(|item| item.id.as_str())
            .collect();
        expected.sort_unstable();
        assert_eq!(
            contribution
                .answers
                .keys()
                .map(String::as_str)
                .collect::<Vec<_>>(),
            expected
        );
    }
}
