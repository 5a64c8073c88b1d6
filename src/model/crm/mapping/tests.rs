//! Tests of `mapping`.

use super::*;

fn heads(h: &[&str]) -> Vec<String> {
    h.iter().map(|s| s.to_string()).collect()
}

#[test]
fn normalises_years_units_and_punctuation() {
    assert_eq!(normalise("Sales 2025 (EUR)"), "sales");
    assert_eq!(normalise("Last Year's Sales"), "lastyearssales");
    assert_eq!(normalise("去年销售额（元）"), "去年销售额");
    assert_eq!(normalise(" Account ID "), "accountid");
}

#[test]
fn guesses_salesforce_hubspot_german_and_chinese_headings() {
    let sf = guess(&heads(&[
        "Account Name",
        "Account ID",
        "Account Owner",
        "Industry",
        "Sales 2025",
        "Gross Profit",
        "Share of Wallet %",
        "Next Review Date",
        "Billing City",
    ]));
    assert_eq!(
        sf,
        vec![
            Some(Target::AccountName),
            Some(Target::AccountId),
            Some(Target::PreparedBy),
            Some(Target::Industry),
            Some(Target::LastYearSales),
            Some(Target::LastYearProfit),
            Some(Target::ShareOfSpend),
            Some(Target::NextReview),
            None
        ]
    );
    let hs = guess(&heads(&[
        "Record ID",
        "Company name",
        "Company owner",
        "Annual Revenue",
    ]));
    assert_eq!(
        hs,
        vec![
            Some(Target::AccountId),
            Some(Target::AccountName),
            Some(Target::PreparedBy),
            None
        ]
    );
    let de = guess(&heads(&[
        "Kundennummer",
        "Kunde",
        "Branche",
        "Umsatz Vorjahr",
        "Deckungsbeitrag",
        "Betreuer",
    ]));
    assert_eq!(
        de,
        vec![
            Some(Target::AccountId),
            Some(Target::AccountName),
            Some(Target::Industry),
            Some(Target::LastYearSales),
            Some(Target::LastYearProfit),
            Some(Target::PreparedBy)
        ]
    );
    let zh = guess(&heads(&[
        "客户编号",
        "客户名称",
        "客户级别",
        "行业",
        "去年销售额（元）",
        "毛利",
        "份额",
        "客户经理",
        "下次回顾日期",
    ]));
    assert_eq!(
        zh,
        vec![
            Some(Target::AccountId),
            Some(Target::AccountName),
            Some(Target::Level),
            Some(Target::Industry),
            Some(Target::LastYearSales),
            Some(Target::LastYearProfit),
            Some(Target::ShareOfSpend),
            Some(Target::PreparedBy),
            Some(Target::NextReview)
        ]
    );
}

#[test]
fn a_field_goes_to_one_column_only() {
    let g = guess(&heads(&["Customer", "Company", "Name"]));
    assert_eq!(
        g.iter()
            .filter(|t| **t == Some(Target::AccountName))
            .count(),
        1
    );
    assert_eq!(
        g[1],
        Some(Target::AccountName),
        "the most specific name wins"
    );
}

#[test]
fn keys_round_trip() {
    for t in Target::all() {
        assert_eq!(Target::from_key(t.key()), Some(t));
    }
}
