//! Step 7: communication plan, reviews with snapshots and their comparison, report card, long view.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::i18n::{t, tf};

use crate::model::checks::next_review;
use crate::model::plan::Review;
use crate::model::snapshot::snapshot;
use crate::state::editor::Editor;
use crate::state::workspace::StoreError;
use crate::state::workspace::{today, Workspace};
use crate::steps::compare::{comparison, Version};

/// A changed field's path ("blueprint.objectives[Grow].title") as the reader's language names
/// its parts; English keeps the stored path.
#[component]
pub fn Reviews() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let ws = expect_context::<Workspace>();
    let date = RwSignal::new(today().to_string());
    let attendees = RwSignal::new(String::new());
    let changes = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    // Set when the last review did not fit in storage: the message links to the storage page.
    let full = RwSignal::new(false);
    let read_only = move || editor.read_only.with(Option::is_some);
    let reviews = Memo::new(move |_| {
        editor.read("communication.reviews", |p| {
            p.as_ref()
                .map(|p| p.communication.reviews.clone())
                .unwrap_or_default()
        })
    });
    let next = Memo::new(move |_| editor.read("", |p| p.as_ref().and_then(next_review)));
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(d) = date.get_untracked().parse::<NaiveDate>() else {
            error.set(Some(t("step7.date_required").into()));
            return;
        };
        error.set(None);
        full.set(false);
        let review = Review {
            date: Some(d),
            attendees: attendees.get_untracked(),
            changes: changes.get_untracked(),
            ..Review::default()
        };
        // Saved at once and as a whole: if the snapshot does not fit, nothing is recorded.
        match crate::state::review::record_review(&editor, &ws, review) {
            Ok(()) => {
                attendees.set(String::new());
                changes.set(String::new());
            }
            Err(StoreError::QuotaFull) => {
                error.set(Some(t("room.review_full").into()));
                full.set(true);
            }
            Err(e) => error.set(Some(tf("room.review_failed", &[&e]))),
        }
    };
    let left = RwSignal::new(String::new());
    let right = RwSignal::new(String::new());
    let comparison = move || {
        let rs = reviews.get();
        let pick = |key: String| -> Option<Version> {
            if key == "now" {
                let snapshot = editor.read("", |p| p.as_ref().map(snapshot))?;
                return Some(Version {
                    snapshot,
                    day: today(),
                });
            }
            let id: u32 = key.parse().ok()?;
            let r = rs.iter().find(|r| r.id == id)?;
            Some(Version {
                snapshot: r.snapshot.clone()?,
                day: r.date.unwrap_or_else(today),
            })
        };
        let (Some(a), Some(b)) = (pick(left.get()), pick(right.get())) else {
            return view! { <p class="muted">{t("step7.choose_two")}</p> }.into_any();
        };
        let settings = ws.settings().with(|s| s.scoring.clone());
        comparison(&a, &b, &settings)
    };
    let options = move || {
        let mut o: Vec<(String, String)> = vec![(String::new(), t("step7.choose").into())];
        o.extend(reviews.get().iter().map(|r| {
            let day = r.date.map(crate::i18n::date).unwrap_or_default();
            // A snapshot an import took before it refreshed figures is not a review meeting.
            let label = if r.refresh {
                tf("crm.before_import", &[&day])
            } else {
                tf("step7.review_of", &[&day])
            };
            (r.id.to_string(), label)
        }));
        o.push(("now".into(), t("step7.plan_now").into()));
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
            <h2>{t("step7.reviews")}</h2>
            <p class="section-intro">{t("step7.reviews_intro")}</p>
            <p data-testid="next-review">{move || match next.get() {
                Some(d) if d < today() => view! { <span class="badge warn">{t("step7.review_overdue")}</span> " " {tf("step7.was_due", &[&crate::i18n::date(d)])} }.into_any(),
                Some(d) => view! { {tf("step7.next_due", &[&crate::i18n::date(d)])} }.into_any(),
                None => view! { {t("step7.set_period")} }.into_any(),
            }}</p>
            <ol class="review-log">
                {move || { let mut rs = reviews.get(); rs.sort_by_key(|r| std::cmp::Reverse(r.date)); rs }.into_iter().map(|r| { let verdict = crate::components::comments::verdict_badge(&r); view! {
                    <li><strong>{r.date.map(crate::i18n::date)}</strong> " — " {r.attendees.clone()} {verdict} {(!r.changes.is_empty()).then(|| tf("step7.changes_suffix", &[&crate::i18n::describe::review_changes(&r)]))}</li>
                }}).collect_view()}
            </ol>
            <form class="review-form" on:submit=save>
                <h3>{t("step7.record")}</h3>
                <div class="form-grid">
                    <div class="field"><label for="review-date">{t("step7.review_date")}</label>
                        <input id="review-date" type="date" prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev)) /></div>
                    <div class="field"><label for="review-attendees">{t("step7.attendees")}</label>
                        <input id="review-attendees" type="text" prop:value=move || attendees.get() on:input=move |ev| attendees.set(event_target_value(&ev)) /></div>
                    <div class="field wide"><label for="review-changes">{t("step7.what_changed")}</label>
                        <textarea id="review-changes" rows="2" prop:value=move || changes.get() on:input=move |ev| changes.set(event_target_value(&ev))></textarea></div>
                </div>
                {move || error.get().map(|e| view! { <p class="error" role="alert" data-testid="review-error">{e}</p> })}
                {move || full.get().then(|| view! { <p><a href="#/storage">{t("room.open_storage")}</a></p> })}
                <button type="submit" class="primary" disabled=read_only>{t("step7.save")}</button>
            </form>
            <h3>{t("step7.compare")}</h3>
            <div class="form-grid">
                {select("compare-from", t("step7.from"), left)}
                {select("compare-to", t("step7.to"), right)}
            </div>
            {comparison}
        </section>
    }
}
