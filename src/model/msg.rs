//! A message for the rep, as a code: the catalogue key and its arguments. The model and
//! `persist/` return these (they know no language); the interface words them
//! (`crate::i18n::describe`).

/// A catalogue key with the values for its `{0}`, `{1}` … placeholders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Msg {
    pub key: &'static str,
    pub args: Vec<String>,
}

impl Msg {
    /// A message without arguments.
    pub fn new(key: &'static str) -> Msg {
        Msg {
            key,
            args: Vec::new(),
        }
    }

    /// A message with arguments, each written with `Display` (numbers, names, stored keys:
    /// values, never words of the interface).
    pub fn with(key: &'static str, args: &[&dyn std::fmt::Display]) -> Msg {
        Msg {
            key,
            args: args.iter().map(|a| a.to_string()).collect(),
        }
    }

    /// A technical detail that has no translation (a parser's own report), shown as it is.
    pub fn plain(text: impl Into<String>) -> Msg {
        Msg {
            key: PLAIN,
            args: vec![text.into()],
        }
    }
}

/// How a caller words messages: exports that are written in the rep's language (CSV headers,
/// calendar entries) take one, so the writer itself stays free of any language.
pub type Words<'a> = &'a dyn Fn(&Msg) -> String;

/// The catalogue key of `Msg::plain`: its text is just `{0}`.
pub const PLAIN: &str = "msg.plain";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_are_kept_as_values() {
        let m = Msg::with("text.not_number", &[&"twelve", &3]);
        assert_eq!(m.key, "text.not_number");
        assert_eq!(m.args, vec!["twelve".to_string(), "3".to_string()]);
        assert_eq!(Msg::plain("x").key, PLAIN);
        assert!(Msg::new("text.not_date").args.is_empty());
    }
}
