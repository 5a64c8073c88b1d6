//! Every CSV KeyPlan writes: for Excel in any locale (UTF-8 with a BOM, comma, CRLF, numbers
//! with a decimal point and no thousand separators) and safe to open (a text cell that a
//! spreadsheet would run as a formula is escaped).

use chrono::NaiveDate;

use crate::model::choice::Choice;
use crate::model::msg::{Msg, Words};
use crate::model::summary::PlanSummary;

/// Excel reads UTF-8 (Chinese, umlauts) only when the file starts with this mark.
pub const BOM: &str = "\u{FEFF}";

/// A text cell: a leading =, +, -, @, tab or carriage return gets a ' so a spreadsheet shows
/// it as text instead of running it; quoted when it holds a comma, quote or line break.
pub fn text_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// A number cell: plain digits and a decimal point, at most `decimals` places, no trailing
/// zeros; empty for none. Negative numbers keep their minus (a number is not a formula).
pub fn number_field(v: Option<f64>, decimals: usize) -> String {
    match v {
        Some(v) if v.is_finite() => {
            let s = format!("{v:.decimals$}");
            let s = if s.contains('.') {
                s.trim_end_matches('0').trim_end_matches('.').to_string()
            } else {
                s
            };
            if s == "-0" {
                "0".into()
            } else {
                s
            }
        }
        _ => String::new(),
    }
}

