//! How complete each step of a plan is, as a percentage of its key items filled.

use super::plan::Plan;

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
pub fn step_items(p: &Plan) -> [Filled; 7] {
    let f = &p.portfolio;
    let c = &p.customer;
    let r = &p.relationships;
    let b = &p.blueprint;
    let m = &p.communication;
    [
        pct(&[
            has(&p.header.account_name),
            has(&p.header.industry),
            p.header.period_start.is_some(),
            f.profit.score.is_some() || f.growth.score.is_some(),
            f.product_advantage.score.is_some() || f.service_advantage.score.is_some(),
            f.last_year_sales.is_some(),
            f.share_of_spend.is_some(),
        ]),
        pct(&[
            has(&c.main_business),
            has(&c.strategy),
            has(&c.pain_points),
            has(&c.needs_application) || has(&c.needs_relationship) || has(&c.needs_personal),
            !c.sales.is_empty(),
            c.gross_margin_pct.is_some(),
            !c.wallet.is_empty(),
        ]),
        pct(&[
            !r.contacts.is_empty(),
            r.contacts.len() >= 3,
            r.contacts.iter().any(|c| c.reports_to.is_some()),
            has(&r.decision_process),
            has(&r.stated_criteria),
        ]),
        pct(&[
            has(&b.opportunities) || has(&b.threats),
            !b.objectives.is_empty(),
            !b.strategies.is_empty(),
            has(&b.unique_value),
            !b.assessment.is_empty(),
            !b.forces.is_empty(),
        ]),
        pct(&[
            !p.action.actions.is_empty(),
            p.action
                .actions
                .iter()
                .all(|a| has(&a.owner) && a.due.is_some())
                && !p.action.actions.is_empty(),
            !p.action.visits.is_empty(),
        ]),
        pct(&[
            !p.resources.resources.is_empty(),
            p.resources.expected_profit.is_some(),
            !p.resources.team.is_empty(),
            !p.resources.scorecard.is_empty(),
        ]),
        pct(&[
            !m.plan.is_empty(),
            m.reviews.iter().any(|r| !r.refresh),
            !m.report_card.is_empty(),
            has(&m.issue_competition) || has(&m.issue_growth),
        ]),
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
}
