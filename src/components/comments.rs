//! Reviewer comments where they are pinned (a field, a table row, a step's heading), the review
//! mode's bar (name, verdict, "Send back"), the open comments in "Check your plan", and the
//! verdict's mark in step 7's review log. Comment text is always drawn as text, never as HTML.

use leptos::prelude::*;

use crate::i18n::{t, tf};
use crate::model::comments::{
    field_path_of_dom_id, review_verdict, thread_anchor, verdicts, Comment, Pin, Placed,
    VerdictKind,
};
use crate::model::plan::{Review, RowId};
use crate::model::schema::{self, Step};
use crate::route::Route;
use crate::state::comments::{self as actions, review_mode, save_name, saved_name};
use crate::state::editor::Editor;
use crate::state::workspace::Workspace;

fn verdict_word(kind: VerdictKind) -> &'static str {
    match kind {
        VerdictKind::Approved => t("comments.approved"),
        VerdictKind::ChangesRequested => t("comments.changes_requested"),
    }
}

fn day(d: Option<chrono::NaiveDate>) -> String {
    d.map(crate::i18n::date).unwrap_or_default()
}

/// The comments at a field, by the DOM id its step gives it, and (in review mode) the button to
/// add one. Nothing for a field the schema does not know.
pub fn field_pins(dom_id: &str, label: &str) -> AnyView {
    match field_path_of_dom_id(dom_id) {
        Some(path) => {
            let label = label.to_string();
            view! { <Pins pin=Pin::Field(path.to_string()) label=Signal::derive(move || label.clone()) /> }
                .into_any()
        }
        None => ().into_any(),
    }
}

/// The comments at a table row, by the table's DOM anchor (`contacts`) and the row's id.
pub fn row_pins(anchor: &str, id: RowId, caption: Signal<String>) -> AnyView {
    match schema::table_by_anchor(anchor) {
        Some((_, table)) => view! {
            <Pins pin=Pin::Row { table: table.path.to_string(), id } label=caption />
        }
        .into_any(),
        None => ().into_any(),
    }
}

/// The comments on step `n` as a whole, and those whose field or row is gone.
pub fn step_pins(n: u8) -> AnyView {
    match Step::from_number(n) {
        Some(step) => view! { <StepPins step=step /> }.into_any(),
        None => ().into_any(),
    }
}

#[component]
fn Pins(pin: Pin, label: Signal<String>) -> impl IntoView {
    let mode = review_mode();
    let here = {
        let pin = pin.clone();
        Memo::new(move |_| {
            mode.placed.with(|all| {
                all.iter()
                    .filter(|(_, _, at)| match (at, &pin) {
                        (Placed::Field(p), Pin::Field(q)) => p == q,
                        (Placed::Row(t, i), Pin::Row { table, id }) => t == table && i == id,
                        _ => false,
                    })
                    .map(|(c, ..)| c.clone())
                    .collect::<Vec<_>>()
            })
        })
    };
    view! {
        {move || {
            let list = here.get();
            (!list.is_empty()).then(|| view! {
                <div class="comments" role="group" aria-label=t("comments.list_label")>
                    {list.into_iter().map(|c| view! { <Thread comment=c removed=false /> }).collect_view()}
                </div>
            })
        }}
        <AddComment pin=pin label=label />
    }
}

