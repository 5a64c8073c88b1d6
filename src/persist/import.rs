//! Reading a KeyPlan file for import: everything is validated before anything is changed,
//! and each bad input gets a message that says what is wrong and what to do.

use std::collections::HashSet;

use serde_json::Value;

use super::envelope::plan_from_value;
use super::file::FILE_KIND;
use crate::model::migration::{migrate, SCHEMA_VERSION};
use crate::model::msg::Msg;
use crate::model::plan::Plan;
use crate::model::summary::PlanSummary;
use crate::model::Settings;

/// Largest file KeyPlan reads: far above a real workspace, well below what a tablet chokes on.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;
/// Deepest nesting of arrays and objects the format needs (a snapshot in a review is ~8 deep).
pub const MAX_DEPTH: usize = 64;

#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    Empty,
    TooLarge {
        bytes: usize,
    },
    NotText,
    TooDeep,
    NotJson {
        line: usize,
        column: usize,
        detail: String,
    },
    NotKeyplan,
    Newer {
        version: u32,
    },
    Invalid {
        path: String,
        detail: Msg,
    },
    NoPlans,
}

// The words for an `ImportError` are the interface's: `crate::i18n::describe`.

/// A file that passed every check: its plans, ready to write.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportFile {
    pub plans: Vec<Plan>,
    pub settings: Option<Settings>,
    /// Where each plan came from, by the plan's id as the file gives it (none in older files).
    pub provenance: super::file::ProvenanceMap,
}

