//! Step 5: actions with owners and dates, their timeline, and the visit log.

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::t;

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
        title: t("step5.actions"),
        intro: t("step5.actions_intro"),
        noun: t("step5.action_noun"),
        rows: |p| &p.action.actions,
        rows_mut: |p| &mut p.action.actions,
        columns: vec![
            col!(Action, what, t("step5.what"), Kind::Text),
            col!(Action, owner, t("step5.owner"), Kind::Text),
            col!(Action, start, t("step5.start"), Kind::Date),
            col!(Action, due, t("step5.due"), Kind::Date),
            col_choice!(Action, status, t("step5.status"), ActionStatus),
            col!(
                Action,
                objective,
                t("step5.for_objective"),
                Kind::Choice(Arc::new(goal_options))
            ),
            col!(Action, goal, t("step5.goal"), Kind::Text).more(),
            col!(Action, result, t("step5.result"), Kind::LongText).more(),
            col!(Action, next_step, t("step5.next_step"), Kind::Text).more(),
        ],
        caption: |a| a.what.clone(),
        badge: Some(|_, a| {
            if is_action_overdue(a.status, a.due, today()) {
                Some(t("common.overdue").into())
            } else if a.owner.trim().is_empty() || a.due.is_none() {
                Some(t("step5.needs_owner").into())
            } else {
                None
            }
        }),
    };
    let visits = TableSpec::<Visit> {
        id: "visits",
        title: t("step5.visits"),
        intro: t("step5.visits_intro"),
        noun: t("step5.visit_noun"),
        rows: |p| &p.action.visits,
        rows_mut: |p| &mut p.action.visits,
        columns: vec![
            col!(Visit, date, t("step5.date"), Kind::Date),
            col!(
                Visit,
                contact,
                t("step5.contact"),
                Kind::Choice(Arc::new(contact_options))
            ),
            col!(Visit, discussed, t("step5.discussed"), Kind::LongText),
            col!(Visit, result, t("step5.result"), Kind::Text),
            col!(Visit, next_action, t("step5.next_action"), Kind::Text),
        ],
        caption: |v| v.date.map(crate::i18n::date).unwrap_or_default(),
        badge: None,
    };
    view! {
        {table(actions)}
        <Timeline />
        {table(visits)}
    }
    .into_any()
}
