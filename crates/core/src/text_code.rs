//! Short German texts (notes, names) in few bits: a fixed Huffman code over the letters of German text, about 4.7
//! bits a character instead of UTF-8's 8 or more.
//!
//! Why not deflate: a note is one or two sentences, too short for deflate to find repeats worth its block header,
//! and a deflate library would add its code to every visitor's download. The code's weights are the letter counts
//! of the bundled catalogs' German texts, rounded; a character outside the table is written after an escape code
//! as its Unicode scalar value, and a text that would come out longer coded than as UTF-8 (another script) is
//! written as UTF-8. The table is part of the link format: changing a weight changes every code, so it needs a
//! new format version (a test pins a coded text).

use std::sync::OnceLock;

use crate::codec::{BitReader, BitWriter, BitsError};

/// The characters of the code and how often each occurs in German text, most frequent first. `ESCAPE` stands for
/// every other character.
const WEIGHTS: &[(char, u32)] = &[
    ('e', 17293),
    (' ', 13975),
    ('n', 10974),
    ('r', 7991),
    ('i', 7533),
    ('t', 7047),
    ('s', 5540),
    ('u', 4472),
    ('a', 4442),
    ('d', 3982),
    ('h', 3820),
    ('g', 3602),
    ('l', 3540),
    ('f', 2537),
    ('c', 2505),
    ('b', 2283),
    ('o', 2078),
    ('m', 1941),
    ('w', 1315),
    ('k', 1233),
    ('z', 1145),
    ('.', 1094),
    (',', 1021),
    ('ä', 923),
    ('ü', 811),
    ('A', 735),
    ('v', 693),
    ('B', 648),
    ('p', 578),
    ('S', 432),
    ('E', 402),
    ('W', 392),
    ('K', 350),
    ('F', 320),
    ('U', 314),
    ('G', 282),
    ('P', 277),
    ('ö', 271),
    ('V', 271),
    ('D', 229),
    ('L', 217),
    ('I', 216),
    ('M', 216),
    ('-', 215),
    ('H', 179),
    ('1', 175),
    ('R', 173),
    ('ß', 169),
    ('N', 153),
    ('Z', 152),
    ('2', 148),
    ('T', 148),
    ('3', 102),
    ('\n', 91),
    ('4', 88),
    (':', 83),
    ('j', 81),
    ('–', 80),
    ('O', 75),
    ('0', 60),
    ('5', 52),
    ('?', 52),
    ('Ü', 49),
    ('x', 47),
    ('6', 45),
    ('!', 40),
    ('7', 40),
    ('8', 40),
    ('9', 40),
    ('J', 39),
    ('C', 36),
    ('q', 34),
    ('/', 34),
    ('(', 32),
    (')', 32),
    ('Q', 30),
    ('y', 30),
    ('"', 20),
    ('„', 20),
    ('“', 20),
    ('%', 20),
    ('&', 20),
    ('€', 20),
    ('+', 15),
    ('Ä', 10),
    ('Ö', 10),
    ('§', 10),
    ('…', 10),
    ('\'', 10),
    (';', 8),
    ('X', 5),
    ('Y', 5),
    ('@', 5),
    ('=', 5),
    ('*', 5),
];

/// The weight of the escape, after which a character outside the table follows as its scalar value.
const ESCAPE_WEIGHT: u32 = 30;

/// One code: its length in bits and its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Code {
    length: u32,
    value: u64,
}

/// The canonical Huffman code built from [`WEIGHTS`]: the symbol at index `WEIGHTS.len()` is the escape.
struct Table {
    /// The code of each symbol, by symbol index.
    codes: Vec<Code>,
    /// Symbol indices ordered by code (length, then value), for decoding.
    by_code: Vec<usize>,
    /// Per code length: how many codes have it, and the first code of that length.
    counts: Vec<u64>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(build_table)
}