/// Nesting depth of JSON text, counted without parsing (so a hostile file cannot exhaust the stack).
fn depth(text: &str) -> usize {
    let (mut depth, mut max, mut in_str, mut escaped) = (0usize, 0usize, false, false);
    for b in text.bytes() {
        if in_str {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_str = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_str = true,
            b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

fn invalid(path: impl Into<String>, detail: Msg) -> ImportError {
    ImportError::Invalid {
        path: path.into(),
        detail,
    }
}

/// Checks and reads a whole file. A stored plan's envelope (`keyplan.plan`) is accepted too.
pub fn parse_file(bytes: &[u8]) -> Result<ImportFile, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotText)?;
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    // A stored value in the compact form (e.g. a damaged plan's text, downloaded and repaired).
    if super::compact::is_compact(text) {
        let bad = |e: super::compact::CompactError| invalid("", e.msg());
        let (_, inner) = super::compact::decode_text(text).map_err(bad)?;
        if depth(&inner) > MAX_DEPTH {
            return Err(ImportError::TooDeep);
        }
        let value = super::compact::decode_value(text).map_err(bad)?;
        return parse_value(value);
    }
    if depth(text) > MAX_DEPTH {
        return Err(ImportError::TooDeep);
    }
    let value = super::envelope::parse_json(text).map_err(|e| match e {
        super::envelope::DecodeError::NotJson {
            line,
            column,
            detail,
        } => ImportError::NotJson {
            line,
            column,
            detail,
        },
        _ => ImportError::NotKeyplan,
    })?;
    parse_value(value)
}

/// Checks and reads a whole file, parsed.
fn parse_value(value: Value) -> Result<ImportFile, ImportError> {
    let Value::Object(mut top) = value else {
        return Err(ImportError::NotKeyplan);
    };
    let kind = top
        .get("kind")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    if kind != FILE_KIND && kind != super::envelope::PLAN_KIND {
        return Err(ImportError::NotKeyplan);
    }
    let version = match top.get("schema_version") {
        Some(Value::Number(n)) => n
            .as_u64()
            .filter(|v| *v >= 1 && *v <= u64::from(u32::MAX))
            .map(|v| v as u32),
        Some(_) => None,
        None => return Err(invalid("schema_version", Msg::new("import.d_missing"))),
    }
    .ok_or_else(|| invalid("schema_version", Msg::new("import.d_whole_number")))?;
    if version > SCHEMA_VERSION {
        return Err(ImportError::Newer { version });
    }
    let raw_plans: Vec<Value> = if kind == FILE_KIND {
        match top.remove("plans") {
            Some(Value::Array(list)) => list,
            Some(_) => return Err(invalid("plans", Msg::new("import.d_list"))),
            None => return Err(invalid("plans", Msg::new("import.d_missing"))),
        }
    } else {
        vec![top
            .remove("plan")
            .ok_or_else(|| invalid("plan", Msg::new("import.d_missing")))?]
    };
    if raw_plans.is_empty() {
        return Err(ImportError::NoPlans);
    }
    let provenance: super::file::ProvenanceMap = match top.remove("provenance") {
        None | Some(Value::Null) => Default::default(),
        Some(v) => serde_path_to_error::deserialize(v).map_err(|e| {
            invalid(
                format!("provenance.{}", e.path()),
                Msg::plain(e.into_inner().to_string()),
            )
        })?,
    };
    if let Some((id, _)) = provenance
        .iter()
        .find(|(_, p)| !crate::model::provenance::is_fingerprint(&p.fingerprint))
    {
        return Err(invalid(
            format!("provenance.{id}.fingerprint"),
            Msg::new("import.d_fingerprint"),
        ));
    }
    let mut plans = Vec::with_capacity(raw_plans.len());
    for (i, raw) in raw_plans.into_iter().enumerate() {
        let at = if kind == FILE_KIND {
            format!("plans[{i}]")
        } else {
            "plan".into()
        };
        if !raw.is_object() {
            return Err(invalid(at, Msg::new("import.d_object")));
        }
        let raw = migrate(raw, version).map_err(|e| invalid(&at, e))?;
        let plan = plan_from_value(raw).map_err(|(inner, detail)| {
            let path = if inner == "." {
                at.clone()
            } else {
                format!("{at}.{inner}")
            };
            invalid(path, Msg::plain(detail))
        })?;
        plans.push(plan);
    }
    // Plans with no id, or an id used twice in the file, get a fresh one rather than failing
    // (a renamed plan has no provenance: the file's named another plan).
    let mut provenance = provenance;
    let mut seen = HashSet::new();
    for (i, p) in plans.iter_mut().enumerate() {
        let ok = !p.id.trim().is_empty()
            && p.id.len() <= 64
            && p.id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !ok || !seen.insert(p.id.clone()) {
            p.id = format!(
                "{}i{i}",
                p.id.chars()
                    .filter(char::is_ascii_alphanumeric)
                    .take(40)
                    .collect::<String>()
            );
            while !seen.insert(p.id.clone()) {
                p.id.push('x');
            }
        }
    }
    let settings = match top.remove("settings") {
        None | Some(Value::Null) => None,
        Some(v) => Some(serde_path_to_error::deserialize(v).map_err(|e| {
            invalid(
                format!("settings.{}", e.path()),
                Msg::plain(e.into_inner().to_string()),
            )
        })?),
    };
    provenance.retain(|id, _| plans.iter().any(|p| p.id == *id));
    Ok(ImportFile {
        plans,
        settings,
        provenance,
    })
}

/// What the rep chooses for a plan whose id is already in the workspace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnConflict {
    /// The plan comes back: it is already the merge of the local plan and the file's
    /// (`model::provenance`), written over the local plan.
    Merge,
    Replace,
    KeepBoth,
    Skip,
}

/// One plan of a file, set against the workspace.
#[derive(Clone, Debug, PartialEq)]
pub struct Incoming {
    pub plan: Plan,
    /// The plan in the workspace with the same id, if any.
    pub existing: Option<PlanSummary>,
    /// The existing plan was changed after the imported one.
    pub existing_newer: bool,
}

