//! The building blocks of compact links: a stream of bits, small numbers in few bits, digits of mixed radix packed
//! into one number, a CRC-32 checksum, an FNV-1a hash and URL-safe Base64.
//!
//! Written here in a few lines each rather than taken from crates: the app's download carries every byte, and these
//! are the whole of what the link formats need (see [`crate::contribution`]). Reading never panics and never
//! allocates more than the input can justify: every failure is a [`BitsError`].

/// Why bits could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BitsError {
    /// Occurs when the data ends before what it announces.
    #[error("the data ends too early")]
    Truncated,
    /// Occurs when a number is larger than any the format writes.
    #[error("a number is out of range")]
    OutOfRange,
}

/// Bits written most significant first into bytes; the last byte is padded with zeros.
#[derive(Debug, Clone, Default)]
pub struct BitWriter {
    bytes: Vec<u8>,
    /// How many bits of the last byte are used, 0 when a new byte starts.
    used: u32,
}

impl BitWriter {
    /// An empty stream.
    pub fn new() -> Self {
        BitWriter::default()
    }

    /// Writes one bit.
    pub fn bit(&mut self, bit: bool) {
        if self.used == 0 {
            self.bytes.push(0);
        }
        if bit {
            if let Some(last) = self.bytes.last_mut() {
                *last |= 0x80 >> self.used;
            }
        }
        self.used = (self.used + 1) % 8;
    }

    /// Writes the lowest `count` bits of `value` (at most 64), the most significant first.
    pub fn bits(&mut self, value: u64, count: u32) {
        for shift in (0..count.min(64)).rev() {
            self.bit(value >> shift & 1 == 1);
        }
    }

    /// Writes a number of any size in groups of four bits, each after a flag that says whether more follow:
    /// 0–15 take 5 bits, up to 255 take 10. Small counts and lengths are what links carry most.
    pub fn number(&mut self, mut value: u64) {
        loop {
            let more = value >= 16;
            self.bit(more);
            self.bits(value & 15, 4);
            value >>= 4;
            if !more {
                break;
            }
        }
    }

    /// Writes bytes, eight bits each.
    pub fn bytes(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.bits(u64::from(byte), 8);
        }
    }

    /// How many bits are written so far.
    pub fn bit_len(&self) -> usize {
        match self.used {
            0 => self.bytes.len() * 8,
            used => (self.bytes.len() - 1) * 8 + used as usize,
        }
    }

    /// The bytes, the last one padded with zeros.
    pub fn finish(self) -> Vec<u8> {
        self.bytes
    }
}

/// Reads what a [`BitWriter`] wrote.
#[derive(Debug, Clone)]
pub struct BitReader<'a> {
    bytes: &'a [u8],
    /// The next bit to read, counted from the start.
    position: usize,
}

impl<'a> BitReader<'a> {
    /// A reader at the first bit of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        BitReader { bytes, position: 0 }
    }

    /// How many bits are left.
    pub fn remaining(&self) -> usize {
        (self.bytes.len() * 8).saturating_sub(self.position)
    }

    /// Reads one bit.
    pub fn bit(&mut self) -> Result<bool, BitsError> {
        let byte = self
            .bytes
            .get(self.position / 8)
            .ok_or(BitsError::Truncated)?;
        let bit = byte >> (7 - self.position % 8) & 1 == 1;
        self.position += 1;
        Ok(bit)
    }

    /// Reads `count` bits (at most 64) as a number, the most significant first.
    pub fn bits(&mut self, count: u32) -> Result<u64, BitsError> {
        if count > 64 {
            return Err(BitsError::OutOfRange);
        }
        if self.remaining() < count as usize {
            return Err(BitsError::Truncated);
        }
        let mut value = 0u64;
        for _ in 0..count {
            value = value << 1 | u64::from(self.bit()?);
        }
        Ok(value)
    }

    /// Reads a number written by [`BitWriter::number`].
    pub fn number(&mut self) -> Result<u64, BitsError> {
        let mut value = 0u64;
        for group in 0..16 {
            let more = self.bit()?;
            value |= self.bits(4)? << (4 * group);
            if !more {
                return Ok(value);
            }
        }
        Err(BitsError::OutOfRange)
    }

    /// Reads a number written by [`BitWriter::number`] that must not exceed `limit`.
    pub fn number_up_to(&mut self, limit: u64) -> Result<u64, BitsError> {
        let value = self.number()?;
        if value > limit {
            return Err(BitsError::OutOfRange);
        }
        Ok(value)
    }

    /// Reads `count` bytes.
    pub fn bytes(&mut self, count: usize) -> Result<Vec<u8>, BitsError> {
        if self.remaining() / 8 < count {
            return Err(BitsError::Truncated);
        }
        (0..count)
            .map(|_| self.bits(8).map(|byte| byte as u8))
            .collect()
    }

    /// Whether only the zero bits that pad the last byte are left.
    pub fn only_padding_left(&self) -> bool {
        let remaining = self.remaining();
        if remaining >= 8 {
            return false;
        }
        self.bytes
            .last()
            .is_none_or(|last| remaining == 0 || last & ((1u8 << remaining) - 1) == 0)
    }
}

