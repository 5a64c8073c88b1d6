//! The comment forms: "Comment" with its small form, and one comment's thread with its
//! replies, "Answer" and "Resolve".

use leptos::prelude::*;

use super::{day, NameInput};
use crate::i18n::{t, tf};
use crate::model::comments::{thread_anchor, Comment, Pin};
use crate::state::comments::{self as actions, review_mode, saved_name};
use crate::state::editor::Editor;
use crate::state::workspace::Workspace;

/// After "Save" on a comment or an answer: a saved one empties and closes its form; otherwise
/// the form says why, and asks for a name when that is what is missing.
fn settle(
    saved: Result<(), &'static str>,
    text: RwSignal<String>,
    open: RwSignal<bool>,
    error: RwSignal<Option<&'static str>>,
    needs_name: RwSignal<bool>,
) {
    match saved {
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
}

/// "Comment" (review mode only) and its small form.
#[component]
pub(super) fn AddComment(
    pin: Pin,
    label: Signal<String>,
    #[prop(optional)] step: bool,
) -> impl IntoView {
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
        let saved = actions::add(&editor, &ws, pin2.clone(), &text.get_untracked());
        settle(saved, text, open, error, needs_name);
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
pub(super) fn Thread(comment: Comment, removed: bool) -> impl IntoView {
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
        let saved = actions::reply(&editor, &ws, &id2, &answer.get_untracked());
        settle(saved, answer, answering, error, needs_name);
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
