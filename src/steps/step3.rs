//! Step 3: the relationship X-ray: contacts, the drawn power map, and warnings.

use leptos::prelude::*;

use crate::i18n::{t, tf};

use crate::i18n::describe::Label;
use crate::model::checks::{relationship_warnings, RelationshipWarning};
use crate::model::plan::Plan;
use crate::state::editor::Editor;
use crate::state::workspace::today;

#[component]
pub fn Warnings() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let warnings = editor.derive("relationships.contacts", |p| {
        relationship_warnings(&p.relationships.contacts, today())
            .into_iter()
            .map(|w| warning_text(p, &w))
            .collect::<Vec<_>>()
    });
    view! {
        <Show when=move || !warnings.with(Vec::is_empty)>
            <section class="card warnings" data-testid="relationship-warnings" aria-labelledby="warnings-h">
                <h2 id="warnings-h">{t("step3.warnings")}</h2>
                <ul>{move || warnings.get().into_iter().map(|(t, anchor)| view! { <li><a href=format!("#{anchor}") on:click=move |ev| { ev.prevent_default(); focus(&anchor) }>{t}</a></li> }).collect_view()}</ul>
            </section>
        </Show>
    }
}

fn focus(anchor: &str) {
    crate::components::focus_anchor(anchor);
}

fn warning_text(p: &Plan, w: &RelationshipWarning) -> (String, String) {
    match w {
        RelationshipWarning::NoCoach => (t("step3.w_no_coach").into(), "contacts".into()),
        RelationshipWarning::RoleUnfilled(r) => (
            tf("step3.w_role", &[&r.label().to_lowercase()]),
            "contacts".into(),
        ),
        RelationshipWarning::DecisionMakerWithoutOwner(id) => (
            tf(
                "step3.w_dm_owner",
                &[&crate::i18n::describe::contact_name(p, *id)],
            ),
            format!("contacts-{id}"),
        ),
        RelationshipWarning::InfluentialOpponent(id) => (
            tf(
                "step3.w_opponent",
                &[&crate::i18n::describe::contact_name(p, *id)],
            ),
            format!("contacts-{id}"),
        ),
        RelationshipWarning::NotTouched(id) => (
            tf(
                "step3.w_not_touched",
                &[&crate::i18n::describe::contact_name(p, *id)],
            ),
            format!("contacts-{id}"),
        ),
    }
}
