//! The layers' rules, checked on the sources (host `cargo test`):
//! - the model and `persist/` know no language: no `i18n` outside their test modules (they
//!   return codes, `Msg` and error enums, that the interface words);
//! - screens (components, pages, steps) reach storage only through `state/`: no `persist::`.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a source file that ships: comments and the `#[cfg(test)]` module left out.
fn shipped_code(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(test)]")
            && lines
                .peek()
                .is_some_and(|next| next.trim_start().starts_with("mod "))
        {
            // A test module in its own file (`mod tests;`) is one line; one written here runs
            // to the end of the file, or to its closing brace at the same indentation.
            let indent = line.len() - trimmed.len();
            if lines.next().is_some_and(|m| m.trim_end().ends_with(';')) {
                continue;
            }
            for rest in lines.by_ref() {
                if rest.len() - rest.trim_start().len() == indent && rest.trim() == "}" {
                    break;
                }
            }
            continue;
        }
        if trimmed.starts_with("//") {
            continue;
        }
        let code = match line.find("//") {
            Some(at) if !line[..at].contains('"') => &line[..at],
            _ => line,
        };
        out.push_str(code);
        out.push('\n');
    }
    out
}

/// Every line of shipped code under `dirs` that contains `needle`, as "file: text".
fn uses(dirs: &[&str], needle: &str) -> Vec<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for d in dirs {
        rust_files(&src.join(d), &mut files);
    }
    assert!(files.len() >= dirs.len(), "no sources found under {dirs:?}");
    let mut found = Vec::new();
    for file in files {
        // A `tests.rs` is a module's `#[cfg(test)] mod tests;`: it does not ship.
        if file.ends_with("tests.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        for line in shipped_code(&text).lines() {
            if line.contains(needle) {
                found.push(format!("{}: {}", file.display(), line.trim()));
            }
        }
    }
    found
}

#[test]
fn the_scan_reads_code_and_skips_comments_and_tests() {
    let text = "use crate::i18n::t; // i18n\n/// i18n in a doc\nfn a() {}\n#[cfg(test)]\nmod tests {\n    use crate::i18n::t;\n}\nfn b() { x::i18n::y() }\n";
    let code = shipped_code(text);
    assert_eq!(code.matches("i18n").count(), 2, "{code}");
    assert!(
        code.contains("fn b()"),
        "code after the test module is read: {code}"
    );
    assert!(!code.contains("doc"));
}

#[test]
fn the_model_and_persist_know_no_language() {
    let found = uses(&["model", "persist"], "i18n");
    assert!(
        found.is_empty(),
        "model/ and persist/ must return codes (Msg, error enums), not words; the interface \
         words them (crate::i18n::describe):\n{}",
        found.join("\n")
    );
}

#[test]
fn screens_reach_storage_only_through_state() {
    let found = uses(&["components", "pages", "steps"], "persist::");
    assert!(
        found.is_empty(),
        "components, pages and steps ask state/ (intent methods), never persist/:\n{}",
        found.join("\n")
    );
}
