//! Real-looking exports in each encoding and locale, read end to end: bytes, table, mapping,
//! values, and the plans a first import and a refresh make.

use chrono::NaiveDate;

use super::accounts::{guess_style, new_plan, preview, ProblemKind, Value};
use super::date::DateOrder;
use super::mapping::{guess, Target};
use super::number::Decimal;
use super::read::{decode, guess_legacy, parse, Decoded, Encoding, ReadError, MAX_BYTES, MAX_ROWS};
use crate::model::plan::AccountLevel;

const SALESFORCE: &[u8] = include_bytes!("../../../tests/fixtures/crm/salesforce-report.csv");
const HUBSPOT: &[u8] = include_bytes!("../../../tests/fixtures/crm/hubspot-companies.csv");
const GERMAN: &[u8] = include_bytes!("../../../tests/fixtures/crm/german-excel.csv");
const CHINESE_GBK: &[u8] = include_bytes!("../../../tests/fixtures/crm/chinese-excel-gbk.csv");
const UNICODE_TEXT: &[u8] = include_bytes!("../../../tests/fixtures/crm/excel-unicode-text.txt");

/// The German file as the browser's windows-1252 decoder gives it.
const GERMAN_TEXT: &str = "Kundennummer;Kunde;Ebene;Branche;Umsatz Vorjahr;Deckungsbeitrag;Lieferanteil;Betreuer;Nächste Überprüfung\r\n\
K-1001;Müller Maschinenbau GmbH;National;Maschinenbau;1.234.567,89;246.913,58;12,5%;Jürgen Weiß;01.03.2026\r\n\
K-1002;Bäckerei Schäfer KG;Regional;Lebensmittel;98.500,00;12.000,00;40 %;Jürgen Weiß;15.04.2026\r\n\
K-1003;Straße & Söhne AG;Global;Logistik;1 234 567,89;;;Anna Groß;31.04.2026\r\n";

/// The Chinese file as the browser's gb18030 decoder gives it.
const CHINESE_TEXT: &str =
    "客户编号,客户名称,客户级别,行业,去年销售额（元）,毛利,份额,客户经理,下次回顾日期\r\n\
C-001,上海汽车零部件有限公司,全国客户,汽车,\"1,280,000\",\"256,000.50\",35%,张伟,2026年3月1日\r\n\
C-002,广州电子科技股份有限公司,大区客户,电子,\"860,000.00\",\"120,400\",20%,李娜,2026/4/15\r\n\
C-003,北京医疗器械有限公司,区域,医疗,\"52,000\",,,王芳,\r\n";

pub(super) fn text(bytes: &[u8]) -> (String, Encoding) {
    match decode(bytes).unwrap() {
        Decoded::Text(t, e) => (t, e),
        other => panic!("expected text, got {other:?}"),
    }
}

pub(super) fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn num(p: &super::accounts::Create, t: Target) -> Option<f64> {
    match p.values.get(t) {
        Some(Value::Number(n)) => Some(*n),
        _ => None,
    }
}

#[test]
fn a_salesforce_report_with_quotes_line_breaks_and_a_footer() {
    let (text, enc) = text(SALESFORCE);
    assert_eq!(enc, Encoding::Utf8);
    let table = parse(&text).unwrap();
    assert_eq!(table.separator, ',');
    assert_eq!(table.headers.len(), 10);
    assert_eq!(
        table.rows.len(),
        4,
        "the Total and Generated-by footer is left out"
    );
    assert_eq!(table.footer_rows, 4);
    assert_eq!(table.rows[0].cell(0), "Acme Steel, Inc.");
    assert_eq!(table.rows[0].cell(9), "Tier 1 account\nrenewal in Q2");
    assert_eq!(
        table.rows[1].number, 3,
        "row numbers count the line break inside a cell once"
    );
    assert_eq!(table.rows[2].cell(0), "Globex \"Europe\" GmbH");
    let mapping = guess(&table.headers);
    let style = guess_style(&table, &mapping);
    assert_eq!(style.decimals[5], Decimal::Point);
    assert_eq!(
        style.date_order,
        DateOrder::MonthDay,
        "3/15/2026 tells the order"
    );
    assert!(!style.date_order_unsure);
    let p = preview(&table, &mapping, &style, &[]);
    assert_eq!(p.creates.len(), 4);
    assert_eq!(
        num(&p.creates[0], Target::LastYearSales),
        Some(1_234_567.89)
    );
    assert_eq!(num(&p.creates[0], Target::LastYearProfit), Some(246_913.58));
    assert_eq!(num(&p.creates[0], Target::ShareOfSpend), Some(35.0));
    assert_eq!(num(&p.creates[1], Target::ShareOfSpend), Some(12.5));
    assert_eq!(num(&p.creates[3], Target::LastYearSales), Some(-1500.0));
    assert_eq!(
        p.creates[0].values.get(Target::NextReview),
        Some(&Value::Date(d("2026-03-15")))
    );
    // Globex: "12.5k" is not a number and 4/31 is not a date; both named by row and column.
    let globex: Vec<_> = p.problems.iter().filter(|x| x.row == 4).collect();
    assert_eq!(globex.len(), 2, "{globex:?}");
    assert_eq!(
        (globex[0].col, globex[0].value.as_str(), &globex[0].kind),
        (Some(5), "12.5k", &ProblemKind::NotANumber)
    );
    assert_eq!(globex[1].kind, ProblemKind::NotADate);
    assert!(
        !globex[0].skips_row,
        "the rest of the row is still imported"
    );
}

