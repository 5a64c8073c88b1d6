use super::*;
use serde_json::json;

fn plan() -> Value {
    json!({
        "id": "p1",
        "revision": 3,
        "header": {"account_name": "Acme", "industry": "", "team": ""},
        "customer": {
            "size": "", "main_business": "",
            "sales": [
                {"id": 1, "product": "Valves", "last_year": 10.0},
                {"id": 2, "product": "Pumps", "last_year": null},
                {"id": 3, "product": "Seals", "last_year": 5.0}
            ],
            "penetration": {"products": ["a", "b"], "cells": [[1, 2], [3, 4]]}
        },
        "blueprint": {"strategies": [{"id": 1, "objectives": [1, 2]}]}
    })
}

fn edit(v: &Value, path: &[Seg], new: Option<Value>) -> Value {
    let mut v = v.clone();
    assert!(set(&mut v, path, new));
    v
}

fn k(s: &str) -> Seg {
    Seg::Key(s.into())
}
fn row(id: u64) -> Seg {
    Seg::Row { id: json!(id) }
}

#[test]
fn fields_changed_on_one_side_each_are_both_kept() {
    let b = plan();
    let o = edit(
        &b,
        &[k("customer"), k("main_business")],
        Some(json!("Hospitals")),
    );
    let t = edit(&b, &[k("customer"), k("size")], Some(json!("4,000 staff")));
    let m = merge(&b, &o, &t);
    assert!(m.conflicts.is_empty());
    assert_eq!(m.value["customer"]["main_business"], "Hospitals");
    assert_eq!(m.value["customer"]["size"], "4,000 staff");
}

#[test]
fn the_same_field_changed_differently_is_one_conflict_with_three_values() {
    let b = plan();
    let p = [k("customer"), k("main_business")];
    let o = edit(&b, &p, Some(json!("Mine")));
    let t = edit(&b, &p, Some(json!("Theirs")));
    let m = merge(&b, &o, &t);
    assert_eq!(
        m.conflicts,
        vec![Conflict {
            path: p.to_vec(),
            base: Some(json!("")),
            ours: Some(json!("Mine")),
            theirs: Some(json!("Theirs")),
        }]
    );
    assert_eq!(m.value["customer"]["main_business"], "Theirs");
    assert_eq!(path_text(&m.conflicts[0].path), "customer.main_business");
    // The same change on both sides is no conflict.
    let m = merge(&b, &o, &o);
    assert!(m.conflicts.is_empty());
    assert_eq!(m.value, o);
}

#[test]
fn a_row_edited_on_one_side_and_deleted_on_the_other_is_a_conflict_on_the_row() {
    let b = plan();
    let o = edit(
        &b,
        &[k("customer"), k("sales"), row(2), k("product")],
        Some(json!("Big pumps")),
    );
    let t = edit(&b, &[k("customer"), k("sales"), row(2)], None);
    let m = merge(&b, &o, &t);
    assert_eq!(m.conflicts.len(), 1);
    let c = &m.conflicts[0];
    assert_eq!(path_text(&c.path), "customer.sales[id=2]");
    assert_eq!(c.theirs, None);
    assert_eq!(c.ours.as_ref().unwrap()["product"], "Big pumps");
    // The reverse way round too.
    let m = merge(&b, &t, &o);
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(m.conflicts[0].ours, None);
}

#[test]
fn a_row_deleted_on_one_side_and_untouched_on_the_other_is_deleted() {
    let b = plan();
    let o = edit(&b, &[k("customer"), k("sales"), row(1)], None);
    let t = edit(&b, &[k("header"), k("industry")], Some(json!("Health")));
    let m = merge(&b, &o, &t);
    assert!(m.conflicts.is_empty());
    let ids: Vec<_> = m.value["customer"]["sales"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].clone())
        .collect();
    assert_eq!(ids, vec![json!(2), json!(3)]);
    assert_eq!(m.value["header"]["industry"], "Health");
}

#[test]
fn rows_are_matched_by_id_when_one_side_reordered_them() {
    let b = plan();
    let mut t = b.clone();
    t["customer"]["sales"].as_array_mut().unwrap().reverse();
    let o = edit(
        &b,
        &[k("customer"), k("sales"), row(1), k("last_year")],
        Some(json!(12.0)),
    );
    let m = merge(&b, &o, &t);
    assert!(m.conflicts.is_empty());
    let sales = m.value["customer"]["sales"].as_array().unwrap();
    assert_eq!(sales[0]["id"], 3, "their order is kept");
    assert_eq!(sales[2]["id"], 1);
    assert_eq!(
        sales[2]["last_year"], 12.0,
        "our edit lands on the same row"
    );
    assert_eq!(sales[2]["product"], "Valves");
}

