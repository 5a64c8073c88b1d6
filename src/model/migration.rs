//! Upgrades of stored plans from older schema versions, one pure step per version.

use serde_json::{Map, Value};

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 2;

/// Brings a plan's JSON from schema `from` to `SCHEMA_VERSION`, step by step.
pub fn migrate(mut plan: Value, from: u32) -> Result<Value, String> {
    if from == 0 || from > SCHEMA_VERSION {
        return Err(crate::i18n::tf("migrate.unknown_version", &[&from]));
    }
    for version in from..SCHEMA_VERSION {
        plan = match version {
            1 => v1_to_v2(plan)?,
            _ => unreachable_step(version)?,
        };
    }
    Ok(plan)
}

fn unreachable_step(version: u32) -> Result<Value, String> {
    Err(crate::i18n::tf("migrate.no_step", &[&version]))
}

/// Schema 1 (the pre-release prototype) kept the header fields at the top level and the
/// screening as a flat `scores` map of criterion to 1–5; schema 2 groups them under
/// `header` and `portfolio`. Unknown fields are left where they were.
fn v1_to_v2(plan: Value) -> Result<Value, String> {
    let Value::Object(mut p) = plan else {
        return Err(crate::i18n::t("migrate.not_object").into());
    };
    let mut header = take_object(&mut p, "header");
    for (old, new) in [
        ("name", "account_name"),
        ("level", "level"),
        ("industry", "industry"),
        ("prepared_by", "prepared_by"),
    ] {
        if let Some(v) = p.remove(old) {
            header.entry(new.to_string()).or_insert(v);
        }
    }
    let mut portfolio = take_object(&mut p, "portfolio");
    if let Some(Value::Object(scores)) = p.remove("scores") {
        for (criterion, score) in scores {
            let mut rated = Map::new();
            rated.insert("score".into(), score);
            portfolio.entry(criterion).or_insert(Value::Object(rated));
        }
    }
    p.insert("header".into(), Value::Object(header));
    p.insert("portfolio".into(), Value::Object(portfolio));
    Ok(Value::Object(p))
}

fn take_object(p: &mut Map<String, Value>, key: &str) -> Map<String, Value> {
    match p.remove(key) {
        Some(Value::Object(m)) => m,
        _ => Map::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::{AccountLevel, Plan};
    use serde_json::json;

    #[test]
    fn v1_plan_upgrades_and_keeps_unknown_fields() {
        let v1 = json!({"id": "p1", "name": "Acme", "level": "national", "industry": "Steel",
            "scores": {"profit": 4, "growth": 2}, "future_field": [1, 2]});
        let v2 = migrate(v1, 1).unwrap();
        let plan: Plan = serde_json::from_value(v2).unwrap();
        assert_eq!(plan.header.account_name, "Acme");
        assert_eq!(plan.header.level, AccountLevel::National);
        assert_eq!(plan.portfolio.profit.score, Some(4));
        assert_eq!(plan.portfolio.growth.score, Some(2));
        assert_eq!(plan.extra.get("future_field"), Some(&json!([1, 2])));
    }

    #[test]
    fn current_version_is_unchanged_and_bad_versions_are_refused() {
        let v = json!({"id": "p1", "header": {"account_name": "X"}});
        assert_eq!(migrate(v.clone(), SCHEMA_VERSION).unwrap(), v);
        assert!(migrate(v.clone(), 0).is_err());
        assert!(migrate(v.clone(), SCHEMA_VERSION + 1).is_err());
        assert!(migrate(json!([1]), 1).is_err());
    }
}
