//! What a table row's header line warns about (an overdue action, an objective without a
//! measure), as codes the interface words. Pure: a row is found by its table's schema path.

use chrono::NaiveDate;

use super::checks::is_action_overdue;
use super::plan::{Attitude, BuyingRole, ForceKind, Plan, RowId};

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum RowBadge {
    /// The shares of spend add up to more than 100 (the sum).
    SharesOver(f64),
    Coach,
    InfluentialOpponent,
    ObjectiveNeedsMeasure,
    StrategyWithoutObjective,
    ForceWithoutAction,
    ActionOverdue,
    ActionNeedsOwner,
    BelowTarget,
}

impl RowBadge {
    /// The catalogue key of the badge's text (`SharesOver` takes the sum as `{0}`).
    pub fn key(self) -> &'static str {
        match self {
            RowBadge::SharesOver(_) => "step2.shares_sum",
            RowBadge::Coach => "step3.coach_badge",
            RowBadge::InfluentialOpponent => "step3.opponent_badge",
            RowBadge::ObjectiveNeedsMeasure => "step4.needs_measure",
            RowBadge::StrategyWithoutObjective => "step4.no_objective",
            RowBadge::ForceWithoutAction => "step4.no_action",
            RowBadge::ActionOverdue => "common.overdue",
            RowBadge::ActionNeedsOwner => "step5.needs_owner",
            RowBadge::BelowTarget => "step6.below",
        }
    }
}

fn find<T>(rows: &[T], id: RowId, row_id: impl Fn(&T) -> RowId) -> Option<&T> {
    rows.iter().find(|r| row_id(r) == id)
}

/// The badge of row `id` of the table at `table` (a schema path), if it has one.
pub fn row_badge(p: &Plan, table: &str, id: RowId, today: NaiveDate) -> Option<RowBadge> {
    match table {
        "customer.wallet" => {
            find(&p.customer.wallet, id, |r| r.id)?;
            let total: f64 = p.customer.wallet.iter().filter_map(|w| w.share_pct).sum();
            (total > 100.5).then_some(RowBadge::SharesOver(total))
        }
        "relationships.contacts" => {
            let c = find(&p.relationships.contacts, id, |r| r.id)?;
            match (c.role, c.attitude) {
                (BuyingRole::Coach, _) => Some(RowBadge::Coach),
                (_, a) if a <= Attitude::Opponent && c.influence.unwrap_or(0) >= 4 => {
                    Some(RowBadge::InfluentialOpponent)
                }
                _ => None,
            }
        }
        "blueprint.objectives" => {
            let o = find(&p.blueprint.objectives, id, |r| r.id)?;
            (o.measure.trim().is_empty() || o.target.is_none() || o.due.is_none())
                .then_some(RowBadge::ObjectiveNeedsMeasure)
        }
        "blueprint.strategies" => {
            let s = find(&p.blueprint.strategies, id, |r| r.id)?;
            (!s.objectives
                .iter()
                .any(|id| p.blueprint.objectives.iter().any(|o| o.id == *id)))
            .then_some(RowBadge::StrategyWithoutObjective)
        }
        "blueprint.forces" => {
            let f = find(&p.blueprint.forces, id, |r| r.id)?;
            (f.kind == ForceKind::Restraining
                && !f
                    .action
                    .is_some_and(|a| p.action.actions.iter().any(|x| x.id == a)))
            .then_some(RowBadge::ForceWithoutAction)
        }
        "action.actions" => {
            let a = find(&p.action.actions, id, |r| r.id)?;
            if is_action_overdue(a.status, a.due, today) {
                Some(RowBadge::ActionOverdue)
            } else if a.owner.trim().is_empty() || a.due.is_none() {
                Some(RowBadge::ActionNeedsOwner)
            } else {
                None
            }
        }
        "resources.scorecard" => {
            let m = find(&p.resources.scorecard, id, |r| r.id)?;
            match (m.target, m.actual) {
                (Some(target), Some(a)) if a < target => Some(RowBadge::BelowTarget),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The tables a row's badge reads besides the row itself (so it is rechecked when they change):
/// the wallet's sum, the objectives a strategy serves, the action that answers a force.
pub fn badge_reads(table: &str) -> &'static [&'static str] {
    match table {
        "customer.wallet" => &["customer.wallet"],
        "blueprint.strategies" => &["blueprint.objectives"],
        "blueprint.forces" => &["action.actions"],
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::*;

    #[test]
    fn rows_get_the_badges_the_steps_show() {
        let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let mut p = Plan::default();
        p.action.actions.push(Action {
            id: 1,
            owner: "Ann".into(),
            due: NaiveDate::from_ymd_opt(2026, 5, 1),
            ..Action::default()
        });
        p.action.actions.push(Action {
            id: 2,
            ..Action::default()
        });
        assert_eq!(
            row_badge(&p, "action.actions", 1, today),
            Some(RowBadge::ActionOverdue)
        );
        assert_eq!(
            row_badge(&p, "action.actions", 2, today),
            Some(RowBadge::ActionNeedsOwner)
        );
        assert_eq!(row_badge(&p, "action.actions", 3, today), None);
        p.customer.wallet.push(WalletShare {
            id: 1,
            share_pct: Some(70.0),
            ..WalletShare::default()
        });
        assert_eq!(row_badge(&p, "customer.wallet", 1, today), None);
        p.customer.wallet.push(WalletShare {
            id: 2,
            share_pct: Some(40.0),
            ..WalletShare::default()
        });
        assert_eq!(
            row_badge(&p, "customer.wallet", 1, today),
            Some(RowBadge::SharesOver(110.0))
        );
        p.blueprint.forces.push(Force {
            id: 1,
            kind: ForceKind::Restraining,
            action: Some(2),
            ..Force::default()
        });
        assert_eq!(row_badge(&p, "blueprint.forces", 1, today), None);
        p.action.actions.pop();
        assert_eq!(
            row_badge(&p, "blueprint.forces", 1, today),
            Some(RowBadge::ForceWithoutAction)
        );
    }
}
