//! "Check your plan": each step's completeness and the quality checks, each linked to its fix.

use leptos::prelude::*;

use crate::model::checks::{health_issues, HealthIssue};
use crate::model::completeness::step_completeness;
use crate::model::plan::Plan;
use crate::route::Route;
use crate::state::editor::Editor;
use crate::state::workspace::today;
use crate::steps::step3::contact_name;
use crate::steps::step_name;

fn row_name<T>(
    rows: &[T],
    id: u32,
    id_of: fn(&T) -> u32,
    name: fn(&T) -> &str,
    noun: &str,
) -> String {
    rows.iter()
        .find(|r| id_of(r) == id)
        .map(name)
        .filter(|n| !n.trim().is_empty())
        .map(|n| format!("“{n}”"))
        .unwrap_or_else(|| format!("{noun} {id}"))
}

pub fn issue_text(p: &Plan, i: &HealthIssue) -> String {
    let obj = |id| {
        row_name(
            &p.blueprint.objectives,
            id,
            |o| o.id,
            |o| &o.title,
            "Objective",
        )
    };
    let act = |id| row_name(&p.action.actions, id, |a| a.id, |a| &a.what, "Action");
    match i {
        HealthIssue::ObjectiveWithoutMeasure(id) => {
            format!("Objective {} has no measure or target value.", obj(*id))
        }
        HealthIssue::ObjectiveWithoutDate(id) => format!("Objective {} has no date.", obj(*id)),
        HealthIssue::ActionWithoutOwner(id) => format!("Action {} has no owner.", act(*id)),
        HealthIssue::ActionWithoutDue(id) => format!("Action {} has no due date.", act(*id)),
        HealthIssue::ActionOverdue(id) => format!("Action {} is overdue.", act(*id)),
        HealthIssue::NoCoach => "No coach or insider is mapped in the relationships.".into(),
        HealthIssue::NoObjectives => "The plan has no objectives.".into(),
        HealthIssue::NoActions => "The plan has no actions.".into(),
        HealthIssue::ReviewOverdue(d) => format!("The review due on {d} has not been held."),
        HealthIssue::StrategyWithoutObjective(id) => {
            format!(
                "Strategy {} is tied to no objective.",
                row_name(
                    &p.blueprint.strategies,
                    *id,
                    |s| s.id,
                    |s| &s.title,
                    "Strategy"
                )
            )
        }
        HealthIssue::RestrainingForceWithoutAction(id) => format!(
            "Restraining force {} has no action to answer it.",
            row_name(&p.blueprint.forces, *id, |f| f.id, |f| &f.text, "Force")
        ),
        HealthIssue::NotScreened => "The account is not scored on the screening matrix.".into(),
    }
}

#[allow(non_snake_case)]
pub fn HealthPage() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let data = Memo::new(move |_| {
        editor.plan.with(|p| {
            p.as_ref().map(|p| {
                let issues: Vec<(String, String)> = health_issues(p, today())
                    .iter()
                    .map(|i| {
                        let fix = i.fix_at();
                        let href = Route::Step {
                            plan: p.id.clone(),
                            step: fix.step,
                            focus: Some(fix.anchor),
                        }
                        .to_hash();
                        (issue_text(p, i), href)
                    })
                    .collect();
                (
                    p.id.clone(),
                    p.display_name().to_string(),
                    step_completeness(p),
                    issues,
                )
            })
        })
    });
    let _ = contact_name;
    view! {
        {move || data.get().map(|(id, name, steps, issues)| {
            let steps = steps.iter().enumerate().map(|(i, pct)| {
                let href = Route::Step { plan: id.clone(), step: i as u8 + 1, focus: None }.to_hash();
                view! {
                    <li>
                        <a href=href>{step_name(i as u8 + 1)}</a>
                        <span class="progress" role="img" aria-label=format!("{pct}% complete")><span style=format!("width:{pct}%")></span></span>
                        <span class="pct">{*pct} "%"</span>
                    </li>
                }
            }).collect_view();
            let n = issues.len();
            view! {
                <article class="step">
                    <p class="eyebrow">{name}</p>
                    <h1 id="step-heading" tabindex="-1">"Check your plan"</h1>
                    <p class="step-intro">"A plan is worth what it makes people do. These checks catch the gaps that turn planning into a form-filling game."</p>
                    <section class="card">
                        <h2>"Completeness by step"</h2>
                        <ol class="completeness">{steps}</ol>
                    </section>
                    <section class="card" data-testid="health-issues">
                        <h2>{if n == 0 { "No problems found".to_string() } else { format!("{n} things to fix") }}</h2>
                        <ul class="issues">
                            {issues.into_iter().map(|(t, href)| view! { <li><a href=href>{t}</a></li> }).collect_view()}
                        </ul>
                    </section>
                </article>
            }
        })}
    }
}
