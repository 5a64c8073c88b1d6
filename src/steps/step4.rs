//! Step 4: the blueprint: SWOT, objectives, strategies, value, assessment and force field.

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::{t, tf};

use crate::bind;
use crate::components::field::{field, section, Binding, FieldSpec, Kind};
use crate::components::table::{table, TableSpec};
use crate::i18n::describe::Label;
use crate::model::assessment::{assess, force_balance, Verdict, GROUPS, QUESTIONS};
use crate::model::plan::{Competitor, Force, ForceKind, Objective, Plan, Strategy};
use crate::model::scoring::screen;
use crate::model::text::FieldValue;
use crate::state::editor::Editor;
use crate::state::workspace::Workspace;
use crate::{col, col_choice};

pub fn objective_options(p: &Plan) -> Vec<(String, String)> {
    p.blueprint
        .objectives
        .iter()
        .map(|o| {
            (
                o.id.to_string(),
                if o.title.trim().is_empty() {
                    tf("step4.objective_n", &[&o.id])
                } else {
                    o.title.clone()
                },
            )
        })
        .collect()
}

pub fn action_options(p: &Plan) -> Vec<(String, String)> {
    std::iter::once((String::new(), "—".to_string()))
        .chain(p.action.actions.iter().map(|a| {
            (
                a.id.to_string(),
                if a.what.trim().is_empty() {
                    tf("timeline.action_n", &[&a.id])
                } else {
                    a.what.clone()
                },
            )
        }))
        .collect()
}

