//! From a read table and a column mapping to the plans to create and to refresh, with every
//! problem by row and column. Pure: the UI words the problems and writes the plans.
//!
//! A refresh never overwrites words: account name, industry and owner are filled only where
//! the plan has none; figures (level, sales, profit, share, scores, next review) are updated.
//! Before it changes a plan, the refresh keeps the plan as it stood in a review snapshot marked
//! `refresh`, so the plan's review comparison shows exactly what the import changed.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::date::parse_date;
use super::mapping::Target;
use super::number::{parse_number, Decimal};
use super::read::Table;
use crate::model::plan::{AccountLevel, Plan};

pub use super::apply::{apply, new_plan, refreshed};
pub use super::mapping::{guess_style, ReadStyle};

#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    NotANumber,
    NotADate,
    NotALevel,
    /// Criterion scores are whole numbers from 1 to 5.
    NotAScore,
    /// A share of spend is a percentage from 0 to 100.
    NotAShare,
    /// A spreadsheet formula (=…) rather than a value.
    Formula,
    /// No account name: the row is skipped.
    NoName,
    /// The same account as an earlier row: this row is skipped.
    SameAccountAs {
        row: usize,
    },
    /// Several plans have this name (and no account id tells them apart): skipped.
    SeveralPlans {
        count: usize,
    },
    /// More values than the file has columns (a separator inside an unquoted value): skipped.
    TooManyValues {
        got: usize,
        columns: usize,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// The row number as a spreadsheet shows it.
    pub row: usize,
    pub col: Option<usize>,
    pub value: String,
    pub kind: ProblemKind,
    /// The whole row is left out (otherwise only this value).
    pub skips_row: bool,
}

/// A value read from the file for one field.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Number(f64),
    Level(AccountLevel),
    Score(u8),
    Date(NaiveDate),
}

/// The values of one row, by field; fields with an empty or bad cell are absent.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Values {
    pub fields: Vec<(Target, Value)>,
}

impl Values {
    pub fn get(&self, t: Target) -> Option<&Value> {
        self.fields.iter().find(|(k, _)| *k == t).map(|(_, v)| v)
    }
    pub(super) fn text(&self, t: Target) -> Option<&str> {
        match self.get(t) {
            Some(Value::Text(s)) => Some(s),
            _ => None,
        }
    }
}

