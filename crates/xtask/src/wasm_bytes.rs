//! The little of WebAssembly's binary form the build's steps and checks read and write: sections, LEB128 numbers and
//! names (`app_wasm.rs` reads the function names, `import_names.rs` rewrites the imports).

use anyhow::{bail, Context, Result};

/// Reads a wasm module's bytes front to back; every read past the end is an error, never a panic.
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    /// Reads `bytes` from their start.
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, at: 0 }
    }

    /// Whether everything has been read.
    pub fn done(&self) -> bool {
        self.at >= self.bytes.len()
    }

    /// How far the reading has come.
    pub fn position(&self) -> usize {
        self.at
    }

    /// The next `count` bytes.
    pub fn take(&mut self, count: usize) -> Result<&'a [u8]> {
        let end = self
            .at
            .checked_add(count)
            .filter(|end| *end <= self.bytes.len())
            .context("the module ends in the middle of a section")?;
        let taken = &self.bytes[self.at..end];
        self.at = end;
        Ok(taken)
    }

    /// The next byte.
    pub fn byte(&mut self) -> Result<u8> {
        Ok(self.take(1)?[0])
    }

    /// An unsigned LEB128 number of at most 64 bits.
    pub fn leb(&mut self) -> Result<u64> {
        let mut value = 0u64;
        for shift in (0..70).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f)
                .checked_shl(shift)
                .filter(|part| part >> shift == u64::from(byte & 0x7f))
                .context("a number too large for 64 bits")?;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        bail!("a number longer than 10 bytes")
    }

    /// An unsigned LEB128 number of at most 32 bits.
    pub fn u32(&mut self) -> Result<u32> {
        u32::try_from(self.leb()?).context("a number too large for 32 bits")
    }

    /// A length-prefixed UTF-8 name.
    pub fn name(&mut self) -> Result<&'a str> {
        let length = self.u32()? as usize;
        std::str::from_utf8(self.take(length)?).context("a name that is not UTF-8")
    }
}

/// Appends an unsigned LEB128 number.
pub fn write_leb(output: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            output.push(byte);
            return;
        }
        output.push(byte | 0x80);
    }
}

/// Appends a length-prefixed name.
pub fn write_name(output: &mut Vec<u8>, name: &str) {
    write_leb(output, name.len() as u64);
    output.extend_from_slice(name.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_names_read_back_as_written() -> Result<()> {
        let mut bytes = Vec::new();
        for value in [0, 1, 127, 128, 624_485, u64::from(u32::MAX), u64::MAX] {
            write_leb(&mut bytes, value);
        }
        write_name(&mut bytes, "Übersicht");
        let mut reader = Reader::new(&bytes);
        for value in [0, 1, 127, 128, 624_485, u64::from(u32::MAX), u64::MAX] {
            assert_eq!(reader.leb()?, value);
        }
        assert_eq!(reader.name()?, "Übersicht");
        assert!(reader.done());
        Ok(())
    }

    #[test]
    fn reading_past_the_end_or_beyond_the_bits_is_an_error() {
        assert!(Reader::new(&[0x80]).leb().is_err());
        assert!(Reader::new(&[0xff; 11]).leb().is_err());
        assert!(Reader::new(&[0x80, 0x80, 0x80, 0x80, 0x10]).u32().is_err());
        assert!(Reader::new(&[5, b'a']).name().is_err());
    }
}
