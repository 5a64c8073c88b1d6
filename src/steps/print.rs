//! The printable plan: a one-page summary for a manager, then the full plan step by step with
//! the relationship map. The browser's "Save as PDF" turns it into a clean document.

use leptos::prelude::*;

use crate::i18n::{t, tf, tp};
use serde_json::Value;

use crate::components::relmap::RelationshipMap;
use crate::model::checks::{is_action_overdue, relationship_warnings};
use crate::model::choice::Choice;
use crate::model::plan::{Attitude, BuyingRole, ForceKind, Plan};
use crate::model::privacy::without_private_notes;
use crate::model::scoring::screen;
use crate::model::snapshot::snapshot;
use crate::model::text::format_number;
use crate::state::editor::Editor;
use crate::state::workspace::{today, Workspace};
use crate::steps::step1::strategy_advice;
use crate::steps::step_name;

/// A stored field's name as a label: its catalogue text (`field.<name>`), else
/// "last_year_sales" → "Last year sales".
fn humanize(key: &str) -> String {
    if let Some(label) = crate::i18n::lookup(&format!("field.{key}")) {
        return label.to_string();
    }
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
        Value::Bool(true) => t("print.yes").into(),
        Value::Bool(false) => t("print.no").into(),
        Value::Array(a) => a.iter().map(scalar).collect::<Vec<_>>().join(", "),
        Value::Object(m) => m
            .iter()
            .filter(|(_, v)| !is_blank(v))
            .map(|(k, v)| tf("print.pair", &[&humanize(k), &cell(k, v)]))
            .collect::<Vec<_>>()
            .join(t("step4.list_sep")),
        Value::Null => String::new(),
    }
}

/// A field's label, knowing what it is part of: the opportunity assessment's answers are
/// named by their statements, and a few fields have a name of their own in one table
/// (`field.<table>.<name>`, e.g. a contact's title is a job title).
fn label_in(parent: &str, key: &str) -> String {
    if let Some(label) = crate::i18n::lookup(&format!("field.{parent}.{key}")) {
        return label.to_string();
    }
    if parent == "assessment" {
        if let Some(q) = crate::model::assessment::QUESTIONS
            .iter()
            .find(|q| q.key == key)
        {
            return q.text().to_string();
        }
    }
    humanize(key)
}

