//! The interface's words for what the model and `persist/` return as codes: messages
//! (`Msg`), choices' labels, a plan's name to show, and the storage, decoding and import
//! errors. Nothing here is stored: stored plans hold only what the rep typed.

use std::fmt;

use super::{fill, t, t_in, tf, Lang};
use crate::model::choice::Choice;
use crate::model::migration::SCHEMA_VERSION;
use crate::model::msg::Msg;
use crate::model::plan::Plan;
use crate::persist::compact::CompactError;
use crate::persist::envelope::DecodeError;
use crate::persist::import::{ImportError, MAX_DEPTH};

/// A message in the current language.
pub fn words(m: &Msg) -> String {
    let args: Vec<&dyn fmt::Display> = m.args.iter().map(|a| a as &dyn fmt::Display).collect();
    fill(t(m.key), &args)
}

impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&words(self))
    }
}

/// So a field's parser (`Result<_, Msg>`) can be used with `?` where a worded error is wanted.
impl From<Msg> for String {
    fn from(m: Msg) -> String {
        words(&m)
    }
}

/// A choice's label in the current language (`AccountLevel::Key.label()`).
pub trait Label {
    fn label(self) -> &'static str;
}

impl<C: Choice> Label for C {
    fn label(self) -> &'static str {
        t(self.label_key())
    }
}

/// The name to show for a plan: its account name, or "Untitled account" when it is blank.
pub fn plan_name(plan: &Plan) -> &str {
    plan.name().unwrap_or_else(|| t("plan.untitled"))
}

/// What a review changed, as the review log shows it. A CRM refresh stores the file's name,
/// worded here ("Figures refreshed from accounts.csv"); a refresh recorded before that stored
/// the worded text itself, which is shown as it is.
pub fn review_changes(r: &crate::model::plan::Review) -> String {
    if !r.refresh {
        return r.changes.clone();
    }
    let worded_before = Lang::ALL.into_iter().any(|lang| {
        let template = t_in(lang, "crm.refresh_label");
        template.split_once("{0}").is_some_and(|(pre, post)| {
            r.changes.len() > pre.len() + post.len()
                && r.changes.starts_with(pre)
                && r.changes.ends_with(post)
        })
    });
    if worded_before {
        r.changes.clone()
    } else {
        tf("crm.refresh_label", &[&r.changes])
    }
}

impl fmt::Display for CompactError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&words(&self.msg()))
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotJson {
                line,
                column,
                detail,
            } => f.write_str(&tf("decode.not_json", &[line, column, detail])),
            Self::NotKeyplan { found: None } => f.write_str(t("decode.no_kind")),
            Self::NotKeyplan { found: Some(k) } => f.write_str(&tf("decode.other_kind", &[k])),
            Self::WrongKind { expected, found } => {
                f.write_str(&tf("decode.wrong_kind", &[expected, found]))
            }
            Self::Newer { version } => {
                f.write_str(&tf("decode.newer", &[version, &SCHEMA_VERSION]))
            }
            Self::Invalid { detail } => f.write_str(&tf("decode.invalid", &[&words(detail)])),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str(t("import.e_empty")),
            Self::TooLarge { bytes } => f.write_str(&tf(
                "import.e_too_large",
                &[&format!("{:.1}", *bytes as f64 / 1_048_576.0)],
            )),
            Self::NotText => f.write_str(t("import.e_not_text")),
            Self::TooDeep => f.write_str(&tf("import.e_too_deep", &[&MAX_DEPTH])),
            Self::NotJson {
                line,
                column,
                detail,
            } => f.write_str(&tf("import.e_not_json", &[detail, line, column])),
            Self::NotKeyplan => f.write_str(t("import.e_not_keyplan")),
            Self::Newer { version } => {
                f.write_str(&tf("import.e_newer", &[version, &SCHEMA_VERSION]))
            }
            Self::Invalid { path, detail } => {
                f.write_str(&tf("import.e_invalid", &[path, &words(detail)]))
            }
            Self::NoPlans => f.write_str(t("import.e_no_plans")),
        }
    }
}

