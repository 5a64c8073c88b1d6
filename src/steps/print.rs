//! The printable plan: a one-page summary for a manager, then the full plan step by step with
//! the relationship map. The browser's "Save as PDF" turns it into a clean document.

use leptos::prelude::*;

use crate::i18n::tf;
use serde_json::Value;

use crate::components::relmap::RelationshipMap;
use crate::model::checks::{is_action_overdue, relationship_warnings};
use crate::model::choice::Choice;
use crate::model::plan::{Attitude, BuyingRole, ForceKind, Plan};
use crate::model::scoring::screen;
use crate::model::snapshot::snapshot;
use crate::model::text::format_number;
use crate::state::editor::Editor;
use crate::state::workspace::{today, Workspace};
use crate::steps::step1::strategy_advice;
use crate::steps::step_name;

/// "last_year_sales" → "Last year sales".
fn humanize(key: &str) -> String {
    let s = key.replace('_', " ");
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

fn is_blank(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(m) => m.values().all(is_blank),
        _ => false,
    }
}

fn scalar(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.as_f64().map(format_number).unwrap_or_default(),
        Value::Bool(true) => "Yes".into(),
        Value::Bool(false) => "No".into(),
        Value::Array(a) => a.iter().map(scalar).collect::<Vec<_>>().join(", "),
        Value::Object(m) => m
            .iter()
            .filter(|(_, v)| !is_blank(v))
            .map(|(k, v)| format!("{}: {}", humanize(k), scalar(v)))
            .collect::<Vec<_>>()
            .join("; "),
        Value::Null => String::new(),
    }
}

/// Any part of a plan as text: objects as labelled lists, lists of rows as tables.
fn render(v: &Value) -> AnyView {
    match v {
        Value::Object(m) => {
            let items = m
                .iter()
                .filter(|(k, v)| !is_blank(v) && k.as_str() != "snapshot")
                .map(|(k, v)| {
                    let label = humanize(k);
                    match v {
                        Value::Array(rows) if rows.iter().all(Value::is_object) => {
                            view! { <div class="print-block"><h4>{label}</h4>{table(rows)}</div> }.into_any()
                        }
                        Value::Object(_) => view! { <div class="print-block"><h4>{label}</h4>{render(v)}</div> }.into_any(),
                        _ => view! { <div class="print-pair"><dt>{label}</dt><dd>{scalar(v)}</dd></div> }.into_any(),
                    }
                })
                .collect_view();
            view! { <dl class="print-dl">{items}</dl> }.into_any()
        }
        other => view! { <p>{scalar(other)}</p> }.into_any(),
    }
}

