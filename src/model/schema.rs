//! The plan's schema: every step's sections, fields and tables declared once, as data.
//!
//! Each field names its path in the stored plan, its kind and its catalogue key; each table its
//! rows' columns, what names a row, and what a folded row shows. The print view and the review
//! comparison read this one declaration (and a host test proves that every path exists in `Plan`
//! and every label is in both catalogues), so a field's facts are written once. Pure: no browser,
//! no language (labels are catalogue keys; the interface words them).

/// One of the seven steps of a key account plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Step {
    Portfolio,
    Customer,
    Relationships,
    Blueprint,
    Action,
    Resources,
    Communication,
}

impl Step {
    pub const ALL: [Step; 7] = [
        Step::Portfolio,
        Step::Customer,
        Step::Relationships,
        Step::Blueprint,
        Step::Action,
        Step::Resources,
        Step::Communication,
    ];

    /// 1–7, as the rep counts them and as the URL names them.
    pub fn number(self) -> u8 {
        self as u8 + 1
    }

    pub fn from_number(n: u8) -> Option<Step> {
        Step::ALL.get(usize::from(n).checked_sub(1)?).copied()
    }

    /// The catalogue key of the step's name.
    pub fn name_key(self) -> &'static str {
        [
            "step1.name",
            "step2.name",
            "step3.name",
            "step4.name",
            "step5.name",
            "step6.name",
            "step7.name",
        ][self as usize]
    }
}

/// A closed list a field picks from (see `model::choice`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChoiceList {
    Level,
    ReviewFrequency,
    BuyingRole,
    Attitude,
    ActionStatus,
    ForceKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    LongText,
    Number,
    Money,
    Percent,
    Date,
    /// 1–5.
    Rating,
    Check,
    Choice(ChoiceList),
    /// The id of a row of another table (by the table's path), shown by that row's caption.
    RowRef(&'static str),
    /// Several row ids of another table.
    RowRefs(&'static str),
}

/// One field of a step, outside any table.
#[derive(Debug, PartialEq)]
pub struct Field {
    /// Where the value lives in the stored plan, e.g. `customer.main_business`.
    pub path: &'static str,
    /// Catalogue key of the label.
    pub label: &'static str,
    pub kind: FieldKind,
    /// Folded under "More detail" until wanted.
    pub more: bool,
    /// For the rep only: left out of what leaves their hands when they ask.
    pub private: bool,
    pub help: Help,
    /// Half a row even for long text (the four boxes of a SWOT).
    pub half: bool,
    /// One of its step's key items: filled in, it raises the step's completeness.
    pub counts: bool,
}

/// What the form shows around a value.
#[derive(Debug, PartialEq)]
pub struct Help {
    /// Catalogue key of the help under the value, if any.
    pub hint: Option<&'static str>,
    /// Catalogue key of the unit after a number ("days"), if any.
    pub unit: Option<&'static str>,
}

const NO_HELP: Help = Help {
    hint: None,
    unit: None,
};

/// One column of a table.
#[derive(Debug, PartialEq)]
pub struct Column {
    /// The row's key, e.g. `attitude`.
    pub key: &'static str,
    pub label: &'static str,
    pub kind: FieldKind,
    pub help: Help,
    /// Folded under "More detail" in an open row.
    pub more: bool,
}

/// A table of rows with ids, e.g. the contacts.
#[derive(Debug, PartialEq)]
pub struct Table {
    /// Where the rows live, e.g. `relationships.contacts`.
    pub path: &'static str,
    /// The DOM anchor of the table and the prefix of its rows' ids (`contacts-3`).
    pub anchor: &'static str,
    pub label: &'static str,
    pub columns: &'static [Column],
    /// The columns that name a row, joined with " · " (empty ones left out).
    pub caption: &'static [&'static str],
    /// What a folded row shows beside its caption.
    pub folded: &'static [&'static str],
    /// The columns a row's header line shows in the step (the caption's when empty).
    pub heading: &'static [&'static str],
    /// Catalogue keys of the text under the table's title ("" for none) and of one row's name.
    pub intro: &'static str,
    pub noun: &'static str,
    /// One of its step's key items: with a row, it raises the step's completeness.
    pub counts: bool,
}