pub fn view() -> AnyView {
    let swot = vec![
        FieldSpec::new(
            "bp-opportunities",
            t("step4.opportunities"),
            Kind::LongText,
            bind!(blueprint.opportunities),
        )
        .hint(t("step4.opportunities_hint"))
        .half(),
        FieldSpec::new(
            "bp-threats",
            t("step4.threats"),
            Kind::LongText,
            bind!(blueprint.threats),
        )
        .hint(t("step4.threats_hint"))
        .half(),
        FieldSpec::new(
            "bp-strengths",
            t("step4.strengths"),
            Kind::LongText,
            bind!(blueprint.strengths),
        )
        .half(),
        FieldSpec::new(
            "bp-weaknesses",
            t("step4.weaknesses"),
            Kind::LongText,
            bind!(blueprint.weaknesses),
        )
        .half(),
    ];
    let objectives = TableSpec::<Objective> {
        id: "objectives",
        title: t("step4.objectives"),
        intro: t("step4.objectives_intro"),
        noun: t("step4.objective_noun"),
        rows: |p| &p.blueprint.objectives,
        rows_mut: |p| &mut p.blueprint.objectives,
        columns: vec![
            col!(
                Objective,
                title,
                t("step4.objective"),
                Kind::Text,
                t("step4.objective_hint")
            ),
            col!(
                Objective,
                measure,
                t("step4.measure"),
                Kind::Text,
                t("step4.measure_hint")
            ),
            col!(
                Objective,
                last_year,
                t("step4.last_result"),
                Kind::Number("")
            ),
            col!(Objective, target, t("portfolio.target"), Kind::Number("")),
            col!(Objective, due, t("step4.by"), Kind::Date),
        ],
        caption: |o| o.title.clone(),
        badge: Some(|_, o| {
            (o.measure.trim().is_empty() || o.target.is_none() || o.due.is_none())
                .then(|| t("step4.needs_measure").to_string())
        }),
    };
    let strategies = TableSpec::<Strategy> {
        id: "strategies",
        title: t("step4.strategies"),
        intro: t("step4.strategies_intro"),
        noun: t("step4.strategy_noun"),
        rows: |p| &p.blueprint.strategies,
        rows_mut: |p| &mut p.blueprint.strategies,
        columns: vec![
            col!(Strategy, title, t("step4.strategy"), Kind::Text),
            col!(Strategy, reason, t("step4.why"), Kind::LongText),
            col!(
                Strategy,
                objectives,
                t("step4.serves"),
                Kind::Multi(Arc::new(objective_options))
            ),
        ],
        caption: |s| s.title.clone(),
        badge: Some(|p, s| {
            (!s.objectives
                .iter()
                .any(|id| p.blueprint.objectives.iter().any(|o| o.id == *id)))
            .then(|| t("step4.no_objective").to_string())
        }),
    };
    let value = vec![
        FieldSpec::new(
            "bp-unique_value",
            t("step4.unique_value"),
            Kind::LongText,
            bind!(blueprint.unique_value),
        )
        .hint(t("step4.unique_value_hint")),
        FieldSpec::new(
            "bp-value_measure",
            t("step4.value_measure"),
            Kind::LongText,
            bind!(blueprint.value_measure),
        ),
    ];
    let competitors = TableSpec::<Competitor> {
        id: "competitors",
        title: t("step4.competitors"),
        intro: "",
        noun: t("step4.competitor_noun"),
        rows: |p| &p.blueprint.competitors,
        rows_mut: |p| &mut p.blueprint.competitors,
        columns: vec![
            col!(Competitor, name, t("step4.competitor"), Kind::Text),
            col!(Competitor, position, t("step4.position"), Kind::LongText),
        ],
        caption: |c| c.name.clone(),
        badge: None,
    };
    let forces = TableSpec::<Force> {
        id: "forces",
        title: t("step4.forces"),
        intro: t("step4.forces_intro"),
        noun: t("step4.force_noun"),
        rows: |p| &p.blueprint.forces,
        rows_mut: |p| &mut p.blueprint.forces,
        columns: vec![
            col_choice!(Force, kind, t("step4.kind"), ForceKind),
            col!(Force, text, t("step4.force"), Kind::Text),
            col!(Force, weight, t("step4.weight"), Kind::Rating),
            col!(
                Force,
                action,
                t("step4.answered_by"),
                Kind::Choice(Arc::new(action_options))
            ),
        ],
        caption: |f| f.text.clone(),
        badge: Some(|p, f| {
            (f.kind == ForceKind::Restraining
                && !f
                    .action
                    .is_some_and(|a| p.action.actions.iter().any(|x| x.id == a)))
            .then(|| t("step4.no_action").to_string())
        }),
    };
    view! {
        {section("swot", t("step4.swot"), "", swot)}
        <SuggestedStrategy />
        {table(objectives)}
        {table(strategies)}
        {section("value", t("step4.our_value"), "", value)}
        {table(competitors)}
        <OpportunityAssessment />
        {table(forces)}
        <ForceBars />
    }
    .into_any()
}

#[component]
fn SuggestedStrategy() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let ws = expect_context::<Workspace>();
    let q = Memo::new(move |_| {
        let s = ws.settings().with(|s| s.scoring.clone());
        editor
            .plan
            .with(|p| p.as_ref().and_then(|p| screen(&p.portfolio, &s).quadrant))
    });
    view! {
        <aside class="card suggestion" data-testid="suggested-strategy">
            {move || match q.get() {
                Some(q) => view! {
                    <p><strong>{t("step4.suggested")}</strong>{tf("step1.quadrant_account", &[&q.label()])}
                    {crate::steps::step1::strategy_advice(q.strategy())}</p>
                }.into_any(),
                None => view! { <p class="muted">{t("step4.score_first")}</p> }.into_any(),
            }}
        </aside>
    }
}

