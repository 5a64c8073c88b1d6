//! The example's resources, communication and reviews (steps 6 and 7).

use chrono::{Days, NaiveDate};

use super::Texts;
use crate::model::plan::*;
use crate::model::snapshot::snapshot;

pub(super) fn fill(p: &mut Plan, x: &Texts, today: NaiveDate) {
    let ago = |d: u64| today.checked_sub_days(Days::new(d));
    p.resources = Resources {
        resources: vec![
            Resource {
                id: 1,
                who: x.s("Process engineer"),
                days: Some(15.0),
                activity: x.s("Line trial and launch support"),
                cost: Some(12_000.0),
                ..Default::default()
            },
            Resource {
                id: 2,
                who: x.s("General manager"),
                days: Some(2.0),
                activity: x.s("Executive meetings"),
                cost: Some(3_000.0),
                ..Default::default()
            },
            Resource {
                id: 3,
                who: x.s("Supply chain"),
                days: Some(5.0),
                activity: x.s("Winter stock plan"),
                cost: Some(20_000.0),
                ..Default::default()
            },
        ],
        expected_revenue: Some(1_450_000.0),
        expected_profit: Some(230_000.0),
        team: vec![
            TeamMember {
                id: 1,
                name: x.s("Sam Rivera"),
                function: x.s("Sales"),
                role: x.s("Key account manager"),
                ..Default::default()
            },
            TeamMember {
                id: 2,
                name: x.s("Priya Nair"),
                function: x.s("Technical support"),
                role: x.s("Process engineering"),
                ..Default::default()
            },
            TeamMember {
                id: 3,
                name: x.s("Tom Okafor"),
                function: x.s("Supply chain"),
                role: x.s("Delivery and stock"),
                ..Default::default()
            },
            TeamMember {
                id: 4,
                name: x.s("Mei Chen"),
                function: x.s("Finance"),
                role: x.s("Credit and pricing"),
                ..Default::default()
            },
        ],
        scorecard: vec![
            Metric {
                id: 1,
                perspective: x.s("Financial"),
                name: x.s("Sales (€k)"),
                target: Some(1450.0),
                actual: Some(1320.0),
                ..Default::default()
            },
            Metric {
                id: 2,
                perspective: x.s("Customer"),
                name: x.s("On-time in full (%)"),
                target: Some(98.0),
                actual: Some(95.0),
                ..Default::default()
            },
        ],
        ..Resources::default()
    };
    p.communication = Communication {
        plan: vec![
            CommItem {
                id: 1,
                stakeholder: x.s("Our sales director"),
                internal: true,
                what: x.s("One-page summary"),
                channel: x.s("Meeting"),
                frequency: x.s("Quarterly"),
                owner: x.s("Sam Rivera"),
                ..Default::default()
            },
            CommItem {
                id: 2,
                stakeholder: x.s("Raj Patel"),
                internal: false,
                what: x.s("Service report"),
                channel: x.s("Report"),
                frequency: x.s("Monthly"),
                owner: x.s("Sam Rivera"),
                ..Default::default()
            },
        ],
        report_card: vec![
            ReportItem {
                id: 1,
                area: x.s("Delivery"),
                score: Some(3),
                problem: x.s("Two late deliveries in January"),
                ..Default::default()
            },
            ReportItem {
                id: 2,
                area: x.s("Technical support"),
                score: Some(5),
                problem: String::new(),
                ..Default::default()
            },
        ],
        issue_competition: x.s("Competitor A will fight on price at every tender."),
        issue_service: x.s("Winter capacity."),
        issue_growth: x.s("Ready meals for export."),
        issue_internal: x.s("Engineers are shared with two other accounts."),
        lose_order_not_customer: x
            .s("If the tender is lost, keep the technical relationship and the film business."),
        ..Communication::default()
    };
    // Two reviews, the first taken before the new-plant objective was added.
    let mut earlier = p.clone();
    earlier.blueprint.objectives.retain(|o| o.id != 2);
    earlier.header.industry = x.s("Food");
    p.communication.reviews = vec![
        Review {
            id: 1,
            date: ago(100),
            attendees: x.s("Sam, Priya, Tom"),
            changes: x.s("First plan"),
            snapshot: Some(snapshot(&earlier)),
            ..Default::default()
        },
        Review {
            id: 2,
            date: ago(10),
            attendees: x.s("Sam, Priya, Mei, sales director"),
            changes: x.s("Added the new plant objective"),
            snapshot: Some(snapshot(p)),
            ..Default::default()
        },
    ];
}
