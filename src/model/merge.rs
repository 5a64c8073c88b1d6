//! Three-way merge of two versions of one value that grew apart from a common base.
//!
//! `merge(base, ours, theirs)` works on `serde_json::Value`, so any serde type can be merged:
//! a plan edited in two tabs (state/editor.rs), and a plan file that comes back from a manager
//! (the review loop). It walks the three values by field path:
//!
//! - a field only one side changed takes that side's value, silently;
//! - a field both sides changed to the same value takes it;
//! - a field both sides changed differently is a conflict, reported once with its path and the
//!   three values; the merged value keeps `theirs` there (the caller decides what to show and
//!   what to keep until the person chooses);
//! - objects merge key by key; arrays of objects that all carry an `id` (the plan's tables)
//!   merge row by row, matched by id, so reordering never mismatches rows; a row deleted on one
//!   side and left alone on the other is deleted; a row deleted on one side and edited on the
//!   other is a conflict on the whole row; rows added on either side are kept. Any other array
//!   (a list of ids, a matrix) is one value.
//!
//! Row order: when only one side reordered the rows both sides kept, its order wins; new rows
//! go after the row they followed, rows added at the same place on both sides in id order, so
//! merging two edits that do not conflict gives the same result in either order.
//!
//! Pure: no browser, no language; paths and values only.

use std::collections::{HashMap, HashSet};

use serde::{de::DeserializeOwned, Deserialize, Serialize};
use serde_json::{Map, Value};

/// One step of a path: an object key, or the row of a table with the given id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Seg {
    Key(String),
    Row { id: Value },
}

pub type Path = Vec<Seg>;

/// Renders a path for people and logs: `customer.sales[id=3].product`.
pub fn path_text(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Seg::Row { id } => out.push_str(&format!("[id={id}]")),
        }
    }
    out
}

/// A place both sides changed differently. `None` means absent (a deleted row). Stored by a
/// tab that holds it (`state::editor::Held`), where our side is called `mine`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    pub path: Path,
    pub base: Option<Value>,
    #[serde(rename = "mine")]
    pub ours: Option<Value>,
    pub theirs: Option<Value>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    /// Every change of both sides, with `theirs` at each conflict.
    pub value: Value,
    pub conflicts: Vec<Conflict>,
}

pub fn merge(base: &Value, ours: &Value, theirs: &Value) -> Merged {
    let mut conflicts = Vec::new();
    let mut path = Vec::new();
    let value = merge_at(
        &mut path,
        Some(base),
        Some(ours),
        Some(theirs),
        &mut conflicts,
    )
    .unwrap_or(Value::Null);
    Merged { value, conflicts }
}

/// Merges two typed values (e.g. plans) through their serde form.
pub fn merge_typed<T: Serialize + DeserializeOwned>(
    base: &T,
    ours: &T,
    theirs: &T,
) -> Result<(T, Vec<Conflict>), serde_json::Error> {
    let m = merge(
        &serde_json::to_value(base)?,
        &serde_json::to_value(ours)?,
        &serde_json::to_value(theirs)?,
    );
    Ok((serde_json::from_value(m.value)?, m.conflicts))
}

fn merge_at(
    path: &mut Path,
    base: Option<&Value>,
    ours: Option<&Value>,
    theirs: Option<&Value>,
    conflicts: &mut Vec<Conflict>,
) -> Option<Value> {
    if ours == theirs || theirs == base {
        return ours.cloned();
    }
    if ours == base {
        return theirs.cloned();
    }
    match (ours, theirs) {
        (Some(Value::Object(o)), Some(Value::Object(t))) => {
            let b = base.and_then(Value::as_object);
            Some(Value::Object(merge_objects(path, b, o, t, conflicts)))
        }
        (Some(Value::Array(o)), Some(Value::Array(t))) => {
            let b: &[Value] = match base {
                Some(Value::Array(b)) => b,
                _ => &[],
            };
            if is_table(b) && is_table(o) && is_table(t) && !(o.is_empty() && t.is_empty()) {
                Some(Value::Array(merge_tables(path, b, o, t, conflicts)))
            } else {
                conflict(path, base, ours, theirs, conflicts)
            }
        }
        _ => conflict(path, base, ours, theirs, conflicts),
    }
}

fn conflict(
    path: &Path,
    base: Option<&Value>,
    ours: Option<&Value>,
    theirs: Option<&Value>,
    conflicts: &mut Vec<Conflict>,
) -> Option<Value> {
    conflicts.push(Conflict {
        path: path.clone(),
        base: base.cloned(),
        ours: ours.cloned(),
        theirs: theirs.cloned(),
    });
    theirs.cloned()
}

fn merge_objects(
    path: &mut Path,
    base: Option<&Map<String, Value>>,
    ours: &Map<String, Value>,
    theirs: &Map<String, Value>,
    conflicts: &mut Vec<Conflict>,
) -> Map<String, Value> {
    let mut keys: Vec<&String> = ours.keys().chain(theirs.keys()).collect();
    if let Some(b) = base {
        keys.extend(b.keys());
    }
    keys.sort();
    keys.dedup();
    let mut out = Map::new();
    for k in keys {
        path.push(Seg::Key(k.clone()));
        let v = merge_at(
            path,
            base.and_then(|b| b.get(k)),
            ours.get(k),
            theirs.get(k),
            conflicts,
        );
        path.pop();
        if let Some(v) = v {
            out.insert(k.clone(), v);
        }
    }
    out
}

fn row_id(v: &Value) -> Option<&Value> {
    v.as_object()
        .and_then(|o| o.get("id"))
        .filter(|id| id.is_number() || id.is_string())
}

