//! Numbers as spreadsheets and CRMs write them: thousand separators (comma, dot, space,
//! apostrophe), a decimal comma or point, currency signs and codes, percent, accounting
//! negatives. Which of comma and point is the decimal is decided once per column.

/// Which character marks the decimals in a column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decimal {
    /// 1,234,567.89
    Point,
    /// 1.234.567,89 and 1 234 567,89
    Comma,
}

const CURRENCY_SIGNS: &[char] = &['$', '€', '£', '¥', '￥', '₩', '₹', '₽', '¤', '元', '₺', '₪'];
const CURRENCY_CODES: &[&str] = &[
    "USD", "EUR", "GBP", "CNY", "RMB", "JPY", "CHF", "HKD", "SGD", "AUD", "CAD", "INR", "KRW",
    "SEK", "NOK", "DKK", "PLN", "CZK", "BRL", "MXN", "TWD", "US$", "HK$", "S$", "A$", "C$", "R$",
    "Fr.", "CHF.", "kr",
];

/// The value with currency, spaces used as groups and signs taken off: (negative, digits
/// with separators, percent). `None` when nothing numeric is left.
fn strip(s: &str) -> Option<(bool, String, bool)> {
    let mut t = s.trim().to_string();
    let mut negative = false;
    if t.starts_with('(') && t.ends_with(')') && t.len() > 2 {
        negative = true;
        t = t[1..t.len() - 1].trim().to_string();
    }
    for code in CURRENCY_CODES {
        if let Some(rest) = t.strip_prefix(code) {
            t = rest.trim().to_string();
        }
        if let Some(rest) = t.strip_suffix(code) {
            t = rest.trim().to_string();
        }
    }
    t.retain(|c| !CURRENCY_SIGNS.contains(&c));
    let mut t = t.trim().to_string();
    if t.starts_with('(') && t.ends_with(')') && t.len() > 2 {
        negative = true;
        t = t[1..t.len() - 1].trim().to_string();
    }
    let percent = t.ends_with('%') || t.ends_with('％');
    if percent {
        t = t.trim_end_matches(['%', '％']).trim().to_string();
    }
    for minus in ['-', '−', '–'] {
        if let Some(rest) = t.strip_prefix(minus) {
            negative = !negative;
            t = rest.trim().to_string();
        } else if let Some(rest) = t.strip_suffix(minus) {
            // SAP writes negatives with a trailing minus: 1.234-
            negative = !negative;
            t = rest.trim().to_string();
        }
    }
    if let Some(rest) = t.strip_prefix('+') {
        t = rest.trim().to_string();
    }
    // Spaces (plain, no-break, thin) and apostrophes group thousands.
    t.retain(|c| !matches!(c, ' ' | '\u{A0}' | '\u{202F}' | '\u{2009}' | '\'' | '’'));
    if t.is_empty() {
        return None;
    }
    Some((negative, t, percent))
}

/// Whether `s` is digits in groups of three after the first, separated by `sep`.
fn grouped(s: &str, sep: char) -> bool {
    let parts: Vec<&str> = s.split(sep).collect();
    let digits = |p: &str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit());
    parts.len() > 1
        && digits(parts[0])
        && parts[0].len() <= 3
        && parts[1..].iter().all(|p| p.len() == 3 && digits(p))
}

/// A cell that is not a number in its column's style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotANumber;

/// Reads a number; `Ok(None)` for an empty cell (also "-", "—", "n/a"), `Err(NotANumber)` when the
/// text is not a number in this column's style.
pub fn parse_number(s: &str, decimal: Decimal) -> Result<Option<f64>, NotANumber> {
    let trimmed = s.trim();
    if trimmed.is_empty()
        || matches!(
            trimmed.to_lowercase().as_str(),
            "-" | "—" | "–" | "n/a" | "na" | "none" | "null" | "无"
        )
    {
        return Ok(None);
    }
    let (negative, t, _percent) = strip(trimmed).ok_or(NotANumber)?;
    let (group, dec) = match decimal {
        Decimal::Point => (',', '.'),
        Decimal::Comma => ('.', ','),
    };
    let (int, frac) = match t.rsplit_once(dec) {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (t.clone(), None),
    };
    // In a decimal-comma column a lone point with other than three digits after it is a
    // decimal point (a number written by a program, not by Excel).
    let (int, frac) = match (decimal, &frac) {
        (Decimal::Comma, None) if int.matches('.').count() == 1 => {
            let (i, f) = int.split_once('.').unwrap_or((&int, ""));
            if f.len() == 3 && !i.is_empty() {
                (int.clone(), None)
            } else {
                (i.to_string(), Some(f.to_string()))
            }
        }
        _ => (int, frac),
    };
    let int = if int.contains(group) {
        if !grouped(&int, group) {
            return Err(NotANumber);
        }
        int.replace(group, "")
    } else {
        int
    };
    let frac = frac.unwrap_or_default();
    // Scientific notation (1.2E+06) only as a whole.
    let plain = |p: &str| p.chars().all(|c| c.is_ascii_digit());
    let text = if frac.is_empty() {
        int.clone()
    } else {
        format!("{int}.{frac}")
    };
    let ok =
        (plain(&int) && (plain(&frac) || frac.is_empty()) && !(int.is_empty() && frac.is_empty()))
            || (text.contains(['e', 'E']) && text.parse::<f64>().is_ok());
    if !ok {
        return Err(NotANumber);
    }
    let v: f64 = text.parse().map_err(|_| NotANumber)?;
    if !v.is_finite() {
        return Err(NotANumber);
    }
    Ok(Some(if negative { -v } else { v }))
}