/// Builds the code: Huffman's tree for the code lengths (ties broken by the lower index, so the code is the same
/// on every machine), then canonical codes in order of length and index.
fn build_table() -> Table {
    let weights: Vec<u64> = WEIGHTS
        .iter()
        .map(|&(_, weight)| u64::from(weight))
        .chain(std::iter::once(u64::from(ESCAPE_WEIGHT)))
        .collect();
    let symbols = weights.len();
    // Nodes: the symbols, then the inner nodes as they are made; each inner node remembers its children.
    let mut node_weights = weights.clone();
    let mut children: Vec<Option<(usize, usize)>> = vec![None; symbols];
    let mut open: Vec<usize> = (0..symbols).collect();
    while open.len() > 1 {
        let take_lightest = |open: &mut Vec<usize>| {
            let position = (0..open.len())
                .min_by_key(|&position| (node_weights[open[position]], open[position]))
                .unwrap_or(0);
            open.swap_remove(position)
        };
        let first = take_lightest(&mut open);
        let second = take_lightest(&mut open);
        node_weights.push(node_weights[first] + node_weights[second]);
        children.push(Some((first, second)));
        open.push(node_weights.len() - 1);
    }
    let mut lengths = vec![0u32; symbols];
    let mut stack: Vec<(usize, u32)> = open.first().map(|&root| (root, 0)).into_iter().collect();
    while let Some((node, depth)) = stack.pop() {
        match children[node] {
            Some((left, right)) => {
                stack.push((left, depth + 1));
                stack.push((right, depth + 1));
            }
            None => lengths[node] = depth.max(1),
        }
    }
    let mut by_code: Vec<usize> = (0..symbols).collect();
    by_code.sort_unstable_by_key(|&symbol| (lengths[symbol], symbol));
    let longest = lengths.iter().copied().max().unwrap_or(1) as usize;
    let mut counts = vec![0u64; longest + 1];
    for &length in &lengths {
        counts[length as usize] += 1;
    }
    let mut codes = vec![
        Code {
            length: 0,
            value: 0
        };
        symbols
    ];
    let mut value = 0u64;
    let mut previous_length = 0u32;
    for &symbol in &by_code {
        let length = lengths[symbol];
        value <<= length - previous_length;
        codes[symbol] = Code { length, value };
        value += 1;
        previous_length = length;
    }
    Table {
        codes,
        by_code,
        counts,
    }
}

/// The symbol index of a character, or `None` when it is written after the escape.
fn symbol_of(character: char) -> Option<usize> {
    WEIGHTS.iter().position(|&(c, _)| c == character)
}

/// How many bits a character takes in the code.
fn coded_bits(table: &Table, character: char) -> usize {
    match symbol_of(character) {
        Some(symbol) => table.codes[symbol].length as usize,
        None => {
            let mut writer = BitWriter::new();
            writer.number(u64::from(u32::from(character)));
            table.codes[WEIGHTS.len()].length as usize + writer.bit_len()
        }
    }
}

/// Writes a text: a flag, then either its length in characters and their codes, or (where that is shorter) its
/// length in bytes and its UTF-8.
pub fn write_text(writer: &mut BitWriter, text: &str) {
    let table = table();
    let coded: usize = text
        .chars()
        .map(|character| coded_bits(table, character))
        .sum();
    if coded <= text.len() * 8 {
        writer.bit(false);
        writer.number(text.chars().count() as u64);
        for character in text.chars() {
            match symbol_of(character) {
                Some(symbol) => {
                    let code = table.codes[symbol];
                    writer.bits(code.value, code.length);
                }
                None => {
                    let escape = table.codes[WEIGHTS.len()];
                    writer.bits(escape.value, escape.length);
                    writer.number(u64::from(u32::from(character)));
                }
            }
        }
    } else {
        writer.bit(true);
        writer.number(text.len() as u64);
        writer.bytes(text.as_bytes());
    }
}

/// Why a text could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TextError {
    /// Occurs when the bits end early or a number is out of range.
    #[error(transparent)]
    Bits(#[from] BitsError),
    /// Occurs when the text is longer than the caller allows.
    #[error("the text is too long")]
    TooLong,
    /// Occurs when the bits are no text: invalid UTF-8, or an escaped number that is no Unicode character.
    #[error("the text is not valid")]
    Invalid,
}

/// Reads a text written by [`write_text`] of at most `max_chars` characters.
pub fn read_text(reader: &mut BitReader, max_chars: usize) -> Result<String, TextError> {
    if reader.bit()? {
        let length = reader.number()?;
        // A character takes at least one byte of UTF-8, and every byte must be there.
        if length > (max_chars as u64).saturating_mul(4) {
            return Err(TextError::TooLong);
        }
        let bytes = reader.bytes(usize::try_from(length).map_err(|_| TextError::TooLong)?)?;
        let text = String::from_utf8(bytes).map_err(|_| TextError::Invalid)?;
        if text.chars().count() > max_chars {
            return Err(TextError::TooLong);
        }
        return Ok(text);
    }
    let count = reader.number()?;
    if count > max_chars as u64 {
        return Err(TextError::TooLong);
    }
    // Every code is at least one bit long, so a count beyond the bits left is a lie; checked before allocating.
    if count > reader.remaining() as u64 {
        return Err(BitsError::Truncated.into());
    }
    let table = table();
    let mut text = String::with_capacity(count as usize);
    for _ in 0..count {
        let symbol = read_symbol(reader, table)?;
        match WEIGHTS.get(symbol) {
            Some(&(character, _)) => text.push(character),
            None => {
                let value = reader.number_up_to(u64::from(u32::from(char::MAX)))?;
                let character = u32::try_from(value)
                    .ok()
                    .and_then(char::from_u32)
                    .ok_or(TextError::Invalid)?;
                text.push(character);
            }
        }
    }
    Ok(text)
}

