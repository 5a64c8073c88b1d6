//! Step 7: communication plan, reviews with snapshots and their comparison, report card, long view.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::bind;
use crate::col;
use crate::components::field::{section, FieldSpec, Kind};
use crate::components::table::{table, TableSpec};
use crate::model::checks::next_review;
use crate::model::plan::{next_row_id, CommItem, ReportItem, Review};
use crate::model::snapshot::{diff, snapshot, ChangeKind};
use crate::state::editor::Editor;
use crate::state::workspace::today;
use crate::steps::step_name;

pub fn view() -> AnyView {
    let comms = TableSpec::<CommItem> {
        id: "communication",
        title: "Communication plan",
        intro: "Who inside and outside the company hears what, how and how often. Senior managers and other functions get nothing from a plan they never see.",
        noun: "stakeholder",
        rows: |p| &p.communication.plan,
        rows_mut: |p| &mut p.communication.plan,
        columns: vec![
            col!(CommItem, stakeholder, "Stakeholder", Kind::Text),
            col!(CommItem, internal, "Internal (our company)", Kind::Check),
            col!(CommItem, what, "What they hear", Kind::Text),
            col!(CommItem, channel, "Channel", Kind::Text, "Meeting, report, e-mail, call"),
            col!(CommItem, frequency, "How often", Kind::Text),
            col!(CommItem, owner, "Owner", Kind::Text),
        ],
        caption: |c| c.stakeholder.clone(),
        badge: None,
    };
    let report = TableSpec::<ReportItem> {
        id: "report_card",
        title: "Customer report card",
        intro: "How the customer scores our service, and the problems they raised.",
        noun: "score",
        rows: |p| &p.communication.report_card,
        rows_mut: |p| &mut p.communication.report_card,
        columns: vec![
            col!(
                ReportItem,
                area,
                "Area",
                Kind::Text,
                "Delivery, quality, support, invoicing…"
            ),
            col!(ReportItem, score, "Their score", Kind::Rating),
            col!(ReportItem, problem, "Problems they raised", Kind::LongText),
        ],
        caption: |r| r.area.clone(),
        badge: None,
    };
    let long_term = vec![
        FieldSpec::new(
            "comm-issue_competition",
            "Competition",
            Kind::LongText,
            bind!(communication.issue_competition),
        ),
        FieldSpec::new(
            "comm-issue_service",
            "Customer service",
            Kind::LongText,
            bind!(communication.issue_service),
        ),
        FieldSpec::new(
            "comm-issue_growth",
            "Long-term growth",
            Kind::LongText,
            bind!(communication.issue_growth),
        ),
        FieldSpec::new(
            "comm-issue_internal",
            "Internal issues",
            Kind::LongText,
            bind!(communication.issue_internal),
        ),
        FieldSpec::new(
            "comm-lose",
            "Lose the order, not the customer",
            Kind::LongText,
            bind!(communication.lose_order_not_customer),
        )
        .hint("If an order is lost, how will you keep the relationship and learn from it?"),
        FieldSpec::new(
            "comm-private",
            "Private notes",
            Kind::LongText,
            bind!(communication.private_notes),
        )
        .hint("For you only: can be left out of a file you send to a colleague.")
        .more(),
    ];
    view! {
        {table(comms)}
        <Reviews />
        {table(report)}
        {section("long-term", "Long-term issues", "", long_term)}
    }
    .into_any()
}

