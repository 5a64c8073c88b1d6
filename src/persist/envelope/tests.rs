use super::*;
use serde_json::json;

fn now() -> DateTime<Utc> {
    "2026-11-22T10:00:00Z".parse().unwrap()
}

#[test]
fn plan_round_trips_through_its_envelope() {
    let mut plan = Plan::new("p1", "Acme", now());
    plan.revision = 7;
    let raw = encode_plan(&plan, now());
    assert!(raw.starts_with(&format!(
        r#"{{"kind":"keyplan.plan","schema_version":{SCHEMA_VERSION}"#
    )));
    let loaded = decode_plan(&raw).unwrap();
    assert_eq!(loaded.plan, plan);
    assert_eq!(loaded.head.revision, 7);
    assert_eq!(loaded.migrated_from, None);
    assert_eq!(stored_revision(&raw), Some(7));
}

#[test]
fn each_decode_error_is_told_apart() {
    assert!(matches!(
        decode_plan("{\"kind\": "),
        Err(DecodeError::NotJson { line: 1, .. })
    ));
    assert!(matches!(
        decode_plan("[1,2]"),
        Err(DecodeError::NotKeyplan { found: None })
    ));
    assert!(matches!(
        decode_plan(r#"{"kind":"photoshop"}"#),
        Err(DecodeError::NotKeyplan { found: Some(k) }) if k == "photoshop"
    ));
    assert!(matches!(
        decode_plan(r#"{"kind":"keyplan.index","schema_version":2,"plans":[]}"#),
        Err(DecodeError::WrongKind { .. })
    ));
    assert!(matches!(
        decode_plan(r#"{"kind":"keyplan.plan","schema_version":99,"plan":{}}"#),
        Err(DecodeError::Newer { version: 99 })
    ));
    assert!(matches!(
        decode_plan(r#"{"kind":"keyplan.plan","schema_version":2}"#),
        Err(DecodeError::Invalid { .. })
    ));
    assert!(matches!(
        decode_plan(r#"{"kind":"keyplan.plan","schema_version":"two","plan":{}}"#),
        Err(DecodeError::Invalid { .. })
    ));
    assert!(matches!(
        decode_plan(
            r#"{"kind":"keyplan.plan","schema_version":2,"plan":{"header":{"level":"galactic"}}}"#
        ),
        Err(DecodeError::Invalid { .. })
    ));
    let msg = DecodeError::Newer { version: 3 }.to_string();
    assert!(msg.contains("newer KeyPlan") && msg.contains("Update"));
}

#[test]
fn a_wrong_plan_value_is_named_by_its_path() {
    let path = |v: Value| plan_from_value(v).map(|_| ()).unwrap_err();
    let (p, detail) = path(json!({"header": {"account_name": "A", "level": "galactic"}}));
    assert_eq!(p, "header.level");
    assert!(detail.contains("galactic"), "{detail}");
    let (p, _) = path(json!({
        "id": "x",
        "relationships": {"contacts": [
            {"id": 1, "name": "Ann", "attitude": "neutral"},
            {"id": 2, "name": "Bo", "attitude": "hostile"}
        ]}
    }));
    assert_eq!(p, "relationships.contacts[1].attitude");
    let (p, detail) = path(json!({"portfolio": {"last_year_sales": "lots"}}));
    assert_eq!(p, "portfolio.last_year_sales");
    assert!(detail.contains("lots"), "{detail}");
    let (p, _) = path(json!({"blueprint": {"assessment": {"need": 4, "fit": "high"}}}));
    assert_eq!(p, "blueprint.assessment.fit");
    assert_eq!(path(json!("a plan")).0, ".");
    assert!(plan_from_value(json!({"header": {"account_name": "A"}})).is_ok());
}

#[test]
fn a_damaged_plan_keeps_its_name_when_the_name_survives() {
    let mut plan = Plan::new("p1", "Acme \"Steel\" 上海", now());
    plan.customer.main_business = "x".repeat(200);
    let raw = encode_plan(&plan, now());
    let half = &raw[..raw.len() / 2];
    assert!(decode_plan(half).is_err());
    assert_eq!(salvage_name(half).as_deref(), Some("Acme \"Steel\" 上海"));
    assert_eq!(salvage_name(&raw[..raw.find("Acme").unwrap() + 2]), None);
    assert_eq!(salvage_name("garbage"), None);
    assert_eq!(salvage_name(r#"{"account_name": 5}"#), None);
}

#[test]
fn newer_plan_can_still_be_shown_read_only() {
    let raw = r#"{"kind":"keyplan.plan","schema_version":9,"plan":{"id":"n","header":{"account_name":"Future"},"hologram":true}}"#;
    let plan = decode_plan_read_only(raw).unwrap();
    assert_eq!(plan.header.account_name, "Future");
}

#[test]
fn older_plan_is_migrated_on_load() {
    let raw = json!({"kind":"keyplan.plan","schema_version":1,"plan":{"id":"o","name":"Old Co","scores":{"profit":5}}}).to_string();
    let loaded = decode_plan(&raw).unwrap();
    assert_eq!(loaded.migrated_from, Some(1));
    assert_eq!(loaded.plan.header.account_name, "Old Co");
    assert_eq!(loaded.plan.portfolio.profit.score, Some(5));
}

#[test]
fn unknown_fields_survive_load_and_save() {
    let raw = json!({"kind":"keyplan.plan","schema_version":2,"plan":{
        "id":"u","future_top":{"a":1},
        "header":{"account_name":"U","future_header":"x"},
        "relationships":{"contacts":[{"id":1,"name":"Li","future_contact":true}]}}})
    .to_string();
    let plan = decode_plan(&raw).unwrap().plan;
    let again: Value = serde_json::from_str(&encode_plan(&plan, now())).unwrap();
    assert_eq!(again["plan"]["future_top"], json!({"a":1}));
    assert_eq!(again["plan"]["header"]["future_header"], json!("x"));
    assert_eq!(
        again["plan"]["relationships"]["contacts"][0]["future_contact"],
        json!(true)
    );
}

#[test]
fn index_round_trips_and_rejects_garbage() {
    let s = PlanSummary {
        id: "a".into(),
        name: "A".into(),
        ..PlanSummary::default()
    };
    let raw = encode_index(std::slice::from_ref(&s), now());
    assert_eq!(decode_index(&raw).unwrap(), vec![s]);
    assert!(decode_index("garbage").is_err());
}
