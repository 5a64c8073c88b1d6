//! How complete each step of a plan is, as a percentage of its key items filled.

use super::access;
use super::plan::Plan;
use super::schema::{self, Item, Step};

/// How many of a step's key items are filled, and how many it has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Filled {
    pub filled: usize,
    pub items: usize,
}

impl Filled {
    pub fn pct(self) -> u8 {
        if self.items == 0 {
            return 0;
        }
        (self.filled * 100 / self.items) as u8
    }
}

fn pct(filled: &[bool]) -> Filled {
    Filled {
        filled: filled.iter().filter(|b| **b).count(),
        items: filled.len(),
    }
}

fn has(s: &str) -> bool {
    !s.trim().is_empty()
}

/// Completeness of steps 1–7, each 0–100.
pub fn step_completeness(p: &Plan) -> [u8; 7] {
    step_items(p).map(Filled::pct)
}

/// The key items of steps 1–7: how many each has and how many are filled.
///
/// A step's key items are the schema's fields and tables marked `counts` (a field filled in, a
/// table with a row: a new key field is one `.counts()` in its schema line), plus the rules no
/// single field says, below.
pub fn step_items(p: &Plan) -> [Filled; 7] {
    let rules = rules(p);
    Step::ALL.map(|step| {
        let mut filled: Vec<bool> = schema::step(step)
            .items
            .iter()
            .flat_map(|item| -> Vec<bool> {
                match item {
                    Item::Section(_, fields) => fields
                        .iter()
                        .filter(|f| f.counts)
                        .map(|f| has(&access::text_at(p, f.path)))
                        .collect(),
                    Item::Table(t) if t.counts => {
                        vec![access::rows_at(p, t.path).is_some_and(|r| !r.ids().is_empty())]
                    }
                    _ => Vec::new(),
                }
            })
            .collect();
        filled.extend_from_slice(&rules[step.number() as usize - 1]);
        pct(&filled)
    })
}

/// The key items that are more than one field filled in: one of several, a count, every row.
fn rules(p: &Plan) -> [Vec<bool>; 7] {
    let f = &p.portfolio;
    let c = &p.customer;
    let r = &p.relationships;
    let b = &p.blueprint;
    let m = &p.communication;
    let actions = &p.action.actions;
    [
        vec![
            f.profit.score.is_some() || f.growth.score.is_some(),
            f.product_advantage.score.is_some() || f.service_advantage.score.is_some(),
        ],
        vec![has(&c.needs_application) || has(&c.needs_relationship) || has(&c.needs_personal)],
        vec![
            r.contacts.len() >= 3,
            r.contacts.iter().any(|c| c.reports_to.is_some()),
        ],
        vec![
            has(&b.opportunities) || has(&b.threats),
            !b.assessment.is_empty(),
        ],
        vec![!actions.is_empty() && actions.iter().all(|a| has(&a.owner) && a.due.is_some())],
        vec![],
        vec![
            m.reviews.iter().any(|r| !r.refresh),
            has(&m.issue_competition) || has(&m.issue_growth),
        ],
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_plan_is_empty_and_filling_raises_the_step() {
        let mut p = Plan::default();
        assert_eq!(step_completeness(&p), [0; 7]);
        p.header.account_name = "Acme".into();
        p.header.industry = "Steel".into();
        assert_eq!(step_completeness(&p)[0], 28);
        p.relationships.decision_process = "Board".into();
        assert_eq!(step_completeness(&p)[2], 20);
    }

    /// The key items of each step, as many as before the schema said them (7, 7, 5, 6, 3, 4,
    /// 4): the schema's `counts` marks and the rules together.
    #[test]
    fn every_step_counts_its_key_items_from_the_schema() {
        let items: Vec<usize> = step_items(&Plan::default())
            .iter()
            .map(|f| f.items)
            .collect();
        assert_eq!(items, vec![7, 7, 5, 6, 3, 4, 4]);
        // Each field the schema marks raises its step when filled.
        for (step, field) in schema::fields().filter(|(_, f)| f.counts) {
            let mut p = Plan::default();
            let text = match field.kind {
                schema::FieldKind::Date => "2026-01-31",
                schema::FieldKind::Money | schema::FieldKind::Percent => "12",
                _ => "x",
            };
            access::set_at(&mut p, field.path, text).unwrap();
            let i = step.number() as usize - 1;
            assert_eq!(step_items(&p)[i].filled, 1, "{}", field.path);
        }
        // And each marked table, when it has a row.
        for (step, table) in schema::tables().filter(|(_, t)| t.counts) {
            let mut p = Plan::default();
            access::rows_at_mut(&mut p, table.path).unwrap().add();
            let i = step.number() as usize - 1;
            assert!(step_items(&p)[i].filled >= 1, "{}", table.path);
        }
    }
}
