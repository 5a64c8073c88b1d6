//! The review mode's bar (name, verdict, "Send back"), the open comments in "Check your
//! plan", and the verdict's mark in step 7's review log.

use leptos::prelude::*;

use super::{day, verdict_word, NameInput};
use crate::i18n::{t, tf};
use crate::model::comments::{review_verdict, thread_anchor, verdicts, VerdictKind};
use crate::model::plan::Review;
use crate::route::Route;
use crate::state::comments::{self as actions, review_mode, saved_name};
use crate::state::editor::Editor;
use crate::state::workspace::Workspace;

/// "Review this plan" above the step, and while reviewing: the reviewer's name, the verdict,
/// "Send back" and "Stop reviewing".
#[component]
pub fn ReviewBar() -> impl IntoView {
    let mode = review_mode();
    let editor = expect_context::<Editor>();
    let ws = expect_context::<Workspace>();
    let kind = RwSignal::new(VerdictKind::ChangesRequested);
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let sent = RwSignal::new(None::<String>);
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    // Review mode belongs to one plan: opening another one leaves it.
    let plan_id = Memo::new(move |_| editor.plan.with(|p| p.as_ref().map(|p| p.id.clone())));
    Effect::new(move |prev: Option<Option<String>>| {
        let now = plan_id.get();
        if let Some(Some(before)) = &prev {
            if now.as_ref().is_some_and(|n| n != before) {
                mode.on.set(false);
            }
        }
        now.or(prev.flatten())
    });
    let given = Memo::new(move |_| {
        let me = saved_name(&ws);
        editor.plan.with(|p| {
            p.as_ref().and_then(|p| {
                verdicts(p)
                    .into_iter()
                    .rev()
                    .find(|v| v.reviewer == me)
                    .map(|v| (v.kind, v.date))
            })
        })
    });
    let give = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match actions::give_verdict(&editor, &ws, kind.get_untracked(), &note.get_untracked()) {
            Ok(()) => {
                error.set(None);
                note.set(String::new());
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let radio = move |k: VerdictKind| {
        view! {
            <label class="verdict-option">
                <input type="radio" name="verdict" value=k.key() prop:checked=move || kind.get() == k
                    on:change=move |_| kind.set(k) />
                " " {verdict_word(k)}
            </label>
        }
    };
    move || {
        if !mode.on.get() {
            return view! {
                <div class="review-toggle">
                    <button type="button" class="secondary" data-testid="review-this-plan"
                        on:click=move |_| { sent.set(None); mode.on.set(true); }>
                        {t("comments.review_this")}
                    </button>
                </div>
            }
            .into_any();
        }
        view! {
            <section class="card review-bar" data-testid="review-bar" aria-labelledby="review-bar-title">
                <div class="review-bar-head">
                    <h2 id="review-bar-title" tabindex="-1" node_ref=heading>{t("comments.mode_title")}</h2>
                    <button type="button" class="link" on:click=move |_| mode.on.set(false)>{t("comments.stop_review")}</button>
                </div>
                <p class="section-intro">{t("comments.mode_intro")}</p>
                <div class="form-grid">
                    <NameInput id="reviewer-name".to_string() />
                </div>
                <form class="verdict-form" on:submit=give>
                    <fieldset>
                        <legend>{t("comments.verdict_title")}</legend>
                        <div class="verdict-options">
                            {radio(VerdictKind::Approved)}
                            {radio(VerdictKind::ChangesRequested)}
                        </div>
                        <div class="field wide">
                            <label for="verdict-note">{t("comments.verdict_note")}</label>
                            <textarea id="verdict-note" rows="2" prop:value=move || note.get()
                                on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                        </div>
                        {move || error.get().map(|e| view! { <p class="error" role="alert">{t(e)}</p> })}
                        <button type="submit" class="secondary">{t("comments.give_verdict")}</button>
                        {move || given.get().map(|(k, d)| view! {
                            <p class="verdict-given" role="status" data-testid="verdict-given">
                                {tf("comments.verdict_given", &[&verdict_word(k), &day(d)])}
                            </p>
                        })}
                    </fieldset>
                </form>
                <div class="send-back">
                    <button type="button" class="primary" data-testid="send-back"
                        on:click=move |_| sent.set(actions::send_back(&editor))>{t("comments.send_back")}</button>
                    <p class="hint">{t("comments.send_back_hint")}</p>
                    {move || sent.get().map(|name| view! { <p role="status" class="ok-text">{tf("comments.sent", &[&name])}</p> })}
                </div>
            </section>
        }
        .into_any()
    }
}

/// The open comments in "Check your plan", each linked to where it is pinned.
#[component]
pub fn OpenComments() -> impl IntoView {
    let mode = review_mode();
    let editor = expect_context::<Editor>();
    let list = Memo::new(move |_| {
        let plan = editor.plan.with(|p| p.as_ref().map(|p| p.id.clone()))?;
        let open: Vec<(String, String)> = mode.placed.with(|all| {
            all.iter()
                .filter(|(c, ..)| !c.resolved)
                .map(|(c, step, _)| {
                    let href = Route::Step {
                        plan: plan.clone(),
                        step: step.number(),
                        focus: Some(thread_anchor(&c.id)),
                    }
                    .to_hash();
                    let excerpt: String = c.text.chars().take(120).collect();
                    let text = tf(
                        "comments.link",
                        &[&crate::steps::step_name(step.number()), &c.author, &excerpt],
                    );
                    (text, href)
                })
                .collect()
        });
        (!open.is_empty()).then_some(open)
    });
    move || {
        list.get().map(|open| {
            let n = open.len();
            view! {
                <section class="card" data-testid="open-comments">
                    <h2>{tf("comments.open_title", &[&n])}</h2>
                    <p class="section-intro">{t("comments.open_intro")}</p>
                    <ul class="issues">
                        {open.into_iter().map(|(text, href)| view! { <li><a href=href>{text}</a></li> }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}

/// The verdict a review log entry was written from, as a badge.
pub fn verdict_badge(r: &Review) -> Option<AnyView> {
    review_verdict(r).map(|k| {
        let class = match k {
            VerdictKind::Approved => "badge ok",
            VerdictKind::ChangesRequested => "badge warn",
        };
        view! { " " <span class=class data-testid="verdict-badge">{tf("comments.verdict_logged", &[&verdict_word(k)])}</span> " " }
            .into_any()
    })
}
