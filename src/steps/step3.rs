//! Step 3: the relationship X-ray: contacts, the drawn power map, and warnings.

use std::sync::Arc;

use leptos::prelude::*;

use crate::bind;
use crate::components::field::{section, FieldSpec, Kind};
use crate::components::relmap::RelationshipMap;
use crate::components::table::{table, Column, TableSpec};
use crate::model::checks::{relationship_warnings, RelationshipWarning};
use crate::model::choice::Choice;
use crate::model::plan::{Attitude, BuyingRole, Contact, Plan};
use crate::state::editor::Editor;
use crate::state::workspace::today;
use crate::{col, col_choice};

/// Choices of contacts by name, for "reports to" and the visit log.
pub fn contact_options(p: &Plan) -> Vec<(String, String)> {
    std::iter::once((String::new(), "—".to_string()))
        .chain(p.relationships.contacts.iter().map(|c| {
            let name = if c.name.trim().is_empty() {
                format!("Contact {}", c.id)
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
        .unwrap_or_else(|| format!("Contact {id}"))
}

pub fn view() -> AnyView {
    let reports_to = Column::<Contact> {
        key: "reports_to",
        label: "Reports to",
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
        title: "Contacts",
        intro: "Everyone who takes part in the decision. Who on the client's team wants us to win? Who has the most authority?",
        noun: "contact",
        rows: |p| &p.relationships.contacts,
        rows_mut: |p| &mut p.relationships.contacts,
        columns: vec![
            col!(Contact, name, "Name", Kind::Text),
            col!(Contact, title, "Title", Kind::Text),
            col!(Contact, department, "Department", Kind::Text),
            reports_to,
            col_choice!(Contact, role, "Buying role", BuyingRole),
            col_choice!(Contact, attitude, "Attitude to us", Attitude),
            col!(Contact, influence, "Influence on the decision", Kind::Rating),
            col!(Contact, owner, "Relationship owner (our side)", Kind::Text),
            col!(Contact, strength_now, "Relationship strength now", Kind::Rating).more(),
            col!(Contact, strength_target, "Relationship strength target", Kind::Rating).more(),
            col!(Contact, last_contact, "Last contact", Kind::Date).more(),
            col!(Contact, contact_details, "Phone, e-mail", Kind::Text).more(),
            col!(Contact, background, "Background", Kind::LongText).more(),
            col!(Contact, interests, "Interests", Kind::LongText).more(),
        ],
        caption: |c| {
            if c.title.trim().is_empty() {
                c.name.clone()
            } else {
                format!("{} · {}", c.name, c.title)
            }
        },
        badge: Some(|_, c| match (c.role, c.attitude) {
            (BuyingRole::Coach, _) => Some("Coach".into()),
            (_, a) if a <= Attitude::Opponent && c.influence.unwrap_or(0) >= 4 => Some("Influential opponent".into()),
            _ => None,
        }),
    };
    let process = vec![
        FieldSpec::new("rel-decision_process", "How do they decide?", Kind::LongText, bind!(relationships.decision_process))
            .hint("What is the formal decision-making process? Who leads it, and when is the deadline?"),
        FieldSpec::new("rel-stated_criteria", "Stated selection criteria", Kind::LongText, bind!(relationships.stated_criteria))
            .hint("What are the selection criteria? Which one matters most, and why?"),
        FieldSpec::new("rel-unstated_criteria", "Unstated criteria", Kind::LongText, bind!(relationships.unstated_criteria))
            .hint("How do they really decide? What personal, subjective factors will weigh?"),
        FieldSpec::new("rel-who_wants_us_to_win", "Who wants us to win?", Kind::LongText, bind!(relationships.who_wants_us_to_win))
            .hint("Can they persuade their colleagues? Are they willing and able to help?"),
        FieldSpec::new("rel-senior_meetings", "Senior leaders", Kind::LongText, bind!(relationships.senior_meetings))
            .hint("How often do senior leaders of both sides meet? Who has the most authority, and do they want us to win?")
            .more(),
    ];
    view! {
        <Warnings />
        <RelationshipMap />
        {table(contacts)}
        {section("decision", "The decision process", "", process)}
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
                <h2 id="warnings-h">"Warnings"</h2>
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
        RelationshipWarning::NoCoach => ("No coach or insider is mapped: who on their side wants you to win?".into(), "contacts".into()),
        RelationshipWarning::RoleUnfilled(r) => (format!("Nobody is mapped as {}.", r.label().to_lowercase()), "contacts".into()),
        RelationshipWarning::DecisionMakerWithoutOwner(id) => {
            (format!("{} decides, but nobody on our team owns the relationship.", contact_name(p, *id)), format!("contacts-{id}"))
        }
        RelationshipWarning::InfluentialOpponent(id) => {
            (format!("{} is influential and against us: plan how to win them over or limit their influence.", contact_name(p, *id)), format!("contacts-{id}"))
        }
        RelationshipWarning::NotTouched(id) => (format!("{}: no contact recorded in the last 90 days.", contact_name(p, *id)), format!("contacts-{id}")),
    }
}
