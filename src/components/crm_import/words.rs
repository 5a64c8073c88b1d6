//! The CRM import's words: read errors, column targets, cell values and row problems, as
//! the rep reads them (the model returns them as codes).

use super::*;

pub fn read_error_text(e: &ReadError) -> String {
    match e {
        ReadError::Empty => t("crm.e.empty").into(),
        ReadError::TooLarge { bytes } => tf(
            "crm.e.too_large",
            &[
                &format!("{:.1}", *bytes as f64 / 1_048_576.0),
                &(MAX_BYTES / 1_048_576),
            ],
        ),
        ReadError::Workbook => t("crm.e.workbook").into(),
        ReadError::Binary => t("crm.e.binary").into(),
        ReadError::UnclosedQuote { row } => tf("crm.e.quote", &[row]),
        ReadError::TooManyRows { rows } => tf("crm.e.rows", &[rows, &MAX_ROWS]),
        ReadError::TooManyColumns { columns } => tf("crm.e.columns", &[columns, &MAX_COLUMNS]),
        ReadError::NoRows => t("crm.e.no_rows").into(),
    }
}

pub(super) fn target_label(target: Target) -> String {
    match target {
        Target::AccountName => t("crm.field.account_name").into(),
        Target::AccountId => t("crm.field.account_id").into(),
        Target::Level => t("crm.field.level").into(),
        Target::Industry => t("crm.field.industry").into(),
        Target::LastYearSales => t("crm.field.last_year_sales").into(),
        Target::LastYearProfit => t("crm.field.last_year_profit").into(),
        Target::ShareOfSpend => t("crm.field.share_of_spend").into(),
        Target::Score(c) => tf("crm.field.score", &[&criterion_label(c)]),
        Target::PreparedBy => t("crm.field.prepared_by").into(),
        Target::NextReview => t("crm.field.next_review").into(),
    }
}

pub(super) fn column_name(table: &Table, col: usize) -> String {
    match table.headers.get(col).map(|h| h.trim()) {
        Some(h) if !h.is_empty() => h.to_string(),
        _ => tf("crm.column_letter", &[&column_letter(col)]),
    }
}

pub(super) fn value_text(v: &Value) -> String {
    match v {
        Value::Empty => t("crm.empty_value").into(),
        Value::Text(s) => s.clone(),
        Value::Number(n) => format_number(*n),
        Value::Level(l) => l.label().into(),
        Value::Score(s) => s.to_string(),
        Value::Date(d) => crate::i18n::date(*d),
    }
}

pub(super) fn problem_text(table: &Table, p: &Problem) -> String {
    let col = p.col.map(|c| column_name(table, c)).unwrap_or_default();
    let v = &p.value;
    let cell = |key: &'static str| tf(key, &[&p.row, &col, v]);
    let tail = if p.skips_row {
        t("crm.p.row_skipped")
    } else {
        t("crm.p.value_left_out")
    };
    let what = match &p.kind {
        ProblemKind::NotANumber => cell("crm.p.not_number"),
        ProblemKind::NotADate => cell("crm.p.not_date"),
        ProblemKind::NotALevel => cell("crm.p.not_level"),
        ProblemKind::NotAScore => cell("crm.p.not_score"),
        ProblemKind::NotAShare => cell("crm.p.not_share"),
        ProblemKind::Formula => cell("crm.p.formula"),
        ProblemKind::NoName => tf("crm.p.no_name", &[&p.row]),
        ProblemKind::SameAccountAs { row } => tf("crm.p.same_as", &[&p.row, v, row]),
        ProblemKind::SeveralPlans { count } => tf("crm.p.several", &[&p.row, v, count]),
        ProblemKind::TooManyValues { got, columns } => {
            tf("crm.p.too_many", &[&p.row, got, columns])
        }
    };
    format!("{what} {tail}")
}