/// A number as 32-bit limbs, least significant first, for [`pack_digits`].
#[derive(Debug, Clone, PartialEq, Eq)]
struct Big(Vec<u32>);

impl Big {
    fn from_small(value: u32) -> Big {
        Big(vec![value])
    }

    /// `self * factor + addend`.
    fn multiply_add(&mut self, factor: u32, addend: u32) {
        let mut carry = u64::from(addend);
        for limb in &mut self.0 {
            let product = u64::from(*limb) * u64::from(factor) + carry;
            *limb = product as u32;
            carry = product >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    /// Divides by `divisor` (not 0) and returns the remainder.
    fn divide(&mut self, divisor: u32) -> u32 {
        let mut remainder = 0u64;
        for limb in self.0.iter_mut().rev() {
            let current = remainder << 32 | u64::from(*limb);
            *limb = (current / u64::from(divisor)) as u32;
            remainder = current % u64::from(divisor);
        }
        remainder as u32
    }

    /// How many bits the number needs (0 for zero).
    fn bit_len(&self) -> usize {
        match self.0.iter().rposition(|&limb| limb != 0) {
            Some(top) => top * 32 + (32 - self.0[top].leading_zeros() as usize),
            None => 0,
        }
    }

    fn bit(&self, index: usize) -> bool {
        self.0
            .get(index / 32)
            .is_some_and(|limb| limb >> (index % 32) & 1 == 1)
    }

    fn set_bit(&mut self, index: usize) {
        let limb = index / 32;
        if self.0.len() <= limb {
            self.0.resize(limb + 1, 0);
        }
        self.0[limb] |= 1 << (index % 32);
    }

    fn is_less_than(&self, other: &Big) -> bool {
        let length = self.0.len().max(other.0.len());
        for index in (0..length).rev() {
            let mine = self.0.get(index).copied().unwrap_or(0);
            let theirs = other.0.get(index).copied().unwrap_or(0);
            if mine != theirs {
                return mine < theirs;
            }
        }
        false
    }
}

/// How many bits [`pack_digits`] writes for digits of these radices: the fewest that can hold every combination.
pub fn packed_bits(radices: &[u32]) -> usize {
    let mut product = Big::from_small(1);
    for &radix in radices {
        product.multiply_add(radix.max(1), 0);
    }
    // The largest value is product − 1; its bit length is that of the product unless the product is a power of two.
    let length = product.bit_len();
    let power_of_two = (0..length.saturating_sub(1)).all(|index| !product.bit(index));
    if power_of_two {
        length - 1
    } else {
        length
    }
}

/// Writes digits of mixed radix (digit `i` is below `radices[i]`) as one number in [`packed_bits`] bits: five
/// choices per item cost log2(5) ≈ 2.32 bits each rather than 3. Digits at or above their radix are written as 0.
pub fn pack_digits(writer: &mut BitWriter, digits: &[u32], radices: &[u32]) {
    let mut number = Big::from_small(0);
    for (index, &radix) in radices.iter().enumerate().rev() {
        let radix = radix.max(1);
        let digit = digits.get(index).copied().filter(|&digit| digit < radix);
        number.multiply_add(radix, digit.unwrap_or(0));
    }
    for index in (0..packed_bits(radices)).rev() {
        writer.bit(number.bit(index));
    }
}

/// Reads digits written by [`pack_digits`] with the same radices; a number no such digits make is refused.
pub fn unpack_digits(reader: &mut BitReader, radices: &[u32]) -> Result<Vec<u32>, BitsError> {
    let length = packed_bits(radices);
    if reader.remaining() < length {
        return Err(BitsError::Truncated);
    }
    let mut number = Big::from_small(0);
    for index in (0..length).rev() {
        if reader.bit()? {
            number.set_bit(index);
        }
    }
    let mut product = Big::from_small(1);
    for &radix in radices {
        product.multiply_add(radix.max(1), 0);
    }
    if !number.is_less_than(&product) {
        return Err(BitsError::OutOfRange);
    }
    Ok(radices
        .iter()
        .map(|&radix| number.divide(radix.max(1)))
        .collect())
}

/// The CRC-32 of IEEE 802.3 (as in zip and PNG): a changed or missing byte changes it, except by a 1 in 4 billion
/// chance. It detects damage; it proves nothing about who wrote the data (anyone can compute it).
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = crc >> 1 ^ 0xEDB8_8320 & mask;
        }
    }
    !crc
}