#[cfg(target_arch = "wasm32")]
impl fmt::Display for crate::persist::storage::StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::persist::storage::StoreError;
        match self {
            StoreError::Unavailable(None) => {
                f.write_str(&tf("store.unavailable", &[&t("store.turned_off")]))
            }
            StoreError::Unavailable(Some(why)) => f.write_str(&tf("store.unavailable", &[why])),
            StoreError::QuotaFull => f.write_str(t("store.full")),
            StoreError::Conflict { .. } => f.write_str(t("store.conflict")),
            StoreError::Failed(why) => f.write_str(&tf("store.failed", &[why])),
            StoreError::CodeNotLoaded => f.write_str(t("store.code_not_loaded")),
        }
    }
}

/// What a strategy means for the account, in words.
pub fn strategy_advice(s: crate::model::scoring::StrategyKind) -> &'static str {
    match s {
        crate::model::scoring::StrategyKind::Consolidate => crate::i18n::t("step1.s_consolidate"),
        crate::model::scoring::StrategyKind::Invest => crate::i18n::t("step1.s_invest"),
        crate::model::scoring::StrategyKind::Harvest => crate::i18n::t("step1.s_harvest"),
        crate::model::scoring::StrategyKind::Maintain => crate::i18n::t("step1.s_maintain"),
    }
}

/// A contact's name, or "Contact n" while it has none.
pub fn contact_name(p: &crate::model::plan::Plan, id: u32) -> String {
    p.relationships
        .contacts
        .iter()
        .find(|c| c.id == id)
        .map(|c| c.name.clone())
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| crate::i18n::tf("relmap.contact_n", &[&id]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{set_lang, Lang};
    use crate::model::plan::AccountLevel;

    #[test]
    fn codes_are_worded_in_the_current_language() {
        let m = Msg::with("text.not_number", &[&"twelve"]);
        set_lang(Lang::En);
        let en = words(&m);
        assert!(en.contains("twelve") && en.contains("not a number"), "{en}");
        assert_eq!(String::from(m.clone()), en);
        assert_eq!(words(&Msg::plain("x: y")), "x: y");
        assert_eq!(AccountLevel::National.label(), "National");
        let mut p = Plan::default();
        assert_eq!(plan_name(&p), "Untitled account");
        set_lang(Lang::Zh);
        let zh = words(&m);
        assert!(zh.contains("twelve") && zh != en, "{zh}");
        assert_eq!(AccountLevel::National.label(), "全国客户");
        assert_ne!(plan_name(&p), "Untitled account");
        p.header.account_name = "Acme".into();
        assert_eq!(plan_name(&p), "Acme");
        set_lang(Lang::En);
    }

    #[test]
    fn a_refresh_names_its_file_and_older_worded_ones_stay_as_they_were() {
        set_lang(Lang::En);
        let mut r = crate::model::plan::Review {
            refresh: true,
            changes: "accounts.csv".into(),
            ..Default::default()
        };
        assert_eq!(review_changes(&r), "Figures refreshed from accounts.csv");
        r.changes = "Figures refreshed from accounts.csv".into();
        assert_eq!(review_changes(&r), "Figures refreshed from accounts.csv");
        r.refresh = false;
        r.changes = "Added the new plant".into();
        assert_eq!(review_changes(&r), "Added the new plant");
    }

    #[test]
    fn errors_word_their_nested_details() {
        set_lang(Lang::En);
        let e = DecodeError::Invalid {
            detail: CompactError::Truncated.msg(),
        };
        assert!(!e.to_string().contains("compact."), "{e}");
        assert_eq!(
            CompactError::Truncated.to_string(),
            t("compact.truncated").to_string()
        );
    }
}
