//! Step 5: actions with owners and dates, their timeline, and the visit log.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::field::Kind;
use crate::components::table::{table, TableSpec};
use crate::components::timeline::Timeline;
use crate::model::checks::is_action_overdue;
use crate::model::plan::{Action, ActionStatus, Plan, Visit};
use crate::state::workspace::today;
use crate::steps::step3::contact_options;
use crate::{col, col_choice};

fn goal_options(p: &Plan) -> Vec<(String, String)> {
    std::iter::once((String::new(), "—".to_string()))
        .chain(crate::steps::step4::objective_options(p))
        .collect()
}

pub fn view() -> AnyView {
    let actions = TableSpec::<Action> {
        id: "actions",
        title: "Actions",
        intro: "What will be done, by whom, by when. An action without an owner and a due date is a wish.",
        noun: "action",
        rows: |p| &p.action.actions,
        rows_mut: |p| &mut p.action.actions,
        columns: vec![
            col!(Action, what, "What", Kind::Text),
            col!(Action, owner, "Owner", Kind::Text),
            col!(Action, start, "Start", Kind::Date),
            col!(Action, due, "Due", Kind::Date),
            col_choice!(Action, status, "Status", ActionStatus),
            col!(Action, objective, "For objective", Kind::Choice(Arc::new(goal_options))),
            col!(Action, goal, "Goal of the action", Kind::Text).more(),
            col!(Action, result, "Result", Kind::LongText).more(),
            col!(Action, next_step, "Next step", Kind::Text).more(),
        ],
        caption: |a| a.what.clone(),
        badge: Some(|_, a| {
            if is_action_overdue(a.status, a.due, today()) {
                Some("Overdue".into())
            } else if a.owner.trim().is_empty() || a.due.is_none() {
                Some("Needs an owner and a due date".into())
            } else {
                None
            }
        }),
    };
    let visits = TableSpec::<Visit> {
        id: "visits",
        title: "Visit log",
        intro: "Every meeting with the customer: who, what was discussed, what came of it, what happens next. A visit updates that contact's last contact date.",
        noun: "visit",
        rows: |p| &p.action.visits,
        rows_mut: |p| &mut p.action.visits,
        columns: vec![
            col!(Visit, date, "Date", Kind::Date),
            col!(Visit, contact, "Contact visited", Kind::Choice(Arc::new(contact_options))),
            col!(Visit, discussed, "What was discussed", Kind::LongText),
            col!(Visit, result, "Result", Kind::Text),
            col!(Visit, next_action, "Next action", Kind::Text),
        ],
        caption: |v| v.date.map(|d| d.to_string()).unwrap_or_default(),
        badge: None,
    };
    view! {
        {table(actions)}
        <Timeline />
        {table(visits)}
    }
    .into_any()
}
