//! "Check your plan": each step's completeness and the quality checks, each linked to its fix.

use leptos::prelude::*;

use crate::i18n::{t, tf, tp};

use crate::i18n::describe::contact_name;
use crate::model::checks::{health_issues, plan_health, HealthIssue};
use crate::model::completeness::step_completeness;
use crate::model::plan::Plan;
use crate::route::Route;
use crate::state::editor::Editor;
use crate::state::workspace::today;
use crate::steps::step_name;

fn row_name<T>(rows: &[T], id: u32, id_of: fn(&T) -> u32, name: fn(&T) -> &str) -> String {
    rows.iter()
        .find(|r| id_of(r) == id)
        .map(name)
        .filter(|n| !n.trim().is_empty())
        .map(|n| tf("table.quoted", &[&n]))
        .unwrap_or_else(|| format!("#{id}"))
}

pub fn issue_text(p: &Plan, i: &HealthIssue) -> String {
    let obj = |id| row_name(&p.blueprint.objectives, id, |o| o.id, |o| &o.title);
    let act = |id| row_name(&p.action.actions, id, |a| a.id, |a| &a.what);
    match i {
        HealthIssue::ObjectiveWithoutMeasure(id) => tf("health.obj_no_measure", &[&obj(*id)]),
        HealthIssue::ObjectiveWithoutDate(id) => tf("health.obj_no_date", &[&obj(*id)]),
        HealthIssue::ActionWithoutOwner(id) => tf("health.act_no_owner", &[&act(*id)]),
        HealthIssue::ActionWithoutDue(id) => tf("health.act_no_due", &[&act(*id)]),
        HealthIssue::ActionOverdue(id) => tf("health.act_overdue", &[&act(*id)]),
        HealthIssue::NoCoach => t("health.no_coach").into(),
        HealthIssue::NoObjectives => t("health.no_objectives").into(),
        HealthIssue::NoActions => t("health.no_actions").into(),
        HealthIssue::ReviewOverdue(d) => tf("health.review_overdue", &[&crate::i18n::date(*d)]),
        HealthIssue::StrategyWithoutObjective(id) => tf(
            "health.strategy_no_obj",
            &[&row_name(
                &p.blueprint.strategies,
                *id,
                |s| s.id,
                |s| &s.title,
            )],
        ),
        HealthIssue::RestrainingForceWithoutAction(id) => tf(
            "health.force_no_action",
            &[&row_name(&p.blueprint.forces, *id, |f| f.id, |f| &f.text)],
        ),
        HealthIssue::NotScreened => t("health.not_screened").into(),
    }
}

#[allow(non_snake_case)]
pub fn HealthPage() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let data = Memo::new(move |_| {
        editor.read("", |p| {
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
                    crate::i18n::describe::plan_name(p).to_string(),
                    step_completeness(p),
                    issues,
                    plan_health(p, today()),
                )
            })
        })
    });
    let _ = contact_name;
    view! {
        {move || data.get().map(|(id, name, steps, issues, health)| {
            let steps = steps.iter().enumerate().map(|(i, pct)| {
                let href = Route::Step { plan: id.clone(), step: i as u8 + 1, focus: None }.to_hash();
                view! {
                    <li>
                        <a href=href>{step_name(i as u8 + 1)}</a>
                        <span class="progress" role="img" aria-label=tf("health.pct_complete", &[&pct])><span style:width=format!("{pct}%")></span></span>
                        <span class="pct">{*pct} "%"</span>
                    </li>
                }
            }).collect_view();
            let n = issues.len();
            view! {
                <article class="step">
                    <p class="eyebrow">{name}</p>
                    <h1 id="step-heading" tabindex="-1">{t("health.title")}</h1>
                    <p class="step-intro">{t("health.intro")}</p>
                    <section class="card health-figure" data-testid="health-figure">
                        <h2>{t("portfolio.health")} " " <span class="big-figure" data-testid="health-pct">{health.pct()} "%"</span></h2>
                        <p>{tf("health.figure", &[&health.passed, &health.checks])}</p>
                        <p class="muted small">{t("health.definition")}</p>
                    </section>
                    <section class="card">
                        <h2>{t("health.completeness")}</h2>
                        <ol class="completeness">{steps}</ol>
                    </section>
                    <section class="card" data-testid="health-issues">
                        <h2>{if n == 0 { t("health.no_problems").to_string() } else { tp("health.to_fix", n, &[&n]) }}</h2>
                        <ul class="issues">
                            {issues.into_iter().map(|(t, href)| view! { <li><a href=href>{t}</a></li> }).collect_view()}
                        </ul>
                    </section>
                    <crate::components::comments::OpenComments />
                </article>
            }
        })}
    }
}
