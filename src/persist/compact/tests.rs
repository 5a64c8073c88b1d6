//! Tests of `compact`.

use super::*;
use serde_json::json;

fn round(bytes: &[u8]) {
    let packed = pack(bytes);
    assert_eq!(packed.encode_utf16().count(), units_for(bytes.len()));
    assert!(packed
        .encode_utf16()
        .all(|u| (0x20..=0x801F).contains(&u) && !(0xD800..=0xDFFF).contains(&u)));
    assert_eq!(unpack(&packed, bytes.len()).unwrap(), bytes);
}

/// A deterministic generator for the fuzz loops (no dependency).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

#[test]
fn packing_round_trips_every_length_and_byte() {
    for len in 0..64 {
        let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
        round(&bytes);
    }
    round(&[0u8; 100]);
    round(&[0xFF; 100]);
    round(&(0..=255).collect::<Vec<u8>>());
}

fn fixed_now() -> chrono::DateTime<chrono::Utc> {
    "2026-11-22T10:00:00Z".parse().unwrap()
}

fn plan_json(text: &str) -> String {
    let mut plan = crate::model::plan::Plan::new("p", text, fixed_now());
    plan.header.industry = text.to_string();
    crate::persist::envelope::encode_plan(&plan, fixed_now())
}

#[test]
fn compact_values_round_trip_every_kind_of_text() {
    let five_mb: String = "Lieferant 供应商 🚚 \u{0} ".repeat(5 * 1024 * 1024 / 30);
    for text in [
        "Plain ASCII, with \"quotes\" and \\ backslashes",
        "简体中文：关键客户计划",
        "emoji 👩🏽‍💼🚀 and ZWJ sequences",
        "NUL \u{0} inside, and other controls \u{1}\u{1f}",
        "line\nbreaks\r\nand\ttabs",
        "",
        &five_mb,
    ] {
        let json = plan_json(text);
        let raw = encode_plan_text(&json, 2, 3);
        assert!(is_compact(&raw));
        let (header, _) = read_header(&raw).unwrap();
        assert_eq!((header.schema_version, header.revision), (2, 3));
        let back = decode_value(&raw).unwrap();
        assert_eq!(back, serde_json::from_str::<Value>(&json).unwrap());
        assert_eq!(back["plan"]["header"]["industry"], json!(text));
    }
}

#[test]
fn lone_surrogates_inside_user_text_survive() {
    // A JS string can hold a lone surrogate; in JSON text it arrives escaped ("\ud800"),
    // which serde_json reads as U+FFFD at worst. The packing itself never emits one.
    let json =
        r#"{"kind":"keyplan.plan","schema_version":2,"plan":{"header":{"industry":"a\ud800b"}}}"#;
    let raw = encode(crate::persist::envelope::PLAN_KIND, 2, 0, false, json);
    let (_, text) = decode_text(&raw).unwrap();
    assert_eq!(text, json);
    assert!(raw
        .encode_utf16()
        .skip_while(|u| *u != u16::from(b'\n'))
        .all(|u| !(0xD800..=0xDFFF).contains(&u)));
}

#[test]
fn five_megabytes_of_random_bytes_round_trip() {
    let mut rng = Rng(7);
    let bytes: Vec<u8> = (0..5 * 1024 * 1024).map(|_| rng.next() as u8).collect();
    round(&bytes);
}

#[test]
fn a_cut_or_altered_value_is_an_error_never_a_panic() {
    let raw = encode_plan_text(&plan_json("Acme Steel, Duisburg plant"), 2, 1);
    // Cut anywhere.
    for cut in (0..raw.len()).filter(|i| raw.is_char_boundary(*i)) {
        assert!(decode_value(&raw[..cut]).is_err(), "cut at {cut}");
    }
    // One unit changed anywhere in the payload.
    let (head, payload) = raw.split_once('\n').unwrap();
    let units: Vec<char> = payload.chars().collect();
    for i in 0..units.len() {
        let mut u = units.clone();
        u[i] = char::from_u32(u[i] as u32 ^ 0x0101).unwrap();
        let altered = format!("{head}\n{}", u.into_iter().collect::<String>());
        // An error, or (when the change falls in bits deflate ignores after its last
        // block) the very same value: never a different plan.
        if let Ok(v) = decode_value(&altered) {
            assert_eq!(Ok(v), decode_value(&raw), "unit {i} altered");
        }
    }
    assert_eq!(
        decode_value(&format!("{head}\n{payload}\u{7}")),
        Err(CompactError::BadUnit(units.len()))
    );
    assert!(matches!(
        decode_value("@keyplan.plan z9 s2 r1 n4\nabc"),
        Err(CompactError::UnknownFormat(f)) if f == "z9"
    ));
    assert_eq!(decode_value("@keyplan.plan"), Err(CompactError::BadHeader));
    assert_eq!(
        decode_value("@keyplan.plan z1 s2 rX n4\n"),
        Err(CompactError::BadHeader)
    );
}

