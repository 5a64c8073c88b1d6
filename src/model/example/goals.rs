//! The example's objectives, strategies and actions (steps 4 and 5).

use chrono::{Days, Months, NaiveDate};

use super::Texts;
use crate::model::plan::*;

pub(super) fn fill(p: &mut Plan, x: &Texts, today: NaiveDate) {
    let ago = |d: u64| today.checked_sub_days(Days::new(d));
    let ahead = |d: u64| today.checked_add_days(Days::new(d));
    let start = today.checked_sub_months(Months::new(4));
    p.blueprint = Blueprint {
        opportunities: x.s(
            "New plant needs all three product lines; recyclable film rules favour our new film.",
        ),
        threats: x.s("Competitor A offers 5% lower prices in the tender."),
        strengths: x.s("Technical support on site; recyclable film."),
        weaknesses: x.s("Delivery reliability last winter."),
        objectives: vec![
            Objective {
                id: 1,
                title: x.s("Grow sales"),
                measure: x.s("Annual sales (€)"),
                last_year: Some(1_200_000.0),
                target: Some(1_450_000.0),
                due: start.and_then(|d| d.checked_add_months(Months::new(12))),
                ..Default::default()
            },
            Objective {
                id: 2,
                title: x.s("Win the new plant"),
                measure: x.s("Product lines supplied"),
                last_year: Some(0.0),
                target: Some(3.0),
                due: ahead(120),
                ..Default::default()
            },
            Objective {
                id: 3,
                title: x.s("Restore delivery reliability"),
                measure: x.s("On-time in full (%)"),
                last_year: Some(91.0),
                target: Some(98.0),
                due: ahead(60),
                ..Default::default()
            },
        ],
        strategies: vec![
            Strategy {
                id: 1,
                title: x.s("Launch partner for the new plant"),
                reason: x.s("The plant manager needs a smooth launch and trusts our engineers."),
                objectives: vec![1, 2],
                ..Default::default()
            },
            Strategy {
                id: 2,
                title: x.s("Dedicated winter stock"),
                reason: x.s("Removes the one reason procurement gives against us."),
                objectives: vec![3],
                ..Default::default()
            },
        ],
        unique_value: x.s("On-site process engineers who cut changeover time."),
        value_measure: x.s("Minutes per changeover; line uptime."),
        competitors: vec![Competitor {
            id: 1,
            name: x.s("Competitor A"),
            position: x.s("Incumbent on thickeners, strong with procurement."),
            ..Default::default()
        }],
        assessment: [
            ("need", 5),
            ("budget", 4),
            ("urgency", 4),
            ("revenue_now", 4),
            ("revenue_later", 5),
            ("profit", 3),
            ("risk", 3),
            ("strategic", 4),
            ("criteria", 4),
            ("fit", 4),
            ("relationship", 3),
            ("insider", 5),
            ("culture", 4),
            ("hidden", 3),
            ("trust", 3),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect(),
        forces: vec![
            Force {
                id: 1,
                kind: ForceKind::Driving,
                text: x.s("Plant manager backs us"),
                weight: Some(5),
                action: None,
                ..Default::default()
            },
            Force {
                id: 2,
                kind: ForceKind::Driving,
                text: x.s("Recyclable film"),
                weight: Some(4),
                action: None,
                ..Default::default()
            },
            Force {
                id: 3,
                kind: ForceKind::Restraining,
                text: x.s("Competitor A's price"),
                weight: Some(4),
                action: Some(3),
                ..Default::default()
            },
            Force {
                id: 4,
                kind: ForceKind::Restraining,
                text: x.s("Last winter's late deliveries"),
                weight: Some(3),
                action: Some(2),
                ..Default::default()
            },
        ],
        ..Blueprint::default()
    };
    let action = |id,
                  what: &str,
                  objective,
                  owner: &str,
                  st: Option<NaiveDate>,
                  due: Option<NaiveDate>,
                  status| Action {
        id,
        what: x.s(what),
        objective,
        owner: x.s(owner),
        start: st,
        due,
        status,
        ..Action::default()
    };
    p.action = ActionPlan {
        actions: vec![
            action(
                1,
                "Line trial at the new plant",
                Some(2),
                "Priya Nair",
                ago(30),
                ahead(10),
                ActionStatus::InProgress,
            ),
            action(
                2,
                "Agree winter safety stock",
                Some(3),
                "Tom Okafor",
                ago(20),
                ago(3),
                ActionStatus::InProgress,
            ),
            action(
                3,
                "Value case for the CFO",
                Some(1),
                "Mei Chen",
                ago(10),
                ahead(25),
                ActionStatus::Planned,
            ),
            action(
                4,
                "Introduce our MD to Paul Novak",
                Some(1),
                "Sam Rivera",
                ahead(5),
                ahead(40),
                ActionStatus::Planned,
            ),
            action(
                5,
                "Changeover workshop",
                Some(2),
                "Priya Nair",
                ago(60),
                ago(35),
                ActionStatus::Done,
            ),
        ],
        visits: vec![
            Visit {
                id: 1,
                date: ago(5),
                contact: Some(5),
                discussed: x.s("Launch schedule"),
                result: x.s("Trial agreed"),
                next_action: x.s("Book engineers"),
                ..Default::default()
            },
            Visit {
                id: 2,
                date: ago(10),
                contact: Some(4),
                discussed: x.s("Tender timing"),
                result: x.s("Tender in March"),
                next_action: x.s("Value case"),
                ..Default::default()
            },
        ],
        ..ActionPlan::default()
    };
}