/// The 64-bit FNV-1a hash: small, and stable across builds and platforms (which `std`'s hashers are not promised
/// to be). For telling contents and names apart (file names, ids), not for security.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

const BASE64_URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// URL-safe Base64 without padding (RFC 4648 §5): letters, digits, `-` and `_`, which an address carries as they are.
pub fn base64_url(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let group = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for index in 0..=chunk.len() {
            text.push(char::from(
                BASE64_URL[(group >> (18 - 6 * index) & 63) as usize],
            ));
        }
    }
    text
}

/// Reads URL-safe Base64 without padding; `None` for any other character or a length no bytes produce.
pub fn from_base64_url(text: &str) -> Option<Vec<u8>> {
    if text.len() % 4 == 1 {
        return None;
    }
    let mut bytes = Vec::with_capacity(text.len() / 4 * 3 + 2);
    for chunk in text.as_bytes().chunks(4) {
        let mut group = 0u32;
        for (index, &character) in chunk.iter().enumerate() {
            let value = BASE64_URL.iter().position(|&c| c == character)? as u32;
            group |= value << (18 - 6 * index);
        }
        let produced = chunk.len() - 1;
        for index in 0..produced {
            bytes.push((group >> (16 - 8 * index)) as u8);
        }
    }
    Some(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn fnv1a_matches_the_published_test_vectors() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn crc32_matches_the_published_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn base64_url_matches_rfc_4648() {
        assert_eq!(base64_url(b""), "");
        assert_eq!(base64_url(b"f"), "Zg");
        assert_eq!(base64_url(b"fo"), "Zm8");
        assert_eq!(base64_url(b"foo"), "Zm9v");
        assert_eq!(base64_url(b"foob"), "Zm9vYg");
        assert_eq!(base64_url(&[0xfb, 0xff]), "-_8");
        assert_eq!(from_base64_url("Zm9vYg"), Some(b"foob".to_vec()));
        assert_eq!(from_base64_url("Zm9vY"), None, "a length no bytes produce");
        assert_eq!(from_base64_url("Zm9v+g"), None, "not the URL alphabet");
        assert_eq!(from_base64_url("Zm9v=="), None);
    }

    #[test]
    fn numbers_take_five_bits_per_four() {
        let mut writer = BitWriter::new();
        writer.number(15);
        assert_eq!(writer.bit_len(), 5);
        writer.number(255);
        assert_eq!(writer.bit_len(), 15);
    }

    #[test]
    fn five_choices_for_55_items_pack_into_128_bits() {
        assert_eq!(packed_bits(&[5; 55]), 128);
        assert_eq!(packed_bits(&[2; 8]), 8);
        assert_eq!(packed_bits(&[1; 8]), 0);
        assert_eq!(packed_bits(&[]), 0);
    }

    #[test]
    fn a_packed_number_too_large_for_its_radices_is_refused() {
        let mut writer = BitWriter::new();
        writer.bits(0b111, 3);
        let bytes = writer.finish();
        // Radices 3 and 2 make 6 combinations in 3 bits: 7 is not one of them.
        assert_eq!(
            unpack_digits(&mut BitReader::new(&bytes), &[3, 2]),
            Err(BitsError::OutOfRange)
        );
    }

    #[test]
    fn reading_past_the_end_is_an_error() {
        let mut reader = BitReader::new(&[0xff]);
        assert_eq!(reader.bits(9), Err(BitsError::Truncated));
        assert_eq!(reader.number(), Err(BitsError::Truncated));
        assert_eq!(BitReader::new(&[]).bit(), Err(BitsError::Truncated));
        assert_eq!(
            BitReader::new(&[0xff; 20]).number(),
            Err(BitsError::OutOfRange)
        );
    }

    proptest! {
        #[test]
        fn base64_url_round_trips(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
            prop_assert_eq!(from_base64_url(&base64_url(&bytes)), Some(bytes));
        }

        #[test]
        fn base64_url_never_panics(text in ".{0,100}") {
            let _ = from_base64_url(&text);
        }

        #[test]
        fn bits_numbers_and_bytes_round_trip(
            values in prop::collection::vec((any::<u64>(), 0u32..=64, any::<u64>(), any::<u8>()), 0..30)
        ) {
            let mut writer = BitWriter::new();
            for &(value, count, number, byte) in &values {
                writer.bits(value, count);
                writer.number(number);
                writer.bytes(&[byte]);
            }
            let length = writer.bit_len();
            let bytes = writer.finish();
            prop_assert_eq!(bytes.len(), length.div_ceil(8));
            let mut reader = BitReader::new(&bytes);
            for &(value, count, number, byte) in &values {
                let mask = if count == 64 { u64::MAX } else { (1u64 << count) - 1 };
                prop_assert_eq!(reader.bits(count), Ok(value & mask));
                prop_assert_eq!(reader.number(), Ok(number));
                prop_assert_eq!(reader.bytes(1), Ok(vec![byte]));
            }
            prop_assert!(reader.only_padding_left());
        }

        #[test]
        fn mixed_radix_digits_round_trip(
            pairs in prop::collection::vec((1u32..40, any::<u32>()), 0..120),
            tail in any::<u8>(),
        ) {
            let radices: Vec<u32> = pairs.iter().map(|&(radix, _)| radix).collect();
            let digits: Vec<u32> = pairs.iter().map(|&(radix, digit)| digit % radix).collect();
            let mut writer = BitWriter::new();
            pack_digits(&mut writer, &digits, &radices);
            prop_assert_eq!(writer.bit_len(), packed_bits(&radices));
            writer.bits(u64::from(tail), 8);
            let bytes = writer.finish();
            let mut reader = BitReader::new(&bytes);
            prop_assert_eq!(unpack_digits(&mut reader, &radices), Ok(digits));
            prop_assert_eq!(reader.bits(8), Ok(u64::from(tail)));
        }

        #[test]
        fn reading_arbitrary_bytes_never_panics(
            bytes in prop::collection::vec(any::<u8>(), 0..64),
            radices in prop::collection::vec(0u32..300, 0..100),
        ) {
            let mut reader = BitReader::new(&bytes);
            let _ = unpack_digits(&mut reader, &radices);
            let _ = reader.number();
            let _ = reader.bits(64);
            let _ = reader.bytes(usize::MAX);
        }
    }
}
