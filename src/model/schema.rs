//! The plan's schema: every step's sections, fields and tables declared once, as data.
//!
//! Each field names its path in the stored plan, its kind and its catalogue key; each table its
//! rows' columns, what names a row, and what a folded row shows. The print view and the review
//! comparison read this one declaration (and a host test proves that every path exists in `Plan`
//! and every label is in both catalogues), so a field's facts are written once. Pure: no browser,
//! no language (labels are catalogue keys; the interface words them).

use serde_json::Value;

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
    StepSchema {
        step: Step::Portfolio,
        items: &[
            Item::Section(
                "step1.the_account",
                &[
                    f("header.account_name", "portfolio.account_name", Text),
                    f("header.level", "step1.level", Choice(ChoiceList::Level))
                        .hint("step1.level_hint"),
                    f("header.industry", "step1.industry", Text),
                    f("header.prepared_by", "step1.prepared_by", Text),
                    f("header.period_start", "step1.period_from", Date),
                    f("header.period_end", "step1.period_to", Date),
                    f(
                        "header.review_frequency",
                        "step1.review",
                        Choice(ChoiceList::ReviewFrequency),
                    ),
                    more("header.account_id", "crm.field.account_id", Text),
                    more("header.next_review", "field.next_review", Date),
                ],
            ),
            Item::Panel(Panel::TeamSummary),
            Item::Panel(Panel::Screening),
            Item::Section(
                "step1.worth",
                &[
                    f("portfolio.last_year_sales", "step1.last_sales", Money),
                    f("portfolio.last_year_profit", "step1.last_profit", Money)
                        .hint("step1.last_profit_hint"),
                    f("portfolio.share_of_spend", "step1.share", Percent).hint("step1.share_hint"),
                ],
            ),
            Item::Panel(Panel::ProfitCheck),
        ],
    },
    StepSchema {
        step: Step::Customer,
        items: &[
            Item::Section(
                "step2.customer_file",
                &[
                    f("customer.main_business", "step2.main_business", Text)
                        .hint("step2.main_business_hint"),
                    f("customer.size", "step2.size", Text).hint("step2.size_hint"),
                    more("customer.website", "step2.website", Text),
                    more("customer.address", "step2.address", Text),
                    f("customer.strategy", "step2.strategy", LongText).hint("step2.strategy_hint"),
                    f("customer.pain_points", "step2.pain", LongText).hint("step2.pain_hint"),
                    f("customer.kpis", "step2.kpis", LongText).hint("step2.kpis_hint"),
                    more("customer.culture", "step2.culture", LongText).hint("step2.culture_hint"),
                    more("customer.industry_situation", "step2.industry", LongText),
                    more(
                        "customer.regulatory_pressures",
                        "step2.regulatory",
                        LongText,
                    )
                    .hint("step2.regulatory_hint"),
                    more("customer.financial_trend", "step2.trend", LongText)
                        .hint("step2.trend_hint"),
                ],
            ),
            Item::Section(
                "step2.needs",
                &[
                    f("customer.needs_application", "step2.need_app", LongText)
                        .hint("step2.need_app_hint"),
                    f("customer.needs_relationship", "step2.need_rel", LongText)
                        .hint("step2.need_rel_hint"),
                    f("customer.needs_personal", "step2.need_personal", LongText)
                        .hint("step2.need_personal_hint"),
                    more("customer.technology", "step2.tech", LongText).hint("step2.tech_hint"),
                ],
            ),
            Item::Table(Table {
                path: "customer.sales",
                anchor: "sales",
                label: "step2.sales_title",
                columns: &[
                    c("product", "step2.product", Text),
                    c("year_before", "step2.two_years", Money),
                    c("last_year", "step2.last_year", Money),
                    c("this_year", "step2.this_year", Money),
                ],
                caption: &["product"],
                folded: &["last_year", "this_year"],
                heading: &[],
                intro: "step2.sales_intro",
                noun: "step2.product_noun",
            }),
            Item::Section(
                "step2.cost_title",
                &[
                    f("customer.gross_margin_pct", "step2.margin", Percent),
                    f("customer.cost_promotion", "step2.cost_promo", Money),
                    f("customer.cost_sales_staff", "step2.cost_staff", Money),
                    f("customer.cost_logistics", "step2.cost_logistics", Money),
                    f("customer.cost_other", "step2.cost_other", Money),
                ],
            ),
            Item::Panel(Panel::CustomerProfit),
            Item::Panel(Panel::ProfitCheck),
            Item::Table(Table {
                path: "customer.wallet",
                anchor: "wallet",
                label: "step2.wallet_title",
                columns: &[
                    c("supplier", "step2.supplier", Text).hint("step2.supplier_hint"),
                    c("share_pct", "step2.share", Percent),
                    c("note", "common.note", Text),
                ],
                caption: &["supplier"],
                folded: &["share_pct"],
                heading: &[],
                intro: "step2.wallet_intro",
                noun: "step2.supplier_noun",
            }),
            Item::Section(
                "step2.service",
                &[
                    f("customer.on_time_pct", "step2.on_time", Percent),
                    f("customer.stock_outs", "step2.stock_outs", Number).unit("step2.times"),
                    f("customer.invoice_accuracy_pct", "step2.invoice", Percent),
                ],
            ),
            Item::Panel(Panel::Penetration),
        ],
    },
    StepSchema {
        step: Step::Relationships,
        items: &[
            Item::Panel(Panel::RelationshipWarnings),
            Item::Panel(Panel::RelationshipMap),
            Item::Table(Table {
                path: "relationships.contacts",
                anchor: "contacts",
                label: "step3.contacts",
                columns: &[
                    c("name", "step3.contact_name", Text),
                    c("title", "step3.title", Text),
                    c("department", "step3.department", Text),
                    c(
                        "reports_to",
                        "step3.reports_to",
                        RowRef("relationships.contacts"),
                    ),
                    c("role", "step3.role", Choice(ChoiceList::BuyingRole)),
                    c("attitude", "step3.attitude", Choice(ChoiceList::Attitude)),
                    c("influence", "step3.influence", Rating),
                    c("owner", "step3.owner", Text),
                    c("strength_now", "step3.strength_now", Rating).folded(),
                    c("strength_target", "step3.strength_target", Rating).folded(),
                    c("last_contact", "step3.last_contact", Date).folded(),
                    c("contact_details", "step3.details", Text).folded(),
                    c("background", "step3.background", LongText).folded(),
                    c("interests", "step3.interests", LongText).folded(),
                ],
                caption: &["name"],
                folded: &["role", "attitude"],
                heading: &["name", "title"],
                intro: "step3.contacts_intro",
                noun: "step3.contact_noun",
            }),
            Item::Section(
                "step3.decision",
                &[
                    f("relationships.decision_process", "step3.decide", LongText)
                        .hint("step3.decide_hint"),
                    f("relationships.stated_criteria", "step3.stated", LongText)
                        .hint("step3.stated_hint"),
                    f(
                        "relationships.unstated_criteria",
                        "step3.unstated",
                        LongText,
                    )
                    .hint("step3.unstated_hint"),
                    f(
                        "relationships.who_wants_us_to_win",
                        "step3.who_wants",
                        LongText,
                    )
                    .hint("step3.who_wants_hint"),
                    more("relationships.senior_meetings", "step3.senior", LongText)
                        .hint("step3.senior_hint"),
                ],
            ),
        ],
    },
    StepSchema {
        step: Step::Blueprint,
        items: &[
            Item::Section(
                "step4.swot",
                &[
                    f("blueprint.opportunities", "step4.opportunities", LongText)
                        .hint("step4.opportunities_hint")
                        .half(),
                    f("blueprint.threats", "step4.threats", LongText)
                        .hint("step4.threats_hint")
                        .half(),
                    f("blueprint.strengths", "step4.strengths", LongText).half(),
                    f("blueprint.weaknesses", "step4.weaknesses", LongText).half(),
                ],
            ),
            Item::Panel(Panel::SuggestedStrategy),
            Item::Table(Table {
                path: "blueprint.objectives",
                anchor: "objectives",
                label: "step4.objectives",
                columns: &[
                    c("title", "step4.objective", Text).hint("step4.objective_hint"),
                    c("measure", "step4.measure", Text).hint("step4.measure_hint"),
                    c("last_year", "step4.last_result", Number),
                    c("target", "portfolio.target", Number),
                    c("due", "step4.by", Date),
                ],
                caption: &["title"],
                folded: &["target", "due"],
                heading: &[],
                intro: "step4.objectives_intro",
                noun: "step4.objective_noun",
            }),
            Item::Table(Table {
                path: "blueprint.strategies",
                anchor: "strategies",
                label: "step4.strategies",
                columns: &[
                    c("title", "step4.strategy", Text),
                    c("reason", "step4.why", LongText),
                    c(
                        "objectives",
                        "step4.serves",
                        RowRefs("blueprint.objectives"),
                    ),
                ],
                caption: &["title"],
                folded: &["objectives"],
                heading: &[],
                intro: "step4.strategies_intro",
                noun: "step4.strategy_noun",
            }),
            Item::Section(
                "step4.our_value",
                &[
                    f("blueprint.unique_value", "step4.unique_value", LongText)
                        .hint("step4.unique_value_hint"),
                    f("blueprint.value_measure", "step4.value_measure", LongText),
                ],
            ),
            Item::Table(Table {
                path: "blueprint.competitors",
                anchor: "competitors",
                label: "step4.competitors",
                columns: &[
                    c("name", "step4.competitor", Text),
                    c("position", "step4.position", LongText),
                ],
                caption: &["name"],
                folded: &[],
                heading: &[],
                intro: "",
                noun: "step4.competitor_noun",
            }),
            Item::Panel(Panel::Assessment),
            Item::Table(Table {
                path: "blueprint.forces",
                anchor: "forces",
                label: "step4.forces",
                columns: &[
                    c("kind", "step4.kind", Choice(ChoiceList::ForceKind)),
                    c("text", "step4.force", Text),
                    c("weight", "step4.weight", Rating),
                    c("action", "step4.answered_by", RowRef("action.actions")),
                ],
                caption: &["text"],
                folded: &["kind", "weight"],
                heading: &[],
                intro: "step4.forces_intro",
                noun: "step4.force_noun",
            }),
            Item::Panel(Panel::ForceBalance),
        ],
    },
    StepSchema {
        step: Step::Action,
        items: &[
            Item::Table(Table {
                path: "action.actions",
                anchor: "actions",
                label: "step5.actions",
                columns: &[
                    c("what", "step5.what", Text),
                    c("owner", "step5.owner", Text),
                    c("start", "step5.start", Date),
                    c("due", "step5.due", Date),
                    c("status", "step5.status", Choice(ChoiceList::ActionStatus)),
                    c(
                        "objective",
                        "step5.for_objective",
                        RowRef("blueprint.objectives"),
                    ),
                    c("goal", "step5.goal", Text).folded(),
                    c("result", "step5.result", LongText).folded(),
                    c("next_step", "step5.next_step", Text).folded(),
                ],
                caption: &["what"],
                folded: &["owner", "due", "status"],
                heading: &[],
                intro: "step5.actions_intro",
                noun: "step5.action_noun",
            }),
            Item::Panel(Panel::Timeline),
            Item::Table(Table {
                path: "action.visits",
                anchor: "visits",
                label: "step5.visits",
                columns: &[
                    c("date", "step5.date", Date),
                    c("contact", "step5.contact", RowRef("relationships.contacts")),
                    c("discussed", "step5.discussed", LongText),
                    c("result", "step5.result", Text),
                    c("next_action", "step5.next_action", Text),
                ],
                caption: &["date", "contact"],
                folded: &["next_action"],
                heading: &[],
                intro: "step5.visits_intro",
                noun: "step5.visit_noun",
            }),
        ],
    },
    StepSchema {
        step: Step::Resources,
        items: &[
            Item::Table(Table {
                path: "resources.resources",
                anchor: "resources",
                label: "step6.resources",
                columns: &[
                    c("who", "step6.who", Text).hint("step6.who_hint"),
                    c("activity", "step6.activity", Text),
                    c("days", "step6.time", Number).unit("step6.days_unit"),
                    c("cost", "step6.cost", Money),
                ],
                caption: &["who"],
                folded: &["days", "cost"],
                heading: &[],
                intro: "step6.resources_intro",
                noun: "step6.resource_noun",
            }),
            Item::Section(
                "step6.should_earn",
                &[
                    f("resources.expected_revenue", "step6.exp_revenue", Money),
                    f("resources.expected_profit", "step6.exp_profit", Money),
                ],
            ),
            Item::Panel(Panel::Totals),
            Item::Table(Table {
                path: "resources.team",
                anchor: "team",
                label: "step6.team",
                columns: &[
                    c("name", "step3.contact_name", Text),
                    c("function", "step6.function", Text),
                    c("role", "step6.role", Text),
                ],
                caption: &["name"],
                folded: &["function"],
                heading: &[],
                intro: "step6.team_intro",
                noun: "step6.member_noun",
            }),
            Item::Table(Table {
                path: "resources.scorecard",
                anchor: "scorecard",
                label: "step6.scorecard",
                columns: &[
                    c("perspective", "step6.perspective", Text).hint("step6.perspective_hint"),
                    c("name", "step4.measure", Text),
                    c("target", "step6.target", Number),
                    c("actual", "step6.actual", Number),
                ],
                caption: &["name"],
                folded: &["target", "actual"],
                heading: &[],
                intro: "step6.scorecard_intro",
                noun: "step6.measure_noun",
            }),
        ],
    },
    StepSchema {
        step: Step::Communication,
        items: &[
            Item::Table(Table {
                path: "communication.plan",
                anchor: "communication",
                label: "step7.comms",
                columns: &[
                    c("stakeholder", "step7.stakeholder", Text),
                    c("internal", "step7.internal", Check),
                    c("what", "step7.what", Text),
                    c("channel", "step7.channel", Text).hint("step7.channel_hint"),
                    c("frequency", "step7.how_often", Text),
                    c("owner", "step5.owner", Text),
                ],
                caption: &["stakeholder"],
                folded: &["channel", "frequency"],
                heading: &[],
                intro: "step7.comms_intro",
                noun: "step7.stakeholder_noun",
            }),
            Item::Panel(Panel::Reviews),
            Item::Table(Table {
                path: "communication.report_card",
                anchor: "report_card",
                label: "step7.report",
                columns: &[
                    c("area", "step7.area", Text).hint("step7.area_hint"),
                    c("score", "step7.their_score", Rating),
                    c("problem", "step7.problems", LongText),
                ],
                caption: &["area"],
                folded: &["score"],
                heading: &[],
                intro: "step7.report_intro",
                noun: "step7.score_noun",
            }),
            Item::Section(
                "step7.long_term",
                &[
                    f(
                        "communication.issue_competition",
                        "step7.competition",
                        LongText,
                    ),
                    f("communication.issue_service", "step7.service", LongText),
                    f("communication.issue_growth", "step7.growth", LongText),
                    f(
                        "communication.issue_internal",
                        "step7.internal_issues",
                        LongText,
                    ),
                    f(
                        "communication.lose_order_not_customer",
                        "step7.lose",
                        LongText,
                    )
                    .hint("step7.lose_hint"),
                    more("communication.private_notes", "step7.private", LongText)
                        .private()
                        .hint("step7.private_hint"),
                ],
            ),
        ],
    },
];