/// Reads one canonical code, bit by bit.
fn read_symbol(reader: &mut BitReader, table: &Table) -> Result<usize, TextError> {
    let mut code = 0u64;
    let mut first = 0u64;
    let mut index = 0u64;
    for length in 1..table.counts.len() {
        code |= u64::from(reader.bit()?);
        let count = table.counts[length];
        if code < first + count {
            let position =
                usize::try_from(index + (code - first)).map_err(|_| TextError::Invalid)?;
            return table
                .by_code
                .get(position)
                .copied()
                .ok_or(TextError::Invalid);
        }
        index += count;
        first = (first + count) << 1;
        code <<= 1;
    }
    Err(TextError::Invalid)
}

/// How many bits [`write_text`] takes for a text.
pub fn text_bits(text: &str) -> usize {
    let mut writer = BitWriter::new();
    write_text(&mut writer, text);
    writer.bit_len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn round_trip(text: &str) -> Result<String, TextError> {
        let mut writer = BitWriter::new();
        write_text(&mut writer, text);
        let bytes = writer.finish();
        read_text(&mut BitReader::new(&bytes), 10_000)
    }

    #[test]
    fn the_code_is_prefix_free_and_complete() {
        let table = table();
        // Kraft's sum of a complete prefix code is exactly 1.
        let longest = table.counts.len() as u32 - 1;
        let kraft: u64 = table
            .codes
            .iter()
            .map(|code| 1u64 << (longest - code.length))
            .sum();
        assert_eq!(kraft, 1u64 << longest);
        assert!(longest <= 24, "the longest code has {longest} bits");
        let mut seen = std::collections::BTreeSet::new();
        for &(character, _) in WEIGHTS {
            assert!(seen.insert(character), "{character:?} twice in the table");
        }
    }

    #[test]
    fn german_notes_take_well_under_six_bits_a_character() {
        let note = "Wir haben keinen Überblick über die Abfallmengen je Bereich; das klären wir bis März mit dem Einkauf.";
        let bits = text_bits(note);
        let characters = note.chars().count();
        assert!(
            bits * 10 < characters * 50,
            "{bits} bits for {characters} characters"
        );
        assert_eq!(round_trip(note).as_deref(), Ok(note));
    }

    #[test]
    fn the_code_of_a_text_is_pinned_by_the_link_format() {
        // Changing the table changes every link already handed out: that needs a new link format version.
        let mut writer = BitWriter::new();
        write_text(&mut writer, PINNED_TEXT);
        assert_eq!(crate::codec::base64_url(&writer.finish()), PINNED_CODE);
    }

    const PINNED_TEXT: &str = "Übergabe an Jörg: 12 Fässer (5 %) prüfen, ✓";
    const PINNED_CODE: &str = "bF_PQNemgNEf8PY1_1P0_A-jnKQY_6fxP_X_U97dMguR_4nG4g";

    #[test]
    fn other_scripts_and_rare_characters_survive() {
        for text in [
            "",
            "Ωμέγα",
            "日本語のメモ",
            "emoji 🙂 und ½",
            "\u{0}\u{7f}",
            "Tab\tund\r\nZeile",
        ] {
            assert_eq!(round_trip(text).as_deref(), Ok(text));
        }
        // Another script goes as UTF-8, never longer than that plus the length.
        assert!(text_bits("日本語のメモ") <= 1 + 10 + 8 * "日本語のメモ".len());
    }

    #[test]
    fn limits_and_damage_are_errors() {
        let mut writer = BitWriter::new();
        write_text(&mut writer, "zu lang");
        let bytes = writer.finish();
        assert_eq!(
            read_text(&mut BitReader::new(&bytes), 3),
            Err(TextError::TooLong)
        );
        assert!(read_text(&mut BitReader::new(&bytes[..2]), 100).is_err());
        // Raw UTF-8 that is not UTF-8.
        let mut writer = BitWriter::new();
        writer.bit(true);
        writer.number(1);
        writer.bytes(&[0xff]);
        assert_eq!(
            read_text(&mut BitReader::new(&writer.finish()), 100),
            Err(TextError::Invalid)
        );
    }

    proptest! {
        #[test]
        fn any_text_round_trips(text in any::<String>()) {
            prop_assert_eq!(round_trip(&text), Ok(text));
        }

        #[test]
        fn german_like_text_round_trips(text in "[a-zäöüßA-Z .,;:!?0-9€„“-]{0,200}") {
            prop_assert_eq!(round_trip(&text), Ok(text));
        }

        #[test]
        fn arbitrary_bits_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..80)) {
            let _ = read_text(&mut BitReader::new(&bytes), 500);
        }
    }
}