/// One field a refresh changes.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub target: Target,
    pub before: Value,
    pub after: Value,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Create {
    pub row: usize,
    pub values: Values,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Update {
    pub row: usize,
    pub plan_id: String,
    pub name: String,
    pub values: Values,
    pub changes: Vec<Change>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Preview {
    pub creates: Vec<Create>,
    /// Matched plans whose figures change.
    pub updates: Vec<Update>,
    /// Matched plans the file changes nothing in.
    pub unchanged: usize,
    pub problems: Vec<Problem>,
    /// Rows left out for a problem.
    pub skipped: usize,
}

/// An account name for matching: case, spacing and full-width spaces do not count.
pub fn name_key(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn parse_level(s: &str) -> Option<AccountLevel> {
    let k = name_key(s);
    let k = k.trim_end_matches(" account").trim_end_matches("客户");
    Some(match k {
        "territory" | "local" | "gebiet" | "lokal" | "区域" | "地区" | "片区" | "1" => {
            AccountLevel::Territory
        }
        "regional" | "region" | "大区" | "2" => AccountLevel::Regional,
        "national" | "country" | "全国" | "国家" | "3" => AccountLevel::National,
        "global" | "international" | "global account" | "全球" | "国际" | "4" => {
            AccountLevel::Global
        }
        _ => return None,
    })
}

/// Reads one row's mapped cells; problems go to `problems`. `None` when the row is skipped.
fn read_row(
    table: &Table,
    row: &super::read::Row,
    mapping: &[Option<Target>],
    style: &ReadStyle,
    problems: &mut Vec<Problem>,
) -> Option<Values> {
    let columns = table.headers.len();
    let extra = row.cells.iter().skip(columns).any(|c| !c.trim().is_empty());
    if extra {
        problems.push(Problem {
            row: row.number,
            col: None,
            value: String::new(),
            kind: ProblemKind::TooManyValues {
                got: row.cells.len(),
                columns,
            },
            skips_row: true,
        });
        return None;
    }
    let mut values = Values::default();
    let mut skip = false;
    for (col, target) in mapping.iter().enumerate() {
        let Some(target) = *target else { continue };
        let raw = row.cell(col).trim();
        let mut problem = |kind: ProblemKind, skips_row: bool| {
            problems.push(Problem {
                row: row.number,
                col: Some(col),
                value: raw.to_string(),
                kind,
                skips_row,
            });
        };
        if raw.starts_with('=') {
            problem(ProblemKind::Formula, target == Target::AccountName);
            skip |= target == Target::AccountName;
            continue;
        }
        if raw.is_empty() {
            if target == Target::AccountName {
                problem(ProblemKind::NoName, true);
                skip = true;
            }
            continue;
        }
        let decimal = style.decimals.get(col).copied().unwrap_or(Decimal::Point);
        let value = match target {
            Target::AccountName | Target::Industry | Target::PreparedBy | Target::AccountId => {
                Value::Text(raw.to_string())
            }
            Target::LastYearSales | Target::LastYearProfit => match parse_number(raw, decimal) {
                Ok(Some(n)) => Value::Number(n),
                Ok(None) => continue,
                Err(_) => {
                    problem(ProblemKind::NotANumber, false);
                    continue;
                }
            },
            Target::ShareOfSpend => match parse_number(raw, decimal) {
                Ok(Some(n)) if (0.0..=100.0).contains(&n) => Value::Number(n),
                Ok(Some(_)) => {
                    problem(ProblemKind::NotAShare, false);
                    continue;
                }
                Ok(None) => continue,
                Err(_) => {
                    problem(ProblemKind::NotANumber, false);
                    continue;
                }
            },
            Target::Score(_) => match parse_number(raw, decimal) {
                Ok(Some(n)) if n.fract() == 0.0 && (1.0..=5.0).contains(&n) => {
                    Value::Score(n as u8)
                }
                Ok(None) => continue,
                _ => {
                    problem(ProblemKind::NotAScore, false);
                    continue;
                }
            },
            Target::Level => match parse_level(raw) {
                Some(l) => Value::Level(l),
                None => {
                    problem(ProblemKind::NotALevel, false);
                    continue;
                }
            },
            Target::NextReview => match parse_date(raw, style.date_order) {
                Ok(Some(d)) => Value::Date(d),
                Ok(None) => continue,
                Err(_) => {
                    problem(ProblemKind::NotADate, false);
                    continue;
                }
            },
        };
        values.fields.push((target, value));
    }
    (!skip).then_some(values)
}

/// What the file will do to the workspace, given the plans already there.
pub fn preview(
    table: &Table,
    mapping: &[Option<Target>],
    style: &ReadStyle,
    existing: &[Plan],
) -> Preview {
    // Without a name column no row can be told apart: nothing to do until one is chosen.
    if !mapping.contains(&Some(Target::AccountName)) {
        return Preview::default();
    }
    let by_id_mapped = mapping.contains(&Some(Target::AccountId));
    let mut by_id: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, p) in existing.iter().enumerate() {
        if !p.header.account_id.trim().is_empty() {
            by_id
                .entry(p.header.account_id.trim().to_lowercase())
                .or_default()
                .push(i);
        }
        by_name
            .entry(name_key(&p.header.account_name))
            .or_default()
            .push(i);
    }
    let mut out = Preview::default();
    // The row that first named each account (an existing plan's index, or a new account's key).
    let mut seen: HashMap<String, usize> = HashMap::new();
    for row in &table.rows {
        let Some(values) = read_row(table, row, mapping, style, &mut out.problems) else {
            out.skipped += 1;
            continue;
        };
        let name = values
            .text(Target::AccountName)
            .unwrap_or_default()
            .to_string();
        let id = values
            .text(Target::AccountId)
            .map(|s| s.trim().to_lowercase())
            .filter(|s| by_id_mapped && !s.is_empty());
        // By account id first; else by name, among plans not tied to another account id.
        let candidates: Vec<usize> = match id.as_ref().and_then(|id| by_id.get(id)) {
            Some(list) => list.clone(),
            None => by_name
                .get(&name_key(&name))
                .map(|list| {
                    list.iter()
                        .copied()
                        .filter(|i| {
                            id.is_none() || existing[*i].header.account_id.trim().is_empty()
                        })
                        .collect()
                })
                .unwrap_or_default(),
        };
        let skip = |kind: ProblemKind, out: &mut Preview| {
            out.problems.push(Problem {
                row: row.number,
                col: None,
                value: name.clone(),
                kind,
                skips_row: true,
            });
            out.skipped += 1;
        };
        if candidates.len() > 1 {
            skip(
                ProblemKind::SeveralPlans {
                    count: candidates.len(),
                },
                &mut out,
            );
            continue;
        }
        let key = match (candidates.first(), &id) {
            (Some(i), _) => format!("plan:{i}"),
            (None, Some(id)) => format!("id:{id}"),
            (None, None) => format!("name:{}", name_key(&name)),
        };
        if let Some(first) = seen.get(&key) {
            skip(ProblemKind::SameAccountAs { row: *first }, &mut out);
            continue;
        }
        seen.insert(key, row.number);
        match candidates.first() {
            Some(&i) => {
                let mut copy = existing[i].clone();
                let changes = apply(&mut copy, &values, false);
                if changes.is_empty() {
                    out.unchanged += 1;
                } else {
                    out.updates.push(Update {
                        row: row.number,
                        plan_id: existing[i].id.clone(),
                        name: existing[i].header.account_name.clone(),
                        values,
                        changes,
                    });
                }
            }
            None => out.creates.push(Create {
                row: row.number,
                values,
            }),
        }
    }
    out
}