/// The schema of one step.
pub fn step(step: Step) -> &'static StepSchema {
    &SCHEMA[step as usize]
}

/// Every field outside tables, with its step, in the order the rep sees them.
pub fn fields() -> impl Iterator<Item = (Step, &'static Field)> {
    SCHEMA.iter().flat_map(|s| {
        s.items.iter().flat_map(move |i| match i {
            Item::Section(_, fields) => fields.iter().map(move |f| (s.step, f)).collect(),
            _ => Vec::new(),
        })
    })
}

/// Every table, with its step.
pub fn tables() -> impl Iterator<Item = (Step, &'static Table)> {
    SCHEMA.iter().flat_map(|s| {
        s.items.iter().filter_map(move |i| match i {
            Item::Table(t) => Some((s.step, t)),
            _ => None,
        })
    })
}

/// Every panel, with its step.
pub fn panels() -> impl Iterator<Item = (Step, Panel)> {
    SCHEMA.iter().flat_map(|s| {
        s.items.iter().filter_map(move |i| match i {
            Item::Panel(p) => Some((s.step, *p)),
            _ => None,
        })
    })
}

/// The table whose rows live at `path`.
pub fn table(path: &str) -> Option<&'static Table> {
    tables().map(|(_, t)| t).find(|t| t.path == path)
}

