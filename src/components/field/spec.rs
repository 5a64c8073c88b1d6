//! What a field is: how its value is read and written, its kind, and its label and hint.

use std::sync::Arc;

use crate::i18n::describe::Label;
use crate::model::choice::Choice;
use crate::model::plan::Plan;

pub type Getter = Arc<dyn Fn(&Plan) -> String + Send + Sync>;
pub type Setter = Arc<dyn Fn(&mut Plan, &str) -> Result<(), crate::model::msg::Msg> + Send + Sync>;
pub type Options = Arc<dyn Fn(&Plan) -> Vec<(String, String)> + Send + Sync>;

/// How a value is read from and written to the plan, as text, and where it lives (the place a
/// keystroke notifies; "" for anywhere).
#[derive(Clone)]
pub struct Binding {
    pub get: Getter,
    pub set: Setter,
    pub scope: Arc<str>,
}

impl Binding {
    pub fn new(
        get: impl Fn(&Plan) -> String + Send + Sync + 'static,
        set: impl Fn(&mut Plan, &str) -> Result<(), crate::model::msg::Msg> + Send + Sync + 'static,
    ) -> Self {
        Binding {
            get: Arc::new(get),
            set: Arc::new(set),
            scope: "".into(),
        }
    }

    /// The value lives at `scope` (a schema path): a keystroke notifies only what reads there.
    pub fn at(mut self, scope: impl Into<Arc<str>>) -> Self {
        self.scope = scope.into();
        self
    }
}

#[derive(Clone)]
pub enum Kind {
    Text,
    LongText,
    Number(&'static str),
    Money,
    Percent,
    Date,
    Rating,
    Check,
    Choice(Options),
    /// Several of a list may be ticked; the value is the ticked keys joined by commas.
    Multi(Options),
}

impl Kind {
    pub fn choice<T: Choice>() -> Kind {
        Kind::Choice(Arc::new(|_| {
            T::all()
                .iter()
                .map(|v| (v.key().to_string(), v.label().to_string()))
                .collect()
        }))
    }
}

/// Everything a field needs to draw itself.
#[derive(Clone)]
pub struct FieldSpec {
    pub id: String,
    pub label: String,
    pub hint: String,
    pub kind: Kind,
    pub binding: Binding,
    /// Folded away under "More detail" until wanted.
    pub more: bool,
    /// Drawn across the whole row of a form grid.
    pub wide: bool,
    /// Where a choice's options come from in the plan ("" for anywhere).
    pub reads: &'static str,
}

impl FieldSpec {
    pub fn new(
        id: impl Into<String>,
        label: impl Into<String>,
        kind: Kind,
        binding: Binding,
    ) -> Self {
        let wide = matches!(kind, Kind::LongText);
        FieldSpec {
            id: id.into(),
            label: label.into(),
            hint: String::new(),
            kind,
            binding,
            more: false,
            wide,
            reads: "",
        }
    }
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = hint.into();
        self
    }
    pub fn more(mut self) -> Self {
        self.more = true;
        self
    }
    pub fn wide(mut self) -> Self {
        self.wide = true;
        self
    }
    /// Half a row even for long text (e.g. the four boxes of a SWOT).
    pub fn half(mut self) -> Self {
        self.wide = false;
        self
    }
}
