//! Dates as exports write them: ISO (2025-03-01, with or without a time), day/month/year and
//! month/day/year (the order guessed for the whole column), 1.3.2025, 2025年3月1日, month names
//! (1 Mar 2025, Mar 1, 2025, 1. März 2025) and Excel's day numbers.

use chrono::{Days, NaiveDate};

/// The order of day and month in numeric dates like 03/04/2025.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateOrder {
    DayMonth,
    MonthDay,
}

const MONTHS: &[(&str, u32)] = &[
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("mär", 3),
    ("mrz", 3),
    ("apr", 4),
    ("may", 5),
    ("mai", 5),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("oct", 10),
    ("okt", 10),
    ("nov", 11),
    ("dec", 12),
    ("dez", 12),
];

fn month_name(s: &str) -> Option<u32> {
    let s = s.trim_end_matches('.').to_lowercase();
    if s.chars().count() < 3 {
        return None;
    }
    let head: String = s.chars().take(3).collect();
    MONTHS.iter().find(|(m, _)| *m == head).map(|(_, n)| *n)
}

fn year(s: &str) -> Option<i32> {
    let y: i32 = s.parse().ok()?;
    match s.len() {
        4 => Some(y),
        2 => Some(if y < 70 { 2000 + y } else { 1900 + y }),
        _ => None,
    }
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The date part of a value: a time after it ("2025-03-01 00:00:00", "3/1/2025 9:30 AM",
/// "2025-03-01T10:00:00Z") is dropped.
fn date_part(s: &str) -> &str {
    let s = s.trim();
    if let Some(t) = s.find('T') {
        if s[..t].len() >= 8 && s[t + 1..].contains(':') {
            return &s[..t];
        }
    }
    if let Some(colon) = s.find(':') {
        if let Some(space) = s[..colon].rfind(' ') {
            return s[..space].trim();
        }
    }
    s
}

/// The three numbers of a numeric date and whether the first is a four-digit year.
fn numeric_parts(s: &str) -> Option<(Vec<&str>, char)> {
    let sep = s.chars().find(|c| matches!(c, '/' | '.' | '-'))?;
    let parts: Vec<&str> = s.trim_end_matches('.').split(sep).map(str::trim).collect();
    (parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit())))
    .then_some((parts, sep))
}

/// A cell that is not a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotADate;

/// Reads a date; `Ok(None)` for an empty cell, `Err(NotADate)` when it is not a date.
pub fn parse_date(s: &str, order: DateOrder) -> Result<Option<NaiveDate>, NotADate> {
    let s = date_part(s);
    if s.is_empty() || s == "-" || s == "—" {
        return Ok(None);
    }
    // 2025年3月1日
    if let Some((y, rest)) = s.split_once('年') {
        let (m, rest) = rest.split_once('月').ok_or(NotADate)?;
        let d = rest.trim_end_matches(['日', '号']).trim();
        let parse = |x: &str| x.trim().parse::<u32>().map_err(|_| NotADate);
        let y = year(y.trim()).ok_or(NotADate)?;
        return ymd(y, parse(m)?, parse(d)?).map(Some).ok_or(NotADate);
    }
    if let Some((parts, _)) = numeric_parts(s) {
        let n = |i: usize| parts[i].parse::<u32>().map_err(|_| NotADate);
        if parts[0].len() == 4 {
            let y = year(parts[0]).ok_or(NotADate)?;
            return ymd(y, n(1)?, n(2)?).map(Some).ok_or(NotADate);
        }
        let y = year(parts[2]).ok_or(NotADate)?;
        let (d, m) = match order {
            DateOrder::DayMonth => (n(0)?, n(1)?),
            DateOrder::MonthDay => (n(1)?, n(0)?),
        };
        return ymd(y, m, d).map(Some).ok_or(NotADate);
    }
    // Excel's day number (days since 1899-12-30), for a date column exported unformatted.
    if s.len() == 5 && s.chars().all(|c| c.is_ascii_digit()) {
        let n: u64 = s.parse().map_err(|_| NotADate)?;
        if (20_000..80_000).contains(&n) {
            return ymd(1899, 12, 30)
                .and_then(|d| d.checked_add_days(Days::new(n)))
                .map(Some)
                .ok_or(NotADate);
        }
        return Err(NotADate);
    }
    // Month names: "1 Mar 2025", "01-Mar-2025", "Mar 1, 2025", "March 1 2025", "1. März 2025".
    let words: Vec<&str> = s
        .split([' ', '-', ',', '/'])
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() == 3 {
        let num = |w: &str| w.trim_end_matches('.').parse::<u32>().ok();
        if let (Some(d), Some(m), Some(y)) = (num(words[0]), month_name(words[1]), year(words[2])) {
            return ymd(y, m, d).map(Some).ok_or(NotADate);
        }
        if let (Some(m), Some(d), Some(y)) = (month_name(words[0]), num(words[1]), year(words[2])) {
            return ymd(y, m, d).map(Some).ok_or(NotADate);
        }
    }
    Err(NotADate)
}

