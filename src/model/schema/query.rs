//! Questions asked of the schema: a step's declaration, every field, table and panel, a
//! field's DOM id, a value by path, row captions, and the step of a path or anchor.

use serde_json::Value;

use super::*;

/// The schema of one step.
pub fn step(step: Step) -> &'static StepSchema {
    &SCHEMA[step as usize]
}

/// Every field outside tables, with its step, in the order the rep sees them.
pub fn fields() -> impl Iterator<Item = (Step, &'static Field)> {
    SCHEMA.iter().flat_map(|s| {
        s.items.iter().flat_map(move |i| match i {
            Item::Section(_, fields) => fields.iter().map(move |f| (s.step, f)).collect(),
            _ => Vec::new(),
        })
    })
}

/// Every table, with its step.
pub fn tables() -> impl Iterator<Item = (Step, &'static Table)> {
    SCHEMA.iter().flat_map(|s| {
        s.items.iter().filter_map(move |i| match i {
            Item::Table(t) => Some((s.step, t)),
            _ => None,
        })
    })
}

/// Every panel, with its step.
pub fn panels() -> impl Iterator<Item = (Step, Panel)> {
    SCHEMA.iter().flat_map(|s| {
        s.items.iter().filter_map(move |i| match i {
            Item::Panel(p) => Some((s.step, *p)),
            _ => None,
        })
    })
}

/// The table whose rows live at `path`.
pub fn table(path: &str) -> Option<&'static Table> {
    tables().map(|(_, t)| t).find(|t| t.path == path)
}

/// The table whose DOM anchor is `anchor` (`contacts` for `contacts-3`).
pub fn table_by_anchor(anchor: &str) -> Option<(Step, &'static Table)> {
    tables().find(|(_, t)| t.anchor == anchor)
}

/// The DOM id of a field, derived from its path: `customer.main_business` → `customer-main_business`.
pub fn dom_id(path: &str) -> String {
    path.replace('.', "-")
}

/// The value at a dotted path of a plan's JSON (`Null` when absent).
pub fn lookup<'a>(plan: &'a Value, path: &str) -> &'a Value {
    path.split('.')
        .try_fold(plan, |v, k| v.get(k))
        .unwrap_or(&Value::Null)
}

/// Whether a value counts as not filled in.
pub fn is_blank(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(m) => m.values().all(is_blank),
        Value::Bool(b) => !b,
        Value::Number(_) => false,
    }
}

/// A row's id.
pub fn row_id(row: &Value) -> Option<u64> {
    row.get("id").and_then(Value::as_u64)
}

/// The rows of a table in a plan's JSON.
pub fn rows<'a>(plan: &'a Value, table: &Table) -> &'a [Value] {
    lookup(plan, table.path)
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

/// The row of a table with a given id.
pub fn find_row<'a>(plan: &'a Value, table_path: &str, id: u64) -> Option<&'a Value> {
    let t = table(table_path)?;
    rows(plan, t).iter().find(|r| row_id(r) == Some(id))
}

/// The columns that name a row, for a caption: each (column, value), blank ones left out.
pub fn caption_parts<'a>(
    table: &'static Table,
    row: &'a Value,
) -> Vec<(&'static Column, &'a Value)> {
    table
        .caption
        .iter()
        .filter_map(|k| {
            let col = table.columns.iter().find(|c| c.key == *k)?;
            let v = row.get(*k)?;
            (!is_blank(v)).then_some((col, v))
        })
        .collect()
}

/// The step a stored top-level key or dotted path belongs to.
pub fn step_of_path(path: &str) -> Option<Step> {
    let owns = |p: &str| {
        path == p || path.starts_with(&format!("{p}.")) || p.starts_with(&format!("{path}."))
    };
    for s in SCHEMA {
        for i in s.items {
            let hit = match i {
                Item::Section(_, fs) => fs.iter().any(|f| owns(f.path)),
                Item::Table(t) => owns(t.path),
                Item::Panel(p) => p.path().is_some_and(owns),
            };
            if hit {
                return Some(s.step);
            }
        }
    }
    if CRITERIA.iter().any(|(p, _)| owns(p)) {
        return Some(Step::Portfolio);
    }
    None
}

/// Where a fix for a health problem lives: a field's, table's or row's DOM anchor, and its step.
pub fn anchor_step(anchor: &str) -> Option<Step> {
    if let Some((s, _)) = table_by_anchor(anchor) {
        return Some(s);
    }
    if let Some((table, id)) = anchor.rsplit_once('-') {
        if id.parse::<u64>().is_ok() {
            return table_by_anchor(table).map(|(s, _)| s);
        }
    }
    match anchor {
        "screening" => Some(Step::Portfolio),
        "reviews" => Some(Step::Communication),
        _ => fields()
            .find(|(_, f)| dom_id(f.path) == anchor)
            .map(|(s, _)| s),
    }
}
