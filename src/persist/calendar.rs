//! Other export formats: actions as CSV for a spreadsheet, due dates and reviews as an .ics calendar.

use chrono::{DateTime, NaiveDate, Utc};

use crate::model::checks::next_review;
use crate::model::choice::Choice;
use crate::model::msg::{Msg, Words};
use crate::model::plan::Plan;

use super::csv::text_field as csv_field;

/// The plan's name as typed, or the interface's placeholder when it is blank.
fn name(plan: &Plan, words: Words) -> String {
    plan.name()
        .map_or_else(|| words(&Msg::new("plan.untitled")), str::to_string)
}

/// The plan's actions as CSV, headers and statuses in the words `words` gives.
pub fn actions_csv(plan: &Plan, words: Words) -> String {
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let header = words(&Msg::new("csv.header"));
    let mut out = format!("{}{header}\r\n", super::csv::BOM);
    for a in &plan.action.actions {
        let objective = a
            .objective
            .and_then(|id| plan.blueprint.objectives.iter().find(|o| o.id == id))
            .map(|o| o.title.clone())
            .unwrap_or_default();
        let row = [
            name(plan, words),
            a.what.clone(),
            objective,
            a.owner.clone(),
            date(a.start),
            date(a.due),
            words(&Msg::new(a.status.label_key())),
            a.goal.clone(),
            a.result.clone(),
            a.next_step.clone(),
        ];
        out.push_str(
            &row.iter()
                .map(|f| csv_field(f))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push_str("\r\n");
    }
    out
}

/// Escapes text for an iCalendar value.
fn ics_text(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\r', "")
        .replace('\n', "\\n")
}

fn event(uid: &str, day: NaiveDate, summary: &str, stamp: &str) -> String {
    let next = day.succ_opt().unwrap_or(day);
    format!(
        "BEGIN:VEVENT\r\nUID:{uid}@keyplan\r\nDTSTAMP:{stamp}\r\nDTSTART;VALUE=DATE:{}\r\nDTEND;VALUE=DATE:{}\r\nSUMMARY:{}\r\nEND:VEVENT\r\n",
        day.format("%Y%m%d"),
        next.format("%Y%m%d"),
        ics_text(summary)
    )
}

/// All-day events for every open action's due date and the next review, in the words `words` gives.
pub fn calendar_ics(plan: &Plan, now: DateTime<Utc>, words: Words) -> String {
    let name = name(plan, words);
    let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
    let mut out = String::from(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//KeyPlan//EN\r\nCALSCALE:GREGORIAN\r\n",
    );
    for a in plan.action.actions.iter().filter(|a| {
        matches!(
            a.status,
            crate::model::plan::ActionStatus::Planned
                | crate::model::plan::ActionStatus::InProgress
        )
    }) {
        if let Some(due) = a.due {
            let what = if a.what.trim().is_empty() {
                words(&Msg::new("ics.action"))
            } else {
                a.what.clone()
            };
            out.push_str(&event(
                &format!("{}-action-{}", plan.id, a.id),
                due,
                &words(&Msg::with("ics.action_due", &[&what, &name])),
                &stamp,
            ));
        }
    }
    if let Some(d) = next_review(plan) {
        out.push_str(&event(
            &format!("{}-review", plan.id),
            d,
            &words(&Msg::with("ics.review", &[&name])),
            &stamp,
        ));
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::{Action, ActionStatus};

    fn plan() -> Plan {
        let mut p = Plan::new("p1", "Acme, Inc.", Utc::now());
        p.header.period_start = "2026-01-01".parse().ok();
        p.action.actions = vec![
            Action {
                id: 1,
                what: "Call \"CFO\", then\nwrite".into(),
                owner: "=cmd|calc".into(),
                due: "2026-02-01".parse().ok(),
                ..Action::default()
            },
            Action {
                id: 2,
                what: "Done one".into(),
                status: ActionStatus::Done,
                due: "2026-01-10".parse().ok(),
                ..Action::default()
            },
        ];
        p
    }

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        let csv = actions_csv(&plan(), &crate::i18n::describe::words);
        let csv = csv
            .strip_prefix(super::super::csv::BOM)
            .expect("a BOM for Excel");
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "Account,Action,Objective,Owner,Start,Due,Status,Goal,Result,Next step"
        );
        assert!(csv.contains(
            "\"Acme, Inc.\",\"Call \"\"CFO\"\", then\nwrite\",,'=cmd|calc,,2026-02-01,Planned"
        ));
        assert!(csv.contains("Done one"));
    }

    #[test]
    fn ics_has_open_actions_and_the_next_review() {
        let ics = calendar_ics(
            &plan(),
            "2026-01-05T10:00:00Z".parse().unwrap(),
            &crate::i18n::describe::words,
        );
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
        assert_eq!(
            ics.matches("BEGIN:VEVENT").count(),
            2,
            "the done action is left out"
        );
        assert!(ics.contains("DTSTART;VALUE=DATE:20260201\r\nDTEND;VALUE=DATE:20260202"));
        assert!(ics.contains("SUMMARY:Call \"CFO\"\\, then\\nwrite (Acme\\, Inc.) due"));
        assert!(
            ics.contains("DTSTART;VALUE=DATE:20260401"),
            "review three months after the start"
        );
    }
}