#[component]
fn Reviews() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let date = RwSignal::new(today().to_string());
    let attendees = RwSignal::new(String::new());
    let changes = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let read_only = move || editor.read_only.with(Option::is_some);
    let reviews = Memo::new(move |_| {
        editor.plan.with(|p| {
            p.as_ref()
                .map(|p| p.communication.reviews.clone())
                .unwrap_or_default()
        })
    });
    let next = Memo::new(move |_| editor.plan.with(|p| p.as_ref().and_then(next_review)));
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(d) = date.get_untracked().parse::<NaiveDate>() else {
            error.set(Some(
                "Give the review's date, for example 2026-03-31.".into(),
            ));
            return;
        };
        error.set(None);
        editor.edit(|p| {
            let id = next_row_id(&p.communication.reviews, |r| r.id);
            let snap = snapshot(p);
            p.communication.reviews.push(Review {
                id,
                date: Some(d),
                attendees: attendees.get_untracked(),
                changes: changes.get_untracked(),
                snapshot: Some(snap),
                ..Review::default()
            });
        });
        attendees.set(String::new());
        changes.set(String::new());
    };
    let left = RwSignal::new(String::new());
    let right = RwSignal::new(String::new());
    let comparison = move || {
        let rs = reviews.get();
        let pick = |key: String| -> Option<serde_json::Value> {
            if key == "now" {
                return editor.plan.with(|p| p.as_ref().map(snapshot));
            }
            let id: u32 = key.parse().ok()?;
            rs.iter().find(|r| r.id == id)?.snapshot.clone()
        };
        let (a, b) = (pick(left.get()), pick(right.get()));
        let (Some(a), Some(b)) = (a, b) else {
            return view! { <p class="muted">"Choose two reviews (or a review and the plan as it is now) to see what changed."</p> }.into_any();
        };
        let changes = diff(&a, &b);
        if changes.is_empty() {
            return view! { <p data-testid="diff-empty">"No differences."</p> }.into_any();
        }
        let rows = changes
            .into_iter()
            .map(|c| {
                let (class, verb) = match c.kind {
                    ChangeKind::Added => ("added", "Added"),
                    ChangeKind::Removed => ("removed", "Removed"),
                    ChangeKind::Changed => ("changed", "Changed"),
                };
                view! {
                    <tr class=class>
                        <td>{step_name(c.step.clamp(1, 7))}</td>
                        <td>{verb}</td>
                        <td><code>{c.path}</code></td>
                        <td>{c.before}</td>
                        <td>{c.after}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-wrap">
                <table class="diff" data-testid="review-diff">
                    <thead><tr><th scope="col">"Step"</th><th scope="col">"Change"</th><th scope="col">"Field"</th><th scope="col">"Before"</th><th scope="col">"After"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }.into_any()
    };
    let options = move || {
        let mut o: Vec<(String, String)> = vec![(String::new(), "Choose…".into())];
        o.extend(reviews.get().iter().map(|r| {
            (
                r.id.to_string(),
                format!(
                    "Review of {}",
                    r.date.map(|d| d.to_string()).unwrap_or_default()
                ),
            )
        }));
        o.push(("now".into(), "The plan now".into()));
        o
    };
    let select = move |id: &'static str, label: &'static str, sig: RwSignal<String>| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <select id=id on:change=move |ev| sig.set(event_target_value(&ev))>
                    {move || options().into_iter().map(|(k, l)| { let sel = sig.get() == k; view! { <option value=k selected=sel>{l}</option> } }).collect_view()}
                </select>
            </div>
        }
    };
    view! {
        <section class="card" id="reviews">
            <h2>"Reviews"</h2>
            <p class="section-intro">"Plans fail when they are never reviewed, or too rigid to change. Review with the team, note what changed, and KeyPlan keeps a snapshot of the plan as it stood."</p>
            <p data-testid="next-review">{move || match next.get() {
                Some(d) if d < today() => view! { <span class="badge warn">"Review overdue"</span> " The next review was due on " {d.to_string()} "." }.into_any(),
                Some(d) => view! { "Next review due on " {d.to_string()} "." }.into_any(),
                None => view! { "Set the plan period in step 1 to schedule reviews." }.into_any(),
            }}</p>
            <ol class="review-log">
                {move || reviews.get().into_iter().rev().map(|r| view! {
                    <li><strong>{r.date.map(|d| d.to_string())}</strong> " — " {r.attendees} {(!r.changes.is_empty()).then(|| format!(": {}", r.changes))}</li>
                }).collect_view()}
            </ol>
            <form class="review-form" on:submit=save>
                <h3>"Record a review"</h3>
                <div class="form-grid">
                    <div class="field"><label for="review-date">"Review date"</label>
                        <input id="review-date" type="date" prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev)) /></div>
                    <div class="field"><label for="review-attendees">"Who attended"</label>
                        <input id="review-attendees" type="text" prop:value=move || attendees.get() on:input=move |ev| attendees.set(event_target_value(&ev)) /></div>
                    <div class="field wide"><label for="review-changes">"What changed"</label>
                        <textarea id="review-changes" rows="2" prop:value=move || changes.get() on:input=move |ev| changes.set(event_target_value(&ev))></textarea></div>
                </div>
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                <button type="submit" class="primary" disabled=read_only>"Save review and snapshot"</button>
            </form>
            <h3>"Compare"</h3>
            <div class="form-grid">
                {select("compare-from", "From", left)}
                {select("compare-to", "To", right)}
            </div>
            {comparison}
        </section>
    }
}
