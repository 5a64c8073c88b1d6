//! The printable plan: a one-page summary for a manager, then the full plan step by step with
//! the relationship map. The browser's "Save as PDF" turns it into a clean document.

use leptos::prelude::*;

use crate::i18n::{t, tf, tp};
use serde_json::Value;

use crate::components::figures::CustomerProfit;
use crate::components::figures::ForceBars;
use crate::components::figures::Totals;
use crate::components::relmap::RelationshipMap;
use crate::components::timeline::Timeline;
use crate::i18n::describe::strategy_advice;
use crate::i18n::describe::Label;
use crate::model::assessment::{assess, Verdict, QUESTIONS};
use crate::model::checks::{is_action_overdue, relationship_warnings};
use crate::model::plan::{Attitude, BuyingRole, ForceKind, Plan, Uptake};
use crate::model::privacy::without_private_notes;
use crate::model::schema::{
    is_blank, lookup, rows, Column, Field, FieldKind, Item, Panel, StepSchema, Table, CRITERIA,
    SCHEMA,
};
use crate::model::scoring::screen;
use crate::model::snapshot::snapshot;
use crate::model::text::format_number;
use crate::state::editor::Editor;
use crate::state::workspace::{today, Workspace};
use crate::steps::words;

/// One step of the plan, in the order and with the labels of the step itself (the schema).
fn step_part(step: &'static StepSchema, p: &Plan, snap: &Value, include_private: bool) -> AnyView {
    let items = step
        .items
        .iter()
        .map(|item| match item {
            Item::Section(title, fields) => section(title, fields, snap, include_private),
            Item::Table(table) => table_part(table, snap),
            Item::Panel(panel) => panel_part(*panel, p, snap),
        })
        .collect_view();
    let n = step.step.number();
    view! {
        <section class="print-step">
            <h2>{tf("print.step_heading", &[&n, &t(step.step.name_key())])}</h2>
            {items}
        </section>
    }
    .into_any()
}

fn section(
    title: &'static str,
    fields: &'static [Field],
    snap: &Value,
    include_private: bool,
) -> AnyView {
    let pairs: Vec<_> = fields
        .iter()
        .filter(|f| include_private || !f.private)
        .filter_map(|f| {
            let v = words::value(f.kind, lookup(snap, f.path), snap);
            (!v.trim().is_empty()).then(|| {
                let class = if f.kind == FieldKind::LongText {
                    "print-pair long"
                } else {
                    "print-pair"
                };
                view! { <div class=class><dt>{t(f.label)}</dt><dd>{v}</dd></div> }
            })
        })
        .collect();
    if pairs.is_empty() {
        return ().into_any();
    }
    view! { <h3>{t(title)}</h3><dl class="print-dl">{pairs}</dl> }.into_any()
}

