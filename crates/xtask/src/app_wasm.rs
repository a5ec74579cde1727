//! The app's wasm as built holds no function of a catalog-source parser.
//!
//! Cargo's output for the app (before wasm-bindgen and wasm-opt, which drop the names) carries a `name` section with
//! every function's mangled Rust path, such as `_ZN11toml_parser6parser8document5parse17h…E`. A function of a crate of
//! [`NOT_IN_THE_WASM`] among them means a visitor would download that parser. This checks what the linker kept,
//! where [`crate::app_dependencies`] checks what the app may depend on; it catches parsers that are dependencies
//! today but never called from the app (`pulldown-cmark` and `serde_path_to_error` through the core).

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::tools::workspace_root;
use crate::wasm_bytes::Reader;

/// Crates (as they appear in Rust paths) whose code must not be in the app's wasm: TOML, Markdown and the located
/// errors of catalog sources, which only the build script and the catalog worker need.
pub const NOT_IN_THE_WASM: &[&str] = &[
    "toml",
    "toml_edit",
    "toml_parser",
    "toml_datetime",
    "serde_spanned",
    "pulldown_cmark",
    "serde_path_to_error",
];

/// Fewer function names than this means the names were stripped, not that the app is small.
const FEWEST_NAMES: usize = 1000;

/// Cargo's output for the app in the release build Trunk ran.
fn app_wasm() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| workspace_root().join("target"), PathBuf::from)
        .join("wasm32-unknown-unknown/release/checkwerk-web.wasm")
}

/// Fails, naming a few functions per crate, when the built app holds code of a forbidden crate.
pub fn check() -> Result<()> {
    let path = app_wasm();
    check_file(&path)?;
    eprintln!(
        "xtask test: {} holds no function of {}",
        path.display(),
        NOT_IN_THE_WASM.join(", ")
    );
    Ok(())
}

fn check_file(path: &Path) -> Result<()> {
    let wasm = std::fs::read(path)
        .with_context(|| format!("reading {} (run after the release build)", path.display()))?;
    let names = function_names(&wasm).with_context(|| format!("reading {}", path.display()))?;
    if names.len() < FEWEST_NAMES {
        bail!(
            "{} names {} functions: without their names it cannot be checked (is `strip` set in the release profile?)",
            path.display(),
            names.len()
        );
    }
    let found = forbidden_functions(&names, NOT_IN_THE_WASM);
    if !found.is_empty() {
        let lines: Vec<String> = found
            .iter()
            .map(|(krate, functions)| {
                let examples: Vec<String> = functions
                    .iter()
                    .take(3)
                    .map(|name| readable(name))
                    .collect();
                let count = match functions.len() {
                    1 => "1 function".to_owned(),
                    count => format!("{count} functions"),
                };
                format!("{krate}: {count}, e.g. {}", examples.join(" | "))
            })
            .collect();
        bail!(
            "the app's wasm holds code that reads catalog source (see crates/xtask/src/app_wasm.rs); something in \
             crates/web calls it:\n  {}",
            lines.join("\n  ")
        );
    }
    Ok(())
}

/// The functions of each forbidden crate among `names`, by crate, in the order of `forbidden`.
fn forbidden_functions<'a>(
    names: &'a [String],
    forbidden: &[&'a str],
) -> Vec<(&'a str, Vec<&'a str>)> {
    forbidden
        .iter()
        .filter_map(|krate| {
            let functions: Vec<&str> = names
                .iter()
                .map(String::as_str)
                .filter(|name| mentions_crate(name, krate))
                .collect();
            (!functions.is_empty()).then_some((*krate, functions))
        })
        .collect()
}