/// The table whose DOM anchor is `anchor` (`contacts` for `contacts-3`).
pub fn table_by_anchor(anchor: &str) -> Option<(Step, &'static Table)> {
    tables().find(|(_, t)| t.anchor == anchor)
}

/// The DOM id of a field, derived from its path: `customer.main_business` → `customer-main_business`.
pub fn dom_id(path: &str) -> String {
    path.replace('.', "-")
}

/// The value at a dotted path of a plan's JSON (`Null` when absent).
pub fn lookup<'a>(plan: &'a Value, path: &str) -> &'a Value {
    path.split('.')
        .try_fold(plan, |v, k| v.get(k))
        .unwrap_or(&Value::Null)
}

/// Whether a value counts as not filled in.
pub fn is_blank(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(m) => m.values().all(is_blank),
        Value::Bool(b) => !b,
        Value::Number(_) => false,
    }
}

/// A row's id.
pub fn row_id(row: &Value) -> Option<u64> {
    row.get("id").and_then(Value::as_u64)
}

/// The rows of a table in a plan's JSON.
pub fn rows<'a>(plan: &'a Value, table: &Table) -> &'a [Value] {
    lookup(plan, table.path)
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

/// The row of a table with a given id.
pub fn find_row<'a>(plan: &'a Value, table_path: &str, id: u64) -> Option<&'a Value> {
    let t = table(table_path)?;
    rows(plan, t).iter().find(|r| row_id(r) == Some(id))
}

