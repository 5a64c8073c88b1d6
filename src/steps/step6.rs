//! Step 6: resources against what the plan should earn, the account team, the scorecard.

use leptos::prelude::*;

use crate::i18n::t;

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
        title: t("step6.resources"),
        intro: t("step6.resources_intro"),
        noun: t("step6.resource_noun"),
        rows: |p| &p.resources.resources,
        rows_mut: |p| &mut p.resources.resources,
        columns: vec![
            col!(
                Resource,
                who,
                t("step6.who"),
                Kind::Text,
                t("step6.who_hint")
            ),
            col!(Resource, activity, t("step6.activity"), Kind::Text),
            col!(
                Resource,
                days,
                t("step6.time"),
                Kind::Number(t("step6.days_unit"))
            ),
            col!(Resource, cost, t("step6.cost"), Kind::Money),
        ],
        caption: |r| r.who.clone(),
        badge: None,
    };
    let expected = vec![
        FieldSpec::new(
            "res-expected_revenue",
            t("step6.exp_revenue"),
            Kind::Money,
            bind!(resources.expected_revenue),
        ),
        FieldSpec::new(
            "res-expected_profit",
            t("step6.exp_profit"),
            Kind::Money,
            bind!(resources.expected_profit),
        ),
    ];
    let team = TableSpec::<TeamMember> {
        id: "team",
        title: t("step6.team"),
        intro: t("step6.team_intro"),
        noun: t("step6.member_noun"),
        rows: |p| &p.resources.team,
        rows_mut: |p| &mut p.resources.team,
        columns: vec![
            col!(TeamMember, name, t("step3.contact_name"), Kind::Text),
            col!(TeamMember, function, t("step6.function"), Kind::Text),
            col!(TeamMember, role, t("step6.role"), Kind::Text),
        ],
        caption: |m| m.name.clone(),
        badge: None,
    };
    let scorecard = TableSpec::<Metric> {
        id: "scorecard",
        title: t("step6.scorecard"),
        intro: t("step6.scorecard_intro"),
        noun: t("step6.measure_noun"),
        rows: |p| &p.resources.scorecard,
        rows_mut: |p| &mut p.resources.scorecard,
        columns: vec![
            col!(
                Metric,
                perspective,
                t("step6.perspective"),
                Kind::Text,
                t("step6.perspective_hint")
            ),
            col!(Metric, name, t("step4.measure"), Kind::Text),
            col!(Metric, target, t("step6.target"), Kind::Number("")),
            col!(Metric, actual, t("step6.actual"), Kind::Number("")),
        ],
        caption: |m| m.name.clone(),
        badge: Some(|_, m| match (m.target, m.actual) {
            (Some(target), Some(a)) if a < target => Some(t("step6.below").into()),
            _ => None,
        }),
    };
    view! {
        {table(resources)}
        {section("expected", t("step6.should_earn"), "", expected)}
        <Totals />
        {table(team)}
        {table(scorecard)}
    }
    .into_any()
}

#[component]
pub fn Totals() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let totals = Memo::new(move |_| editor.plan.with(|p| p.as_ref().map(resource_totals)));
    view! {
        <section class="card result" aria-live="polite" data-testid="resource-totals">
            <h2>{t("step6.cost_return")}</h2>
            {move || totals.get().map(|tot| view! {
                <dl class="figures">
                    <div><dt>{t("step6.time")}</dt><dd>{format_number(tot.days)} {t("step6.days_suffix")}</dd></div>
                    <div><dt>{t("step6.cost")}</dt><dd data-testid="total-cost">{format_number(tot.cost)}</dd></div>
                    <div><dt>{t("step6.return")}</dt><dd data-testid="return">{tot.return_on_cost.map(|r| format!("{r:.1} ×")).unwrap_or_else(|| "—".into())}</dd></div>
                    <div><dt>{t("step6.cost_pct")}</dt><dd>{tot.cost_of_revenue_pct.map(|r| format!("{r:.1}%")).unwrap_or_else(|| "—".into())}</dd></div>
                </dl>
                <p class="muted small">{t("step6.return_note")}</p>
            })}
        </section>
    }
}
