//! Step 6: resources against what the plan should earn, the account team, the scorecard.

use leptos::prelude::*;

use crate::bind;
use crate::col;
use crate::components::field::{section, FieldSpec, Kind};
use crate::components::table::{table, TableSpec};
use crate::model::figures::resource_totals;
use crate::model::plan::{Metric, Resource, TeamMember};
use crate::model::text::format_number;
use crate::state::editor::Editor;

pub fn view() -> AnyView {
    let resources = TableSpec::<Resource> {
        id: "resources",
        title: "Resources",
        intro: "Who gives how much time to what, and at what cost: a general manager's visit, a planning workshop, a technical trial.",
        noun: "resource",
        rows: |p| &p.resources.resources,
        rows_mut: |p| &mut p.resources.resources,
        columns: vec![
            col!(Resource, who, "Who", Kind::Text, "e.g. General manager, planning manager"),
            col!(Resource, activity, "Activity", Kind::Text),
            col!(Resource, days, "Time", Kind::Number("days")),
            col!(Resource, cost, "Cost", Kind::Money),
        ],
        caption: |r| r.who.clone(),
        badge: None,
    };
    let expected = vec![
        FieldSpec::new(
            "res-expected_revenue",
            "Expected revenue from the plan",
            Kind::Money,
            bind!(resources.expected_revenue),
        ),
        FieldSpec::new(
            "res-expected_profit",
            "Expected profit from the plan",
            Kind::Money,
            bind!(resources.expected_profit),
        ),
    ];
    let team = TableSpec::<TeamMember> {
        id: "team",
        title: "The account team",
        intro: "Key account management is a team sport: technical support, supply chain, finance, marketing, product management…",
        noun: "team member",
        rows: |p| &p.resources.team,
        rows_mut: |p| &mut p.resources.team,
        columns: vec![
            col!(TeamMember, name, "Name", Kind::Text),
            col!(TeamMember, function, "Function", Kind::Text),
            col!(TeamMember, role, "Role on this account", Kind::Text),
        ],
        caption: |t| t.name.clone(),
        badge: None,
    };
    let scorecard = TableSpec::<Metric> {
        id: "scorecard",
        title: "Balanced scorecard",
        intro: "A few measures across financial, customer, process and learning perspectives, with target and actual.",
        noun: "measure",
        rows: |p| &p.resources.scorecard,
        rows_mut: |p| &mut p.resources.scorecard,
        columns: vec![
            col!(Metric, perspective, "Perspective", Kind::Text, "Financial, customer, internal process, learning"),
            col!(Metric, name, "Measure", Kind::Text),
            col!(Metric, target, "Target", Kind::Number("")),
            col!(Metric, actual, "Actual", Kind::Number("")),
        ],
        caption: |m| m.name.clone(),
        badge: Some(|_, m| match (m.target, m.actual) {
            (Some(t), Some(a)) if a < t => Some("Below target".into()),
            _ => None,
        }),
    };
    view! {
        {table(resources)}
        {section("expected", "What the plan should earn", "", expected)}
        <Totals />
        {table(team)}
        {table(scorecard)}
    }
    .into_any()
}

#[component]
fn Totals() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let t = Memo::new(move |_| editor.plan.with(|p| p.as_ref().map(resource_totals)));
    view! {
        <section class="card result" aria-live="polite" data-testid="resource-totals">
            <h2>"Cost against return"</h2>
            {move || t.get().map(|t| view! {
                <dl class="figures">
                    <div><dt>"Time"</dt><dd>{format_number(t.days)} " days"</dd></div>
                    <div><dt>"Cost"</dt><dd data-testid="total-cost">{format_number(t.cost)}</dd></div>
                    <div><dt>"Return on cost"</dt><dd data-testid="return">{t.return_on_cost.map(|r| format!("{r:.1} ×")).unwrap_or_else(|| "—".into())}</dd></div>
                    <div><dt>"Cost as % of revenue"</dt><dd>{t.cost_of_revenue_pct.map(|r| format!("{r:.1}%")).unwrap_or_else(|| "—".into())}</dd></div>
                </dl>
                <p class="muted small">"Return on cost = expected profit ÷ total cost of resources."</p>
            })}
        </section>
    }
}