pub fn compare(plans: Vec<Plan>, workspace: &[PlanSummary]) -> Vec<Incoming> {
    plans
        .into_iter()
        .map(|plan| {
            let existing = workspace.iter().find(|s| s.id == plan.id).cloned();
            let existing_newer = existing
                .as_ref()
                .is_some_and(|e| e.updated_at > plan.updated_at);
            Incoming {
                plan,
                existing,
                existing_newer,
            }
        })
        .collect()
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportCounts {
    pub created: usize,
    pub replaced: usize,
    pub merged: usize,
    pub kept_both: usize,
    pub skipped: usize,
}

/// The plans to write for the choices made, and what that amounts to. `new_id` gives ids
/// for the copies kept beside existing plans.
pub fn resolve(
    incoming: &[Incoming],
    choice: impl Fn(usize) -> OnConflict,
    mut new_id: impl FnMut() -> String,
) -> (Vec<Plan>, ImportCounts) {
    let mut out = Vec::new();
    let mut counts = ImportCounts::default();
    for (i, inc) in incoming.iter().enumerate() {
        let mut plan = inc.plan.clone();
        match (&inc.existing, choice(i)) {
            (None, _) => counts.created += 1,
            (Some(e), OnConflict::Merge) => {
                plan.revision = e.revision;
                counts.merged += 1;
            }
            (Some(e), OnConflict::Replace) => {
                // Written over the existing plan: continue its revision so other tabs see a newer one.
                plan.revision = e.revision;
                counts.replaced += 1;
            }
            (Some(_), OnConflict::KeepBoth) => {
                plan.id = new_id();
                plan.revision = 0;
                plan.header.account_name =
                    crate::model::plan::another_name(&plan.header.account_name);
                counts.kept_both += 1;
            }
            (Some(_), OnConflict::Skip) => {
                counts.skipped += 1;
                continue;
            }
        }
        if inc.existing.is_none() {
            plan.revision = 0;
        }
        out.push(plan);
    }
    (out, counts)
}

#[cfg(test)]
mod tests {
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
        let text = crate::persist::file::encode_file_with(
            std::slice::from_ref(&a),
            None,
            Utc::now(),
            &prov,
        );
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
        let raw = crate::persist::envelope::encode_plan(
            &Plan::new("s", "Single", Utc::now()),
            Utc::now(),
        );
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
            incoming[0].existing_newer
                && !incoming[1].existing_newer
                && incoming[2].existing.is_none()
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
}

#[cfg(test)]
mod schema_tests {
    use crate::model::choice::Choice;
    use crate::model::plan::{
        AccountLevel, ActionStatus, Attitude, BuyingRole, ForceKind, ReviewFrequency, Uptake,
    };

    /// The JSON Schema in docs/ lists exactly the values the model reads.
    #[test]
    fn schema_enums_match_the_model() {
        let schema: serde_json::Value =
            serde_json::from_str(include_str!("../../docs/keyplan.schema.json")).unwrap();
        let plan = &schema["$defs"]["plan"]["properties"];
        let keys = |v: &serde_json::Value| -> Vec<String> {
            v["enum"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_str().unwrap().to_string())
                .collect()
        };
        fn model<T: Choice>() -> Vec<String> {
            T::all().iter().map(|v| v.key().to_string()).collect()
        }
        assert_eq!(
            keys(&plan["header"]["properties"]["level"]),
            model::<AccountLevel>()
        );
        assert_eq!(
            keys(&plan["header"]["properties"]["review_frequency"]),
            model::<ReviewFrequency>()
        );
        let contact = &plan["relationships"]["properties"]["contacts"]["items"]["properties"];
        assert_eq!(keys(&contact["role"]), model::<BuyingRole>());
        assert_eq!(keys(&contact["attitude"]), model::<Attitude>());
        assert_eq!(
            keys(&plan["action"]["properties"]["actions"]["items"]["properties"]["status"]),
            model::<ActionStatus>()
        );
        assert_eq!(
            keys(&plan["blueprint"]["properties"]["forces"]["items"]["properties"]["kind"]),
            model::<ForceKind>()
        );
        assert_eq!(
            keys(
                &plan["customer"]["properties"]["penetration"]["properties"]["cells"]["items"]
                    ["items"]
            ),
            model::<Uptake>()
        );
        assert_eq!(
            schema["properties"]["kind"]["const"],
            crate::persist::file::FILE_KIND
        );
    }
}