/// Whether a function's name mentions a path in the crate: as the function's own path, mangled the way rustc does by
/// default (`_ZN4toml2de6parser…E`: each segment after its length), or inside generics, mangled
/// (`drop_in_place$LT$toml..de..Error$GT$`) or not (`drop_in_place<toml::de::Error>`).
/// A module of the same name inside another path (`_ZN14checkwerk_core4toml…`, `checkwerk_core::toml::…`) does not
/// count.
fn mentions_crate(name: &str, krate: &str) -> bool {
    if let Some(path) = name.strip_prefix("_ZN") {
        let first_segment = format!("{}{krate}", krate.len());
        if path
            .strip_prefix(&first_segment)
            .is_some_and(|rest| rest.starts_with(|next: char| next.is_ascii_digit() || next == 'E'))
        {
            return true;
        }
    }
    [format!("{krate}.."), format!("{krate}::")]
        .iter()
        .any(|path| {
            name.match_indices(path.as_str()).any(|(at, _)| {
                name[..at].chars().next_back().is_none_or(|before| {
                    !(before.is_alphanumeric() || matches!(before, '_' | '.' | ':'))
                })
            })
        })
}

/// A mangled name as a Rust path, for messages: `_ZN4toml2de5parse17h…E` as `toml::de::parse`, with the escapes
/// rustc uses inside a segment resolved. Names it does not recognise are returned as they are.
fn readable(name: &str) -> String {
    let Some(mut rest) = name.strip_prefix("_ZN") else {
        return name.to_owned();
    };
    let mut segments = Vec::new();
    while let Some(digits) = rest
        .find(|c: char| !c.is_ascii_digit())
        .filter(|&digits| digits > 0)
    {
        let Some(segment) = rest[..digits]
            .parse::<usize>()
            .ok()
            .and_then(|length| rest.get(digits..digits + length))
        else {
            return name.to_owned();
        };
        segments.push(segment);
        rest = &rest[digits + segment.len()..];
    }
    if rest != "E" {
        return name.to_owned();
    }
    // The last segment is a hash that tells instances apart: `h` and 16 hex digits.
    if segments
        .last()
        .is_some_and(|last| last.len() == 17 && last.starts_with('h'))
    {
        segments.pop();
    }
    let mut path = segments
        .iter()
        // A segment that would start with a character an identifier cannot start with gets a `_` before it.
        .map(|segment| {
            segment
                .strip_prefix("_$")
                .map_or(segment.to_string(), |rest| format!("${rest}"))
        })
        .collect::<Vec<_>>()
        .join("::");
    for (escape, character) in [
        ("$LT$", "<"),
        ("$GT$", ">"),
        ("$u20$", " "),
        ("$C$", ","),
        ("$RF$", "&"),
        ("$BP$", "*"),
        ("$LP$", "("),
        ("$RP$", ")"),
        ("$u7b$", "{"),
        ("$u7d$", "}"),
        ("$u5b$", "["),
        ("$u5d$", "]"),
        ("$u27$", "'"),
        ("..", "::"),
    ] {
        path = path.replace(escape, character);
    }
    path
}

