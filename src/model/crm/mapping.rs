//! Which plan field each column fills, guessed from the heading (English, Chinese, German).

use super::date::{guess_order, DateOrder};
use super::number::{guess_decimal, Decimal};
use super::read::Table;
use crate::model::scoring::Criterion;

/// A plan field a column can fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    AccountName,
    AccountId,
    Level,
    Industry,
    LastYearSales,
    LastYearProfit,
    ShareOfSpend,
    Score(Criterion),
    PreparedBy,
    NextReview,
}

impl Target {
    pub fn all() -> Vec<Target> {
        let mut v = vec![
            Self::AccountName,
            Self::AccountId,
            Self::Level,
            Self::Industry,
            Self::LastYearSales,
            Self::LastYearProfit,
            Self::ShareOfSpend,
        ];
        v.extend(Criterion::ALL.iter().map(|c| Self::Score(*c)));
        v.push(Self::PreparedBy);
        v.push(Self::NextReview);
        v
    }

    /// A stable key (for a select's value and the catalogue key `crm.field.<key>`).
    pub fn key(self) -> &'static str {
        match self {
            Self::AccountName => "account_name",
            Self::AccountId => "account_id",
            Self::Level => "level",
            Self::Industry => "industry",
            Self::LastYearSales => "last_year_sales",
            Self::LastYearProfit => "last_year_profit",
            Self::ShareOfSpend => "share_of_spend",
            Self::Score(c) => match c {
                Criterion::Profit => "score_profit",
                Criterion::Growth => "score_growth",
                Criterion::ReferenceValue => "score_reference",
                Criterion::StrategicValue => "score_strategic",
                Criterion::ProductAdvantage => "score_product",
                Criterion::ServiceAdvantage => "score_service",
                Criterion::LocationAdvantage => "score_location",
                Criterion::CompetitorFocus => "score_competitor",
            },
            Self::PreparedBy => "prepared_by",
            Self::NextReview => "next_review",
        }
    }

    pub fn from_key(key: &str) -> Option<Target> {
        Self::all().into_iter().find(|t| t.key() == key)
    }

    /// Words the rep wrote: filled only where the plan has none, never overwritten.
    pub fn is_text(self) -> bool {
        matches!(self, Self::AccountName | Self::Industry | Self::PreparedBy)
    }

    pub fn is_number(self) -> bool {
        matches!(
            self,
            Self::LastYearSales | Self::LastYearProfit | Self::ShareOfSpend
        )
    }

    /// Headings (normalised: lower case, no spaces, punctuation or years) that mean this field.
    fn names(self) -> &'static [&'static str] {
        match self {
            Self::AccountName => &[
                "accountname",
                "account",
                "companyname",
                "company",
                "customername",
                "customer",
                "client",
                "clientname",
                "organisation",
                "organization",
                "name",
                "kunde",
                "kundenname",
                "firma",
                "firmenname",
                "客户名称",
                "客户",
                "客户名",
                "公司名称",
                "公司",
                "企业名称",
                "单位名称",
                "账户名称",
                "名称",
            ],
            Self::AccountId => &[
                "accountid",
                "recordid",
                "accountnumber",
                "companyid",
                "customerid",
                "customernumber",
                "crmid",
                "id",
                "kundennummer",
                "kundennr",
                "客户编号",
                "客户id",
                "客户代码",
                "编号",
                "账户编号",
                "记录id",
            ],
            Self::Level => &[
                "level",
                "accountlevel",
                "tier",
                "accounttier",
                "segment",
                "ebene",
                "stufe",
                "级别",
                "客户级别",
                "层级",
                "等级",
                "客户等级",
            ],
            Self::Industry => &[
                "industry",
                "sector",
                "vertical",
                "branche",
                "industrie",
                "行业",
                "所属行业",
            ],
            Self::LastYearSales => &[
                "lastyearsales",
                "saleslastyear",
                "sales",
                "salesly",
                "lysales",
                "totalsales",
                "revenuelastyear",
                "lastyearrevenue",
                "ourrevenue",
                "umsatz",
                "umsatzvorjahr",
                "vorjahresumsatz",
                "去年销售额",
                "上年销售额",
                "销售额",
                "去年销售",
                "年销售额",
                "销售收入",
            ],
            Self::LastYearProfit => &[
                "lastyearprofit",
                "profitlastyear",
                "profit",
                "grossprofit",
                "profitly",
                "deckungsbeitrag",
                "gewinn",
                "rohertrag",
                "去年利润",
                "上年利润",
                "利润",
                "毛利",
                "毛利润",
            ],
            Self::ShareOfSpend => &[
                "shareofspend",
                "shareofwallet",
                "walletshare",
                "sow",
                "ourshare",
                "share",
                "lieferanteil",
                "anteil",
                "份额",
                "钱包份额",
                "采购份额",
                "我方份额",
                "占比",
            ],
            Self::Score(c) => match c {
                Criterion::Profit => &["profitpotential", "profitscore", "利润潜力"],
                Criterion::Growth => &[
                    "growth",
                    "growthpotential",
                    "growthscore",
                    "增长潜力",
                    "成长性",
                ],
                Criterion::ReferenceValue => {
                    &["referencevalue", "reference", "标杆价值", "参考价值"]
                }
                Criterion::StrategicValue => &["strategicvalue", "strategicfit", "战略价值"],
                Criterion::ProductAdvantage => &["productadvantage", "产品优势"],
                Criterion::ServiceAdvantage => &["serviceadvantage", "服务优势"],
                Criterion::LocationAdvantage => &["locationadvantage", "地理优势", "区位优势"],
                Criterion::CompetitorFocus => &["competitorfocus", "竞争对手关注", "竞争关注"],
            },
            Self::PreparedBy => &[
                "owner",
                "accountowner",
                "companyowner",
                "salesrep",
                "accountmanager",
                "keyaccountmanager",
                "preparedby",
                "rep",
                "betreuer",
                "verantwortlich",
                "kundenbetreuer",
                "负责人",
                "客户经理",
                "销售代表",
                "所有人",
                "客户负责人",
                "编制人",
            ],
            Self::NextReview => &[
                "nextreview",
                "nextreviewdate",
                "reviewdate",
                "nextmeeting",
                "nächsteüberprüfung",
                "nächstesreview",
                "wiedervorlage",
                "下次回顾",
                "下次回顾日期",
                "下次复盘",
                "下次评审",
                "下次评审日期",
                "回顾日期",
            ],
        }
    }
}

