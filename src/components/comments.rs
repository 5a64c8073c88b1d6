//! Reviewer comments where they are pinned (a field, a table row, a step's heading), the review
//! mode's bar (name, verdict, "Send back"), the open comments in "Check your plan", and the
//! verdict's mark in step 7's review log. Comment text is always drawn as text, never as HTML.

use leptos::prelude::*;

use crate::i18n::t;
use crate::model::comments::{field_path_of_dom_id, Pin, Placed, VerdictKind};
use crate::model::plan::RowId;
use crate::model::schema::{self, Step};
use crate::state::comments::{review_mode, save_name, saved_name};
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

mod forms;
mod review_bar;

use forms::{AddComment, Thread};
pub use review_bar::{verdict_badge, OpenComments, ReviewBar};
