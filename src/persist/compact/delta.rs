//! Review snapshots stored as deltas: each against the next newer snapshot, the newest
//! against the plan itself (see the parent module).

use serde_json::{Map, Value};

use super::CompactError;

fn reviews_mut(value: &mut Value) -> Option<&mut Vec<Value>> {
    value
        .get_mut("plan")?
        .get_mut("communication")?
        .get_mut("reviews")?
        .as_array_mut()
}

/// Takes the reviews out of the envelope; returns them and the plan without them (the
/// reference of the newest snapshot).
fn split_reviews(value: &mut Value) -> Option<(Vec<Value>, Value)> {
    let reviews = std::mem::take(reviews_mut(value)?);
    let reference = value.get("plan")?.clone();
    Some((reviews, reference))
}

/// Replaces each review's snapshot by its delta. Returns false when there was nothing to do.
pub(super) fn shrink_snapshots(value: &mut Value) -> bool {
    let Some((mut reviews, mut reference)) = split_reviews(value) else {
        return false;
    };
    for review in reviews.iter_mut().rev() {
        let Some(slot) = review.get_mut("snapshot") else {
            continue;
        };
        if slot.is_null() {
            continue;
        }
        let full = slot.take();
        *slot = delta(&full, &reference);
        reference = full;
    }
    if let Some(r) = reviews_mut(value) {
        *r = reviews;
    }
    true
}

/// Replaces each review's delta by the snapshot it stands for.
pub(super) fn expand_snapshots(value: &mut Value) -> Result<(), CompactError> {
    let Some((mut reviews, mut reference)) = split_reviews(value) else {
        return Ok(());
    };
    for review in reviews.iter_mut().rev() {
        let Some(slot) = review.get_mut("snapshot") else {
            continue;
        };
        if slot.is_null() {
            continue;
        }
        let full = apply(slot, &reference)?;
        *slot = full.clone();
        reference = full;
    }
    if let Some(r) = reviews_mut(value) {
        *r = reviews;
    }
    Ok(())
}

// A delta of value `a` against a reference `r`, itself a JSON value:
//   []                       a equals r
//   [0, x]                   a is x
//   [1, {key: delta}, [k…]]  both objects: changed keys with their deltas, removed keys
//   [2, [elem…]]             both arrays: elem is n (r[n] unchanged), [n, delta] (r[n] changed)
//                            or {"=": x} (x, new). Rows with an "id" are matched by id.

fn tag(n: u8) -> Value {
    Value::from(n)
}

/// The delta of `a` against `r`.
pub fn delta(a: &Value, r: &Value) -> Value {
    if a == r {
        return Value::Array(Vec::new());
    }
    match (a, r) {
        (Value::Object(x), Value::Object(y)) => {
            let mut changed = Map::new();
            for (k, v) in x {
                match y.get(k) {
                    Some(w) if w == v => {}
                    Some(w) => {
                        changed.insert(k.clone(), delta(v, w));
                    }
                    None => {
                        changed.insert(k.clone(), Value::Array(vec![tag(0), v.clone()]));
                    }
                }
            }
            let removed: Vec<Value> = y
                .keys()
                .filter(|k| !x.contains_key(*k))
                .map(|k| Value::String(k.clone()))
                .collect();
            Value::Array(vec![tag(1), Value::Object(changed), Value::Array(removed)])
        }
        (Value::Array(x), Value::Array(y)) => {
            let by_id: std::collections::HashMap<String, usize> = y
                .iter()
                .enumerate()
                .filter_map(|(i, e)| e.get("id").map(|id| (id.to_string(), i)))
                .collect();
            let elems = x
                .iter()
                .enumerate()
                .map(|(i, e)| {
                    let at = match e.get("id") {
                        Some(id) => by_id.get(&id.to_string()).copied(),
                        None => (i < y.len() && y[i].get("id").is_none()).then_some(i),
                    };
                    match at {
                        Some(n) if y[n] == *e => Value::from(n),
                        Some(n) => Value::Array(vec![Value::from(n), delta(e, &y[n])]),
                        None => {
                            let mut m = Map::new();
                            m.insert("=".into(), e.clone());
                            Value::Object(m)
                        }
                    }
                })
                .collect();
            Value::Array(vec![tag(2), Value::Array(elems)])
        }
        _ => Value::Array(vec![tag(0), a.clone()]),
    }
}

/// The value that delta `d` stands for against reference `r`; a malformed delta is an error.
pub fn apply(d: &Value, r: &Value) -> Result<Value, CompactError> {
    let bad = || CompactError::BadContent;
    let parts = d.as_array().ok_or_else(bad)?;
    let Some(kind) = parts.first() else {
        return Ok(r.clone());
    };
    match (kind.as_u64(), parts.len()) {
        (Some(0), 2) => Ok(parts[1].clone()),
        (Some(1), 3) => {
            let mut out = r.as_object().ok_or_else(bad)?.clone();
            for k in parts[2].as_array().ok_or_else(bad)? {
                out.remove(k.as_str().ok_or_else(bad)?);
            }
            for (k, dv) in parts[1].as_object().ok_or_else(bad)? {
                let base = r.get(k).unwrap_or(&Value::Null);
                out.insert(k.clone(), apply(dv, base)?);
            }
            Ok(Value::Object(out))
        }
        (Some(2), 2) => {
            let y = r.as_array().ok_or_else(bad)?;
            let at = |n: &Value| {
                n.as_u64()
                    .and_then(|n| y.get(usize::try_from(n).ok()?))
                    .ok_or_else(bad)
            };
            let elems = parts[1].as_array().ok_or_else(bad)?;
            let mut out = Vec::with_capacity(elems.len());
            for e in elems {
                out.push(match e {
                    Value::Number(_) => at(e)?.clone(),
                    Value::Array(p) if p.len() == 2 => apply(&p[1], at(&p[0])?)?,
                    Value::Object(m) => m.get("=").ok_or_else(bad)?.clone(),
                    _ => return Err(bad()),
                });
            }
            Ok(Value::Array(out))
        }
        _ => Err(bad()),
    }
}