/// The columns that name a row, for a caption: each (column, value), blank ones left out.
pub fn caption_parts<'a>(
    table: &'static Table,
    row: &'a Value,
) -> Vec<(&'static Column, &'a Value)> {
    table
        .caption
        .iter()
        .filter_map(|k| {
            let col = table.columns.iter().find(|c| c.key == *k)?;
            let v = row.get(*k)?;
            (!is_blank(v)).then_some((col, v))
        })
        .collect()
}

/// The step a stored top-level key or dotted path belongs to.
pub fn step_of_path(path: &str) -> Option<Step> {
    let owns = |p: &str| {
        path == p || path.starts_with(&format!("{p}.")) || p.starts_with(&format!("{path}."))
    };
    for s in SCHEMA {
        for i in s.items {
            let hit = match i {
                Item::Section(_, fs) => fs.iter().any(|f| owns(f.path)),
                Item::Table(t) => owns(t.path),
                Item::Panel(p) => p.path().is_some_and(owns),
            };
            if hit {
                return Some(s.step);
            }
        }
    }
    if CRITERIA.iter().any(|(p, _)| owns(p)) {
        return Some(Step::Portfolio);
    }
    None
}

/// Where a fix for a health problem lives: a field's, table's or row's DOM anchor, and its step.
pub fn anchor_step(anchor: &str) -> Option<Step> {
    if let Some((s, _)) = table_by_anchor(anchor) {
        return Some(s);
    }
    if let Some((table, id)) = anchor.rsplit_once('-') {
        if id.parse::<u64>().is_ok() {
            return table_by_anchor(table).map(|(s, _)| s);
        }
    }
    match anchor {
        "screening" => Some(Step::Portfolio),
        "reviews" => Some(Step::Communication),
        _ => fields()
            .find(|(_, f)| dom_id(f.path) == anchor)
            .map(|(s, _)| s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::*;

    /// A plan with one row in every table, every optional value set, so every path has a value.
    fn full_plan() -> Value {
        let mut p = Plan::new("x", "Acme", chrono::Utc::now());
        p.header.period_start = chrono::NaiveDate::from_ymd_opt(2026, 1, 1);
        p.header.period_end = chrono::NaiveDate::from_ymd_opt(2026, 12, 31);
        p.header.account_id = "0015g00000A".into();
        p.header.next_review = chrono::NaiveDate::from_ymd_opt(2026, 3, 1);
        p.portfolio.last_year_sales = Some(1.0);
        p.portfolio.last_year_profit = Some(1.0);
        p.portfolio.share_of_spend = Some(1.0);
        let c = &mut p.customer;
        c.gross_margin_pct = Some(1.0);
        c.cost_promotion = Some(1.0);
        c.cost_sales_staff = Some(1.0);
        c.cost_logistics = Some(1.0);
        c.cost_other = Some(1.0);
        c.on_time_pct = Some(1.0);
        c.stock_outs = Some(1.0);
        c.invoice_accuracy_pct = Some(1.0);
        c.sales.push(ProductSales::default());
        c.wallet.push(WalletShare::default());
        p.relationships.contacts.push(Contact::default());
        let b = &mut p.blueprint;
        b.objectives.push(Objective::default());
        b.strategies.push(Strategy::default());
        b.competitors.push(Competitor::default());
        b.forces.push(Force::default());
        p.action.actions.push(Action::default());
        p.action.visits.push(Visit::default());
        p.resources.expected_revenue = Some(1.0);
        p.resources.expected_profit = Some(1.0);
        p.resources.resources.push(Resource::default());
        p.resources.team.push(TeamMember::default());
        p.resources.scorecard.push(Metric::default());
        p.communication.plan.push(CommItem::default());
        p.communication.report_card.push(ReportItem::default());
        p.communication.reviews.push(Review::default());
        serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap()
    }

    /// The parent object of a path exists and holds the key (so the path names a real field).
    fn exists(plan: &Value, path: &str) -> bool {
        let (parent, key) = path.rsplit_once('.').unwrap_or(("", path));
        let obj = if parent.is_empty() {
            plan
        } else {
            lookup(plan, parent)
        };
        obj.as_object().is_some_and(|m| m.contains_key(key))
    }

    #[test]
    fn every_field_path_exists_in_the_plan() {
        let plan = full_plan();
        for (_, f) in fields() {
            assert!(exists(&plan, f.path), "no field {} in Plan", f.path);
        }
        for (p, _) in CRITERIA {
            assert!(exists(&plan, &format!("{p}.score")), "no criterion {p}");
            assert!(exists(&plan, &format!("{p}.note")), "no note {p}");
        }
        for (_, p) in panels() {
            if let Some(path) = p.path() {
                assert!(exists(&plan, path), "no panel data {path}");
            }
        }
    }

    #[test]
    fn every_table_column_exists_in_its_rows() {
        let plan = full_plan();
        for (_, t) in tables() {
            let rows = lookup(&plan, t.path)
                .as_array()
                .unwrap_or_else(|| panic!("no table {}", t.path));
            let row = rows
                .first()
                .unwrap_or_else(|| panic!("no row in {}", t.path));
            assert!(row.get("id").is_some(), "{} rows have no id", t.path);
            for col in t.columns {
                assert!(
                    row.get(col.key).is_some(),
                    "no column {}.{}",
                    t.path,
                    col.key
                );
                if let RowRef(target) | RowRefs(target) = col.kind {
                    assert!(
                        table(target).is_some(),
                        "{}.{} refers to no table",
                        t.path,
                        col.key
                    );
                }
            }
            for k in t.caption.iter().chain(t.folded) {
                assert!(
                    t.columns.iter().any(|c| c.key == *k),
                    "{}: {} is no column",
                    t.path,
                    k
                );
            }
            assert!(!t.caption.is_empty(), "{} rows have no caption", t.path);
        }
    }

    #[test]
    fn every_stored_part_of_a_plan_belongs_to_a_step() {
        let plan = snapshot_keys();
        for key in plan {
            assert!(step_of_path(&key).is_some(), "{key} belongs to no step");
        }
    }

    /// Every stored leaf path of a plan's sections (tables and panels counted whole).
    fn snapshot_keys() -> Vec<String> {
        let plan = full_plan();
        let mut out = Vec::new();
        for top in [
            "header",
            "portfolio",
            "customer",
            "relationships",
            "blueprint",
            "action",
            "resources",
            "communication",
        ] {
            for k in plan[top].as_object().unwrap().keys() {
                out.push(format!("{top}.{k}"));
            }
        }
        out
    }

    #[test]
    fn every_label_is_in_both_catalogues() {
        use crate::i18n::{has_key, Lang};
        let mut keys: Vec<&str> = Vec::new();
        for s in Step::ALL {
            keys.push(s.name_key());
        }
        for s in SCHEMA {
            for i in s.items {
                match i {
                    Item::Section(title, fs) => {
                        keys.push(title);
                        keys.extend(fs.iter().map(|f| f.label));
                    }
                    Item::Table(t) => {
                        keys.push(t.label);
                        keys.extend(t.columns.iter().map(|c| c.label));
                    }
                    Item::Panel(p) => keys.push(p.label()),
                }
            }
        }
        keys.extend(CRITERIA.iter().map(|(_, l)| *l));
        for k in keys {
            for lang in Lang::ALL {
                assert!(has_key(lang, k), "{k} missing in {lang:?}");
            }
        }
    }

    #[test]
    fn every_health_check_anchor_names_a_schema_field_or_table() {
        use crate::model::checks::HealthIssue::*;
        let issues = [
            ObjectiveWithoutMeasure(1),
            ObjectiveWithoutDate(1),
            ActionWithoutOwner(1),
            ActionWithoutDue(1),
            ActionOverdue(1),
            NoCoach,
            NoObjectives,
            NoActions,
            ReviewOverdue(chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()),
            StrategyWithoutObjective(1),
            RestrainingForceWithoutAction(1),
            NotScreened,
        ];
        for i in issues {
            let fix = i.fix_at();
            let step = anchor_step(&fix.anchor)
                .unwrap_or_else(|| panic!("{:?}: anchor {} is in no step", i, fix.anchor));
            assert_eq!(step.number(), fix.step, "{i:?} points at the wrong step");
        }
    }

    #[test]
    fn steps_number_one_to_seven() {
        for (i, s) in Step::ALL.iter().enumerate() {
            assert_eq!(usize::from(s.number()), i + 1);
            assert_eq!(Step::from_number(s.number()), Some(*s));
            assert_eq!(step(*s).step, *s);
        }
        assert_eq!(Step::from_number(0), None);
        assert_eq!(Step::from_number(8), None);
        assert_eq!(dom_id("customer.main_business"), "customer-main_business");
    }
}
