//! A refresh of existing plans from a CRM export, end to end: matching by account id and
//! name, figures changed and words kept, the plan as it stood kept in a review snapshot.

use super::accounts::{guess_style, preview, refreshed, ProblemKind};
use super::mapping::{guess, Target};
use super::read::parse;
use super::tests::d;
use crate::model::plan::Plan;
use crate::model::scoring::Criterion;
use crate::model::snapshot::{diff, snapshot};

fn existing(name: &str, id: &str) -> Plan {
    let mut p = Plan::new(id, name, chrono::Utc::now());
    p.header.industry = "Steel, as the rep wrote it".into();
    p.portfolio.last_year_sales = Some(100.0);
    p.portfolio.profit.score = Some(2);
    p.portfolio.profit.note = "Margins squeezed by the new plant".into();
    p.customer.strategy = "Expand in Asia".into();
    p
}

#[test]
fn a_refresh_matches_by_name_changes_figures_and_never_words() {
    let plans = vec![existing("Acme Steel", "p1"), existing("Beta", "p2")];
    let table = parse(
        "Account,Industry,Sales last year,Profit potential,Owner\n\
         ACME  steel,Metals,\"1,500\",4,Jo\n\
         Beta,Metals,100,2,\n\
         Gamma,Food,50,,Al\n\
         acme steel,Metals,9,1,\n",
    )
    .unwrap();
    let mapping = guess(&table.headers);
    assert_eq!(mapping[3], Some(Target::Score(Criterion::Profit)));
    let style = guess_style(&table, &mapping);
    let p = preview(&table, &mapping, &style, &plans);
    assert_eq!(p.creates.len(), 1, "Gamma is new");
    assert_eq!(
        p.unchanged, 1,
        "Beta: the owner is empty in the file, figures equal, industry kept"
    );
    assert_eq!(p.updates.len(), 1);
    let dup = p.problems.iter().find(|x| x.row == 5).unwrap();
    assert_eq!(dup.kind, ProblemKind::SameAccountAs { row: 2 });
    let u = &p.updates[0];
    assert_eq!(u.plan_id, "p1");
    let changed: Vec<Target> = u.changes.iter().map(|c| c.target).collect();
    assert_eq!(
        changed,
        [
            Target::PreparedBy,
            Target::LastYearSales,
            Target::Score(Criterion::Profit)
        ],
        "the industry the rep wrote is kept; the empty owner is filled"
    );
    let today = d("2026-03-02");
    let after = refreshed(
        &plans[0],
        &u.values,
        today,
        "Figures refreshed from crm.csv",
    )
    .unwrap();
    assert_eq!(
        after.header.account_name, "Acme Steel",
        "the name as the rep wrote it"
    );
    assert_eq!(after.header.industry, "Steel, as the rep wrote it");
    assert_eq!(
        after.portfolio.profit.note,
        "Margins squeezed by the new plant"
    );
    assert_eq!(after.customer.strategy, "Expand in Asia");
    assert_eq!(after.portfolio.last_year_sales, Some(1500.0));
    assert_eq!(after.portfolio.profit.score, Some(4));
    // The plan as it stood is kept as a refresh snapshot; comparing it with the plan now shows
    // exactly what the refresh changed.
    let review = after.communication.reviews.last().unwrap();
    assert!(review.refresh);
    assert_eq!(review.date, Some(today));
    assert_eq!(review.changes, "Figures refreshed from crm.csv");
    let changes = diff(review.snapshot.as_ref().unwrap(), &snapshot(&after));
    use crate::model::snapshot::Subject;
    let what: Vec<&str> = changes
        .iter()
        .map(|c| match &c.subject {
            Subject::Field(f) => f.path,
            Subject::Criterion { label, .. } => label,
            _ => "other",
        })
        .collect();
    // In the step's order: the account, its screening, what it is worth.
    assert_eq!(
        what,
        [
            "header.prepared_by",
            "step1.c_profit",
            "portfolio.last_year_sales"
        ]
    );
    // A refresh snapshot is not a review meeting: the next review does not move.
    assert_eq!(
        crate::model::checks::next_review(&after),
        crate::model::checks::next_review(&plans[0])
    );
}

#[test]
fn an_account_id_column_matches_before_the_name_and_is_kept() {
    let mut renamed = existing("Acme (old name)", "p1");
    renamed.header.account_id = "A-1".into();
    let twins = [existing("Twin", "t1"), existing("Twin", "t2")];
    let plans = vec![renamed, twins[0].clone(), twins[1].clone()];
    let table = parse("Account ID,Account Name,Sales\nA-1,Acme Steel,200\nB-2,Twin,5\n").unwrap();
    let mapping = guess(&table.headers);
    let style = guess_style(&table, &mapping);
    let p = preview(&table, &mapping, &style, &plans);
    assert_eq!(p.updates.len(), 1);
    assert_eq!(
        p.updates[0].plan_id, "p1",
        "matched by id despite the other name"
    );
    let twin = p.problems.iter().find(|x| x.row == 3).unwrap();
    assert_eq!(twin.kind, ProblemKind::SeveralPlans { count: 2 });
    // Name matching when no id column is mapped, and a plan takes the id on its first import.
    let table = parse("Account ID,Account Name,Sales\nZ-9,acme (OLD name),300\n").unwrap();
    let p = preview(
        &table,
        &guess(&table.headers),
        &guess_style(&table, &guess(&table.headers)),
        &plans[..1],
    );
    assert_eq!(
        p.creates.len(),
        1,
        "a plan tied to another id is another account"
    );
    let mut fresh = existing("Fresh", "f");
    fresh.header.account_id.clear();
    let table = parse("Account ID,Account Name,Sales\nF-1,Fresh,300\n").unwrap();
    let mapping = guess(&table.headers);
    let p = preview(
        &table,
        &mapping,
        &guess_style(&table, &mapping),
        &[fresh.clone()],
    );
    let after = refreshed(&fresh, &p.updates[0].values, d("2026-01-01"), "x").unwrap();
    assert_eq!(after.header.account_id, "F-1");
}

#[test]
fn old_plans_without_the_new_fields_still_load_and_stay_unchanged_on_save() {
    let old = r#"{"id":"a","header":{"account_name":"Acme"},"communication":{"reviews":[{"id":1,"date":"2026-01-01"}]}}"#;
    let p: Plan = serde_json::from_str(old).unwrap();
    assert_eq!(p.header.account_id, "");
    assert_eq!(p.header.next_review, None);
    assert!(!p.communication.reviews[0].refresh);
    let out = serde_json::to_string(&p).unwrap();
    assert!(
        !out.contains("account_id") && !out.contains("next_review") && !out.contains("refresh")
    );
}

#[test]
fn a_scheduled_next_review_stands_until_a_review_is_held() {
    let mut p = existing("Acme", "a");
    p.header.period_start = Some(d("2026-01-01"));
    assert_eq!(crate::model::checks::next_review(&p), Some(d("2026-04-01")));
    p.header.next_review = Some(d("2026-02-10"));
    assert_eq!(crate::model::checks::next_review(&p), Some(d("2026-02-10")));
    p.communication.reviews.push(crate::model::plan::Review {
        id: 1,
        date: Some(d("2026-02-12")),
        ..Default::default()
    });
    assert_eq!(crate::model::checks::next_review(&p), Some(d("2026-05-12")));
}