#[test]
fn fuzz_random_values_never_panic() {
    let mut rng = Rng(0x5EED);
    let good = encode_plan_text(&plan_json("Fuzz GmbH"), 2, 1);
    for round in 0..3000 {
        let raw: String = match round % 3 {
            0 => {
                let n = rng.below(300);
                (0..n)
                    .filter_map(|_| char::from_u32(rng.next() as u32 % 0x11_0000))
                    .collect()
            }
            1 => {
                let n = rng.below(300);
                let body: String = (0..n)
                    .filter_map(|_| char::from_u32(0x20 + rng.below(0x8000) as u32))
                    .collect();
                format!(
                    "@keyplan.plan z1 s2 r1 n{} d{}\n{body}",
                    rng.below(700),
                    rng.below(2)
                )
            }
            _ => {
                let mut chars: Vec<char> = good.chars().collect();
                for _ in 0..=rng.below(4) {
                    let i = rng.below(chars.len());
                    match rng.below(3) {
                        0 => chars[i] = char::from_u32(rng.next() as u32 % 0xD000).unwrap_or('x'),
                        1 => chars.truncate(i),
                        _ => chars.insert(i, 'Q'),
                    }
                    if chars.is_empty() {
                        break;
                    }
                }
                chars.into_iter().collect()
            }
        };
        let _ = decode_value(&raw);
        let _ = read_header(&raw);
    }
}

#[test]
fn deltas_round_trip_and_malformed_deltas_are_errors() {
    let a = json!({"x": 1, "rows": [{"id": 1, "n": "a"}, {"id": 3, "n": "c"}, {"id": 4}], "list": [1, 2, 3], "gone": null});
    let r = json!({"x": 2, "rows": [{"id": 2, "n": "b"}, {"id": 1, "n": "A"}, {"id": 3, "n": "c"}], "list": [1, 5], "new": true});
    for (p, q) in [
        (&a, &r),
        (&r, &a),
        (&a, &a),
        (&a, &json!(null)),
        (&json!([1]), &a),
    ] {
        let d = delta(p, q);
        assert_eq!(&apply(&d, q).unwrap(), p);
    }
    for d in [
        json!({}),
        json!([9]),
        json!([1, 2, 3]),
        json!([2, [99]]),
        json!([2, ["x"]]),
    ] {
        assert_eq!(apply(&d, &r), Err(CompactError::BadContent), "{d}");
    }
}

#[test]
fn snapshots_are_stored_as_small_deltas() {
    use crate::model::plan::{Contact, Review};
    use crate::model::snapshot::snapshot;
    let mut plan = crate::model::plan::Plan::new("p", "Acme", chrono::Utc::now());
    for q in 0..12u32 {
        plan.relationships.contacts.push(Contact {
            id: q + 1,
            name: format!("Contact {q}"),
            background: format!("Quarter {q}: met at the plant, keen on the {q}th trial."),
            ..Contact::default()
        });
        if q % 3 == 0 {
            plan.relationships.contacts.remove(0);
        }
        plan.customer.strategy = format!("Strategy revised in quarter {q}.");
        let snap = snapshot(&plan);
        plan.communication.reviews.push(Review {
            id: q + 1,
            snapshot: Some(snap),
            ..Review::default()
        });
    }
    let json = crate::persist::envelope::encode_plan(&plan, chrono::Utc::now());
    let raw = encode_plan_text(&json, 2, 9);
    assert!(read_header(&raw).unwrap().0.deltas);
    let back = decode_value(&raw).unwrap();
    assert_eq!(back, serde_json::from_str::<Value>(&json).unwrap());
    // Twelve snapshots stored as deltas cost little more than the plan without them.
    let mut bare = plan.clone();
    bare.communication.reviews.clear();
    let bare = encode_plan_text(
        &crate::persist::envelope::encode_plan(&bare, chrono::Utc::now()),
        2,
        9,
    );
    let (with, without) = (raw.encode_utf16().count(), bare.encode_utf16().count());
    assert!(with < without * 2, "{with} vs {without}");
    assert!(with * 4 < json.len(), "{with} vs {}", json.len());
}

#[test]
fn plain_and_compact_plans_decode_alike_and_show_their_revision() {
    use crate::persist::envelope::{decode_plan, DecodeError};
    let mut plan = crate::model::plan::Plan::new("p", "Acme 简体 🚀", chrono::Utc::now());
    plan.revision = 41;
    let now = chrono::Utc::now();
    let plain = crate::persist::envelope::encode_plan(&plan, now);
    let compact = encode_stored_plan(&plan, now);
    let head = format!(
        "@keyplan.plan z1 s{} r41 n",
        crate::model::migration::SCHEMA_VERSION
    );
    assert!(compact.starts_with(&head), "{}", &compact[..40]);
    assert_eq!(decode_plan(&plain).unwrap().plan, plan);
    assert_eq!(decode_plan(&compact).unwrap().plan, plan);
    assert_eq!(stored_revision(&compact), Some(41));
    assert_eq!(
        crate::persist::envelope::stored_revision(&compact),
        Some(41)
    );
    assert!(compact.encode_utf16().count() < plain.len());
    let damaged = compact.replacen(" n", " n1", 1);
    assert!(matches!(
        decode_plan(&damaged),
        Err(DecodeError::Invalid { .. })
    ));
    assert!(crate::persist::envelope::decode_plan_read_only(&compact).is_some());
    // A compact stored value can be imported like a plain one (docs/FORMAT.md).
    let file = crate::persist::import::parse_file(compact.as_bytes()).unwrap();
    assert_eq!(file.plans[0].header.account_name, "Acme 简体 🚀");
    assert!(crate::persist::import::parse_file(damaged.as_bytes()).is_err());
}
