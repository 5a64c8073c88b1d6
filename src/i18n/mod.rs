//! The interface language: English or 简体中文. Pure (no browser), so the model's explanations
//! and warnings are translated on the host too.
//!
//! Every user-visible text lives in two catalogues, `en.rs` and `zh.rs`: tables of
//! key → text with the same keys. Code asks for a text by key:
//! - `t("header.portfolio")` → the text in the current language;
//! - `tf("header.saved_at", &[&time])` → the text with `{0}`, `{1}` … replaced by the arguments;
//! - `tp("portfolio.plans", n, &[&n])` → the plural form: key `….one` when n is 1 and
//!   `….other` otherwise (both keys exist in both catalogues; Chinese has the same text twice).
//!
//! To add a text: add the key to both catalogues (the host tests fail when a key is missing from
//! one, empty, or its placeholders differ, and when code uses a key that no catalogue has).

pub mod describe;
pub mod en;
pub mod zh;

use std::cell::Cell;
use std::collections::HashMap;
use std::fmt::Display;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, NaiveDateTime};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// As stored in the settings.
    pub fn key(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    pub fn from_key(key: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.key() == key)
    }

    /// The BCP 47 tag for `<html lang>`.
    pub fn html_tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-Hans",
        }
    }

    /// The language's own name, as shown in the language selector.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Zh => "简体中文",
        }
    }

    /// The language to start in when none was chosen yet: Chinese for any `zh…` browser
    /// language, English otherwise.
    pub fn from_browser(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The catalogue, when it is here: the release build loads Chinese only when it is needed
    /// ([`provide_zh`]); until then Chinese texts fall back to English.
    fn messages(self) -> Option<Messages> {
        match self {
            Lang::En => Some(en::MESSAGES),
            #[cfg(not(keyplan_split))]
            Lang::Zh => Some(zh::MESSAGES),
            #[cfg(keyplan_split)]
            Lang::Zh => ZH_MESSAGES.get().copied(),
        }
    }

    fn table(self) -> &'static HashMap<&'static str, &'static str> {
        static EN: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
        static ZH: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
        let cell = match self {
            Lang::En => &EN,
            Lang::Zh => &ZH,
        };
        match (cell.get(), self.messages()) {
            (Some(table), _) => table,
            (None, Some(messages)) => cell.get_or_init(|| messages.iter().copied().collect()),
            (None, None) => Lang::En.table(),
        }
    }

    /// Whether this language's texts are here (always, except Chinese in the release build
    /// before [`provide_zh`]).
    pub fn loaded(self) -> bool {
        self.messages().is_some()
    }
}

/// A catalogue: key → text.
pub type Messages = &'static [(&'static str, &'static str)];

#[cfg(keyplan_split)]
static ZH_MESSAGES: OnceLock<Messages> = OnceLock::new();

/// Hands over the Chinese catalogue once its module has arrived (state/lang.rs). The release
/// build keeps it out of the start-up wasm: a rep who reads English never downloads it.
#[cfg(keyplan_split)]
pub fn provide_zh(messages: Messages) {
    let _ = ZH_MESSAGES.set(messages);
}

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// The current interface language.
pub fn lang() -> Lang {
    CURRENT.with(Cell::get)
}

/// Sets the interface language (the app re-draws itself after this).
pub fn set_lang(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
}

/// Whether a catalogue holds `key`.
pub fn has_key(lang: Lang, key: &str) -> bool {
    lang.table().contains_key(key)
}

/// The text for `key` in `lang`; English when the language lacks it, the key itself when no
/// catalogue has it (the host tests make sure that never ships).
pub fn t_in(lang: Lang, key: &'static str) -> &'static str {
    lang.table()
        .get(key)
        .or_else(|| Lang::En.table().get(key))
        .copied()
        .unwrap_or(key)
}

/// The text for a key made at run time (e.g. `field.` + a stored field name), if any
/// catalogue has it.
pub fn lookup(key: &str) -> Option<&'static str> {
    lang()
        .table()
        .get(key)
        .or_else(|| Lang::En.table().get(key))
        .copied()
}

/// The text for `key` in the current language.
pub fn t(key: &'static str) -> &'static str {
    t_in(lang(), key)
}

/// Replaces `{0}`, `{1}` … in `template` by the arguments.
pub fn fill(template: &str, args: &[&dyn Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => match after[..close].parse::<usize>() {
                Ok(i) if i < args.len() => {
                    out.push_str(&args[i].to_string());
                    rest = &after[close + 1..];
                }
                _ => {
                    out.push('{');
                    rest = after;
                }
            },
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The text for `key` with its placeholders `{0}`, `{1}` … filled in.
pub fn tf(key: &'static str, args: &[&dyn Display]) -> String {
    fill(t(key), args)
}

/// A count: `key.one` when `n` is 1, `key.other` otherwise, with placeholders filled in.
/// `key` names both (`tp("portfolio.plans", n, &[&n])` uses `portfolio.plans.one` and
/// `portfolio.plans.other`).
pub fn tp(key: &'static str, n: usize, args: &[&dyn Display]) -> String {
    let full = format!("{key}.{}", if n == 1 { "one" } else { "other" });
    let lang = lang();
    let text = lang
        .table()
        .get(full.as_str())
        .or_else(|| Lang::En.table().get(full.as_str()))
        .map_or(key, |v| *v);
    fill(text, args)
}

/// A calendar date as a reader writes it: "2026-11-23" in English (as the app always showed
/// dates), "2026年11月23日" in Chinese.
pub fn date(d: NaiveDate) -> String {
    match lang() {
        Lang::En => d.format("%Y-%m-%d").to_string(),
        Lang::Zh => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
    }
}

/// A date and time: "2026-11-23 14:05" / "2026年11月23日 14:05".
pub fn date_time(t: NaiveDateTime) -> String {
    format!("{} {}", date(t.date()), t.format("%H:%M"))
}

/// A day of the year without the year: "23 Nov" / "11月23日".
pub fn day_month(d: NaiveDate) -> String {
    match lang() {
        Lang::En => d.format("%d %b").to_string(),
        Lang::Zh => format!("{}月{}日", d.month(), d.day()),
    }
}

/// A month: "Nov 26" / "26年11月".
pub fn month_year(d: NaiveDate) -> String {
    match lang() {
        Lang::En => d.format("%b %y").to_string(),
        Lang::Zh => format!("{}年{}月", d.format("%y"), d.month()),
    }
}

/// A month on a time axis: "Nov 26" in English; in Chinese "11月", with the year ("26年11月")
/// on the first month shown and on each January, so the labels fit.
pub fn month_tick(d: NaiveDate, first: bool) -> String {
    match lang() {
        Lang::Zh if !first && d.month() != 1 => format!("{}月", d.month()),
        _ => month_year(d),
    }
}

#[cfg(test)]
mod tests;
