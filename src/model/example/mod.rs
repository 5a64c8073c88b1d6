//! A fully filled fictional plan, so a new rep sees what a good plan looks like.
//!
//! The example is written content, like a plan a colleague wrote: it exists in English and in
//! Chinese (`Prose`), and the caller says which one to create. Nothing here reads the
//! interface's language; once created the plan is the rep's and never changes language.

mod early;
mod goals;
mod team;
mod zh;

use chrono::{DateTime, NaiveDate, Utc};

use super::plan::*;
use zh::ZH;

/// Which version of the example's prose to write.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Prose {
    #[default]
    English,
    Chinese,
}

/// The example's texts in one version: written in English, `ZH` gives each Chinese one.
pub(crate) struct Texts(Prose);

impl Texts {
    fn s(&self, text: &str) -> String {
        if self.0 == Prose::Chinese {
            if let Some((_, zh)) = ZH.iter().find(|(en, _)| *en == text) {
                return zh.to_string();
            }
        }
        text.to_string()
    }

    fn rated(&self, score: u8, note: &str) -> Rated {
        Rated {
            score: Some(score),
            note: self.s(note),
        }
    }
}

/// The example account, dated around `today` so its reviews and actions look current.
pub fn example_plan(id: &str, today: NaiveDate, now: DateTime<Utc>, prose: Prose) -> Plan {
    let x = Texts(prose);
    let mut p = Plan::new(id, x.s("Northwind Foods (example)"), now);
    p.example = true;
    early::fill(&mut p, &x, today);
    goals::fill(&mut p, &x, today);
    team::fill(&mut p, &x, today);
    p
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::checks::{health_issues, HealthIssue};

    #[test]
    fn the_chinese_example_translates_every_text() {
        let today: NaiveDate = "2026-11-22".parse().unwrap();
        let zh =
            serde_json::to_string(&example_plan("ex", today, Utc::now(), Prose::Chinese)).unwrap();
        for (en, _) in ZH {
            if *en != "northwind.example" {
                assert!(!zh.contains(&format!("\"{en}\"")), "{en} is not translated");
            }
        }
        assert!(zh.contains("北风食品（示例）"));
    }

    #[test]
    fn the_example_is_full_and_mostly_healthy() {
        let today: NaiveDate = "2026-11-22".parse().unwrap();
        let p = example_plan("ex", today, Utc::now(), Prose::English);
        assert!(p.example);
        assert_eq!(p.relationships.contacts.len(), 12);
        assert_eq!(p.communication.reviews.len(), 2);
        assert!(
            crate::model::completeness::step_completeness(&p)
                .iter()
                .all(|c| *c >= 75),
            "{:?}",
            crate::model::completeness::step_completeness(&p)
        );
        // It shows one overdue action on purpose, and nothing structural is missing.
        let issues = health_issues(&p, today);
        assert!(issues.contains(&HealthIssue::ActionOverdue(2)));
        assert!(!issues.contains(&HealthIssue::NoCoach));
        // Step 1's profit and step 2's computed profit agree, as a good plan's should.
        assert_eq!(crate::model::figures::profit_check(&p), None);
        assert_eq!(p.resources.team.len(), 4);
    }
}