#[component]
fn OpportunityAssessment() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let result = Memo::new(move |_| {
        editor
            .plan
            .with(|p| p.as_ref().map(|p| assess(&p.blueprint.assessment)))
    });
    // Open while fewer than half are answered; decided once, so it never folds while the rep answers.
    let start_open =
        result.with_untracked(|r| r.as_ref().is_none_or(|r| r.answered * 2 < QUESTIONS.len()));
    let groups = GROUPS
        .iter()
        .enumerate()
        .map(|(g, _)| {
            let fields = QUESTIONS
                .iter()
                .filter(|q| q.group == g)
                .map(|q| {
                    let key = q.key;
                    let binding = Binding::new(
                        move |p| {
                            p.blueprint
                                .assessment
                                .get(key)
                                .map(|v| v.to_string())
                                .unwrap_or_default()
                        },
                        move |p, s| {
                            match <Option<u8>>::from_text(s)? {
                                Some(v) => p.blueprint.assessment.insert(key.to_string(), v),
                                None => p.blueprint.assessment.remove(key),
                            };
                            Ok(())
                        },
                    );
                    field(
                        FieldSpec::new(format!("assess-{key}"), t(q.text), Kind::Rating, binding)
                            .hint(t(q.hint)),
                    )
                })
                .collect_view();
            view! { <div><h3>{t(crate::model::assessment::GROUPS[g])}</h3><div class="form-grid single">{fields}</div></div> }
        })
        .collect_view();
    view! {
        <section class="card" id="assessment">
            <h2>{t("step4.assessment")}</h2>
            <p class="section-intro">{t("step4.assessment_intro")}</p>
            <details class="more" open=start_open>
                <summary>{t("step4.fifteen")}</summary>
                <div class="three-col">{groups}</div>
            </details>
            <div class="result" aria-live="polite" data-testid="assessment-result">
                {move || result.get().map(|r| {
                    let (class, text) = match r.verdict {
                        Verdict::Go => ("verdict go", t("step4.go")),
                        Verdict::Caution => ("verdict caution", t("step4.caution")),
                        Verdict::NoGo => ("verdict nogo", t("step4.nogo")),
                        Verdict::Unanswered => ("verdict", t("step4.not_enough")),
                    };
                    view! {
                        <p><span class=class data-testid="verdict">{text}</span>
                            {r.mean.map(|m| tf("step4.mean_from", &[&format!("{m:.1}"), &r.answered]))}</p>
                        {(!r.weak.is_empty()).then(|| view! {
                            <p>{tf("step4.weak_points", &[&r.weak.iter().map(|&k| t(k)).collect::<Vec<_>>().join(t("step4.list_sep"))])}</p>
                        })}
                        <p class="muted small">{t("step4.verdict_rule")}</p>
                    }
                })}
            </div>
        </section>
    }
}

#[component]
pub fn ForceBars() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let forces = Memo::new(move |_| {
        editor.plan.with(|p| {
            p.as_ref()
                .map(|p| p.blueprint.forces.clone())
                .unwrap_or_default()
        })
    });
    view! {
        <section class="card result" aria-live="polite" data-testid="force-balance">
            <h2>{t("step4.balance")}</h2>
            {move || {
                let fs = forces.get();
                let b = force_balance(&fs);
                let Some(chance) = b.chance else {
                    return view! { <p class="muted">{t("step4.balance_empty")}</p> }.into_any();
                };
                let weighted: Vec<&Force> = fs.iter().filter(|f| f.weight.is_some()).collect();
                // One row per force: its name above its bar, driving on the left of the axis and
                // restraining on the right; HTML text, so names wrap and never cover a bar.
                let rows = weighted.iter().map(|f| {
                    let share = format!("{}%", f.weight.unwrap_or(0).min(5) * 20);
                    let (side, class) = match f.kind {
                        ForceKind::Driving => ("ff-row driving", "bar driving"),
                        ForceKind::Restraining => ("ff-row restraining", "bar restraining"),
                    };
                    view! {
                        <div class=side>
                            <span class="ff-label">{f.text.clone()}</span>
                            <span class="ff-track"><span class=class style:width=share></span></span>
                        </div>
                    }
                }).collect_view();
                view! {
                    <p><strong data-testid="chance">{tf("step4.chance", &[&format!("{chance:.0}")])}</strong>
                        {tf("step4.driving_vs", &[&b.driving, &b.restraining])}</p>
                    <div class="ff" role="img" aria-label=tf("step4.forces_aria", &[&b.driving, &b.restraining])>
                        {rows}
                    </div>
                    <p class="muted small">{t("step4.balance_note")}</p>
                }.into_any()
            }}
        </section>
    }
}
