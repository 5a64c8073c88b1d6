//! Upgrades of stored plans from older schema versions, one pure step per version.

use serde_json::{Map, Value};

use super::msg::Msg;

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 4;

/// Brings a plan's JSON from schema `from` to `SCHEMA_VERSION`, step by step.
pub fn migrate(mut plan: Value, from: u32) -> Result<Value, Msg> {
    if from == 0 || from > SCHEMA_VERSION {
        return Err(Msg::with("migrate.unknown_version", &[&from]));
    }
    for version in from..SCHEMA_VERSION {
        plan = match version {
            1 => v1_to_v2(plan)?,
            2 => v2_to_v3(plan)?,
            3 => v3_to_v4(plan)?,
            _ => unreachable_step(version)?,
        };
    }
    Ok(plan)
}

fn unreachable_step(version: u32) -> Result<Value, Msg> {
    Err(Msg::with("migrate.no_step", &[&version]))
}

/// Schema 1 (the pre-release prototype) kept the header fields at the top level and the
/// screening as a flat `scores` map of criterion to 1–5; schema 2 groups them under
/// `header` and `portfolio`. Unknown fields are left where they were.
fn v1_to_v2(plan: Value) -> Result<Value, Msg> {
    let Value::Object(mut p) = plan else {
        return Err(Msg::new("migrate.not_object"));
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

/// Schema 2 asked for the account team twice: as free text in the header (step 1) and as the
/// team table of step 6. Schema 3 keeps one team, the table, which step 1 shows. The header's
/// text is split into people ("Sam Rivera (KAM), Priya Nair (technical)": a name, and in
/// brackets what they do) and each one the table does not list yet by name is added to it,
/// so no one entered in either place is lost.
fn v2_to_v3(plan: Value) -> Result<Value, Msg> {
    let Value::Object(mut p) = plan else {
        return Err(Msg::new("migrate.not_object"));
    };
    let text = match p.get_mut("header").and_then(Value::as_object_mut) {
        Some(h) => match h.remove("team") {
            Some(Value::String(s)) => s,
            Some(other) => {
                // Not text: kept where a newer step could find it, never dropped.
                h.insert("team_v2".into(), other);
                String::new()
            }
            None => String::new(),
        },
        None => String::new(),
    };
    let people = split_team(&text);
    if people.is_empty() {
        return Ok(Value::Object(p));
    }
    let mut resources = take_object(&mut p, "resources");
    let mut rows = match resources.remove("team") {
        Some(Value::Array(rows)) => rows,
        _ => Vec::new(),
    };
    let known = |rows: &[Value], name: &str| {
        rows.iter().any(|r| {
            r.get("name")
                .and_then(Value::as_str)
                .is_some_and(|n| n.trim().eq_ignore_ascii_case(name))
        })
    };
    for (name, role) in people {
        if known(&rows, &name) {
            continue;
        }
        let id = rows
            .iter()
            .filter_map(|r| r.get("id").and_then(Value::as_u64))
            .max()
            .unwrap_or(0)
            + 1;
        let mut row = Map::new();
        row.insert("id".into(), Value::from(id));
        row.insert("name".into(), Value::String(name));
        row.insert("function".into(), Value::String(String::new()));
        row.insert("role".into(), Value::String(role));
        rows.push(Value::Object(row));
    }
    resources.insert("team".into(), Value::Array(rows));
    p.insert("resources".into(), Value::Object(resources));
    Ok(Value::Object(p))
}

/// Schema 4 adds reviewer comments and verdicts (`model::comments`): two lists of objects with
/// an `id`, empty in a plan from before. A list already there (never written by schema 3, but
/// harmless) is kept as it is.
fn v3_to_v4(plan: Value) -> Result<Value, Msg> {
    let Value::Object(mut p) = plan else {
        return Err(Msg::new("migrate.not_object"));
    };
    for key in [
        crate::model::comments::COMMENTS,
        crate::model::comments::VERDICTS,
    ] {
        if !matches!(p.get(key), Some(Value::Array(_))) {
            p.insert(key.into(), Value::Array(Vec::new()));
        }
    }
    Ok(Value::Object(p))
}

/// "Sam Rivera (KAM), Priya Nair (technical); Tom" → (name, role) pairs.
fn split_team(text: &str) -> Vec<(String, String)> {
    text.split([',', ';', '\n', '，', '；', '、'])
        .filter_map(|part| {
            let part = part.trim();
            let (name, role) = match part.split_once(['(', '（']) {
                Some((n, r)) => (n.trim(), r.trim_end_matches([')', '）', ' ']).trim()),
                None => (part, ""),
            };
            (!name.is_empty()).then(|| (name.to_string(), role.to_string()))
        })
        .collect()
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
    fn v2_team_text_moves_into_the_team_table_without_losing_anyone() {
        let v2 = json!({"id": "t", "header": {"account_name": "Acme",
            "team": "Sam Rivera (KAM), Priya Nair (technical);Tom\nsam rivera"},
            "resources": {"team": [{"id": 4, "name": "Sam Rivera", "function": "Sales", "role": "Lead"}]}});
        let v3 = migrate(v2, 2).unwrap();
        assert!(v3["header"].get("team").is_none());
        let plan: Plan = serde_json::from_value(v3).unwrap();
        let team: Vec<(u32, &str, &str, &str)> = plan
            .resources
            .team
            .iter()
            .map(|m| (m.id, m.name.as_str(), m.function.as_str(), m.role.as_str()))
            .collect();
        assert_eq!(
            team,
            [
                (4, "Sam Rivera", "Sales", "Lead"),
                (5, "Priya Nair", "", "technical"),
                (6, "Tom", "", ""),
            ]
        );
        // No header team: nothing changes; a v1 plan goes through both steps.
        let plain = json!({"id": "p", "header": {"account_name": "X"}});
        let mut with_lists = plain.clone();
        with_lists["comments"] = json!([]);
        with_lists["verdicts"] = json!([]);
        assert_eq!(migrate(plain.clone(), 2).unwrap(), with_lists);
        let v1 = json!({"id": "o", "name": "Old", "header": {"team": "Ann"}});
        let plan: Plan = serde_json::from_value(migrate(v1, 1).unwrap()).unwrap();
        assert_eq!(plan.header.account_name, "Old");
        assert_eq!(plan.resources.team[0].name, "Ann");
    }

    #[test]
    fn v3_plan_gets_empty_comment_and_verdict_lists_and_loads() {
        let v3 = json!({"id": "p", "header": {"account_name": "Acme"},
            "relationships": {"contacts": [{"id": 2, "name": "Ann"}]}});
        let v4 = migrate(v3, 3).unwrap();
        assert_eq!(v4["comments"], json!([]));
        assert_eq!(v4["verdicts"], json!([]));
        assert_eq!(v4["relationships"]["contacts"][0]["name"], "Ann");
        let plan: Plan = serde_json::from_value(v4).unwrap();
        assert!(crate::model::comments::comments(&plan).is_empty());
        assert!(crate::model::comments::verdicts(&plan).is_empty());
        // A list that is somehow there already is kept.
        let kept = migrate(
            json!({"id": "q", "comments": [{"id": "c", "at": {"step": 1}}]}),
            3,
        )
        .unwrap();
        assert_eq!(kept["comments"][0]["id"], "c");
        assert_eq!(SCHEMA_VERSION, 4);
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