#[test]
fn a_hubspot_export_with_a_bom_and_a_formula_cell() {
    let (text, enc) = text(HUBSPOT);
    assert_eq!(enc, Encoding::Utf8Bom);
    let table = parse(&text).unwrap();
    assert_eq!(
        table.headers[0], "Record ID",
        "the BOM is not part of the first heading"
    );
    let mapping = guess(&table.headers);
    assert_eq!(mapping[0], Some(Target::AccountId));
    assert_eq!(
        mapping[4], None,
        "a customer's annual revenue is not our sales"
    );
    let style = guess_style(&table, &mapping);
    let p = preview(&table, &mapping, &style, &[]);
    assert_eq!(p.creates.len(), 3);
    let formula = p
        .problems
        .iter()
        .find(|x| x.kind == ProblemKind::Formula)
        .unwrap();
    assert_eq!((formula.row, formula.col), (3, Some(3)));
    assert_eq!(
        p.creates[1].values.get(Target::Industry),
        None,
        "the formula is left out"
    );
    let plan = new_plan("x", &p.creates[1].values, chrono::Utc::now());
    assert_eq!(plan.header.account_name, "Fabrikam");
    assert_eq!(plan.header.account_id, "5502");
    assert_eq!(plan.header.next_review, Some(d("2026-02-15")));
}

#[test]
fn a_german_excel_file_in_windows_1252_with_decimal_commas() {
    assert_eq!(decode(GERMAN), Ok(Decoded::Legacy(Encoding::Windows1252)));
    let table = parse(GERMAN_TEXT).unwrap();
    assert_eq!(table.separator, ';');
    let mapping = guess(&table.headers);
    assert_eq!(mapping[2], Some(Target::Level));
    assert_eq!(mapping[8], Some(Target::NextReview));
    let style = guess_style(&table, &mapping);
    assert_eq!(style.decimals[4], Decimal::Comma);
    assert_eq!(style.date_order, DateOrder::DayMonth);
    let p = preview(&table, &mapping, &style, &[]);
    assert_eq!(p.creates.len(), 3);
    assert_eq!(
        num(&p.creates[0], Target::LastYearSales),
        Some(1_234_567.89)
    );
    assert_eq!(num(&p.creates[0], Target::ShareOfSpend), Some(12.5));
    assert_eq!(num(&p.creates[1], Target::ShareOfSpend), Some(40.0));
    assert_eq!(
        num(&p.creates[2], Target::LastYearSales),
        Some(1_234_567.89)
    );
    assert_eq!(
        p.creates[0].values.get(Target::NextReview),
        Some(&Value::Date(d("2026-03-01")))
    );
    assert_eq!(
        p.creates[2].values.get(Target::Level),
        Some(&Value::Level(AccountLevel::Global))
    );
    let bad = &p.problems;
    assert_eq!(bad.len(), 1, "{bad:?}");
    assert_eq!(
        (bad[0].row, bad[0].kind.clone()),
        (4, ProblemKind::NotADate)
    );
}

