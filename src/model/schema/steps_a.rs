//! Steps 1 to 3 of the schema: the account, the customer, the relationships.

use super::*;

pub const PORTFOLIO: StepSchema = StepSchema {
    step: Step::Portfolio,
    items: &[
        Item::Section(
            "step1.the_account",
            &[
                f("header.account_name", "portfolio.account_name", Text).counts(),
                f("header.level", "step1.level", Choice(ChoiceList::Level))
                    .hint("step1.level_hint"),
                f("header.industry", "step1.industry", Text).counts(),
                f("header.prepared_by", "step1.prepared_by", Text),
                f("header.period_start", "step1.period_from", Date).counts(),
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
                f("portfolio.last_year_sales", "step1.last_sales", Money).counts(),
                f("portfolio.last_year_profit", "step1.last_profit", Money)
                    .hint("step1.last_profit_hint"),
                f("portfolio.share_of_spend", "step1.share", Percent)
                    .counts()
                    .hint("step1.share_hint"),
            ],
        ),
        Item::Panel(Panel::ProfitCheck),
    ],
};

pub const CUSTOMER: StepSchema = StepSchema {
    step: Step::Customer,
    items: &[
        Item::Section(
            "step2.customer_file",
            &[
                f("customer.main_business", "step2.main_business", Text)
                    .counts()
                    .hint("step2.main_business_hint"),
                f("customer.size", "step2.size", Text).hint("step2.size_hint"),
                more("customer.website", "step2.website", Text),
                more("customer.address", "step2.address", Text),
                f("customer.strategy", "step2.strategy", LongText)
                    .counts()
                    .hint("step2.strategy_hint"),
                f("customer.pain_points", "step2.pain", LongText)
                    .counts()
                    .hint("step2.pain_hint"),
                f("customer.kpis", "step2.kpis", LongText).hint("step2.kpis_hint"),
                more("customer.culture", "step2.culture", LongText).hint("step2.culture_hint"),
                more("customer.industry_situation", "step2.industry", LongText),
                more(
                    "customer.regulatory_pressures",
                    "step2.regulatory",
                    LongText,
                )
                .hint("step2.regulatory_hint"),
                more("customer.financial_trend", "step2.trend", LongText).hint("step2.trend_hint"),
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
            counts: true,
        }),
        Item::Section(
            "step2.cost_title",
            &[
                f("customer.gross_margin_pct", "step2.margin", Percent).counts(),
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
            counts: true,
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
};

pub const RELATIONSHIPS: StepSchema = StepSchema {
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
            counts: true,
        }),
        Item::Section(
            "step3.decision",
            &[
                f("relationships.decision_process", "step3.decide", LongText)
                    .counts()
                    .hint("step3.decide_hint"),
                f("relationships.stated_criteria", "step3.stated", LongText)
                    .counts()
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
};
