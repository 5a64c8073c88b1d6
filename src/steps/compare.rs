//! The comparison of two versions of a plan, in words: first what moved the plan (grade,
//! quadrant, go / no-go, actions), then each change under its step's name, labelled as the step
//! labels it ("Tom Becker — Attitude to us: Opponent → Neutral").

use chrono::NaiveDate;
use leptos::prelude::*;
use serde_json::Value;

use crate::i18n::describe::Label;
use crate::i18n::{t, tf};
use crate::model::assessment::{Verdict, QUESTIONS};
use crate::model::schema::{FieldKind, Step};
use crate::model::scoring::ScoringSettings;
use crate::model::snapshot::{diff, headline, Change, ChangeKind, Headline, Subject};
use crate::steps::words;

/// One version of the plan to compare: its snapshot and the day it stands for.
pub struct Version {
    pub snapshot: Value,
    pub day: NaiveDate,
}

fn verdict(v: Verdict) -> &'static str {
    match v {
        Verdict::Go => t("step4.go"),
        Verdict::Caution => t("step4.caution"),
        Verdict::NoGo => t("step4.nogo"),
        Verdict::Unanswered => t("step4.not_enough"),
    }
}

fn headline_view(h: &Headline) -> impl IntoView {
    let opt = |v: Option<&'static str>| v.unwrap_or("—").to_string();
    let rows: Vec<(&str, String, String)> = vec![
        (
            t("portfolio.grade"),
            opt(h.grade.0.map(|g| g.label())),
            opt(h.grade.1.map(|g| g.label())),
        ),
        (
            t("portfolio.quadrant"),
            opt(h.quadrant.0.map(|q| q.label())),
            opt(h.quadrant.1.map(|q| q.label())),
        ),
        (
            t("diff.verdict"),
            verdict(h.verdict.0).into(),
            verdict(h.verdict.1).into(),
        ),
        (
            t("diff.open_actions"),
            h.open_actions.0.to_string(),
            h.open_actions.1.to_string(),
        ),
        (
            t("diff.overdue"),
            h.overdue.0.to_string(),
            h.overdue.1.to_string(),
        ),
    ];
    let items = rows
        .into_iter()
        .map(|(label, a, b)| {
            let moved = a != b;
            let text = if moved {
                tf("diff.changed", &[&label, &a, &b])
            } else {
                tf("diff.same", &[&label, &a])
            };
            view! { <li class:moved=moved>{text}</li> }
        })
        .collect_view();
    view! {
        <div class="diff-headline" data-testid="diff-headline">
            <h4>{t("diff.headline")}</h4>
            <ul>{items}</ul>
        </div>
    }
}

/// The change's label, and the kind its values are worded by.
fn subject(c: &Change, a: &Value, b: &Value) -> (String, Option<FieldKind>) {
    match &c.subject {
        Subject::Field(f) => (t(f.label).into(), Some(f.kind)),
        Subject::Criterion { label, note: false } => (t(label).into(), Some(FieldKind::Rating)),
        Subject::Criterion { label, note: true } => (
            tf("step1.note_on", &[&t(label).to_lowercase()]),
            Some(FieldKind::Text),
        ),
        Subject::Cell(table, col) => {
            let plan = if c.kind == ChangeKind::Removed { a } else { b };
            let caption = c
                .row
                .as_ref()
                .map(|r| words::caption(table, r, plan))
                .unwrap_or_default();
            (
                tf("diff.in_row", &[&caption, &t(col.label)]),
                Some(col.kind),
            )
        }
        Subject::Row(table) => (t(table.label).into(), None),
        Subject::Answer(key) => (
            QUESTIONS
                .iter()
                .find(|q| q.key == key)
                .map(|q| t(q.text).to_string())
                .unwrap_or_else(|| key.clone()),
            Some(FieldKind::Rating),
        ),
        Subject::Panel(p) => (t(p.label()).into(), None),
    }
}

fn change_view(c: &Change, a: &Value, b: &Value) -> AnyView {
    let (label, kind) = subject(c, a, b);
    let class = match c.kind {
        ChangeKind::Added => "added",
        ChangeKind::Removed => "removed",
        ChangeKind::Changed => "changed",
    };
    let text = match (&c.subject, kind) {
        (Subject::Row(table), _) => {
            let (row, plan, key) = match c.kind {
                ChangeKind::Removed => (&c.before, a, "diff.row_removed"),
                _ => (&c.after, b, "diff.row_added"),
            };
            tf(key, &[&label, &words::caption(table, row, plan)])
        }
        (_, None) => tf("diff.panel", &[&label]),
        (_, Some(FieldKind::LongText)) if c.kind == ChangeKind::Changed => {
            let before = words::value(FieldKind::LongText, &c.before, a);
            let after = words::value(FieldKind::LongText, &c.after, b);
            return view! {
                <li class=class>
                    {tf("diff.text_changed", &[&label])}
                    <p class="diff-was">{tf("diff.was", &[&before])}</p>
                    <p class="diff-now">{tf("diff.now", &[&after])}</p>
                </li>
            }
            .into_any();
        }
        (_, Some(kind)) => {
            let before = words::value(kind, &c.before, a);
            let after = words::value(kind, &c.after, b);
            match c.kind {
                ChangeKind::Added => tf("diff.set", &[&label, &after]),
                ChangeKind::Removed => tf("diff.cleared", &[&label, &before]),
                ChangeKind::Changed => tf("diff.changed", &[&label, &before, &after]),
            }
        }
    };
    view! { <li class=class>{text}</li> }.into_any()
}

/// The comparison of version `a` (older) with `b`, as shown under "Compare".
pub fn comparison(a: &Version, b: &Version, settings: &ScoringSettings) -> AnyView {
    let changes = diff(&a.snapshot, &b.snapshot);
    let plan = |v: &Version| crate::state::review::snapshot_plan(&v.snapshot);
    let head = plan(a)
        .zip(plan(b))
        .map(|(pa, pb)| headline((&pa, a.day), (&pb, b.day), settings));
    if changes.is_empty() && !head.as_ref().is_some_and(Headline::moved) {
        return view! { <p data-testid="diff-empty">{t("step7.no_diff")}</p> }.into_any();
    }
    let steps = Step::ALL
        .into_iter()
        .filter_map(|s| {
            let items: Vec<_> = changes
                .iter()
                .filter(|c| c.step == s)
                .map(|c| change_view(c, &a.snapshot, &b.snapshot))
                .collect();
            (!items.is_empty()).then(|| {
                view! {
                    <section class="diff-step">
                        <h4>{tf("print.step_heading", &[&s.number(), &t(s.name_key())])}</h4>
                        <ul>{items}</ul>
                    </section>
                }
            })
        })
        .collect_view();
    view! {
        <div class="diff" data-testid="review-diff">
            {head.map(|h| headline_view(&h))}
            {steps}
        </div>
    }
    .into_any()
}
