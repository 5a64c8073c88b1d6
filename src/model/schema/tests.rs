use serde_json::Value;

use super::*;
use crate::model::plan::*;

/// A plan with one row in every table, every optional value set, so every path has a value.
fn full_plan() -> Value {
    let mut p = Plan::new("x", "Acme", chrono::Utc::now());
    p.header.period_start = chrono::NaiveDate::from_ymd_opt(2026, 1, 1);
    p.header.period_end = chrono::NaiveDate::from_ymd_opt(2026, 12, 31);
    p.header.account_id = "0015g00000A".into();
    p.header.next_review = chrono::NaiveDate::from_ymd_opt(2026, 3, 1);
    p.portfolio.last_year_sales = Some(1.0);
    p.portfolio.last_year_profit = Some(1.0);
    p.portfolio.share_of_spend = Some(1.0);
    let c = &mut p.customer;
    c.gross_margin_pct = Some(1.0);
    c.cost_promotion = Some(1.0);
    c.cost_sales_staff = Some(1.0);
    c.cost_logistics = Some(1.0);
    c.cost_other = Some(1.0);
    c.on_time_pct = Some(1.0);
    c.stock_outs = Some(1.0);
    c.invoice_accuracy_pct = Some(1.0);
    c.sales.push(ProductSales::default());
    c.wallet.push(WalletShare::default());
    p.relationships.contacts.push(Contact::default());
    let b = &mut p.blueprint;
    b.objectives.push(Objective::default());
    b.strategies.push(Strategy::default());
    b.competitors.push(Competitor::default());
    b.forces.push(Force::default());
    p.action.actions.push(Action::default());
    p.action.visits.push(Visit::default());
    p.resources.expected_revenue = Some(1.0);
    p.resources.expected_profit = Some(1.0);
    p.resources.resources.push(Resource::default());
    p.resources.team.push(TeamMember::default());
    p.resources.scorecard.push(Metric::default());
    p.communication.plan.push(CommItem::default());
    p.communication.report_card.push(ReportItem::default());
    p.communication.reviews.push(Review::default());
    serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap()
}

/// The parent object of a path exists and holds the key (so the path names a real field).
fn exists(plan: &Value, path: &str) -> bool {
    let (parent, key) = path.rsplit_once('.').unwrap_or(("", path));
    let obj = if parent.is_empty() {
        plan
    } else {
        lookup(plan, parent)
    };
    obj.as_object().is_some_and(|m| m.contains_key(key))
}

#[test]
fn every_field_path_exists_in_the_plan() {
    let plan = full_plan();
    for (_, f) in fields() {
        assert!(exists(&plan, f.path), "no field {} in Plan", f.path);
    }
    for (p, _) in CRITERIA {
        assert!(exists(&plan, &format!("{p}.score")), "no criterion {p}");
        assert!(exists(&plan, &format!("{p}.note")), "no note {p}");
    }
    for (_, p) in panels() {
        if let Some(path) = p.path() {
            assert!(exists(&plan, path), "no panel data {path}");
        }
    }
}

#[test]
fn every_table_column_exists_in_its_rows() {
    let plan = full_plan();
    for (_, t) in tables() {
        let rows = lookup(&plan, t.path)
            .as_array()
            .unwrap_or_else(|| panic!("no table {}", t.path));
        let row = rows
            .first()
            .unwrap_or_else(|| panic!("no row in {}", t.path));
        assert!(row.get("id").is_some(), "{} rows have no id", t.path);
        for col in t.columns {
            assert!(
                row.get(col.key).is_some(),
                "no column {}.{}",
                t.path,
                col.key
            );
            if let RowRef(target) | RowRefs(target) = col.kind {
                assert!(
                    table(target).is_some(),
                    "{}.{} refers to no table",
                    t.path,
                    col.key
                );
            }
        }
        for k in t.caption.iter().chain(t.folded) {
            assert!(
                t.columns.iter().any(|c| c.key == *k),
                "{}: {} is no column",
                t.path,
                k
            );
        }
        assert!(!t.caption.is_empty(), "{} rows have no caption", t.path);
    }
}

#[test]
fn every_stored_part_of_a_plan_belongs_to_a_step() {
    let plan = snapshot_keys();
    for key in plan {
        assert!(step_of_path(&key).is_some(), "{key} belongs to no step");
    }
}

/// Every stored leaf path of a plan's sections (tables and panels counted whole).
fn snapshot_keys() -> Vec<String> {
    let plan = full_plan();
    let mut out = Vec::new();
    for top in [
        "header",
        "portfolio",
        "customer",
        "relationships",
        "blueprint",
        "action",
        "resources",
        "communication",
    ] {
        for k in plan[top].as_object().unwrap().keys() {
            out.push(format!("{top}.{k}"));
        }
    }
    out
}

#[test]
fn every_label_is_in_both_catalogues() {
    use crate::i18n::{has_key, Lang};
    let mut keys: Vec<&str> = Vec::new();
    for s in Step::ALL {
        keys.push(s.name_key());
    }
    for s in SCHEMA {
        for i in s.items {
            match i {
                Item::Section(title, fs) => {
                    keys.push(title);
                    keys.extend(fs.iter().map(|f| f.label));
                }
                Item::Table(t) => {
                    keys.push(t.label);
                    keys.extend(t.columns.iter().map(|c| c.label));
                }
                Item::Panel(p) => keys.push(p.label()),
            }
        }
    }
    keys.extend(CRITERIA.iter().map(|(_, l)| *l));
    for k in keys {
        for lang in Lang::ALL {
            assert!(has_key(lang, k), "{k} missing in {lang:?}");
        }
    }
}

#[test]
fn every_health_check_anchor_names_a_schema_field_or_table() {
    use crate::model::checks::HealthIssue::*;
    let issues = [
        ObjectiveWithoutMeasure(1),
        ObjectiveWithoutDate(1),
        ActionWithoutOwner(1),
        ActionWithoutDue(1),
        ActionOverdue(1),
        NoCoach,
        NoObjectives,
        NoActions,
        ReviewOverdue(chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()),
        StrategyWithoutObjective(1),
        RestrainingForceWithoutAction(1),
        NotScreened,
    ];
    for i in issues {
        let fix = i.fix_at();
        let step = anchor_step(&fix.anchor)
            .unwrap_or_else(|| panic!("{:?}: anchor {} is in no step", i, fix.anchor));
        assert_eq!(step.number(), fix.step, "{i:?} points at the wrong step");
    }
}

#[test]
fn steps_number_one_to_seven() {
    for (i, s) in Step::ALL.iter().enumerate() {
        assert_eq!(usize::from(s.number()), i + 1);
        assert_eq!(Step::from_number(s.number()), Some(*s));
        assert_eq!(step(*s).step, *s);
    }
    assert_eq!(Step::from_number(0), None);
    assert_eq!(Step::from_number(8), None);
    assert_eq!(dom_id("customer.main_business"), "customer-main_business");
}
