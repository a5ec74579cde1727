//! Short names for the functions the app's wasm imports from its JavaScript.
//!
//! wasm-bindgen names each of them after the JavaScript it calls and a 16-digit hash
//! (`__wbg_createElement_8c9931a732ee2fea`), once in the wasm's import section and once as a key of the imports object
//! in its JavaScript: about 9 KB of names in each, mostly hex digits that compress badly, on every first visit.
//! Renamed here to `a`, `b`, …, `ba`, … in both files alike; a name the JavaScript does not hold exactly once as such
//! a key stops the build rather than leaving a module that cannot start.

use anyhow::{bail, Result};

use crate::wasm_bytes::{write_leb, write_name, Reader};

/// Renames the function imports of `module` in the wasm and the matching keys in its JavaScript.
pub fn shorten(wasm: &[u8], js: &str, module: &str) -> Result<(Vec<u8>, String)> {
    if wasm.len() < 8 || &wasm[..4] != b"\0asm" {
        bail!("not a wasm module");
    }
    let mut output = wasm[..8].to_vec();
    let mut js = js.to_owned();
    let mut reader = Reader::new(wasm);
    reader.take(8)?;
    while !reader.done() {
        let id = reader.byte()?;
        let size = reader.leb()? as usize;
        let body = reader.take(size)?;
        if id != 2 {
            output.push(id);
            write_leb(&mut output, size as u64);
            output.extend_from_slice(body);
            continue;
        }
        let section = rename_imports(body, module, &mut js)?;
        output.push(id);
        write_leb(&mut output, section.len() as u64);
        output.extend_from_slice(&section);
    }
    Ok((output, js))
}

/// The import section with the function imports of `module` renamed, and those names changed in `js`.
fn rename_imports(body: &[u8], module: &str, js: &mut String) -> Result<Vec<u8>> {
    let mut reader = Reader::new(body);
    let count = reader.leb()?;
    let mut section = Vec::new();
    write_leb(&mut section, count);
    let mut renamed = 0;
    for _ in 0..count {
        let from = reader.name()?;
        let name = reader.name()?;
        let start = reader.position();
        let kind = reader.byte()?;
        match kind {
            // A function or a tag: its type's index (a tag has an attribute byte first).
            0x00 => {
                reader.leb()?;
            }
            0x04 => {
                reader.byte()?;
                reader.leb()?;
            }
            // A table: its reference type, then its limits; a memory: its limits.
            0x01 => {
                reader.byte()?;
                skip_limits(&mut reader)?;
            }
            0x02 => skip_limits(&mut reader)?,
            // A global: its value type and whether it is mutable.
            0x03 => {
                reader.byte()?;
                reader.byte()?;
            }
            other => bail!("import {from}.{name}: unknown kind {other:#x}"),
        }
        let descriptor = &body[start..reader.position()];
        let new_name = if kind == 0x00 && from == module {
            let short = short_name(renamed);
            renamed += 1;
            let key = format!("\n        {name}: ");
            if js.matches(name).count() != 1 || !js.contains(&key) {
                bail!(
                    "the JavaScript does not name the import {name} once, as a key of its imports"
                );
            }
            *js = js.replacen(&key, &format!("\n        {short}: "), 1);
            short
        } else {
            name.to_owned()
        };
        write_name(&mut section, from);
        write_name(&mut section, &new_name);
        section.extend_from_slice(descriptor);
    }
    if !reader.done() {
        bail!("the import section has bytes after its imports");
    }
    Ok(section)
}

/// Reads past a table's or memory's limits: flags, the minimum and, if the flags say so, the maximum.
fn skip_limits(reader: &mut Reader) -> Result<()> {
    let flags = reader.byte()?;
    reader.leb()?;
    if flags & 0x01 != 0 {
        reader.leb()?;
    }
    Ok(())
}

/// `a` … `z`, then `ba` … `zz`, `baa` …: letters only, so every name is a plain key of a JavaScript object.
fn short_name(mut index: usize) -> String {
    let mut letters = vec![b'a' + (index % 26) as u8];
    index /= 26;
    while index > 0 {
        letters.push(b'a' + (index % 26) as u8);
        index /= 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const MODULE: &str = "./app_bg.js";

    /// A module with one type, two function imports from the app's JavaScript, one from elsewhere and a memory.
    fn module() -> Vec<u8> {
        let mut imports = Vec::new();
        write_leb(&mut imports, 4);
        for (from, name) in [
            (MODULE, "__wbg_first_0123456789abcdef"),
            ("./other.js", "kept"),
        ] {
            write_name(&mut imports, from);
            write_name(&mut imports, name);
            imports.extend_from_slice(&[0x00, 0x00]);
        }
        write_name(&mut imports, MODULE);
        write_name(&mut imports, "__wbg_second_fedcba9876543210");
        imports.extend_from_slice(&[0x00, 0x00]);
        write_name(&mut imports, "env");
        write_name(&mut imports, "memory");
        imports.extend_from_slice(&[0x02, 0x01, 0x11, 0x80, 0x01]);
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        // The type section: one function type without parameters or results.
        wasm.extend_from_slice(&[0x01, 0x04, 0x01, 0x60, 0x00, 0x00]);
        wasm.push(0x02);
        write_leb(&mut wasm, imports.len() as u64);
        wasm.extend_from_slice(&imports);
        wasm
    }

    const JS: &str = "const import0 = {\n        __wbg_first_0123456789abcdef: function() {},\n        __wbg_second_fedcba9876543210: function() {},\n    };";

    #[test]
    fn the_app_imports_get_short_names_in_the_wasm_and_its_javascript() -> Result<()> {
        let (wasm, js) = shorten(&module(), JS, MODULE)?;
        assert_eq!(
            js,
            "const import0 = {\n        a: function() {},\n        b: function() {},\n    };"
        );
        let text = String::from_utf8_lossy(&wasm);
        assert!(!text.contains("__wbg_"));
        assert!(text.contains("kept") && text.contains("memory"));
        // Two names of 28 and 29 bytes are now one byte each (and the section's length may take a byte less).
        let saved = module().len() - wasm.len();
        assert!((55..=56).contains(&saved), "{saved} bytes saved");
        Ok(())
    }

    #[test]
    fn an_import_the_javascript_does_not_hold_stops_the_build() {
        let js = JS.replace(
            "__wbg_second_fedcba9876543210",
            "__wbg_other_fedcba9876543210",
        );
        assert!(shorten(&module(), &js, MODULE).is_err());
    }

    #[test]
    fn a_truncated_module_is_refused() {
        let wasm = module();
        assert!(shorten(&wasm[..wasm.len() - 3], JS, MODULE).is_err());
    }

    #[test]
    fn short_names_are_letters_and_distinct() {
        let names: Vec<String> = (0..800).map(short_name).collect();
        assert_eq!(&names[..3], ["a", "b", "c"]);
        assert_eq!(names[26], "ba");
        let distinct: std::collections::BTreeSet<&String> = names.iter().collect();
        assert_eq!(distinct.len(), names.len());
        assert!(names
            .iter()
            .all(|name| name.bytes().all(|b| b.is_ascii_lowercase())));
    }
}