#[component]
fn StepPins(step: Step) -> impl IntoView {
    let mode = review_mode();
    let here = Memo::new(move |_| {
        mode.placed.with(|all| {
            all.iter()
                .filter_map(|(c, s, at)| match at {
                    Placed::Step { removed } if *s == step => Some((c.clone(), *removed)),
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
    });
    let label = Signal::derive(move || crate::steps::step_name(step.number()).to_string());
    view! {
        {move || {
            let list = here.get();
            (!list.is_empty()).then(|| view! {
                <section class="card comments step-comments" aria-labelledby="step-comments-title">
                    <h2 id="step-comments-title">{t("comments.step_title")}</h2>
                    {list.into_iter().map(|(c, removed)| view! { <Thread comment=c removed=removed /> }).collect_view()}
                </section>
            })
        }}
        <AddComment pin=Pin::Step(step.number()) label=label step=true />
    }
}

/// The name box, shown where a name is needed and none is saved yet.
#[component]
fn NameInput(id: String) -> impl IntoView {
    let ws = expect_context::<Workspace>();
    let value = RwSignal::new(saved_name(&ws));
    view! {
        <div class="field">
            <label for=id.clone()>{t("comments.your_name")}</label>
            <input id=id type="text" autocomplete="name" prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                on:change=move |_| save_name(&ws, &value.get_untracked()) />
        </div>
    }
}

/// "Comment" (review mode only) and its small form.
#[component]
fn AddComment(pin: Pin, label: Signal<String>, #[prop(optional)] step: bool) -> impl IntoView {
    let mode = review_mode();
    let editor = expect_context::<Editor>();
    let ws = expect_context::<Workspace>();
    let open = RwSignal::new(false);
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let needs_name = RwSignal::new(false);
    let uid = actions::new_id("n");
    let (text_id, name_id, err_id) = (
        format!("{uid}-text"),
        format!("{uid}-name"),
        format!("{uid}-error"),
    );
    let textarea = NodeRef::<leptos::html::Textarea>::new();
    Effect::new(move |_| {
        if let Some(el) = textarea.get() {
            let _ = el.focus();
        }
    });
    let pin2 = pin.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match actions::add(&editor, &ws, pin2.clone(), &text.get_untracked()) {
            Ok(()) => {
                text.set(String::new());
                error.set(None);
                open.set(false);
            }
            Err(e) => {
                if e == "comments.e_name" {
                    needs_name.set(true);
                }
                error.set(Some(e));
            }
        }
    };
    let button_text = if step {
        t("comments.add_step")
    } else {
        t("comments.add")
    };
    let read_only = move || editor.read_only.with(Option::is_some);
    move || {
        if !mode.on.get() {
            return ().into_any();
        }
        if !open.get() {
            return view! {
                <button type="button" class="link add-comment" data-testid="add-comment"
                    aria-label=move || if step { button_text.to_string() } else { tf("comments.add_on", &[&label.get()]) }
                    disabled=read_only
                    on:click=move |_| { needs_name.set(saved_name(&ws).trim().is_empty()); open.set(true); }>
                    {button_text}
                </button>
            }
            .into_any();
        }
        let (text_id, name_id, err_id) = (text_id.clone(), name_id.clone(), err_id.clone());
        let err_id2 = err_id.clone();
        view! {
            <form class="comment-form" on:submit=save.clone() data-testid="comment-form">
                {move || needs_name.get().then(|| view! { <NameInput id=name_id.clone() /> })}
                <div class="field wide">
                    <label for=text_id.clone()>{t("comments.new_label")}</label>
                    <textarea id=text_id.clone() rows="3" node_ref=textarea prop:value=move || text.get()
                        aria-describedby=move || error.with(Option::is_some).then(|| err_id2.clone())
                        on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                </div>
                {move || error.get().map(|e| view! { <p class="error" id=err_id.clone() role="alert">{t(e)}</p> })}
                <div class="actions">
                    <button type="submit" class="primary">{t("comments.save")}</button>
                    <button type="button" class="link" on:click=move |_| { open.set(false); error.set(None); }>{t("common.cancel")}</button>
                </div>
            </form>
        }
        .into_any()
    }
}

/// One comment with its replies, "Answer" and "Resolve".
#[component]
fn Thread(comment: Comment, removed: bool) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let ws = expect_context::<Workspace>();
    let Comment {
        id,
        author,
        date,
        text,
        replies,
        resolved,
        ..
    } = comment;
    let answering = RwSignal::new(false);
    let answer = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let needs_name = RwSignal::new(false);
    let anchor = thread_anchor(&id);
    let (answer_id, name_id) = (format!("{anchor}-answer"), format!("{anchor}-name"));
    let read_only = move || editor.read_only.with(Option::is_some);
    let id2 = id.clone();
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match actions::reply(&editor, &ws, &id2, &answer.get_untracked()) {
            Ok(()) => {
                answer.set(String::new());
                error.set(None);
                answering.set(false);
            }
            Err(e) => {
                if e == "comments.e_name" {
                    needs_name.set(true);
                }
                error.set(Some(e));
            }
        }
    };
    let id3 = id.clone();
    let replies = replies
        .into_iter()
        .map(|r| {
            view! {
                <li class="reply">
                    <p class="comment-meta"><strong>{r.author}</strong> " · " {day(r.date)}</p>
                    <p class="comment-text">{r.text}</p>
                </li>
            }
        })
        .collect_view();
    let who = author.clone();
    view! {
        <article class="comment" class:resolved=resolved id=anchor.clone() data-testid="comment" tabindex="-1">
            <p class="comment-meta">
                <strong>{author}</strong> " · " {day(date)}
                {removed.then(|| view! { " " <span class="badge warn">{t("comments.removed_row")}</span> })}
                {resolved.then(|| view! { " " <span class="badge ok">{t("comments.resolved")}</span> })}
            </p>
            <p class="comment-text">{text}</p>
            <ul class="replies">{replies}</ul>
            <div class="comment-actions">
                <button type="button" class="link" disabled=read_only aria-expanded=move || answering.get().to_string()
                    aria-label=tf("comments.reply_on", &[&who])
                    on:click=move |_| { needs_name.set(actions::author(&ws, &editor).trim().is_empty()); answering.update(|a| *a = !*a); }>
                    {t("comments.reply")}
                </button>
                <button type="button" class="link" disabled=read_only
                    on:click=move |_| actions::resolve(&editor, &id3, !resolved)>
                    {if resolved { t("comments.reopen") } else { t("comments.resolve") }}
                </button>
            </div>
            {move || answering.get().then(|| {
                let (answer_id, name_id) = (answer_id.clone(), name_id.clone());
                view! {
                    <form class="comment-form" on:submit=send.clone()>
                        {move || needs_name.get().then(|| view! { <NameInput id=name_id.clone() /> })}
                        <div class="field wide">
                            <label for=answer_id.clone()>{t("comments.reply_label")}</label>
                            <textarea id=answer_id.clone() rows="2" prop:value=move || answer.get()
                                on:input=move |ev| answer.set(event_target_value(&ev))></textarea>
                        </div>
                        {move || error.get().map(|e| view! { <p class="error" role="alert">{t(e)}</p> })}
                        <div class="actions">
                            <button type="submit" class="primary">{t("comments.reply_save")}</button>
                        </div>
                    </form>
                }
            })}
        </article>
    }
}

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