#[test]
fn arrays_without_ids_are_one_value() {
    let b = plan();
    let p = [k("blueprint"), k("strategies"), row(1), k("objectives")];
    let o = edit(&b, &p, Some(json!([1])));
    let t = edit(&b, &p, Some(json!([1, 2, 3])));
    let m = merge(&b, &o, &t);
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(m.conflicts[0].ours, Some(json!([1])));
}

#[test]
fn rows_added_on_both_sides_are_all_kept_in_a_stable_order() {
    let b = plan();
    let add = |v: &Value, id: u64, name: &str| {
        edit(
            v,
            &[k("customer"), k("sales"), row(id)],
            Some(json!({"id": id, "product": name, "last_year": null})),
        )
    };
    let o = add(&b, 10, "Ours");
    let t = add(&b, 11, "Theirs");
    let m1 = merge(&b, &o, &t);
    let m2 = merge(&b, &t, &o);
    assert!(m1.conflicts.is_empty());
    assert_eq!(m1.value, m2.value);
    assert_eq!(m1.value["customer"]["sales"].as_array().unwrap().len(), 5);
}

#[test]
fn typed_values_merge_through_serde() {
    use crate::model::plan::Plan;
    let at = "2026-11-22T10:00:00Z".parse().unwrap();
    let base = Plan::new("p", "Acme", at);
    let mut ours = base.clone();
    ours.customer.main_business = "Hospitals".into();
    let mut theirs = base.clone();
    theirs.customer.size = "Large".into();
    theirs.revision = 4;
    let (m, c) = merge_typed(&base, &ours, &theirs).unwrap();
    assert!(c.is_empty());
    assert_eq!(m.customer.main_business, "Hospitals");
    assert_eq!(m.customer.size, "Large");
    assert_eq!(m.revision, 4);
}

// --- properties over random edits -------------------------------------------------

/// A tiny deterministic PRNG (xorshift64*), so the loop needs no crate and reruns alike.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const FIELDS: [&str; 4] = ["a", "b", "c", "d"];

fn random_base(rng: &mut Rng) -> Value {
    let rows: Vec<Value> = (1..=rng.below(5) as u64)
        .map(|id| json!({"id": id, "x": format!("x{id}"), "y": id}))
        .collect();
    let mut v = json!({"rows": rows, "list": [1, 2]});
    for f in FIELDS {
        v[f] = json!(format!("base-{f}"));
    }
    v["nested"] = json!({"p": "np", "q": 1});
    v
}

/// One recorded edit: where, and what the side put there.
#[derive(Clone, Debug)]
struct Edit {
    path: Path,
    value: Option<Value>,
}

