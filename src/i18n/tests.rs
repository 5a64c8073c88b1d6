//! The catalogues agree with each other and with the code that uses them.

use std::collections::{BTreeSet, HashSet};
use std::path::Path;

use super::*;

fn placeholders(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) if after[..close].parse::<usize>().is_ok() => {
                found.insert(after[..close].to_string());
                rest = &after[close + 1..];
            }
            _ => rest = after,
        }
    }
    found
}

/// Every problem between the catalogues, as lines a reader can act on.
fn catalogue_problems(
    en: &[(&'static str, &'static str)],
    zh: &[(&'static str, &'static str)],
) -> Vec<String> {
    let mut problems = Vec::new();
    for (name, table) in [("en", en), ("zh", zh)] {
        let mut seen = HashSet::new();
        for (k, v) in table {
            if !seen.insert(*k) {
                problems.push(format!("{name}: key {k} is listed twice"));
            }
            if v.trim().is_empty() {
                problems.push(format!("{name}: key {k} has an empty text"));
            }
        }
    }
    let zh_keys: HashSet<_> = zh.iter().map(|(k, _)| *k).collect();
    let en_keys: HashSet<_> = en.iter().map(|(k, _)| *k).collect();
    for k in en_keys.difference(&zh_keys) {
        problems.push(format!("zh: key {k} is missing"));
    }
    for k in zh_keys.difference(&en_keys) {
        problems.push(format!("en: key {k} is missing"));
    }
    for (k, e) in en {
        if let Some((_, z)) = zh.iter().find(|(zk, _)| zk == k) {
            if placeholders(e) != placeholders(z) {
                problems.push(format!(
                    "key {k}: placeholders differ: en {:?}, zh {:?}",
                    placeholders(e),
                    placeholders(z)
                ));
            }
        }
    }
    problems.sort();
    problems
}

#[test]
fn both_catalogues_have_the_same_keys_texts_and_placeholders() {
    let problems = catalogue_problems(en::MESSAGES, zh::MESSAGES);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_catalogue_check_catches_each_kind_of_problem() {
    let en = [
        ("a", "One {0}"),
        ("b", "Two"),
        ("c", "Three"),
        ("d", "Four"),
    ];
    let zh = [("a", "一"), ("b", " "), ("d", "四"), ("e", "五")];
    let problems = catalogue_problems(&en, &zh);
    assert_eq!(
        problems,
        vec![
            "en: key e is missing",
            "key a: placeholders differ: en {\"0\"}, zh {}",
            "zh: key b has an empty text",
            "zh: key c is missing",
        ]
    );
}

/// The keys the code asks for: every `t("…")`, `tf("…"`, `tp("…"` and `t_in(…, "…")` literal,
/// and every message the model and `persist/` return (`Msg::new("…")`, `Msg::with("…"`).
fn keys_used_in(text: &str) -> Vec<String> {
    let mut keys = Vec::new();
    for call in [
        "t(\"",
        "tf(\"",
        "tp(\"",
        "tk(\"",
        "Msg::new(\"",
        "Msg::with(\"",
    ] {
        let mut rest = text;
        while let Some(at) = rest.find(call) {
            let before = rest[..at].chars().next_back();
            let start = at + call.len();
            rest = &rest[start..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            if let Some(end) = rest.find('"') {
                keys.push(rest[..end].to_string());
            }
        }
    }
    keys
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_key_the_code_uses_is_in_the_catalogue() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 20, "found only {} source files", files.len());
    let mut missing = Vec::new();
    let mut used = 0;
    for file in files {
        if file.ends_with("i18n/tests.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        for key in keys_used_in(&text) {
            used += 1;
            let plural = [format!("{key}.one"), format!("{key}.other")];
            let known = has_key(Lang::En, &key)
                || plural
                    .iter()
                    .all(|k| has_key(Lang::En, k) && has_key(Lang::Zh, k));
            if !known {
                missing.push(format!("{}: {key}", file.display()));
            }
        }
    }
    assert!(used > 50, "found only {used} uses of t(\"…\")");
    assert!(
        missing.is_empty(),
        "keys not in the catalogue:\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_key_scan_finds_calls_and_ignores_other_functions() {
    let code =
        r#"let a = t("x.one"); let b = tf("x.two", &[&1]); let c = fmt("no"); tp("x.n", 2, &[]);"#;
    assert_eq!(keys_used_in(code), vec!["x.one", "x.two", "x.n"]);
}

#[test]
fn lookup_fill_and_plural() {
    set_lang(Lang::En);
    assert_eq!(t("lang.label"), "Language (语言)");
    assert_eq!(t_in(Lang::Zh, "lang.label"), "语言（Language）");
    assert_eq!(t("no.such.key"), "no.such.key");
    assert_eq!(fill("{1} of {0}", &[&3, &"x"]), "x of 3");
    assert_eq!(fill("{x} {5} {", &[&1]), "{x} {5} {");
    set_lang(Lang::Zh);
    assert_eq!(t("lang.label"), "语言（Language）");
    set_lang(Lang::En);
}

#[test]
fn browser_language_and_dates() {
    assert_eq!(Lang::from_browser("zh-CN"), Lang::Zh);
    assert_eq!(Lang::from_browser("zh-Hant-TW"), Lang::Zh);
    assert_eq!(Lang::from_browser("en-US"), Lang::En);
    assert_eq!(Lang::from_browser(""), Lang::En);
    assert_eq!(Lang::from_key("zh"), Some(Lang::Zh));
    let d = NaiveDate::from_ymd_opt(2026, 11, 3).unwrap();
    set_lang(Lang::En);
    assert_eq!(date(d), "2026-11-03");
    assert_eq!(day_month(d), "03 Nov");
    set_lang(Lang::Zh);
    assert_eq!(date(d), "2026年11月3日");
    assert_eq!(day_month(d), "11月3日");
    assert_eq!(month_year(d), "26年11月");
    assert_eq!(month_tick(d, false), "11月");
    assert_eq!(month_tick(d, true), "26年11月");
    set_lang(Lang::En);
}