/// A hand-drawn part of a step that the schema places: its own component draws it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    /// Step 1's criteria, scored 1–5 with a note each, and the matrix they give.
    Screening,
    /// Step 2's customer profit, computed from the sales and cost to serve.
    CustomerProfit,
    /// Step 2's grid of products bought by each unit.
    Penetration,
    /// Step 3's drawn map and its warnings.
    RelationshipMap,
    /// Step 4's opportunity assessment (answers keyed by question).
    Assessment,
    /// Step 4's force balance.
    ForceBalance,
    /// Step 5's months and weeks.
    Timeline,
    /// Step 6's cost against return.
    Totals,
    /// Step 1's account team, kept in step 6 and shown in step 1.
    TeamSummary,
    /// Steps 1 and 2: the entered profit against the computed one, when they differ.
    ProfitCheck,
    /// Step 3's warnings about the buying centre.
    RelationshipWarnings,
    /// Step 4's strategy suggested by the screening matrix.
    SuggestedStrategy,
    /// Step 7's review log and the comparison of snapshots.
    Reviews,
}

impl Panel {
    /// Where the panel's own stored data lives, if it has any of its own.
    pub fn path(self) -> Option<&'static str> {
        match self {
            Panel::Penetration => Some("customer.penetration"),
            Panel::Assessment => Some("blueprint.assessment"),
            Panel::Reviews => Some("communication.reviews"),
            _ => None,
        }
    }

    /// The catalogue key of the panel's heading.
    pub fn label(self) -> &'static str {
        match self {
            Panel::Screening => "portfolio.matrix",
            Panel::CustomerProfit => "step2.customer_profit",
            Panel::Penetration => "penetration.title",
            Panel::RelationshipMap => "relmap.title",
            Panel::Assessment => "step4.assessment",
            Panel::ForceBalance => "step4.balance",
            Panel::Timeline => "timeline.title",
            Panel::Totals => "step6.cost_return",
            Panel::Reviews => "step7.reviews",
            Panel::TeamSummary => "step1.team",
            Panel::ProfitCheck => "step1.last_profit",
            Panel::RelationshipWarnings => "step3.warnings",
            Panel::SuggestedStrategy => "step4.suggested",
        }
    }
}

#[derive(Debug)]
pub enum Item {
    /// A titled group of fields (title: a catalogue key).
    Section(&'static str, &'static [Field]),
    Table(Table),
    Panel(Panel),
}

#[derive(Debug)]
pub struct StepSchema {
    pub step: Step,
    pub items: &'static [Item],
}

const fn f(path: &'static str, label: &'static str, kind: FieldKind) -> Field {
    Field {
        path,
        label,
        kind,
        more: false,
        private: false,
        help: NO_HELP,
        half: false,
        counts: false,
    }
}

const fn more(path: &'static str, label: &'static str, kind: FieldKind) -> Field {
    f(path, label, kind).folded()
}

/// How a declaration says its help, unit and folding, one call each.
macro_rules! helped {
    ($($t:ty),*) => {$(
        impl $t {
            const fn hint(mut self, key: &'static str) -> Self {
                self.help.hint = Some(key);
                self
            }
            const fn unit(mut self, key: &'static str) -> Self {
                self.help.unit = Some(key);
                self
            }
            const fn folded(mut self) -> Self {
                self.more = true;
                self
            }
        }
    )*};
}
helped!(Field, Column);

impl Field {
    const fn half(mut self) -> Self {
        self.half = true;
        self
    }
    const fn private(mut self) -> Self {
        self.private = true;
        self
    }
    const fn counts(mut self) -> Self {
        self.counts = true;
        self
    }
}

const fn c(key: &'static str, label: &'static str, kind: FieldKind) -> Column {
    Column {
        key,
        label,
        kind,
        help: NO_HELP,
        more: false,
    }
}

use FieldKind::*;

/// The criteria of the screening matrix, as fields: their score and their note.
pub const CRITERIA: &[(&str, &str)] = &[
    ("portfolio.profit", "step1.c_profit"),
    ("portfolio.growth", "step1.c_growth"),
    ("portfolio.reference_value", "step1.c_reference"),
    ("portfolio.strategic_value", "step1.c_strategic"),
    ("portfolio.product_advantage", "step1.c_product"),
    ("portfolio.service_advantage", "step1.c_service"),
    ("portfolio.location_advantage", "step1.c_location"),
    ("portfolio.competitor_focus", "step1.c_competitor"),
];

pub const SCHEMA: &[StepSchema] = &[
    steps_a::PORTFOLIO,
    steps_a::CUSTOMER,
    steps_a::RELATIONSHIPS,
    steps_b::BLUEPRINT,
    steps_b::ACTION,
    steps_b::RESOURCES,
    steps_b::COMMUNICATION,
];

mod query;
mod steps_a;
mod steps_b;
pub use query::*;

#[cfg(test)]
mod tests;
