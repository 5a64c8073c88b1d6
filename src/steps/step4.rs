//! Step 4: the blueprint: SWOT, objectives, strategies, value, assessment and force field.

use std::sync::Arc;

use leptos::prelude::*;

use crate::bind;
use crate::components::field::{field, section, Binding, FieldSpec, Kind};
use crate::components::table::{table, TableSpec};
use crate::model::assessment::{assess, force_balance, Verdict, GROUPS, QUESTIONS};
use crate::model::choice::Choice;
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
                    format!("Objective {}", o.id)
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
                    format!("Action {}", a.id)
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
            "Opportunities",
            Kind::LongText,
            bind!(blueprint.opportunities),
        )
        .hint("In their market, products and competition: where could we grow?")
        .half(),
        FieldSpec::new(
            "bp-threats",
            "Threats",
            Kind::LongText,
            bind!(blueprint.threats),
        )
        .hint("What could cost us this account?")
        .half(),
        FieldSpec::new(
            "bp-strengths",
            "Our strengths",
            Kind::LongText,
            bind!(blueprint.strengths),
        )
        .half(),
        FieldSpec::new(
            "bp-weaknesses",
            "Our weaknesses",
            Kind::LongText,
            bind!(blueprint.weaknesses),
        )
        .half(),
    ];
    let objectives = TableSpec::<Objective> {
        id: "objectives",
        title: "Objectives",
        intro: "Each objective needs a measure, a target and a date, or nobody can tell whether it was met.",
        noun: "objective",
        rows: |p| &p.blueprint.objectives,
        rows_mut: |p| &mut p.blueprint.objectives,
        columns: vec![
            col!(Objective, title, "Objective", Kind::Text, "e.g. Become their main supplier of coatings"),
            col!(Objective, measure, "Measure", Kind::Text, "e.g. Annual sales, share of wallet"),
            col!(Objective, last_year, "Last year's result", Kind::Number("")),
            col!(Objective, target, "This year's target", Kind::Number("")),
            col!(Objective, due, "By", Kind::Date),
        ],
        caption: |o| o.title.clone(),
        badge: Some(|_, o| (o.measure.trim().is_empty() || o.target.is_none() || o.due.is_none()).then(|| "Needs a measure, target and date".to_string())),
    };
    let strategies = TableSpec::<Strategy> {
        id: "strategies",
        title: "Strategies",
        intro: "How you will reach the objectives, and why it will work.",
        noun: "strategy",
        rows: |p| &p.blueprint.strategies,
        rows_mut: |p| &mut p.blueprint.strategies,
        columns: vec![
            col!(Strategy, title, "Strategy", Kind::Text),
            col!(Strategy, reason, "Why it will work", Kind::LongText),
            col!(
                Strategy,
                objectives,
                "Serves the objectives",
                Kind::Multi(Arc::new(objective_options))
            ),
        ],
        caption: |s| s.title.clone(),
        badge: Some(|p, s| {
            (!s.objectives
                .iter()
                .any(|id| p.blueprint.objectives.iter().any(|o| o.id == *id)))
            .then(|| "Tied to no objective".to_string())
        }),
    };
    let value = vec![
        FieldSpec::new(
            "bp-unique_value",
            "Our unique business value to them",
            Kind::LongText,
            bind!(blueprint.unique_value),
        )
        .hint("What can we deliver that competitors cannot? Have they confirmed they see it?"),
        FieldSpec::new(
            "bp-value_measure",
            "How the customer measures that value",
            Kind::LongText,
            bind!(blueprint.value_measure),
        ),
    ];
    let competitors = TableSpec::<Competitor> {
        id: "competitors",
        title: "Competitors",
        intro: "",
        noun: "competitor",
        rows: |p| &p.blueprint.competitors,
        rows_mut: |p| &mut p.blueprint.competitors,
        columns: vec![
            col!(Competitor, name, "Competitor", Kind::Text),
            col!(
                Competitor,
                position,
                "Their position with this customer",
                Kind::LongText
            ),
        ],
        caption: |c| c.name.clone(),
        badge: None,
    };
    let forces = TableSpec::<Force> {
        id: "forces",
        title: "Force field",
        intro: "What pushes this plan forward, and what holds it back? Weight each force 1–5. Answer each restraining force with an action from step 5.",
        noun: "force",
        rows: |p| &p.blueprint.forces,
        rows_mut: |p| &mut p.blueprint.forces,
        columns: vec![
            col_choice!(Force, kind, "Kind", ForceKind),
            col!(Force, text, "Force", Kind::Text),
            col!(Force, weight, "Weight", Kind::Rating),
            col!(Force, action, "Answered by action", Kind::Choice(Arc::new(action_options))),
        ],
        caption: |f| f.text.clone(),
        badge: Some(|p, f| {
            (f.kind == ForceKind::Restraining && !f.action.is_some_and(|a| p.action.actions.iter().any(|x| x.id == a)))
                .then(|| "No action answers it".to_string())
        }),
    };
    view! {
        {section("swot", "Opportunities and threats", "", swot)}
        <SuggestedStrategy />
        {table(objectives)}
        {table(strategies)}
        {section("value", "Our unique value", "", value)}
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
        let s = ws.settings.with(|s| s.scoring.clone());
        editor
            .plan
            .with(|p| p.as_ref().and_then(|p| screen(&p.portfolio, &s).quadrant))
    });
    view! {
        <aside class="card suggestion" data-testid="suggested-strategy">
            {move || match q.get() {
                Some(q) => view! {
                    <p><strong>"Suggested by the screening matrix: "</strong>{q.label()} " account. "
                    {crate::steps::step1::strategy_advice(q.strategy())}</p>
                }.into_any(),
                None => view! { <p class="muted">"Score the account in step 1 to see the strategy the screening matrix suggests."</p> }.into_any(),
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
        .map(|(g, name)| {
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
                        FieldSpec::new(format!("assess-{key}"), q.text, Kind::Rating, binding)
                            .hint(q.hint),
                    )
                })
                .collect_view();
            view! { <div><h3>{*name}</h3><div class="form-grid single">{fields}</div></div> }
        })
        .collect_view();
    view! {
        <section class="card" id="assessment">
            <h2>"Opportunity assessment"</h2>
            <p class="section-intro">"Score each statement from 1 (not at all) to 5 (fully true). The answers add up to a go, caution or no-go view."</p>
            <details class="more" open=start_open>
                <summary>"The fifteen questions"</summary>
                <div class="three-col">{groups}</div>
            </details>
            <div class="result" aria-live="polite" data-testid="assessment-result">
                {move || result.get().map(|r| {
                    let (class, text) = match r.verdict {
                        Verdict::Go => ("verdict go", "Go"),
                        Verdict::Caution => ("verdict caution", "Caution"),
                        Verdict::NoGo => ("verdict nogo", "No-go"),
                        Verdict::Unanswered => ("verdict", "Not enough answers yet"),
                    };
                    view! {
                        <p><span class=class data-testid="verdict">{text}</span>
                            {r.mean.map(|m| format!(" — mean score {m:.1} from {} answers", r.answered))}</p>
                        {(!r.weak.is_empty()).then(|| view! {
                            <p>"Weak points: " {r.weak.join("; ")} "."</p>
                        })}
                        <p class="muted small">"Go: mean 3.5 or more and no group below 2.5. No-go: mean below 2.5 or a group below 2. Caution in between."</p>
                    }
                })}
            </div>
        </section>
    }
}