/// The function names of a wasm module's `name` section (subsection 1), or none when it has no such section.
fn function_names(wasm: &[u8]) -> Result<Vec<String>> {
    let mut reader = Reader::new(wasm);
    if reader.take(8)? != b"\0asm\x01\0\0\0" {
        bail!("not a WebAssembly module (version 1)");
    }
    let mut names = Vec::new();
    while !reader.done() {
        let id = reader.take(1)?[0];
        let size = reader.u32()? as usize;
        let mut section = Reader::new(reader.take(size)?);
        if id != 0 || section.name()? != "name" {
            continue;
        }
        while !section.done() {
            let subsection = section.take(1)?[0];
            let size = section.u32()? as usize;
            let mut content = Reader::new(section.take(size)?);
            if subsection != 1 {
                continue;
            }
            for _ in 0..content.u32()? {
                content.u32()?;
                names.push(content.name()?.to_owned());
            }
        }
    }
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leb(value: usize) -> Vec<u8> {
        let mut bytes = Vec::new();
        crate::wasm_bytes::write_leb(&mut bytes, value as u64);
        bytes
    }

    fn with_length(content: &[u8]) -> Vec<u8> {
        [leb(content.len()), content.to_vec()].concat()
    }

    /// A module with a type section, a `name` section naming these functions, and another custom section.
    fn module_naming(functions: &[&str]) -> Vec<u8> {
        let mut function_names = leb(functions.len());
        for (index, name) in functions.iter().enumerate() {
            function_names.extend(leb(index));
            function_names.extend(with_length(name.as_bytes()));
        }
        let mut name_section = with_length(b"name");
        name_section.extend([0]); // the module's name, skipped
        name_section.extend(with_length(&with_length(b"app")));
        name_section.extend([1]);
        name_section.extend(with_length(&function_names));
        let mut other = with_length(b"producers");
        other.extend(b"rustc");
        [
            b"\0asm\x01\0\0\0".to_vec(),
            vec![1],
            with_length(&[1, 0x60, 0, 0]),
            vec![0],
            with_length(&other),
            vec![0],
            with_length(&name_section),
        ]
        .concat()
    }

    #[test]
    fn reads_the_function_names_of_a_module() -> Result<()> {
        let functions = [
            "_ZN13checkwerk_web4main17h0123456789abcdefE",
            "core::ptr::drop_in_place<toml::de::Error>",
        ];
        assert_eq!(function_names(&module_naming(&functions))?, functions);
        assert!(function_names(b"\0asm\x01\0\0\0")?.is_empty());
        assert!(function_names(b"not wasm").is_err());
        let mut cut = module_naming(&functions);
        cut.truncate(cut.len() - 3);
        assert!(function_names(&cut).is_err());
        Ok(())
    }

    #[test]
    fn finds_functions_of_forbidden_crates_by_their_path() {
        // Names as rustc writes them (from the catalog worker's wasm, which holds the parsers), and demangled.
        let names: Vec<String> = [
            "_ZN13checkwerk_web4main17h0123456789abcdefE",
            "_ZN4toml2de6parser7devalue9DeInteger6to_i6417h5de63276ff935d21E",
            "_ZN64_$LT$toml..de..error..Error$u20$as$u20$serde_core..de..Error$GT$6custom17had157c69cda8dc73E",
            "_ZN11toml_parser6parser8document5parse17h0123456789abcdefE",
            "<pulldown_cmark::parse::Parser as core::iter::Iterator>::next",
            "_ZN14checkwerk_core4load4toml4read17h0123456789abcdefE",
            "_ZN4core3ptr50drop_in_place$LT$checkwerk_core..toml..Thing$GT$17h0123456789abcdefE",
            "_ZN7my_toml4read17h0123456789abcdefE",
            "_ZN5tomlx4read17h0123456789abcdefE",
            "_ZN10serde_json2de8from_str17h0123456789abcdefE",
        ]
        .into_iter()
        .map(String::from)
        .collect();
        assert_eq!(
            forbidden_functions(&names, NOT_IN_THE_WASM),
            vec![
                (
                    "toml",
                    vec![
                        "_ZN4toml2de6parser7devalue9DeInteger6to_i6417h5de63276ff935d21E",
                        "_ZN64_$LT$toml..de..error..Error$u20$as$u20$serde_core..de..Error$GT$6custom17had157c69cda8dc73E",
                    ]
                ),
                (
                    "toml_parser",
                    vec!["_ZN11toml_parser6parser8document5parse17h0123456789abcdefE"]
                ),
                (
                    "pulldown_cmark",
                    vec!["<pulldown_cmark::parse::Parser as core::iter::Iterator>::next"]
                ),
            ]
        );
        let clean: Vec<String> = vec![
            "_ZN13checkwerk_web4main17h0123456789abcdefE".into(),
            "leptos::mount::mount_to_body".into(),
        ];
        assert!(forbidden_functions(&clean, NOT_IN_THE_WASM).is_empty());
    }

    #[test]
    fn a_module_without_names_cannot_pass() -> Result<()> {
        let path = std::env::temp_dir().join(format!(
            "checkwerk-app-wasm-test-{}.wasm",
            std::process::id()
        ));
        std::fs::write(&path, module_naming(&["checkwerk_web::main"]))?;
        let result = check_file(&path);
        std::fs::remove_file(&path)?;
        assert!(result.is_err(), "one name is too few to vouch for anything");
        Ok(())
    }
}
