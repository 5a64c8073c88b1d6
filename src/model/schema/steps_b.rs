//! Steps 4 to 7 of the schema: the blueprint, the action plan, resources, communication.

use super::*;

pub const BLUEPRINT: StepSchema = StepSchema {
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
            counts: true,
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
            counts: true,
        }),
        Item::Section(
            "step4.our_value",
            &[
                f("blueprint.unique_value", "step4.unique_value", LongText)
                    .counts()
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
            counts: false,
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
            counts: true,
        }),
        Item::Panel(Panel::ForceBalance),
    ],
};

pub const ACTION: StepSchema = StepSchema {
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
            counts: true,
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
            counts: true,
        }),
    ],
};

pub const RESOURCES: StepSchema = StepSchema {
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
            counts: true,
        }),
        Item::Section(
            "step6.should_earn",
            &[
                f("resources.expected_revenue", "step6.exp_revenue", Money),
                f("resources.expected_profit", "step6.exp_profit", Money).counts(),
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
            counts: true,
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
            counts: true,
        }),
    ],
};

pub const COMMUNICATION: StepSchema = StepSchema {
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
            counts: true,
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
            counts: true,
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
};
