//! A fully filled fictional plan, so a new rep sees what a good plan looks like.

use chrono::{DateTime, Days, Months, NaiveDate, Utc};

use super::plan::*;
use super::snapshot::snapshot;

/// The example's text in the interface language: it is written in English, and `ZH` gives
/// each text of the Chinese example (a Chinese company with Chinese names).
fn s(text: &str) -> String {
    if crate::i18n::lang() == crate::i18n::Lang::Zh {
        if let Some((_, zh)) = ZH.iter().find(|(en, _)| *en == text) {
            return zh.to_string();
        }
    }
    text.to_string()
}

const ZH: &[(&str, &str)] = &[
    ("Northwind Foods (example)", "北风食品（示例）"),
    ("Food manufacturing", "食品制造"),
    ("Sam Rivera", "孙明"),
    ("Credit and pricing", "信用和定价"),
    ("Margins above our average", "利润率高于我们的平均水平"),
    ("Opening two plants", "正在新建两座工厂"),
    (
        "Others in the region follow them",
        "区域内其他企业都跟随他们",
    ),
    ("Entry to ready meals", "进入预制菜市场的切入点"),
    ("Late deliveries last winter", "去年冬天交货延迟"),
    ("Competitor A is pushing hard", "竞争对手 A 攻势很猛"),
    (
        "€900m revenue, 4,200 staff, 6 plants",
        "营业收入 60 亿元，员工 4,200 人，6 座工厂",
    ),
    (
        "Chilled ready meals and sauces for supermarkets",
        "为超市生产冷藏预制菜和酱料",
    ),
    ("northwind.example", "northwind.example"),
    (
        "Double ready-meal capacity in three years; move to recyclable packaging by 2027.",
        "三年内预制菜产能翻番；2027 年前改用可回收包装。",
    ),
    (
        "Engineering-led, cautious, loyal once convinced.",
        "工程师主导，作风谨慎，一旦认可就很忠诚。",
    ),
    (
        "Retailers squeeze margins; energy costs high.",
        "零售商压缩利润；能源成本高企。",
    ),
    (
        "Line downtime at the new plant; packaging rules; staff turnover.",
        "新工厂产线停机；包装法规；员工流失。",
    ),
    (
        "Packaging waste rules; food safety audits.",
        "包装废弃物法规；食品安全审核。",
    ),
    (
        "Revenue +8% a year, profit flat.",
        "营业收入每年增长 8%，利润持平。",
    ),
    (
        "Line uptime, cost per tonne, on-time in full to retailers.",
        "产线开动率、吨成本、对零售商的准时足量交付率。",
    ),
    (
        "Reliable supply for the new lines; faster changeovers.",
        "为新产线稳定供货；换线更快。",
    ),
    (
        "A named engineer on call; joint planning of peaks.",
        "指定一名随叫随到的工程师；共同规划旺季。",
    ),
    (
        "The plant manager wants a smooth launch to earn promotion.",
        "厂长希望新厂顺利投产，为晋升加分。",
    ),
    (
        "SAP; EDI ordering; ISO 22000.",
        "SAP；EDI 订货；ISO 22000。",
    ),
    ("Sauce bases", "酱料基料"),
    ("Thickeners", "增稠剂"),
    ("Packaging film", "包装膜"),
    ("Us", "我们"),
    ("Competitor A", "竞争对手 A"),
    ("Price leader", "价格领先者"),
    ("Competitor B", "竞争对手 B"),
    ("North plant", "北厂"),
    ("South plant", "南厂"),
    ("New plant", "新工厂"),
    ("Helen Park", "王海燕"),
    ("CEO", "首席执行官"),
    ("Board", "董事会"),
    ("Our MD", "我方总经理"),
    ("Raj Patel", "刘志刚"),
    ("Operations director", "运营总监"),
    ("Operations", "运营部"),
    ("Laura Gomez", "高丽"),
    ("CFO", "财务总监"),
    ("Finance", "财务部"),
    ("Mei Chen", "陈梅"),
    ("Ben Wu", "吴斌"),
    ("Procurement manager", "采购经理"),
    ("Procurement", "采购部"),
    ("Ada Nwosu", "周静"),
    ("Plant manager, new plant", "新工厂厂长"),
    ("Jonas Berg", "郑宇"),
    ("Head of R&D", "研发负责人"),
    ("R&D", "研发部"),
    ("Priya Nair", "李佳"),
    ("Chloe Martin", "马丽"),
    ("Quality manager", "质量经理"),
    ("Quality", "质量部"),
    ("Omar Haddad", "何军"),
    ("Process engineer", "工艺工程师"),
    ("Sofia Rossi", "林晓"),
    ("Buyer", "采购员"),
    ("Daniel Kim", "金浩"),
    ("Packaging lead", "包装主管"),
    ("Tom Okafor", "赵强"),
    ("Grace Lee", "黄蕾"),
    ("Planning manager", "计划经理"),
    ("Supply chain", "供应链部"),
    ("Paul Novak", "钱伟"),
    ("Sustainability director", "可持续发展总监"),
    (
        "Procurement runs a yearly tender; the operations director and CFO sign off above €250k.",
        "采购部每年组织一次招标；金额超过 250 万元需运营总监和财务总监签字。",
    ),
    (
        "Price, security of supply, technical support.",
        "价格、供应保障、技术支持。",
    ),
    (
        "Who helped them last winter; the plant manager's launch.",
        "去年冬天谁帮了他们；厂长的新厂投产。",
    ),
    (
        "Ada Nwosu and Omar Haddad; Raj Patel leans our way.",
        "周静和何军；刘志刚倾向于我们。",
    ),
    (
        "Our MD meets Helen Park twice a year.",
        "我方总经理每年与王海燕会面两次。",
    ),
    (
        "New plant needs all three product lines; recyclable film rules favour our new film.",
        "新工厂需要全部三条产品线；可回收膜的法规对我们的新膜有利。",
    ),
    (
        "Competitor A offers 5% lower prices in the tender.",
        "竞争对手 A 在招标中报价低 5%。",
    ),
    (
        "Technical support on site; recyclable film.",
        "现场技术支持；可回收膜。",
    ),
    (
        "Delivery reliability last winter.",
        "去年冬天的交货可靠性。",
    ),
    ("Grow sales", "提升销售额"),
    ("Annual sales (€)", "年销售额（元）"),
    ("Win the new plant", "拿下新工厂"),
    ("Product lines supplied", "供应的产品线数量"),
    ("Restore delivery reliability", "恢复交货可靠性"),
    ("On-time in full (%)", "准时足量交付率（%）"),
    (
        "Launch partner for the new plant",
        "成为新工厂的投产合作伙伴",
    ),
    (
        "The plant manager needs a smooth launch and trusts our engineers.",
        "厂长需要顺利投产，并且信任我们的工程师。",
    ),
    ("Dedicated winter stock", "专用冬季库存"),
    (
        "Removes the one reason procurement gives against us.",
        "消除采购部反对我们的唯一理由。",
    ),
    (
        "On-site process engineers who cut changeover time.",
        "现场工艺工程师，缩短换线时间。",
    ),
    (
        "Minutes per changeover; line uptime.",
        "每次换线分钟数；产线开动率。",
    ),
    (
        "Incumbent on thickeners, strong with procurement.",
        "增稠剂的现有供应商，与采购部关系密切。",
    ),
    ("Plant manager backs us", "厂长支持我们"),
    ("Recyclable film", "可回收膜"),
    ("Competitor A's price", "竞争对手 A 的价格"),
    ("Last winter's late deliveries", "去年冬天的交货延迟"),
    ("Line trial at the new plant", "在新工厂进行产线试用"),
    ("Agree winter safety stock", "商定冬季安全库存"),
    ("Value case for the CFO", "为财务总监准备价值论证"),
    ("Introduce our MD to Paul Novak", "引荐我方总经理与钱伟会面"),
    ("Changeover workshop", "换线研讨会"),
    ("Launch schedule", "投产时间表"),
    ("Trial agreed", "同意试用"),
    ("Book engineers", "安排工程师"),
    ("Tender timing", "招标时间"),
    ("Tender in March", "三月招标"),
    ("Value case", "价值论证"),
    ("Line trial and launch support", "产线试用和投产支持"),
    ("General manager", "总经理"),
    ("Executive meetings", "高层会面"),
    ("Winter stock plan", "冬季库存计划"),
    ("Sales", "销售"),
    ("Key account manager", "大客户经理"),
    ("Technical support", "技术支持"),
    ("Process engineering", "工艺工程"),
    ("Delivery and stock", "交付和库存"),
    ("Financial", "财务"),
    ("Sales (€k)", "销售额（千元）"),
    ("Customer", "客户"),
    ("Our sales director", "我方销售总监"),
    ("One-page summary", "一页纸摘要"),
    ("Meeting", "会议"),
    ("Quarterly", "每季度"),
    ("Service report", "服务报告"),
    ("Report", "报告"),
    ("Monthly", "每月"),
    ("Delivery", "交付"),
    ("Two late deliveries in January", "一月份两次交货延迟"),
    (
        "Competitor A will fight on price at every tender.",
        "竞争对手 A 会在每次招标中打价格战。",
    ),
    ("Winter capacity.", "冬季产能。"),
    ("Ready meals for export.", "预制菜出口。"),
    (
        "Engineers are shared with two other accounts.",
        "工程师同时服务另外两个客户。",
    ),
    (
        "If the tender is lost, keep the technical relationship and the film business.",
        "如果丢了这次招标，要保住技术合作关系和包装膜业务。",
    ),
    ("Food", "食品"),
    ("Sam, Priya, Tom", "孙明、李佳、赵强"),
    ("First plan", "第一版计划"),
    (
        "Sam, Priya, Mei, sales director",
        "孙明、李佳、陈梅、销售总监",
    ),
    ("Added the new plant objective", "新增了新工厂目标"),
];

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
    let mut p = Plan::new(id, s("Northwind Foods (example)"), now);
    p.example = true;
    p.header = Header {
        account_name: s("Northwind Foods (example)"),
        level: AccountLevel::National,
        industry: s("Food manufacturing"),
        period_start: start,
        period_end: start.and_then(|d| d.checked_add_months(Months::new(12))),
        prepared_by: s("Sam Rivera"),
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
        last_year_profit: Some(181_000.0),
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
            TeamMember {
                id: 4,
                name: s("Mei Chen"),
                function: s("Finance"),
                role: s("Credit and pricing"),
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
    fn the_chinese_example_translates_every_text() {
        let today: NaiveDate = "2026-11-22".parse().unwrap();
        crate::i18n::set_lang(crate::i18n::Lang::Zh);
        let zh = serde_json::to_string(&example_plan("ex", today, Utc::now())).unwrap();
        crate::i18n::set_lang(crate::i18n::Lang::En);
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
        // Step 1's profit and step 2's computed profit agree, as a good plan's should.
        assert_eq!(crate::model::figures::profit_check(&p), None);
        assert_eq!(p.resources.team.len(), 4);
    }
}