fn table(rows: &[Value]) -> AnyView {
    let mut cols: Vec<String> = Vec::new();
    for r in rows {
        if let Value::Object(m) = r {
            for (k, v) in m {
                if k != "id" && k != "snapshot" && !is_blank(v) && !cols.contains(k) {
                    cols.push(k.clone());
                }
            }
        }
    }
    let head = cols
        .iter()
        .map(|c| view! { <th scope="col">{humanize(c)}</th> })
        .collect_view();
    let body = rows
        .iter()
        .map(|r| {
            let cells = cols
                .iter()
                .map(|c| view! { <td>{r.get(c).map(scalar).unwrap_or_default()}</td> })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();
    view! { <table class="print-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table> }
        .into_any()
}

const STEP_KEYS: [&[&str]; 7] = [
    &["header", "portfolio"],
    &["customer"],
    &["relationships"],
    &["blueprint"],
    &["action"],
    &["resources"],
    &["communication"],
];

#[allow(non_snake_case)]
pub fn PrintPage() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let ws = expect_context::<Workspace>();
    let plan = Memo::new(move |_| editor.plan.get());
    view! {
        {move || plan.get().map(|p| {
            let settings = ws.settings.with_untracked(|s| s.scoring.clone());
            let snap = snapshot(&p);
            let steps = (0..7).map(|i| {
                let parts = STEP_KEYS[i].iter().filter_map(|k| snap.get(*k)).map(render).collect_view();
                view! { <section class="print-step"><h2>{tf("print.step_heading", &[&(i + 1), &step_name(i as u8 + 1)])}</h2>{parts}</section> }
            }).collect_view();
            view! {
                <article class="print-view">
                    <div class="print-actions">
                        <button type="button" class="primary" on:click=move |_| { let _ = window().print(); }>"Print or save as PDF"</button>
                    </div>
                    {summary(&p, &settings)}
                    <section class="print-step"><RelationshipMap /></section>
                    {steps}
                </article>
            }
        })}
    }
}

fn summary(p: &Plan, settings: &crate::model::scoring::ScoringSettings) -> impl IntoView {
    let s = screen(&p.portfolio, settings);
    let now = today();
    let h = &p.header;
    let period = match (h.period_start, h.period_end) {
        (Some(a), Some(b)) => format!("{a} to {b}"),
        (Some(a), None) => format!("from {a}"),
        _ => "not set".into(),
    };
    let objectives = p
        .blueprint
        .objectives
        .iter()
        .map(|o| {
            let target = o.target.map(format_number).unwrap_or_default();
            view! { <li>{o.title.clone()} {(!o.measure.is_empty()).then(|| format!(" — {}: {target}", o.measure))} {o.due.map(|d| format!(" by {d}"))}</li> }
        })
        .collect_view();
    let mut open: Vec<_> = p
        .action
        .actions
        .iter()
        .filter(|a| {
            matches!(
                a.status,
                crate::model::plan::ActionStatus::Planned
                    | crate::model::plan::ActionStatus::InProgress
            )
        })
        .collect();
    open.sort_by_key(|a| a.due);
    let actions = open
        .iter()
        .take(6)
        .map(|a| {
            let late = is_action_overdue(a.status, a.due, now);
            view! { <li>{a.what.clone()} " — " {a.owner.clone()} {a.due.map(|d| format!(", due {d}"))} {late.then_some(" (overdue)")}</li> }
        })
        .collect_view();
    let key_people = p
        .relationships
        .contacts
        .iter()
        .filter(|c| matches!(c.role, BuyingRole::DecisionMaker | BuyingRole::EconomicBuyer | BuyingRole::Coach) || c.attitude <= Attitude::Opponent)
        .map(|c| view! { <li>{c.name.clone()} ", " {c.title.clone()} " — " {c.role.label()} ", " {c.attitude.label().to_lowercase()} {(!c.owner.is_empty()).then(|| format!(" (ours: {})", c.owner))}</li> })
        .collect_view();
    let mut risks: Vec<String> = Vec::new();
    if !p.blueprint.threats.trim().is_empty() {
        risks.push(p.blueprint.threats.clone());
    }
    risks.extend(
        p.blueprint
            .forces
            .iter()
            .filter(|f| f.kind == ForceKind::Restraining)
            .map(|f| f.text.clone()),
    );
    let warnings = relationship_warnings(&p.relationships.contacts, now).len();
    if warnings > 0 {
        risks.push(format!("{warnings} relationship warnings (see step 3)."));
    }
    let risks = risks
        .into_iter()
        .map(|r| view! { <li>{r}</li> })
        .collect_view();
    view! {
        <section class="print-summary">
            <p class="eyebrow">"Key account plan"</p>
            <h1 id="step-heading" tabindex="-1">{p.display_name().to_string()}</h1>
            <p>{h.level.label()} " account · " {h.industry.clone()} " · Plan period " {period} " · Prepared by " {h.prepared_by.clone()}</p>
            <dl class="figures">
                <div><dt>"Grade"</dt><dd>{s.grade.map(|g| g.label()).unwrap_or("—")}</dd></div>
                <div><dt>"Quadrant"</dt><dd>{s.quadrant.map(|q| q.label()).unwrap_or("—")}</dd></div>
                <div><dt>"Last year's sales"</dt><dd>{p.portfolio.last_year_sales.map(format_number).unwrap_or_else(|| "—".into())}</dd></div>
                <div><dt>"Share of spend"</dt><dd>{p.portfolio.share_of_spend.map(|v| format!("{}%", format_number(v))).unwrap_or_else(|| "—".into())}</dd></div>
            </dl>
            {s.quadrant.map(|q| view! { <p class="advice">{strategy_advice(q.strategy())}</p> })}
            <div class="print-cols">
                <div><h3>"Objectives"</h3><ul>{objectives}</ul></div>
                <div><h3>"Next actions"</h3><ul>{actions}</ul></div>
                <div><h3>"Key relationships"</h3><ul>{key_people}</ul></div>
                <div><h3>"Risks"</h3><ul>{risks}</ul></div>
            </div>
        </section>
    }
}