/// The day/month order of a column: decided by any value whose first number is above 12
/// (day first) or whose second is (month first). `ambiguous` when no value tells; then a
/// dotted date (1.3.2025) is day first, and otherwise `hint` is used.
pub fn guess_order<'a>(
    values: impl Iterator<Item = &'a str>,
    hint: DateOrder,
) -> (DateOrder, bool) {
    let (mut day_first, mut month_first, mut dotted, mut numeric) = (0, 0, 0, 0);
    for v in values.take(5_000) {
        let Some((parts, sep)) = numeric_parts(date_part(v)) else {
            continue;
        };
        if parts[0].len() == 4 {
            continue;
        }
        numeric += 1;
        if sep == '.' {
            dotted += 1;
        }
        let a: u32 = parts[0].parse().unwrap_or(0);
        let b: u32 = parts[1].parse().unwrap_or(0);
        if a > 12 && b <= 12 {
            day_first += 1;
        } else if b > 12 && a <= 12 {
            month_first += 1;
        }
    }
    if day_first > 0 || month_first > 0 {
        let order = if day_first >= month_first {
            DateOrder::DayMonth
        } else {
            DateOrder::MonthDay
        };
        return (order, false);
    }
    if numeric == 0 {
        return (hint, false);
    }
    if dotted == numeric {
        return (DateOrder::DayMonth, false);
    }
    (hint, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<NaiveDate> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn reads_the_common_orders() {
        use DateOrder::*;
        for (text, order, want) in [
            ("2025-03-01", DayMonth, "2025-03-01"),
            ("2025-03-01 00:00:00", MonthDay, "2025-03-01"),
            ("2025-03-01T09:30:00Z", MonthDay, "2025-03-01"),
            ("2025/3/1", DayMonth, "2025-03-01"),
            ("01/03/2025", DayMonth, "2025-03-01"),
            ("3/1/2025", MonthDay, "2025-03-01"),
            ("3/1/2025 9:30 AM", MonthDay, "2025-03-01"),
            ("1.3.2025", DayMonth, "2025-03-01"),
            ("01.03.25", DayMonth, "2025-03-01"),
            ("2025年3月1日", MonthDay, "2025-03-01"),
            ("2025年03月01日", DayMonth, "2025-03-01"),
            ("1 Mar 2025", MonthDay, "2025-03-01"),
            ("01-Mar-2025", MonthDay, "2025-03-01"),
            ("Mar 1, 2025", DayMonth, "2025-03-01"),
            ("March 1 2025", DayMonth, "2025-03-01"),
            ("1. März 2025", DayMonth, "2025-03-01"),
            ("45717", DayMonth, "2025-03-01"),
        ] {
            assert_eq!(parse_date(text, order), Ok(d(want)), "{text}");
        }
        assert_eq!(parse_date("", DayMonth), Ok(None));
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        for bad in [
            "next week",
            "31/02/2025",
            "13/13/2025",
            "2025-13-01",
            "Q3 2025",
            "12",
            "2025年13月1日",
        ] {
            assert_eq!(parse_date(bad, DateOrder::DayMonth), Err(NotADate), "{bad}");
        }
        assert_eq!(parse_date("3/15/2025", DateOrder::DayMonth), Err(NotADate));
    }

    #[test]
    fn guesses_the_order_from_the_column() {
        use DateOrder::*;
        assert_eq!(
            guess_order(["3/1/2025", "3/15/2025"].into_iter(), DayMonth),
            (MonthDay, false)
        );
        assert_eq!(
            guess_order(["15/3/2025", "1/3/2025"].into_iter(), MonthDay),
            (DayMonth, false)
        );
        assert_eq!(
            guess_order(["1.3.2025", "2.4.2025"].into_iter(), MonthDay),
            (DayMonth, false)
        );
        assert_eq!(
            guess_order(["1/3/2025", "2/4/2025"].into_iter(), MonthDay),
            (MonthDay, true)
        );
        assert_eq!(
            guess_order(["2025-03-01"].into_iter(), MonthDay),
            (MonthDay, false)
        );
    }
}
