//! Step 3: the relationship X-ray: contacts, the drawn power map, and warnings.

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::{t, tf};

use crate::bind;
use crate::components::field::{section, FieldSpec, Kind};
use crate::components::relmap::RelationshipMap;
use crate::components::table::{table, Column, TableSpec};
use crate::i18n::describe::Label;
use crate::model::checks::{relationship_warnings, RelationshipWarning};
use crate::model::plan::{Attitude, BuyingRole, Contact, Plan};
use crate::state::editor::Editor;
use crate::state::workspace::today;
use crate::{col, col_choice};

/// Choices of contacts by name, for "reports to" and the visit log.
pub fn contact_options(p: &Plan) -> Vec<(String, String)> {
    std::iter::once((String::new(), "—".to_string()))
        .chain(p.relationships.contacts.iter().map(|c| {
            let name = if c.name.trim().is_empty() {
                tf("relmap.contact_n", &[&c.id])
            } else {
                c.name.clone()
            };
            (c.id.to_string(), name)
        }))
        .collect()
}

pub fn contact_name(p: &Plan, id: u32) -> String {
    p.relationships
        .contacts
        .iter()
        .find(|c| c.id == id)
        .map(|c| c.name.clone())
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| tf("relmap.contact_n", &[&id]))
}

pub fn view() -> AnyView {
    let reports_to = Column::<Contact> {
        key: "reports_to",
        label: t("step3.reports_to"),
        hint: "",
        kind: Kind::Choice(Arc::new(contact_options)),
        get: |r| crate::model::text::FieldValue::to_text(&r.reports_to),
        set: |r, s| {
            let boss: Option<u32> = crate::model::text::FieldValue::from_text(s)?;
            r.reports_to = boss.filter(|b| *b != r.id);
            Ok(())
        },
        more: false,
    };
    let contacts = TableSpec::<Contact> {
        id: "contacts",
        title: t("step3.contacts"),
        intro: t("step3.contacts_intro"),
        noun: t("step3.contact_noun"),
        rows: |p| &p.relationships.contacts,
        rows_mut: |p| &mut p.relationships.contacts,
        columns: vec![
            col!(Contact, name, t("step3.contact_name"), Kind::Text),
            col!(Contact, title, t("step3.title"), Kind::Text),
            col!(Contact, department, t("step3.department"), Kind::Text),
            reports_to,
            col_choice!(Contact, role, t("step3.role"), BuyingRole),
            col_choice!(Contact, attitude, t("step3.attitude"), Attitude),
            col!(Contact, influence, t("step3.influence"), Kind::Rating),
            col!(Contact, owner, t("step3.owner"), Kind::Text),
            col!(Contact, strength_now, t("step3.strength_now"), Kind::Rating).more(),
            col!(
                Contact,
                strength_target,
                t("step3.strength_target"),
                Kind::Rating
            )
            .more(),
            col!(Contact, last_contact, t("step3.last_contact"), Kind::Date).more(),
            col!(Contact, contact_details, t("step3.details"), Kind::Text).more(),
            col!(Contact, background, t("step3.background"), Kind::LongText).more(),
            col!(Contact, interests, t("step3.interests"), Kind::LongText).more(),
        ],
        caption: |c| {
            if c.title.trim().is_empty() {
                c.name.clone()
            } else {
                format!("{} · {}", c.name, c.title)
            }
        },
        badge: Some(|_, c| match (c.role, c.attitude) {
            (BuyingRole::Coach, _) => Some(t("step3.coach_badge").into()),
            (_, a) if a <= Attitude::Opponent && c.influence.unwrap_or(0) >= 4 => {
                Some(t("step3.opponent_badge").into())
            }
            _ => None,
        }),
    };
    let process = vec![
        FieldSpec::new(
            "rel-decision_process",
            t("step3.decide"),
            Kind::LongText,
            bind!(relationships.decision_process),
        )
        .hint(t("step3.decide_hint")),
        FieldSpec::new(
            "rel-stated_criteria",
            t("step3.stated"),
            Kind::LongText,
            bind!(relationships.stated_criteria),
        )
        .hint(t("step3.stated_hint")),
        FieldSpec::new(
            "rel-unstated_criteria",
            t("step3.unstated"),
            Kind::LongText,
            bind!(relationships.unstated_criteria),
        )
        .hint(t("step3.unstated_hint")),
        FieldSpec::new(
            "rel-who_wants_us_to_win",
            t("step3.who_wants"),
            Kind::LongText,
            bind!(relationships.who_wants_us_to_win),
        )
        .hint(t("step3.who_wants_hint")),
        FieldSpec::new(
            "rel-senior_meetings",
            t("step3.senior"),
            Kind::LongText,
            bind!(relationships.senior_meetings),
        )
        .hint(t("step3.senior_hint"))
        .more(),
    ];
    view! {
        <Warnings />
        <RelationshipMap />
        {table(contacts)}
        {section("decision", t("step3.decision"), "", process)}
    }
    .into_any()
}

#[component]
fn Warnings() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let warnings = Memo::new(move |_| {
        editor.plan.with(|p| {
            p.as_ref()
                .map(|p| {
                    relationship_warnings(&p.relationships.contacts, today())
                        .into_iter()
                        .map(|w| warning_text(p, &w))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
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
            tf("step3.w_dm_owner", &[&contact_name(p, *id)]),
            format!("contacts-{id}"),
        ),
        RelationshipWarning::InfluentialOpponent(id) => (
            tf("step3.w_opponent", &[&contact_name(p, *id)]),
            format!("contacts-{id}"),
        ),
        RelationshipWarning::NotTouched(id) => (
            tf("step3.w_not_touched", &[&contact_name(p, *id)]),
            format!("contacts-{id}"),
        ),
    }
}