/// Which decimal a column uses, from the evidence in its values; `hint` (from the file's
/// separator: a semicolon file comes from a decimal-comma locale) when they do not tell.
pub fn guess_decimal<'a>(values: impl Iterator<Item = &'a str>, hint: Decimal) -> Decimal {
    let (mut point, mut comma) = (0usize, 0usize);
    for v in values.take(5_000) {
        let Some((_, t, _)) = strip(v) else { continue };
        let (p, c) = (t.rfind('.'), t.rfind(','));
        match (p, c) {
            (Some(p), Some(c)) => {
                if p > c {
                    point += 1
                } else {
                    comma += 1
                }
            }
            (None, Some(c)) => {
                let after = t.len() - c - 1;
                if t.matches(',').count() > 1 {
                    point += 1
                } else if after != 3 {
                    comma += 1
                }
            }
            (Some(p), None) => {
                let after = t.len() - p - 1;
                if t.matches('.').count() > 1 {
                    comma += 1
                } else if after != 3 {
                    point += 1
                }
            }
            (None, None) => {}
        }
    }
    match point.cmp(&comma) {
        std::cmp::Ordering::Greater => Decimal::Point,
        std::cmp::Ordering::Less => Decimal::Comma,
        std::cmp::Ordering::Equal => hint,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str, d: Decimal) -> Option<f64> {
        parse_number(s, d).unwrap()
    }

    #[test]
    fn reads_each_locale_style() {
        use Decimal::*;
        assert_eq!(n("1,234,567.89", Point), Some(1_234_567.89));
        assert_eq!(n("1.234.567,89", Comma), Some(1_234_567.89));
        assert_eq!(n("1 234 567,89", Comma), Some(1_234_567.89));
        assert_eq!(n("1\u{202F}234\u{A0}567,89", Comma), Some(1_234_567.89));
        assert_eq!(n("1'234'567.89", Point), Some(1_234_567.89));
        assert_eq!(n("12,5%", Comma), Some(12.5));
        assert_eq!(n("12.5 %", Point), Some(12.5));
        assert_eq!(n("$1,200.00", Point), Some(1200.0));
        assert_eq!(n("USD 1,200", Point), Some(1200.0));
        assert_eq!(n("1.200,50 €", Comma), Some(1200.5));
        assert_eq!(n("¥1,280,000", Point), Some(1_280_000.0));
        assert_eq!(n("1280000元", Point), Some(1_280_000.0));
        assert_eq!(n("(1,234)", Point), Some(-1234.0));
        assert_eq!(n("-1.234,5", Comma), Some(-1234.5));
        assert_eq!(n("1.234-", Comma), Some(-1234.0));
        assert_eq!(
            n("1234.56", Comma),
            Some(1234.56),
            "a program's decimal point"
        );
        assert_eq!(n("1.234", Comma), Some(1234.0));
        assert_eq!(n("1.2E+06", Point), Some(1_200_000.0));
        assert_eq!(n("", Point), None);
        assert_eq!(n(" - ", Point), None);
        assert_eq!(n("n/a", Point), None);
    }

    #[test]
    fn refuses_what_is_not_a_number() {
        use Decimal::*;
        for bad in [
            "12.5k",
            "abc",
            "1,23,4",
            "=SUM(A1:A3)",
            "#DIV/0!",
            "12..5",
            "1.2.3,4.5",
            "%",
            "$",
            "128.5万",
        ] {
            assert_eq!(parse_number(bad, Point), Err(NotANumber), "{bad}");
        }
        assert_eq!(
            parse_number("12,5", Point),
            Err(NotANumber),
            "a decimal comma in a point column"
        );
        assert_eq!(parse_number("1,234.5", Comma), Err(NotANumber));
    }

    #[test]
    fn guesses_the_decimal_from_the_column() {
        use Decimal::*;
        assert_eq!(guess_decimal(["1.234,50", "12"].into_iter(), Point), Comma);
        assert_eq!(guess_decimal(["1,234.50", "12"].into_iter(), Comma), Point);
        assert_eq!(guess_decimal(["12,5"].into_iter(), Point), Comma);
        assert_eq!(guess_decimal(["1.234.567"].into_iter(), Point), Comma);
        assert_eq!(guess_decimal(["1,234,567"].into_iter(), Comma), Point);
        // Only three-digit groups: the file's hint decides.
        assert_eq!(guess_decimal(["1,234", "5,678"].into_iter(), Comma), Comma);
        assert_eq!(guess_decimal(["1,234", "5,678"].into_iter(), Point), Point);
    }
}