/// A stored value as a reader wants it: a closed-list value by its label, a date in the
/// language's style, anything else as `scalar` writes it.
fn cell(field: &str, v: &Value) -> String {
    fn label<T: Choice>(key: &str) -> Option<String> {
        T::from_key(key).map(|c| c.label().to_string())
    }
    if let (Value::Array(rows), "cells") = (v, field) {
        return rows
            .iter()
            .map(|row| match row {
                Value::Array(cells) => cells
                    .iter()
                    .map(|c| {
                        c.as_str()
                            .and_then(label::<crate::model::plan::Uptake>)
                            .unwrap_or_default()
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
                other => scalar(other),
            })
            .collect::<Vec<_>>()
            .join(t("step4.list_sep"));
    }
    if let Value::String(s) = v {
        let choice = match field {
            "level" => label::<crate::model::plan::AccountLevel>(s),
            "review_frequency" => label::<crate::model::plan::ReviewFrequency>(s),
            "role" => label::<BuyingRole>(s),
            "attitude" => label::<Attitude>(s),
            "status" => label::<crate::model::plan::ActionStatus>(s),
            "kind" => label::<ForceKind>(s),
            _ => None,
        };
        if let Some(c) = choice {
            return c;
        }
        if let Ok(d) = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            return crate::i18n::date(d);
        }
    }
    scalar(v)
}

/// Any part of a plan as text: objects as labelled lists, lists of rows as tables.
fn render(v: &Value, parent: &str) -> AnyView {
    match v {
        Value::Object(m) => {
            let items = m
                .iter()
                .filter(|(k, v)| !is_blank(v) && k.as_str() != "snapshot")
                .map(|(k, v)| {
                    let label = label_in(parent, k);
                    match v {
                        Value::Array(rows) if rows.iter().all(Value::is_object) => {
                            view! { <div class="print-block"><dt>{label}</dt><dd>{table(rows, k)}</dd></div> }.into_any()
                        }
                        Value::Object(_) => view! { <div class="print-block"><dt>{label}</dt><dd>{render(v, k)}</dd></div> }.into_any(),
                        _ => view! { <div class="print-pair"><dt>{label}</dt><dd>{cell(k, v)}</dd></div> }.into_any(),
                    }
                })
                .collect_view();
            view! { <dl class="print-dl">{items}</dl> }.into_any()
        }
        other => view! { <p>{scalar(other)}</p> }.into_any(),
    }
}

fn table(rows: &[Value], parent: &str) -> AnyView {
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
        .map(|c| view! { <th scope="col">{label_in(parent, c)}</th> })
        .collect_view();
    let body = rows
        .iter()
        .map(|r| {
            let cells = cols
                .iter()
                .map(|c| view! { <td>{r.get(c).map(|v| cell(c, v)).unwrap_or_default()}</td> })
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
    // Private notes are left out of the printed plan unless the rep asks for them, and then
    // they are printed once, at the end, under a heading that says they are private: a print
    // leaves the rep's hands more easily than a file.
    let include_private = RwSignal::new(false);
    let choice = view! {
        <div class="print-actions print-private">
            <label class="check-inline" for="print-private">
                <input id="print-private" type="checkbox" prop:checked=move || include_private.get()
                    on:change=move |ev| include_private.set(event_target_checked(&ev)) />
                {t("print.include_private")}
            </label>
            <p class="muted small">{move || if include_private.get() { t("print.private_in") } else { t("print.private_out") }}</p>
        </div>
    };
    view! {
        {choice}
        {move || plan.get().map(|p| {
            let settings = ws.settings.with_untracked(|s| s.scoring.clone());
            let notes = p.communication.private_notes.clone();
            let p = without_private_notes(&p);
            let private = (include_private.get() && !notes.trim().is_empty()).then(|| view! {
                <section class="print-step print-private-notes" data-testid="print-private-notes">
                    <h2>{t("print.private_heading")}</h2>
                    <p class="private-mark">{t("print.private_mark")}</p>
                    <p class="pre">{notes}</p>
                </section>
            });
            let snap = snapshot(&p);
            let steps = (0..7).map(|i| {
                let parts = STEP_KEYS[i].iter().filter_map(|k| snap.get(*k).map(|v| render(v, k))).collect_view();
                view! { <section class="print-step"><h2>{tf("print.step_heading", &[&(i + 1), &step_name(i as u8 + 1)])}</h2>{parts}</section> }
            }).collect_view();
            view! {
                <article class="print-view">
                    <div class="print-actions">
                        <button type="button" class="primary" on:click=move |_| { let _ = window().print(); }>{t("plan.print")}</button>
                    </div>
                    {summary(&p, &settings)}
                    <section class="print-step"><RelationshipMap /></section>
                    {steps}
                    {private}
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
        (Some(a), Some(b)) => tf(
            "print.period",
            &[&crate::i18n::date(a), &crate::i18n::date(b)],
        ),
        (Some(a), None) => tf("print.period_from", &[&crate::i18n::date(a)]),
        _ => t("print.not_set").into(),
    };
    let objectives = p
        .blueprint
        .objectives
        .iter()
        .map(|o| {
            let target = o.target.map(format_number).unwrap_or_default();
            view! { <li>{o.title.clone()} {(!o.measure.is_empty()).then(|| tf("print.measure", &[&o.measure, &target]))} {o.due.map(|d| tf("print.by", &[&crate::i18n::date(d)]))}</li> }
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
            view! { <li>{a.what.clone()} " — " {a.owner.clone()} {a.due.map(|d| tf("print.due", &[&crate::i18n::date(d)]))} {late.then_some(t("print.overdue"))}</li> }
        })
        .collect_view();
    let key_people = p
        .relationships
        .contacts
        .iter()
        .filter(|c| matches!(c.role, BuyingRole::DecisionMaker | BuyingRole::EconomicBuyer | BuyingRole::Coach) || c.attitude <= Attitude::Opponent)
        .map(|c| view! { <li>{tf("print.person", &[&c.name, &c.title, &c.role.label(), &c.attitude.label().to_lowercase()])} {(!c.owner.is_empty()).then(|| tf("print.ours", &[&c.owner]))}</li> })
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
        risks.push(tp("print.rel_warnings", warnings, &[&warnings]));
    }
    let risks = risks
        .into_iter()
        .map(|r| view! { <li>{r}</li> })
        .collect_view();
    view! {
        <section class="print-summary">
            <p class="eyebrow">{t("print.kap")}</p>
            <h1 id="step-heading" tabindex="-1">{p.display_name().to_string()}</h1>
            <p>{tf("print.facts", &[&h.level.label(), &h.industry, &period, &h.prepared_by])}</p>
            <dl class="figures">
                <div><dt>{t("portfolio.grade")}</dt><dd>{s.grade.map(|g| g.label()).unwrap_or("—")}</dd></div>
                <div><dt>{t("portfolio.quadrant")}</dt><dd>{s.quadrant.map(|q| q.label()).unwrap_or("—")}</dd></div>
                <div><dt>{t("portfolio.last_sales")}</dt><dd>{p.portfolio.last_year_sales.map(format_number).unwrap_or_else(|| "—".into())}</dd></div>
                <div><dt>{t("print.share")}</dt><dd>{p.portfolio.share_of_spend.map(|v| format!("{}%", format_number(v))).unwrap_or_else(|| "—".into())}</dd></div>
            </dl>
            {s.quadrant.map(|q| view! { <p class="advice">{strategy_advice(q.strategy())}</p> })}
            <div class="print-cols">
                <div><h2>{t("step4.objectives")}</h2><ul>{objectives}</ul></div>
                <div><h2>{t("print.next_actions")}</h2><ul>{actions}</ul></div>
                <div><h2>{t("print.key_rel")}</h2><ul>{key_people}</ul></div>
                <div><h2>{t("print.risks")}</h2><ul>{risks}</ul></div>
            </div>
        </section>
    }
}