fn table_part(table: &'static Table, snap: &Value) -> AnyView {
    let rows = rows(snap, table);
    if rows.is_empty() {
        return ().into_any();
    }
    // Only the columns something was written in, in the step's order.
    let cols: Vec<_> = table
        .columns
        .iter()
        .filter(|c| {
            rows.iter()
                .any(|r| !is_blank(r.get(c.key).unwrap_or(&Value::Null)))
        })
        .collect();
    let value =
        |r: &Value, c: &Column| words::value(c.kind, r.get(c.key).unwrap_or(&Value::Null), snap);
    // A wide table (a contact, an action) reads better as one block per row than as a table
    // squeezed across the page.
    if cols.len() > 5 {
        let blocks = rows
            .iter()
            .map(|r| {
                let pairs = cols
                    .iter()
                    .filter(|c| !table.caption.contains(&c.key))
                    .filter_map(|c| {
                        let v = value(r, c);
                        (!v.trim().is_empty()).then(|| view! { <div class="print-pair"><dt>{t(c.label)}</dt><dd>{v}</dd></div> })
                    })
                    .collect_view();
                view! { <div class="print-row"><h4>{words::caption(table, r, snap)}</h4><dl class="print-dl">{pairs}</dl></div> }
            })
            .collect_view();
        return view! { <h3>{t(table.label)}</h3>{blocks} }.into_any();
    }
    let head = cols
        .iter()
        .map(|c| view! { <th scope="col">{t(c.label)}</th> })
        .collect_view();
    let body = rows
        .iter()
        .map(|r| {
            let cells = cols
                .iter()
                .map(|c| view! { <td>{value(r, c)}</td> })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();
    view! {
        <h3>{t(table.label)}</h3>
        <table class="print-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>
    }
    .into_any()
}

fn panel_part(panel: Panel, p: &Plan, snap: &Value) -> AnyView {
    match panel {
        Panel::Screening => {
            let rows: Vec<_> = CRITERIA
                .iter()
                .filter_map(|(path, label)| {
                    let score = lookup(snap, &format!("{path}.score"));
                    let note = lookup(snap, &format!("{path}.note"));
                    (!is_blank(score) || !is_blank(note)).then(|| {
                        let score = words::value(FieldKind::Rating, score, snap);
                        let note = note.as_str().unwrap_or_default().to_string();
                        view! { <tr><th scope="row">{t(label)}</th><td>{score}</td><td>{note}</td></tr> }
                    })
                })
                .collect();
            if rows.is_empty() {
                return ().into_any();
            }
            view! {
                <h3>{t("print.criteria")}</h3>
                <table class="print-table">
                    <thead><tr><th scope="col">{t("print.criterion")}</th><th scope="col">{t("print.score")}</th><th scope="col">{t("common.note")}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
            .into_any()
        }
        Panel::Penetration => {
            let pen = &p.customer.penetration;
            if pen.products.is_empty() || pen.units.is_empty() {
                return ().into_any();
            }
            let head = pen
                .products
                .iter()
                .map(|x| view! { <th scope="col">{x.clone()}</th> })
                .collect_view();
            let body = pen
                .units
                .iter()
                .enumerate()
                .map(|(u, unit)| {
                    let cells = (0..pen.products.len())
                        .map(|i| {
                            let c = pen
                                .cells
                                .get(u)
                                .and_then(|r| r.get(i))
                                .copied()
                                .unwrap_or_default();
                            view! { <td>{(c != Uptake::Unknown).then(|| c.label())}</td> }
                        })
                        .collect_view();
                    view! { <tr><th scope="row">{unit.clone()}</th>{cells}</tr> }
                })
                .collect_view();
            view! {
                <h3>{t("penetration.title")}</h3>
                <table class="print-table"><thead><tr><td></td>{head}</tr></thead><tbody>{body}</tbody></table>
            }
            .into_any()
        }
        Panel::Assessment => {
            let answers = &p.blueprint.assessment;
            if answers.is_empty() {
                return ().into_any();
            }
            let a = assess(answers);
            let verdict = match a.verdict {
                Verdict::Go => t("step4.go"),
                Verdict::Caution => t("step4.caution"),
                Verdict::NoGo => t("step4.nogo"),
                Verdict::Unanswered => t("step4.not_enough"),
            };
            let rows = QUESTIONS
                .iter()
                .filter_map(|q| answers.get(q.key).map(|s| (q, *s)))
                .map(|(q, s)| view! { <tr><th scope="row">{t(q.text)}</th><td>{tf("words.rating", &[&s])}</td></tr> })
                .collect_view();
            view! {
                <h3>{t("step4.assessment")}</h3>
                <p><strong>{verdict}</strong></p>
                <table class="print-table"><tbody>{rows}</tbody></table>
            }
            .into_any()
        }
        Panel::Reviews => {
            let reviews = &p.communication.reviews;
            if reviews.is_empty() {
                return ().into_any();
            }
            // A reviewer's verdict is for the rep, not the customer (issue 15).
            let mut sorted: Vec<_> = reviews
                .iter()
                .filter(|r| !crate::model::comments::is_verdict_review(r))
                .collect();
            if sorted.is_empty() {
                return ().into_any();
            }
            sorted.sort_by_key(|r| std::cmp::Reverse(r.date));
            let items = sorted
                .into_iter()
                .map(|r| view! {
                    <li><strong>{r.date.map(crate::i18n::date)}</strong> " — " {r.attendees.clone()}
                        {(!r.changes.is_empty()).then(|| tf("step7.changes_suffix", &[&crate::i18n::describe::review_changes(r)]))}</li>
                })
                .collect_view();
            view! { <h3>{t("step7.reviews")}</h3><ol class="review-log">{items}</ol> }.into_any()
        }
        Panel::RelationshipMap => view! { <RelationshipMap /> }.into_any(),
        Panel::Timeline => view! { <Timeline /> }.into_any(),
        Panel::CustomerProfit => view! { <CustomerProfit /> }.into_any(),
        Panel::ForceBalance => view! { <ForceBars /> }.into_any(),
        Panel::Totals => view! { <Totals /> }.into_any(),
        // Prompts and warnings for the rep at work, not part of the printed plan.
        Panel::TeamSummary
        | Panel::ProfitCheck
        | Panel::RelationshipWarnings
        | Panel::SuggestedStrategy => ().into_any(),
    }
}

#[allow(non_snake_case)]
pub fn PrintPage() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let ws = expect_context::<Workspace>();
    let plan = Memo::new(move |_| editor.read("", Clone::clone));
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
            let settings = ws.settings().with_untracked(|s| s.scoring.clone());
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
            // The plan is already without its private notes: they print once, at the end.
            let steps = SCHEMA.iter().map(|s| step_part(s, &p, &snap, false)).collect_view();
            view! {
                <article class="print-view">
                    <div class="print-actions">
                        <button type="button" class="primary" on:click=move |_| { let _ = window().print(); }>{t("plan.print")}</button>
                    </div>
                    {summary(&p, &settings)}
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
            <h1 id="step-heading" tabindex="-1">{crate::i18n::describe::plan_name(p).to_string()}</h1>
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
