use super::*;
use crate::persist::file::encode_file;
use chrono::Utc;

fn file_with(plans: &[Plan]) -> Vec<u8> {
    encode_file(plans, None, Utc::now()).into_bytes()
}

#[test]
fn an_exported_file_imports_to_the_same_plans() {
    let mut a = Plan::new("a", "Acme", Utc::now());
    a.header.industry = "Steel".into();
    a.extra
        .insert("from_the_future".into(), serde_json::json!({"x": 1}));
    let b = Plan::new("b", "<img src=x onerror=alert(1)>", Utc::now());
    let f = parse_file(&file_with(&[a.clone(), b.clone()])).unwrap();
    assert_eq!(f.plans, vec![a, b]);
}

#[test]
fn each_bad_input_gets_its_own_message() {
    assert_eq!(parse_file(b""), Err(ImportError::Empty));
    assert_eq!(parse_file(b"  \n"), Err(ImportError::Empty));
    assert_eq!(parse_file(&[0xff, 0xfe, 0x00]), Err(ImportError::NotText));
    assert!(matches!(
        parse_file(&vec![b' '; MAX_BYTES + 1]),
        Err(ImportError::TooLarge { .. })
    ));
    assert_eq!(
        parse_file("[".repeat(100).as_bytes()),
        Err(ImportError::TooDeep)
    );
    assert!(matches!(
        parse_file(b"{\n  \"kind\": \"keyplan\",\n  oops\n}"),
        Err(ImportError::NotJson { line: 3, .. })
    ));
    assert_eq!(
        parse_file(br#"{"name": "photo"}"#),
        Err(ImportError::NotKeyplan)
    );
    assert_eq!(parse_file(br#"[1, 2]"#), Err(ImportError::NotKeyplan));
    assert_eq!(
        parse_file(br#"{"kind":"keyplan","schema_version":99,"plans":[]}"#),
        Err(ImportError::Newer { version: 99 })
    );
    assert_eq!(
        parse_file(br#"{"kind":"keyplan","schema_version":2,"plans":[]}"#),
        Err(ImportError::NoPlans)
    );
    assert!(
        matches!(parse_file(br#"{"kind":"keyplan","plans":[]}"#), Err(ImportError::Invalid { path, .. }) if path == "schema_version")
    );
    assert!(
        matches!(parse_file(br#"{"kind":"keyplan","schema_version":"2","plans":[]}"#), Err(ImportError::Invalid { path, .. }) if path == "schema_version")
    );
    assert!(
        matches!(parse_file(br#"{"kind":"keyplan","schema_version":2,"plans":{}}"#), Err(ImportError::Invalid { path, .. }) if path == "plans")
    );
    let wrong = br#"{"kind":"keyplan","schema_version":2,"plans":[{"id":"a"},{"id":"b","header":{"level":"galactic"}}]}"#;
    match parse_file(wrong) {
        Err(ImportError::Invalid { path, detail }) => {
            assert_eq!(path, "plans[1].header.level");
            assert!(detail.args.concat().contains("galactic"));
        }
        other => panic!("{other:?}"),
    }
    let typed = br#"{"kind":"keyplan","schema_version":2,"plans":[{"id":"a","portfolio":{"last_year_sales":"lots"}}]}"#;
    assert!(
        matches!(parse_file(typed), Err(ImportError::Invalid { path, .. }) if path == "plans[0].portfolio.last_year_sales")
    );
    for e in [
        ImportError::Empty,
        ImportError::NotKeyplan,
        ImportError::Newer { version: 3 },
        ImportError::TooDeep,
    ] {
        assert!(e.to_string().len() > 30, "{e}");
    }
}

#[test]
fn older_files_migrate_and_bad_ids_are_replaced() {
    let v1 = br#"{"kind":"keyplan","schema_version":1,"plans":[{"id":"x","name":"Old"},{"id":"x","name":"Twin"},{"name":"No id"},{"id":"../evil","name":"Evil"}]}"#;
    let f = parse_file(v1).unwrap();
    let names: Vec<&str> = f
        .plans
        .iter()
        .map(|p| p.header.account_name.as_str())
        .collect();
    assert_eq!(names, ["Old", "Twin", "No id", "Evil"]);
    let ids: HashSet<&str> = f.plans.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids.len(), 4);
    assert!(f.plans.iter().all(|p| !p.id.is_empty()
        && p.id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')));
}

#[test]
fn provenance_travels_with_the_file_and_a_bad_one_is_named() {
    use crate::model::provenance::{fingerprint, Provenance};
    let a = Plan::new("a", "Acme", Utc::now());
    let mut prov = crate::persist::file::ProvenanceMap::new();
    prov.insert(
        "a".into(),
        Provenance {
            revision: 4,
            fingerprint: fingerprint(&a),
            base_fingerprint: Some("fnv1a64:00000000000000ab".into()),
        },
    );
    let text =
        crate::persist::file::encode_file_with(std::slice::from_ref(&a), None, Utc::now(), &prov);
    let f = parse_file(text.as_bytes()).unwrap();
    assert_eq!(f.provenance, prov);
    // A file without provenance (every older file) reads as before.
    assert!(parse_file(&file_with(&[a])).unwrap().provenance.is_empty());
    let bad = br#"{"kind":"keyplan","schema_version":3,"plans":[{"id":"a"}],"provenance":{"a":{"revision":1,"fingerprint":"md5:x"}}}"#;
    assert!(
        matches!(parse_file(bad), Err(ImportError::Invalid { path, .. }) if path == "provenance.a.fingerprint")
    );
    let typed = br#"{"kind":"keyplan","schema_version":3,"plans":[{"id":"a"}],"provenance":{"a":{"revision":"one"}}}"#;
    assert!(
        matches!(parse_file(typed), Err(ImportError::Invalid { path, .. }) if path.starts_with("provenance.a"))
    );
    // Provenance of a plan not in the file, or of one given a fresh id, is dropped.
    let stray = br#"{"kind":"keyplan","schema_version":3,"plans":[{"id":"../x"}],"provenance":{"../x":{"revision":1,"fingerprint":"fnv1a64:00000000000000ab"},"zz":{"revision":1,"fingerprint":"fnv1a64:00000000000000ab"}}}"#;
    assert!(parse_file(stray).unwrap().provenance.is_empty());
}

#[test]
fn a_single_stored_plan_envelope_imports_too() {
    let raw =
        crate::persist::envelope::encode_plan(&Plan::new("s", "Single", Utc::now()), Utc::now());
    assert_eq!(
        parse_file(raw.as_bytes()).unwrap().plans[0]
            .header
            .account_name,
        "Single"
    );
}

#[test]
fn duplicates_resolve_by_choice() {
    let now = Utc::now();
    let older = now - chrono::Duration::days(1);
    let mut a = Plan::new("a", "Acme", older);
    a.updated_at = Some(older);
    let b = Plan::new("b", "Beta", now);
    let c = Plan::new("c", "Cee", now);
    let ws = vec![
        PlanSummary {
            id: "a".into(),
            revision: 5,
            updated_at: Some(now),
            ..PlanSummary::default()
        },
        PlanSummary {
            id: "b".into(),
            revision: 2,
            updated_at: Some(older),
            ..PlanSummary::default()
        },
    ];
    let incoming = compare(vec![a, b, c], &ws);
    assert!(
        incoming[0].existing_newer && !incoming[1].existing_newer && incoming[2].existing.is_none()
    );
    let mut n = 0;
    let (plans, counts) = resolve(
        &incoming,
        |i| [OnConflict::KeepBoth, OnConflict::Replace, OnConflict::Skip][i],
        || {
            n += 1;
            format!("new{n}")
        },
    );
    assert_eq!(
        counts,
        ImportCounts {
            created: 1,
            replaced: 1,
            merged: 0,
            kept_both: 1,
            skipped: 0
        }
    );
    assert_eq!(plans[0].id, "new1");
    assert_eq!(plans[0].header.account_name, "Acme (2)");
    assert_eq!((plans[1].id.as_str(), plans[1].revision), ("b", 2));
    let (plans, counts) = resolve(&incoming, |_| OnConflict::Skip, String::new);
    assert_eq!((plans.len(), counts.skipped, counts.created), (1, 2, 1));
}

/// Arbitrary bytes and arbitrary JSON never panic the importer (a seeded fuzz loop).
#[test]
fn fuzz_arbitrary_bytes_and_json_never_panic() {
    let mut s: u64 = 0x9e3779b97f4a7c15;
    let mut next = move || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        s
    };
    let good = String::from_utf8(file_with(&[crate::model::example::example_plan(
        "e",
        "2026-11-22".parse().unwrap(),
        Utc::now(),
        crate::model::example::Prose::English,
    )]))
    .unwrap();
    for round in 0..3000 {
        let bytes: Vec<u8> = match round % 3 {
            0 => (0..next() % 200).map(|_| next() as u8).collect(),
            1 => {
                // Mutate a real file: flip, cut or splice bytes.
                let mut b = good.clone().into_bytes();
                for _ in 0..1 + next() % 4 {
                    let i = (next() as usize) % b.len();
                    match next() % 3 {
                        0 => b[i] = next() as u8,
                        1 => b.truncate(i),
                        _ => b.insert(i, b"{}[],:\"0"[(next() % 8) as usize]),
                    }
                    if b.is_empty() {
                        break;
                    }
                }
                b
            }
            _ => {
                // Structurally valid JSON with the right envelope and random plan shapes.
                let leaf = |n: u64| match n % 6 {
                    0 => "null".to_string(),
                    1 => (n % 1000).to_string(),
                    2 => "\"x\"".to_string(),
                    3 => "[]".to_string(),
                    4 => "{}".to_string(),
                    _ => "true".to_string(),
                };
                let fields = [
                    "id",
                    "header",
                    "portfolio",
                    "relationships",
                    "blueprint",
                    "action",
                    "revision",
                    "communication",
                ];
                let body: Vec<String> = (0..next() % 5)
                    .map(|_| format!("\"{}\":{}", fields[(next() % 8) as usize], leaf(next())))
                    .collect();
                format!(
                    r#"{{"kind":"keyplan","schema_version":{},"plans":[{{{}}}]}}"#,
                    1 + next() % 3,
                    body.join(",")
                )
                .into_bytes()
            }
        };
        let _ = parse_file(&bytes);
    }
}
