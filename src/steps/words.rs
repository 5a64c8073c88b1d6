//! A plan's stored values as a rep reads them: each value worded by its schema kind (a closed
//! list by its label, a date in the language's style, a row reference by the row's caption).
//! The print view and the review comparison both speak through this one place.

use serde_json::Value;

use crate::i18n::describe::Label;
use crate::i18n::{t, tf};
use crate::model::choice::Choice;
use crate::model::plan::{
    AccountLevel, ActionStatus, Attitude, BuyingRole, ForceKind, ReviewFrequency,
};
use crate::model::schema::{
    caption_parts, find_row, is_blank, row_id, ChoiceList, FieldKind, Table,
};
use crate::model::text::format_number;

fn choice_label(list: ChoiceList, key: &str) -> Option<&'static str> {
    fn l<T: Choice>(key: &str) -> Option<&'static str> {
        T::from_key(key).map(|c| c.label())
    }
    match list {
        ChoiceList::Level => l::<AccountLevel>(key),
        ChoiceList::ReviewFrequency => l::<ReviewFrequency>(key),
        ChoiceList::BuyingRole => l::<BuyingRole>(key),
        ChoiceList::Attitude => l::<Attitude>(key),
        ChoiceList::ActionStatus => l::<ActionStatus>(key),
        ChoiceList::ForceKind => l::<ForceKind>(key),
    }
}

/// A stored value of the given kind, as text; `plan` resolves row references.
pub fn value(kind: FieldKind, v: &Value, plan: &Value) -> String {
    if is_blank(v) && !matches!(kind, FieldKind::Check) {
        return String::new();
    }
    match (kind, v) {
        (FieldKind::Number | FieldKind::Money, Value::Number(n)) => {
            n.as_f64().map(format_number).unwrap_or_default()
        }
        (FieldKind::Percent, Value::Number(n)) => n
            .as_f64()
            .map(|x| format!("{}%", format_number(x)))
            .unwrap_or_default(),
        (FieldKind::Rating, Value::Number(n)) => tf("words.rating", &[&n]),
        (FieldKind::Check, v) => {
            if v.as_bool().unwrap_or(false) {
                t("print.yes").into()
            } else {
                t("print.no").into()
            }
        }
        (FieldKind::Date, Value::String(s)) => chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map(crate::i18n::date)
            .unwrap_or_else(|_| s.clone()),
        (FieldKind::Choice(list), Value::String(s)) => choice_label(list, s)
            .map(String::from)
            .unwrap_or_else(|| s.clone()),
        (FieldKind::RowRef(table), v) => v
            .as_u64()
            .map(|id| row_ref(table, id, plan))
            .unwrap_or_default(),
        (FieldKind::RowRefs(table), Value::Array(ids)) => ids
            .iter()
            .filter_map(Value::as_u64)
            .map(|id| row_ref(table, id, plan))
            .collect::<Vec<_>>()
            .join(t("step4.list_sep")),
        (_, Value::String(s)) => s.clone(),
        (_, Value::Number(n)) => n.as_f64().map(format_number).unwrap_or_default(),
        (_, other) => other.to_string(),
    }
}

/// Another row, named by its caption (or "#3" when it is gone or unnamed).
fn row_ref(table: &str, id: u64, plan: &Value) -> String {
    let named = crate::model::schema::table(table)
        .zip(find_row(plan, table, id))
        .map(|(t, row)| caption(t, row, plan))
        .filter(|c| !c.is_empty());
    named.unwrap_or_else(|| format!("#{id}"))
}

/// What names a row: its caption columns, worded, joined with " · ".
pub fn caption(table: &'static Table, row: &Value, plan: &Value) -> String {
    let parts: Vec<String> = caption_parts(table, row)
        .into_iter()
        .map(|(col, v)| match col.kind {
            // A reference inside a caption names the other row without recursing further.
            FieldKind::RowRef(other) => v
                .as_u64()
                .and_then(|id| {
                    let t = crate::model::schema::table(other)?;
                    let r = find_row(plan, other, id)?;
                    let c = caption_parts(t, r)
                        .into_iter()
                        .map(|(c, v)| value(c.kind, v, &Value::Null))
                        .collect::<Vec<_>>()
                        .join(" · ");
                    (!c.is_empty()).then_some(c)
                })
                .unwrap_or_default(),
            kind => value(kind, v, plan),
        })
        .filter(|s| !s.is_empty())
        .collect();
    if parts.is_empty() {
        row_id(row).map(|id| format!("#{id}")).unwrap_or_default()
    } else {
        parts.join(" · ")
    }
}
