//! The example's account, customer and decision makers (steps 1 to 3).

use chrono::{Days, Months, NaiveDate};

use super::Texts;
use crate::model::plan::*;

pub(super) fn fill(p: &mut Plan, x: &Texts, today: NaiveDate) {
    let ago = |d: u64| today.checked_sub_days(Days::new(d));
    let start = today.checked_sub_months(Months::new(4));
    p.example = true;
    p.header = Header {
        account_name: x.s("Northwind Foods (example)"),
        level: AccountLevel::National,
        industry: x.s("Food manufacturing"),
        period_start: start,
        period_end: start.and_then(|d| d.checked_add_months(Months::new(12))),
        prepared_by: x.s("Sam Rivera"),
        review_frequency: ReviewFrequency::Quarterly,
        ..Header::default()
    };
    p.portfolio = Portfolio {
        profit: x.rated(4, "Margins above our average"),
        growth: x.rated(5, "Opening two plants"),
        reference_value: x.rated(4, "Others in the region follow them"),
        strategic_value: x.rated(4, "Entry to ready meals"),
        product_advantage: x.rated(3, ""),
        service_advantage: x.rated(2, "Late deliveries last winter"),
        location_advantage: x.rated(3, ""),
        competitor_focus: x.rated(2, "Competitor A is pushing hard"),
        last_year_sales: Some(1_200_000.0),
        last_year_profit: Some(181_000.0),
        share_of_spend: Some(35.0),
        ..Portfolio::default()
    };
    p.customer = Customer {
        size: x.s("€900m revenue, 4,200 staff, 6 plants"),
        main_business: x.s("Chilled ready meals and sauces for supermarkets"),
        website: x.s("northwind.example"),
        strategy: x
            .s("Double ready-meal capacity in three years; move to recyclable packaging by 2027."),
        culture: x.s("Engineering-led, cautious, loyal once convinced."),
        industry_situation: x.s("Retailers squeeze margins; energy costs high."),
        pain_points: x.s("Line downtime at the new plant; packaging rules; staff turnover."),
        regulatory_pressures: x.s("Packaging waste rules; food safety audits."),
        financial_trend: x.s("Revenue +8% a year, profit flat."),
        kpis: x.s("Line uptime, cost per tonne, on-time in full to retailers."),
        needs_application: x.s("Reliable supply for the new lines; faster changeovers."),
        needs_relationship: x.s("A named engineer on call; joint planning of peaks."),
        needs_personal: x.s("The plant manager wants a smooth launch to earn promotion."),
        technology: x.s("SAP; EDI ordering; ISO 22000."),
        sales: vec![
            ProductSales {
                id: 1,
                product: x.s("Sauce bases"),
                year_before: Some(520_000.0),
                last_year: Some(610_000.0),
                this_year: Some(650_000.0),
                ..Default::default()
            },
            ProductSales {
                id: 2,
                product: x.s("Thickeners"),
                year_before: Some(380_000.0),
                last_year: Some(420_000.0),
                this_year: Some(400_000.0),
                ..Default::default()
            },
            ProductSales {
                id: 3,
                product: x.s("Packaging film"),
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
                supplier: x.s("Us"),
                share_pct: Some(35.0),
                note: String::new(),
                ..Default::default()
            },
            WalletShare {
                id: 2,
                supplier: x.s("Competitor A"),
                share_pct: Some(45.0),
                note: x.s("Price leader"),
                ..Default::default()
            },
            WalletShare {
                id: 3,
                supplier: x.s("Competitor B"),
                share_pct: Some(20.0),
                note: String::new(),
                ..Default::default()
            },
        ],
        on_time_pct: Some(91.0),
        stock_outs: Some(3.0),
        invoice_accuracy_pct: Some(98.5),
        penetration: Penetration {
            products: vec![x.s("Sauce bases"), x.s("Thickeners"), x.s("Packaging film")],
            units: vec![x.s("North plant"), x.s("South plant"), x.s("New plant")],
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
                name: x.s(name),
                title: x.s(title),
                department: x.s(dept),
                reports_to: boss,
                role,
                influence: Some(infl),
                attitude: att,
                strength_now: Some(3),
                strength_target: Some(4),
                owner: x.s(owner),
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
        decision_process: x.s("Procurement runs a yearly tender; the operations director and CFO sign off above €250k."),
        stated_criteria: x.s("Price, security of supply, technical support."),
        unstated_criteria: x.s("Who helped them last winter; the plant manager's launch."),
        who_wants_us_to_win: x.s("Ada Nwosu and Omar Haddad; Raj Patel leans our way."),
        senior_meetings: x.s("Our MD meets Helen Park twice a year."),
        ..Relationships::default()
    };
}
