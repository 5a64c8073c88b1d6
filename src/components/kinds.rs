//! The form kind of a schema field or column, and the words of a row in the step: its header
//! line and its name in another table's choices.

use std::sync::Arc;

use crate::components::field::{Binding, Kind};
use crate::i18n::{date, t, tf};
use crate::model::access::{cell, rows_at, set_at};
use crate::model::plan::{
    AccountLevel, ActionStatus, Attitude, BuyingRole, ForceKind, Plan, ReviewFrequency, RowId,
};
use crate::model::schema::{self, ChoiceList, FieldKind, Table};

/// Binds a form field to the plan value at a schema path.
pub fn path_binding(path: impl Into<String>) -> Binding {
    let path: Arc<str> = path.into().into();
    let (p2, p3) = (path.clone(), path.clone());
    Binding::new(
        move |p: &Plan| crate::model::access::text_at(p, &path),
        move |p: &mut Plan, s: &str| set_at(p, &p2, s),
    )
    .at(p3)
}

/// Where a kind's choices come from in the plan: another table's rows, or nowhere ("-").
pub fn options_scope(kind: FieldKind) -> &'static str {
    match kind {
        FieldKind::RowRef(t) | FieldKind::RowRefs(t) => t,
        _ => "-",
    }
}

/// How the form draws a schema kind. `own` is the row being edited, left out of the choices
/// of a reference to its own table (a contact does not report to themselves).
pub fn kind_of(kind: FieldKind, unit: Option<&'static str>, own: Option<(&str, RowId)>) -> Kind {
    match kind {
        FieldKind::Text => Kind::Text,
        FieldKind::LongText => Kind::LongText,
        FieldKind::Number => Kind::Number(unit.map(t).unwrap_or("")),
        FieldKind::Money => Kind::Money,
        FieldKind::Percent => Kind::Percent,
        FieldKind::Date => Kind::Date,
        FieldKind::Rating => Kind::Rating,
        FieldKind::Check => Kind::Check,
        FieldKind::Choice(list) => match list {
            ChoiceList::Level => Kind::choice::<AccountLevel>(),
            ChoiceList::ReviewFrequency => Kind::choice::<ReviewFrequency>(),
            ChoiceList::BuyingRole => Kind::choice::<BuyingRole>(),
            ChoiceList::Attitude => Kind::choice::<Attitude>(),
            ChoiceList::ActionStatus => Kind::choice::<ActionStatus>(),
            ChoiceList::ForceKind => Kind::choice::<ForceKind>(),
        },
        FieldKind::RowRef(target) => {
            let skip = own.filter(|(t, _)| *t == target).map(|(_, id)| id);
            Kind::Choice(Arc::new(move |p| {
                std::iter::once((String::new(), "—".to_string()))
                    .chain(row_names(p, target, skip))
                    .collect()
            }))
        }
        FieldKind::RowRefs(target) => Kind::Multi(Arc::new(move |p| row_names(p, target, None))),
    }
}

/// Every row of a table as (id, name), for another table's choices.
fn row_names(p: &Plan, table: &'static str, skip: Option<RowId>) -> Vec<(String, String)> {
    rows_at(p, table)
        .map(|r| r.ids())
        .unwrap_or_default()
        .into_iter()
        .filter(|id| Some(*id) != skip)
        .map(|id| (id.to_string(), row_name(p, table, id)))
        .collect()
}

/// A row's name: its first caption column, or "Contact 3" while it has none.
pub fn row_name(p: &Plan, table: &str, id: RowId) -> String {
    let name = schema::table(table)
        .and_then(|t| t.caption.first())
        .map(|k| cell(p, table, id, k))
        .unwrap_or_default();
    if !name.trim().is_empty() {
        return name;
    }
    let key = match table {
        "relationships.contacts" => "relmap.contact_n",
        "blueprint.objectives" => "step4.objective_n",
        _ => "timeline.action_n",
    };
    tf(key, &[&id])
}

/// A row's header line in the step: its heading (or caption) columns, blank ones left out.
pub fn row_heading(p: &Plan, table: &'static Table, id: RowId) -> String {
    let keys = if table.heading.is_empty() {
        table.caption
    } else {
        table.heading
    };
    keys.iter()
        .filter_map(|k| {
            let col = table.columns.iter().find(|c| c.key == *k)?;
            let v = cell(p, table.path, id, k);
            if v.trim().is_empty() {
                return None;
            }
            Some(match col.kind {
                FieldKind::Date => v.parse().map(date).unwrap_or(v),
                FieldKind::RowRef(other) => row_name(p, other, v.parse().ok()?),
                _ => v,
            })
        })
        .collect::<Vec<_>>()
        .join(" · ")
}