#[component]
fn ForceBars() -> impl IntoView {
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
            <h2>"Balance of forces"</h2>
            {move || {
                let fs = forces.get();
                let b = force_balance(&fs);
                let Some(chance) = b.chance else {
                    return view! { <p class="muted">"Weight at least one force to see the balance."</p> }.into_any();
                };
                let weighted: Vec<&Force> = fs.iter().filter(|f| f.weight.is_some()).collect();
                let h = 28.0 * weighted.len().max(1) as f64 + 10.0;
                let bars = weighted.iter().enumerate().map(|(i, f)| {
                    let w = f64::from(f.weight.unwrap_or(0)) * 30.0;
                    let y = 10.0 + i as f64 * 28.0;
                    let (x, class, tx, anchor) = match f.kind {
                        ForceKind::Driving => (295.0 - w, "bar driving", 0.0, "start"),
                        ForceKind::Restraining => (305.0, "bar restraining", 600.0, "end"),
                    };
                    let name: String = f.text.chars().take(28).collect();
                    view! {
                        <rect x=x y=y width=w height="20" class=class rx="3" />
                        <text x=tx y=y + 15.0 text-anchor=anchor class="bar-label">{name}</text>
                    }
                }).collect_view();
                view! {
                    <p><strong data-testid="chance">{format!("{chance:.0}% chance of success")}</strong>
                        {format!(" — driving {} against restraining {}", b.driving, b.restraining)}</p>
                    <div class="map-scroll">
                        <svg class="forces" viewBox=format!("0 0 600 {h}") role="img"
                            aria-label=format!("Driving forces total {}, restraining forces total {}.", b.driving, b.restraining)>
                            <line x1="300" y1="0" x2="300" y2=h class="axis-line" />
                            {bars}
                        </svg>
                    </div>
                    <p class="muted small">"Chance of success = driving weight ÷ all weight. Driving forces (green) on the left, restraining forces (red) on the right; a longer bar weighs more."</p>
                }.into_any()
            }}
        </section>
    }
}
