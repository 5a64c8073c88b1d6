//! A fully filled fictional plan, so a new rep sees what a good plan looks like.

use chrono::{DateTime, Days, Months, NaiveDate, Utc};

use super::plan::*;
use super::snapshot::snapshot;

fn s(text: &str) -> String {
    text.to_string()
}

fn rated(score: u8, note: &str) -> Rated {
    Rated {
        score: Some(score),
        note: s(note),
    }
}

/// The example account, dated around `today` so its reviews and actions look current.
pub fn example_plan(id: &str, today: NaiveDate, now: DateTime<Utc>) -> Plan {
    let ago = |d: u64| today.checked_sub_days(Days::new(d));
    let ahead = |d: u64| today.checked_add_days(Days::new(d));
    let start = today.checked_sub_months(Months::new(4));
    let mut p = Plan::new(id, "Northwind Foods (example)", now);
    p.example = true;
    p.header = Header {
        account_name: s("Northwind Foods (example)"),
        level: AccountLevel::National,
        industry: s("Food manufacturing"),
        period_start: start,
        period_end: start.and_then(|d| d.checked_add_months(Months::new(12))),
        prepared_by: s("Sam Rivera"),
        team: s("Sam Rivera (KAM), Priya Nair (technical), Tom Okafor (supply chain), Mei Chen (finance)"),
        review_frequency: ReviewFrequency::Quarterly,
        ..Header::default()
    };
    p.portfolio = Portfolio {
        profit: rated(4, "Margins above our average"),
        growth: rated(5, "Opening two plants"),
        reference_value: rated(4, "Others in the region follow them"),
        strategic_value: rated(4, "Entry to ready meals"),
        product_advantage: rated(3, ""),
        service_advantage: rated(2, "Late deliveries last winter"),
        location_advantage: rated(3, ""),
        competitor_focus: rated(2, "Competitor A is pushing hard"),
        last_year_sales: Some(1_200_000.0),
        last_year_profit: Some(180_000.0),
        share_of_spend: Some(35.0),
        ..Portfolio::default()
    };
    p.customer = Customer {
        size: s("€900m revenue, 4,200 staff, 6 plants"),
        main_business: s("Chilled ready meals and sauces for supermarkets"),
        website: s("northwind.example"),
        strategy: s(
            "Double ready-meal capacity in three years; move to recyclable packaging by 2027.",
        ),
        culture: s("Engineering-led, cautious, loyal once convinced."),
        industry_situation: s("Retailers squeeze margins; energy costs high."),
        pain_points: s("Line downtime at the new plant; packaging rules; staff turnover."),
        regulatory_pressures: s("Packaging waste rules; food safety audits."),
        financial_trend: s("Revenue +8% a year, profit flat."),
        kpis: s("Line uptime, cost per tonne, on-time in full to retailers."),
        needs_application: s("Reliable supply for the new lines; faster changeovers."),
        needs_relationship: s("A named engineer on call; joint planning of peaks."),
        needs_personal: s("The plant manager wants a smooth launch to earn promotion."),
        technology: s("SAP; EDI ordering; ISO 22000."),
        sales: vec![
            ProductSales {
                id: 1,
                product: s("Sauce bases"),
                year_before: Some(520_000.0),
                last_year: Some(610_000.0),
                this_year: Some(650_000.0),
                ..Default::default()
            },
            ProductSales {
                id: 2,
                product: s("Thickeners"),
                year_before: Some(380_000.0),
                last_year: Some(420_000.0),
                this_year: Some(400_000.0),
                ..Default::default()
            },
            ProductSales {
                id: 3,
                product: s("Packaging film"),
                year_before: Some(90_000.0),
                last_year: Some(170_000.0),
                this_year: Some(260_000.0),
                ..Default::default()
            },
        ],
        gross_margin_pct: Some(28.0),
        cost_promotion: Some(30_000.0),
        cost_sales_staff: Some(60_000.0),
        cost_logistics: Some(55_000.0),
        cost_other: Some(10_000.0),
        wallet: vec![
            WalletShare {
                id: 1,
                supplier: s("Us"),
                share_pct: Some(35.0),
                note: String::new(),
                ..Default::default()
            },
            WalletShare {
                id: 2,
                supplier: s("Competitor A"),
                share_pct: Some(45.0),
                note: s("Price leader"),
                ..Default::default()
            },
            WalletShare {
                id: 3,
                supplier: s("Competitor B"),
                share_pct: Some(20.0),
                note: String::new(),
                ..Default::default()
            },
        ],
        on_time_pct: Some(91.0),
        stock_outs: Some(3.0),
        invoice_accuracy_pct: Some(98.5),
        penetration: Penetration {
            products: vec![s("Sauce bases"), s("Thickeners"), s("Packaging film")],
            units: vec![s("North plant"), s("South plant"), s("New plant")],
            cells: vec![
                vec![Uptake::Buys, Uptake::Buys, Uptake::CouldBuy],
                vec![Uptake::Buys, Uptake::CouldBuy, Uptake::NotRelevant],
                vec![Uptake::CouldBuy, Uptake::CouldBuy, Uptake::CouldBuy],
            ],
        },
        ..Customer::default()
    };
    let contact =
        |id, name: &str, title: &str, dept: &str, boss, role, att, infl, owner: &str, last: u64| {
            Contact {
                id,
                name: s(name),
                title: s(title),
                department: s(dept),
                reports_to: boss,
                role,
                influence: Some(infl),
                attitude: att,
                strength_now: Some(3),
                strength_target: Some(4),
                owner: s(owner),
                last_contact: ago(last),
                ..Contact::default()
            }
        };
    use Attitude::*;
    use BuyingRole::*;
    p.relationships = Relationships {
        contacts: vec![
            contact(1, "Helen Park", "CEO", "Board", None, DecisionMaker, Neutral, 5, "Our MD", 120),
            contact(2, "Raj Patel", "Operations director", "Operations", Some(1), DecisionMaker, Supporter, 5, "Sam Rivera", 20),
            contact(3, "Laura Gomez", "CFO", "Finance", Some(1), EconomicBuyer, Neutral, 4, "Mei Chen", 60),
            contact(4, "Ben Wu", "Procurement manager", "Procurement", Some(3), Gatekeeper, Opponent, 4, "Sam Rivera", 10),
            contact(5, "Ada Nwosu", "Plant manager, new plant", "Operations", Some(2), User, Mentor, 4, "Sam Rivera", 5),
            contact(6, "Jonas Berg", "Head of R&D", "R&D", Some(1), TechnicalBuyer, Supporter, 3, "Priya Nair", 30),
            contact(7, "Chloe Martin", "Quality manager", "Quality", Some(2), Influencer, Neutral, 3, "Priya Nair", 45),
            contact(8, "Omar Haddad", "Process engineer", "Operations", Some(5), Coach, Mentor, 2, "Priya Nair", 7),
            contact(9, "Sofia Rossi", "Buyer", "Procurement", Some(4), User, Neutral, 2, "Sam Rivera", 15),
            contact(10, "Daniel Kim", "Packaging lead", "R&D", Some(6), Influencer, Supporter, 3, "Tom Okafor", 95),
            contact(11, "Grace Lee", "Planning manager", "Supply chain", Some(2), User, Neutral, 2, "Tom Okafor", 25),
            contact(12, "Paul Novak", "Sustainability director", "Board", Some(1), Influencer, Opponent, 3, "", 200),
        ],
        decision_process: s("Procurement runs a yearly tender; the operations director and CFO sign off above €250k."),
        stated_criteria: s("Price, security of supply, technical support."),
        unstated_criteria: s("Who helped them last winter; the plant manager's launch."),
        who_wants_us_to_win: s("Ada Nwosu and Omar Haddad; Raj Patel leans our way."),
        senior_meetings: s("Our MD meets Helen Park twice a year."),
        ..Relationships::default()
    };
    p.blueprint = Blueprint {
        opportunities: s(
            "New plant needs all three product lines; recyclable film rules favour our new film.",
        ),
        threats: s("Competitor A offers 5% lower prices in the tender."),
        strengths: s("Technical support on site; recyclable film."),
        weaknesses: s("Delivery reliability last winter."),
        objectives: vec![
            Objective {
                id: 1,
                title: s("Grow sales"),
                measure: s("Annual sales (€)"),
                last_year: Some(1_200_000.0),
                target: Some(1_450_000.0),
                due: start.and_then(|d| d.checked_add_months(Months::new(12))),
                ..Default::default()
            },
            Objective {
                id: 2,
                title: s("Win the new plant"),
                measure: s("Product lines supplied"),
                last_year: Some(0.0),
                target: Some(3.0),
                due: ahead(120),
                ..Default::default()
            },
            Objective {
                id: 3,
                title: s("Restore delivery reliability"),
                measure: s("On-time in full (%)"),
                last_year: Some(91.0),
                target: Some(98.0),
                due: ahead(60),
                ..Default::default()
            },
        ],
        strategies: vec![
            Strategy {
                id: 1,
                title: s("Launch partner for the new plant"),
                reason: s("The plant manager needs a smooth launch and trusts our engineers."),
                objectives: vec![1, 2],
                ..Default::default()
            },
            Strategy {
                id: 2,
                title: s("Dedicated winter stock"),
                reason: s("Removes the one reason procurement gives against us."),
                objectives: vec![3],
                ..Default::default()
            },
        ],
        unique_value: s("On-site process engineers who cut changeover time."),
        value_measure: s("Minutes per changeover; line uptime."),
        competitors: vec![Competitor {
            id: 1,
            name: s("Competitor A"),
            position: s("Incumbent on thickeners, strong with procurement."),
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
                text: s("Plant manager backs us"),
                weight: Some(5),
                action: None,
                ..Default::default()
            },
            Force {
                id: 2,
                kind: ForceKind::Driving,
                text: s("Recyclable film"),
                weight: Some(4),
                action: None,
                ..Default::default()
            },
            Force {
                id: 3,
                kind: ForceKind::Restraining,
                text: s("Competitor A's price"),
                weight: Some(4),
                action: Some(3),
                ..Default::default()
            },
            Force {
                id: 4,
                kind: ForceKind::Restraining,
                text: s("Last winter's late deliveries"),
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
        what: s(what),
        objective,
        owner: s(owner),
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
                discussed: s("Launch schedule"),
                result: s("Trial agreed"),
                next_action: s("Book engineers"),
                ..Default::default()
            },
            Visit {
                id: 2,
                date: ago(10),
                contact: Some(4),
                discussed: s("Tender timing"),
                result: s("Tender in March"),
                next_action: s("Value case"),
                ..Default::default()
            },
        ],
        ..ActionPlan::default()
    };
    p.resources = Resources {
        resources: vec![
            Resource {
                id: 1,
                who: s("Process engineer"),
                days: Some(15.0),
                activity: s("Line trial and launch support"),
                cost: Some(12_000.0),
                ..Default::default()
            },
            Resource {
                id: 2,
                who: s("General manager"),
                days: Some(2.0),
                activity: s("Executive meetings"),
                cost: Some(3_000.0),
                ..Default::default()
            },
            Resource {
                id: 3,
                who: s("Supply chain"),
                days: Some(5.0),
                activity: s("Winter stock plan"),
                cost: Some(20_000.0),
                ..Default::default()
            },
        ],
        expected_revenue: Some(1_450_000.0),
        expected_profit: Some(230_000.0),
        team: vec![
            TeamMember {
                id: 1,
                name: s("Sam Rivera"),
                function: s("Sales"),
                role: s("Key account manager"),
                ..Default::default()
            },
            TeamMember {
                id: 2,
                name: s("Priya Nair"),
                function: s("Technical support"),
                role: s("Process engineering"),
                ..Default::default()
            },
            TeamMember {
                id: 3,
                name: s("Tom Okafor"),
                function: s("Supply chain"),
                role: s("Delivery and stock"),
                ..Default::default()
            },
        ],
        scorecard: vec![
            Metric {
                id: 1,
                perspective: s("Financial"),
                name: s("Sales (€k)"),
                target: Some(1450.0),
                actual: Some(1320.0),
                ..Default::default()
            },
            Metric {
                id: 2,
                perspective: s("Customer"),
                name: s("On-time in full (%)"),
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
                stakeholder: s("Our sales director"),
                internal: true,
                what: s("One-page summary"),
                channel: s("Meeting"),
                frequency: s("Quarterly"),
                owner: s("Sam Rivera"),
                ..Default::default()
            },
            CommItem {
                id: 2,
                stakeholder: s("Raj Patel"),
                internal: false,
                what: s("Service report"),
                channel: s("Report"),
                frequency: s("Monthly"),
                owner: s("Sam Rivera"),
                ..Default::default()
            },
        ],
        report_card: vec![
            ReportItem {
                id: 1,
                area: s("Delivery"),
                score: Some(3),
                problem: s("Two late deliveries in January"),
                ..Default::default()
            },
            ReportItem {
                id: 2,
                area: s("Technical support"),
                score: Some(5),
                problem: String::new(),
                ..Default::default()
            },
        ],
        issue_competition: s("Competitor A will fight on price at every tender."),
        issue_service: s("Winter capacity."),
        issue_growth: s("Ready meals for export."),
        issue_internal: s("Engineers are shared with two other accounts."),
        lose_order_not_customer: s(
            "If the tender is lost, keep the technical relationship and the film business.",
        ),
        ..Communication::default()
    };
    // Two reviews, the first taken before the new-plant objective was added.
    let mut earlier = p.clone();
    earlier.blueprint.objectives.retain(|o| o.id != 2);
    earlier.header.industry = s("Food");
    p.communication.reviews = vec![
        Review {
            id: 1,
            date: ago(100),
            attendees: s("Sam, Priya, Tom"),
            changes: s("First plan"),
            snapshot: Some(snapshot(&earlier)),
            ..Default::default()
        },
        Review {
            id: 2,
            date: ago(10),
            attendees: s("Sam, Priya, Mei, sales director"),
            changes: s("Added the new plant objective"),
            snapshot: Some(snapshot(&p)),
            ..Default::default()
        },
    ];
    p
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::checks::{health_issues, HealthIssue};

    #[test]
    fn the_example_is_full_and_mostly_healthy() {
        let today: NaiveDate = "2026-11-22".parse().unwrap();
        let p = example_plan("ex", today, Utc::now());
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
    }
}