/// A heading reduced for matching: lower case, without spaces, punctuation, currency,
/// units in brackets or a year ("Sales 2025 (EUR)" → "sales").
pub fn normalise(h: &str) -> String {
    let mut h = h.trim().to_lowercase();
    for (open, close) in [('(', ')'), ('[', ']'), ('（', '）')] {
        while let (Some(a), Some(b)) = (h.find(open), h.rfind(close)) {
            if b <= a {
                break;
            }
            h.replace_range(a..b + close.len_utf8(), "");
        }
    }
    let out: String = h
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>();
    // A year or "fy25" in the heading does not change its meaning.
    let mut s = out;
    for y in (2000..=2099).rev() {
        s = s.replace(&y.to_string(), "");
    }
    for fy in ["fy", "年度"] {
        if let Some(rest) = s.strip_suffix(fy) {
            s = rest.to_string();
        }
    }
    s.trim_end_matches(|c: char| c.is_ascii_digit()).to_string()
}

/// A first guess of the field for each column; each field goes to at most one column (the
/// first that names it).
pub fn guess(headers: &[String]) -> Vec<Option<Target>> {
    let norm: Vec<String> = headers.iter().map(|h| normalise(h)).collect();
    let mut out: Vec<Option<Target>> = vec![None; headers.len()];
    for target in Target::all() {
        let names = target.names();
        // The most specific name first: its place in the list.
        let best = norm
            .iter()
            .enumerate()
            .filter(|(i, _)| out[*i].is_none())
            .filter_map(|(i, h)| names.iter().position(|n| n == h).map(|rank| (rank, i)))
            .min();
        if let Some((_, i)) = best {
            out[i] = Some(target);
        }
    }
    out
}

/// How the values of a file are read: decimal per column, one day/month order for the file.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadStyle {
    pub decimals: Vec<Decimal>,
    pub date_order: DateOrder,
    /// No value in the date column tells the order: the rep should check it.
    pub date_order_unsure: bool,
}

/// Guesses the reading style from the mapped columns' values and the file's separator.
pub fn guess_style(table: &Table, mapping: &[Option<Target>]) -> ReadStyle {
    let hint = if table.separator == ';' {
        Decimal::Comma
    } else {
        Decimal::Point
    };
    let column = |i: usize| table.rows.iter().map(move |r| r.cell(i));
    // Only the mapped columns are read, so only they are looked at.
    let decimals = (0..table.headers.len())
        .map(|i| match mapping.get(i) {
            Some(Some(_)) => guess_decimal(column(i), hint),
            _ => hint,
        })
        .collect();
    let date_hint = if hint == Decimal::Comma {
        DateOrder::DayMonth
    } else {
        DateOrder::MonthDay
    };
    let (date_order, unsure) = match mapping.iter().position(|t| *t == Some(Target::NextReview)) {
        Some(i) => guess_order(column(i), date_hint),
        None => (date_hint, false),
    };
    ReadStyle {
        decimals,
        date_order,
        date_order_unsure: unsure,
    }
}

#[cfg(test)]
mod tests;