#[test]
fn a_chinese_excel_file_in_gbk() {
    assert_eq!(decode(CHINESE_GBK), Ok(Decoded::Legacy(Encoding::Gb18030)));
    assert_eq!(guess_legacy(b"M\xfcller Stra\xdfe"), Encoding::Windows1252);
    let table = parse(CHINESE_TEXT).unwrap();
    let mapping = guess(&table.headers);
    assert!(mapping.iter().all(Option::is_some), "{mapping:?}");
    let style = guess_style(&table, &mapping);
    let p = preview(&table, &mapping, &style, &[]);
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    assert_eq!(p.creates.len(), 3);
    assert_eq!(num(&p.creates[0], Target::LastYearSales), Some(1_280_000.0));
    assert_eq!(num(&p.creates[0], Target::LastYearProfit), Some(256_000.5));
    let levels: Vec<_> = p
        .creates
        .iter()
        .map(|c| c.values.get(Target::Level).cloned())
        .collect();
    assert_eq!(
        levels,
        [
            Some(Value::Level(AccountLevel::National)),
            Some(Value::Level(AccountLevel::Regional)),
            Some(Value::Level(AccountLevel::Territory))
        ]
    );
    assert_eq!(
        p.creates[0].values.get(Target::NextReview),
        Some(&Value::Date(d("2026-03-01")))
    );
    assert_eq!(
        p.creates[1].values.get(Target::NextReview),
        Some(&Value::Date(d("2026-04-15")))
    );
}

#[test]
fn excel_unicode_text_is_utf16_with_tabs() {
    let (text, enc) = text(UNICODE_TEXT);
    assert_eq!(enc, Encoding::Utf16Le);
    let table = parse(&text).unwrap();
    assert_eq!(table.separator, '\t');
    assert_eq!(table.rows[1].cell(2), "2,000,000");
    let mapping = guess(&table.headers);
    let style = guess_style(&table, &mapping);
    let p = preview(&table, &mapping, &style, &[]);
    assert_eq!(num(&p.creates[1], Target::LastYearSales), Some(2_000_000.0));
    assert_eq!(num(&p.creates[0], Target::LastYearSales), Some(1234.5));
    // Big-endian with a BOM too.
    let mut be = vec![0xFE, 0xFF];
    for u in "Name,Sales\r\nA,1\r\n".encode_utf16() {
        be.extend(u.to_be_bytes());
    }
    assert_eq!(
        decode(&be).map(|d| matches!(d, Decoded::Text(_, Encoding::Utf16Be))),
        Ok(true)
    );
}

#[test]
fn bad_files_are_refused_with_a_reason() {
    assert_eq!(decode(b""), Err(ReadError::Empty));
    assert_eq!(decode(b" \r\n\t"), Err(ReadError::Empty));
    assert_eq!(decode(b"PK\x03\x04rest of a zip"), Err(ReadError::Workbook));
    let png = [
        0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, b'I', b'H', b'D', b'R', 0,
        0, 1, 0,
    ];
    assert_eq!(decode(&png), Err(ReadError::Binary));
    let big = vec![b'a'; MAX_BYTES + 1];
    assert_eq!(
        decode(&big),
        Err(ReadError::TooLarge {
            bytes: MAX_BYTES + 1
        })
    );
    assert_eq!(parse("Name,Sales\r\n"), Err(ReadError::NoRows));
    assert_eq!(
        parse("Name,Sales\r\n\"Acme,1\r\nBeta,2\r\nGamma,3\r\n"),
        Err(ReadError::UnclosedQuote { row: 2 })
    );
    let mut many = String::from("Name,Sales\n");
    for i in 0..100_000 {
        many.push_str(&format!("Account {i},{i}\n"));
    }
    assert_eq!(parse(&many), Err(ReadError::TooManyRows { rows: 100_000 }));
    let mut ok = String::from("Name,Sales\n");
    for i in 0..MAX_ROWS {
        ok.push_str(&format!("Account {i},{i}\n"));
    }
    assert_eq!(parse(&ok).map(|t| t.rows.len()), Ok(MAX_ROWS));
}

#[test]
fn a_row_with_more_values_than_columns_is_skipped_and_named() {
    // A decimal comma in a comma file without quotes shifts the row.
    let table = parse("Name,Sales,Owner\nAcme,1200,Jo\nBeta,12,5,Jo\n").unwrap();
    let mapping = guess(&table.headers);
    let style = guess_style(&table, &mapping);
    let p = preview(&table, &mapping, &style, &[]);
    assert_eq!(p.creates.len(), 1);
    assert_eq!(p.skipped, 1);
    assert_eq!(
        p.problems[0].kind,
        ProblemKind::TooManyValues { got: 4, columns: 3 }
    );
    assert_eq!(p.problems[0].row, 3);
    // Without the name column there is nothing to import.
    let unnamed: Vec<_> = mapping
        .iter()
        .map(|t| t.filter(|t| *t != Target::AccountName))
        .collect();
    assert_eq!(preview(&table, &unnamed, &style, &[]), Default::default());
}