fn random_edits(rng: &mut Rng, base: &Value, tag: &str, reorder: bool) -> (Value, Vec<Edit>) {
    let mut v = base.clone();
    let mut edits: Vec<Edit> = Vec::new();
    for n in 0..rng.below(5) {
        let new = json!(format!("{tag}-{n}-{}", rng.next() % 1000));
        let ids: Vec<Value> = v["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].clone())
            .collect();
        let (path, value) = match rng.below(6) {
            0 | 1 => (vec![Seg::Key(FIELDS[rng.below(4)].into())], Some(new)),
            2 => (vec![k("nested"), k("p")], Some(new)),
            3 if !ids.is_empty() => {
                let id = ids[rng.below(ids.len())].clone();
                (vec![k("rows"), Seg::Row { id }, k("x")], Some(new))
            }
            4 if !ids.is_empty() => {
                let id = ids[rng.below(ids.len())].clone();
                (vec![k("rows"), Seg::Row { id }], None)
            }
            _ => {
                // New ids differ per side, as two tabs' next_row_id may not.
                let id = json!(100 + rng.below(50) as u64 + if tag == "o" { 0 } else { 50 });
                if ids.contains(&id) {
                    continue;
                }
                (
                    vec![k("rows"), Seg::Row { id: id.clone() }],
                    Some(json!({"id": id, "x": new, "y": 0})),
                )
            }
        };
        set(&mut v, &path, value.clone());
        // A later edit under a deleted row, or a field twice: keep the last word only.
        edits.retain(|e| !e.path.starts_with(&path));
        edits.push(Edit { path, value });
    }
    // What each edited place holds in the end (a row added, then edited).
    for e in &mut edits {
        e.value = get(&v, &e.path).cloned();
    }
    if reorder {
        v["rows"].as_array_mut().unwrap().reverse();
    }
    (v, edits)
}

fn touches(a: &[Seg], b: &[Seg]) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

#[test]
fn merge_with_an_unchanged_side_is_the_other_side() {
    let mut rng = Rng(0x5eed_1234);
    for _ in 0..500 {
        let b = random_base(&mut rng);
        let reorder = rng.below(2) == 0;
        let (o, _) = random_edits(&mut rng, &b, "o", reorder);
        assert_eq!(merge(&b, &o, &b).value, o);
        assert_eq!(merge(&b, &b, &o).value, o);
        assert!(merge(&b, &o, &b).conflicts.is_empty());
    }
}

#[test]
fn random_edits_on_both_sides_never_lose_an_edit_only_one_side_made() {
    let mut rng = Rng(0xdead_beef_cafe);
    let mut conflicting = 0;
    for case in 0..4000 {
        let b = random_base(&mut rng);
        let reorder_ours = rng.below(4) == 0;
        let (o, oe) = random_edits(&mut rng, &b, "o", reorder_ours);
        let reorder_theirs = !reorder_ours && rng.below(4) == 0;
        let (t, te) = random_edits(&mut rng, &b, "t", reorder_theirs);
        let m = merge(&b, &o, &t);
        // Each conflict is reported once.
        for (i, c) in m.conflicts.iter().enumerate() {
            assert!(
                m.conflicts[i + 1..].iter().all(|d| d.path != c.path),
                "case {case}: conflict reported twice at {}",
                path_text(&c.path)
            );
        }
        for (mine, other, theirs_side) in [(&oe, &te, false), (&te, &oe, true)] {
            for e in mine.iter() {
                let covered = m.conflicts.iter().find(|c| e.path.starts_with(&c.path));
                if covered.is_none() && other.iter().any(|x| touches(&x.path, &e.path)) {
                    continue;
                }
                match covered {
                    // Held in a conflict: the side's value is there to choose.
                    Some(c) => {
                        let side = if theirs_side { &c.theirs } else { &c.ours };
                        let got = side.as_ref().and_then(|v| get(v, &e.path[c.path.len()..]));
                        assert_eq!(got, e.value.as_ref(), "case {case}: {}", path_text(&e.path));
                        conflicting += 1;
                    }
                    None => assert_eq!(
                        get(&m.value, &e.path),
                        e.value.as_ref(),
                        "case {case}: lost {} ({b} / {o} / {t})",
                        path_text(&e.path)
                    ),
                }
            }
        }
        // Edits made by neither side keep the base value.
        for f in FIELDS {
            let p = [Seg::Key(f.into())];
            if !oe.iter().chain(&te).any(|e| touches(&e.path, &p)) {
                assert_eq!(m.value[f], b[f]);
            }
        }
    }
    assert!(conflicting > 0, "the loop must exercise conflicts too");
}

/// Over random edits: a row deleted on one side and edited on the other is always one
/// conflict at the row, and rows matched by id keep each side's edits through a reorder.
#[test]
fn random_delete_against_edit_is_always_a_row_conflict() {
    let mut rng = Rng(0x0bad_5eed_f00d);
    let mut seen = 0;
    for case in 0..3000 {
        let b = random_base(&mut rng);
        let reorder = rng.below(3) == 0;
        let (o, oe) = random_edits(&mut rng, &b, "o", reorder);
        let (t, te) = random_edits(&mut rng, &b, "t", false);
        let m = merge(&b, &o, &t);
        let deleted = |es: &[Edit]| -> Vec<Path> {
            es.iter()
                .filter(|e| e.value.is_none() && e.path.len() == 2)
                .map(|e| e.path.clone())
                .collect()
        };
        for (dels, other) in [(deleted(&oe), &te), (deleted(&te), &oe)] {
            for row_path in dels {
                if get(&b, &row_path).is_none() {
                    continue;
                }
                let edited = other
                    .iter()
                    .any(|e| e.path.len() > 2 && e.path.starts_with(&row_path));
                if edited {
                    let n = m.conflicts.iter().filter(|c| c.path == row_path).count();
                    assert_eq!(n, 1, "case {case}: {}", path_text(&row_path));
                    seen += 1;
                }
            }
        }
    }
    assert!(
        seen > 20,
        "the loop must exercise delete against edit ({seen})"
    );
}

#[test]
fn edits_that_do_not_conflict_commute() {
    let mut rng = Rng(0x0123_4567_89ab);
    let mut checked = 0;
    for _ in 0..3000 {
        let b = random_base(&mut rng);
        let reorder = rng.below(5) == 0;
        let (o, _) = random_edits(&mut rng, &b, "o", reorder);
        let (t, _) = random_edits(&mut rng, &b, "t", false);
        let m1 = merge(&b, &o, &t);
        if !m1.conflicts.is_empty() {
            continue;
        }
        let m2 = merge(&b, &t, &o);
        assert!(m2.conflicts.is_empty());
        assert_eq!(m1.value, m2.value, "base {b}\nours {o}\ntheirs {t}");
        checked += 1;
    }
    assert!(checked > 1000);
}