/// An array whose items are all objects with a distinct scalar `id`.
fn is_table(rows: &[Value]) -> bool {
    let mut seen = HashSet::new();
    rows.iter()
        .all(|r| row_id(r).is_some_and(|id| seen.insert(id.to_string())))
}

/// A sortable, hashable form of a row id.
fn key(v: &Value) -> String {
    row_id(v).map(Value::to_string).unwrap_or_default()
}

fn id_order(id: &str) -> (u8, u64, &str) {
    match id.parse::<u64>() {
        Ok(n) => (0, n, ""),
        Err(_) => (1, 0, id),
    }
}

fn merge_tables(
    path: &mut Path,
    base: &[Value],
    ours: &[Value],
    theirs: &[Value],
    conflicts: &mut Vec<Conflict>,
) -> Vec<Value> {
    let index = |rows: &[Value]| -> HashMap<String, usize> {
        rows.iter().enumerate().map(|(i, r)| (key(r), i)).collect()
    };
    let (bi, oi, ti) = (index(base), index(ours), index(theirs));
    // Each row's merged value, by id.
    let mut merged: HashMap<String, Value> = HashMap::new();
    let mut ids: Vec<String> = base
        .iter()
        .chain(ours)
        .chain(theirs)
        .map(key)
        .collect::<Vec<_>>();
    {
        let mut seen = HashSet::new();
        ids.retain(|id| seen.insert(id.clone()));
    }
    for id in &ids {
        let b = bi.get(id).map(|&i| &base[i]);
        let o = oi.get(id).map(|&i| &ours[i]);
        let t = ti.get(id).map(|&i| &theirs[i]);
        let id_value = [o, t, b]
            .into_iter()
            .flatten()
            .find_map(row_id)
            .cloned()
            .unwrap_or(Value::Null);
        path.push(Seg::Row { id: id_value });
        let v = merge_at(path, b, o, t, conflicts);
        path.pop();
        if let Some(v) = v {
            merged.insert(id.clone(), v);
        }
    }
    // Order: the side that reordered the common rows, or else theirs.
    let reordered = |side: &[Value], side_index: &HashMap<String, usize>| {
        let kept_base: Vec<String> = base
            .iter()
            .map(key)
            .filter(|k| side_index.contains_key(k))
            .collect();
        let kept_side: Vec<String> = side
            .iter()
            .map(key)
            .filter(|k| bi.contains_key(k))
            .collect();
        kept_base != kept_side
    };
    let (skeleton, other) = if reordered(ours, &oi) && !reordered(theirs, &ti) {
        (ours, theirs)
    } else if reordered(theirs, &ti) {
        (theirs, ours)
    } else {
        // Neither reordered: start from base order so both argument orders agree.
        (base, ours)
    };
    let mut order: Vec<String> = skeleton.iter().map(key).collect();
    let mut placed: HashSet<String> = order.iter().cloned().collect();
    for side in [other, ours, theirs] {
        let mut prev: Option<String> = None;
        for r in side {
            let id = key(r);
            if placed.insert(id.clone()) {
                let mut at = match &prev {
                    Some(p) => order
                        .iter()
                        .position(|x| x == p)
                        .map_or(order.len(), |i| i + 1),
                    None => 0,
                };
                // Rows added at the same place by both sides: in id order.
                while at < order.len()
                    && !bi.contains_key(&order[at])
                    && id_order(&order[at]) < id_order(&id)
                {
                    at += 1;
                }
                order.insert(at, id.clone());
            }
            prev = Some(id);
        }
    }
    order
        .into_iter()
        .filter_map(|id| merged.remove(&id))
        .collect()
}

/// The value at a path, if there is one.
pub fn get<'a>(value: &'a Value, path: &[Seg]) -> Option<&'a Value> {
    let mut v = value;
    for seg in path {
        v = match seg {
            Seg::Key(k) => v.as_object()?.get(k)?,
            Seg::Row { id } => v
                .as_array()?
                .iter()
                .find(|r| row_id(r).is_some_and(|x| x == id))?,
        };
    }
    Some(v)
}

/// Puts a value at a path (`None` removes the field or row). A missing row is appended; a
/// missing object on the way is created. Returns false when the path cannot be reached.
pub fn set(value: &mut Value, path: &[Seg], new: Option<Value>) -> bool {
    let Some((last, parents)) = path.split_last() else {
        if let Some(n) = new {
            *value = n;
            return true;
        }
        return false;
    };
    let mut v = value;
    for seg in parents {
        v = match seg {
            Seg::Key(k) => {
                let Some(o) = v.as_object_mut() else {
                    return false;
                };
                o.entry(k.clone())
                    .or_insert_with(|| Value::Object(Map::new()))
            }
            Seg::Row { id } => {
                let Some(a) = v.as_array_mut() else {
                    return false;
                };
                match a.iter_mut().find(|r| row_id(r).is_some_and(|x| x == id)) {
                    Some(r) => r,
                    None => return false,
                }
            }
        };
    }
    match last {
        Seg::Key(k) => {
            let Some(o) = v.as_object_mut() else {
                return false;
            };
            match new {
                Some(n) => {
                    o.insert(k.clone(), n);
                }
                None => {
                    o.remove(k);
                }
            }
            true
        }
        Seg::Row { id } => {
            let Some(a) = v.as_array_mut() else {
                return false;
            };
            let at = a.iter().position(|r| row_id(r).is_some_and(|x| x == id));
            match (at, new) {
                (Some(i), Some(n)) => a[i] = n,
                (Some(i), None) => {
                    a.remove(i);
                }
                (None, Some(n)) => a.push(n),
                (None, None) => {}
            }
            true
        }
    }
}

#[cfg(test)]
mod tests;