pub fn date_field(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// A whole document: the BOM, the heading row (text cells), then rows already made of
/// fields, each line ended by CRLF.
pub fn document(headers: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut out = String::from(BOM);
    out.push_str(
        &headers
            .iter()
            .map(|h| text_field(h))
            .collect::<Vec<_>>()
            .join(","),
    );
    out.push_str("\r\n");
    for row in rows {
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

/// How complete a plan is overall: the mean of its seven steps, in percent.
pub fn plan_completeness(p: &crate::model::plan::Plan) -> u8 {
    let steps = crate::model::completeness::step_completeness(p);
    (steps.iter().map(|s| u32::from(*s)).sum::<u32>() / 7) as u8
}

/// One portfolio row's figures beyond the index summary: the plan's completeness (the mean of
/// its seven steps, in percent).
pub struct PortfolioRow<'a> {
    pub summary: &'a PlanSummary,
    pub completeness: u8,
}

/// The portfolio for the manager's spreadsheet: one row per plan, headings and labels in the
/// words `words` gives (the interface language).
pub fn portfolio_csv(rows: &[PortfolioRow], today: NaiveDate, words: Words) -> String {
    let headers = [
        "csv.p.account",
        "csv.p.level",
        "csv.p.grade",
        "csv.p.quadrant",
        "csv.p.attractiveness",
        "csv.p.ability",
        "csv.p.potential",
        "csv.p.completeness",
        "csv.p.next_review",
        "csv.p.overdue",
    ]
    .map(|k| words(&Msg::new(k)));
    let headers = headers.each_ref().map(String::as_str);
    let label = |key: Option<&'static str>| key.map(|k| words(&Msg::new(k))).unwrap_or_default();
    document(
        &headers,
        rows.iter().map(|r| {
            let s = r.summary;
            vec![
                text_field(&s.name),
                text_field(&label(Some(s.level.label_key()))),
                text_field(&label(s.grade.map(|g| g.label_key()))),
                text_field(&label(s.quadrant.map(|q| q.label_key()))),
                number_field(s.attractiveness, 2),
                number_field(s.ability, 2),
                number_field(s.potential, 1),
                r.completeness.to_string(),
                date_field(s.next_review),
                crate::model::portfolio::overdue_count(s, today).to_string(),
            ]
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::AccountLevel;
    use crate::model::scoring::{Grade, Quadrant};
    use crate::model::summary::DueAction;

    /// Reads a CSV the way a spreadsheet does, for checking what we write.
    fn read_back(text: &str) -> Vec<Vec<String>> {
        let body = text.strip_prefix(BOM).expect("starts with the BOM");
        crate::model::crm::read::parse(body)
            .map(|t| {
                std::iter::once(t.headers)
                    .chain(t.rows.into_iter().map(|r| r.cells))
                    .collect()
            })
            .unwrap()
    }

    #[test]
    fn formulas_are_escaped_and_text_is_quoted() {
        for (input, out) in [
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
            ),
            ("+1 555", "'+1 555"),
            ("-5", "'-5"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tcmd", "'\tcmd"),
            ("\r=1", "\"'\r=1\""),
            ("Acme, Inc.", "\"Acme, Inc.\""),
            ("a \"b\"", "\"a \"\"b\"\"\""),
            ("plain", "plain"),
        ] {
            assert_eq!(text_field(input), out, "{input:?}");
        }
    }

    #[test]
    fn completeness_is_the_mean_of_the_steps() {
        let mut p = crate::model::plan::Plan::default();
        assert_eq!(plan_completeness(&p), 0);
        p.header.account_name = "Acme".into();
        p.header.industry = "Steel".into();
        // Step 1 at 28 %, the others empty: 28 / 7 = 4.
        assert_eq!(plan_completeness(&p), 4);
    }

    #[test]
    fn numbers_have_no_grouping_and_a_decimal_point() {
        assert_eq!(number_field(Some(1_234_567.891), 2), "1234567.89");
        assert_eq!(number_field(Some(3.5), 2), "3.5");
        assert_eq!(number_field(Some(4.0), 2), "4");
        assert_eq!(number_field(Some(-2.0), 1), "-2");
        assert_eq!(number_field(None, 2), "");
        assert_eq!(number_field(Some(f64::NAN), 2), "");
    }

    #[test]
    fn the_portfolio_csv_has_a_row_per_plan_in_the_interface_language() {
        let today: NaiveDate = "2026-06-01".parse().unwrap();
        let a = PlanSummary {
            id: "a".into(),
            name: "=Acme, \"Steel\"".into(),
            level: AccountLevel::National,
            grade: Some(Grade::Gold),
            quadrant: Some(Quadrant::Core),
            attractiveness: Some(4.25),
            ability: Some(3.5),
            potential: Some(62.345),
            next_review: "2026-05-01".parse().ok(),
            due: vec![DueAction {
                id: 1,
                what: "x".into(),
                due: "2026-05-20".parse().ok(),
            }],
            ..PlanSummary::default()
        };
        let b = PlanSummary {
            id: "b".into(),
            name: "上海汽车".into(),
            ..PlanSummary::default()
        };
        let rows = [
            PortfolioRow {
                summary: &a,
                completeness: 57,
            },
            PortfolioRow {
                summary: &b,
                completeness: 0,
            },
        ];
        crate::i18n::set_lang(crate::i18n::Lang::En);
        let words = &crate::i18n::describe::words;
        let csv = portfolio_csv(&rows, today, words);
        assert!(csv.starts_with(BOM) && csv.ends_with("\r\n"));
        assert!(
            !csv.replace("\r\n", "").contains('\n'),
            "every line ends in CRLF"
        );
        let back = read_back(&csv);
        assert_eq!(back[0][0], "Account");
        assert_eq!(back.len(), 3);
        assert_eq!(
            back[1],
            [
                "'=Acme, \"Steel\"",
                "National",
                "Gold",
                "Core",
                "4.25",
                "3.5",
                "62.3",
                "57",
                "2026-05-01",
                "1"
            ]
        );
        assert_eq!(back[2][0], "上海汽车");
        crate::i18n::set_lang(crate::i18n::Lang::Zh);
        let zh = read_back(&portfolio_csv(&rows, today, words));
        crate::i18n::set_lang(crate::i18n::Lang::En);
        assert_eq!(zh[0][0], "客户");
        assert_eq!(zh[1][1], "全国客户");
    }
}
