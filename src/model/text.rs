//! How field values are written as text in a form and read back, with a message when they cannot be.

use chrono::NaiveDate;

use super::choice::Choice;
use super::msg::Msg;

pub trait FieldValue: Sized {
    fn to_text(&self) -> String;
    fn from_text(text: &str) -> Result<Self, Msg>;
}

impl FieldValue for String {
    fn to_text(&self) -> String {
        self.clone()
    }
    fn from_text(text: &str) -> Result<Self, Msg> {
        Ok(text.to_string())
    }
}

/// Reads "1,200", "$ 1 200.50", "12.5%" or "-3": separators, currency signs and % are ignored.
pub fn parse_number(text: &str) -> Result<Option<f64>, Msg> {
    let cleaned: String = text
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '\u{a0}' | '$' | '€' | '£' | '¥' | '%' | '_'))
        .collect();
    if cleaned.is_empty() {
        return Ok(None);
    }
    match cleaned.parse::<f64>() {
        Ok(n) if n.is_finite() => Ok(Some(n)),
        _ => Err(Msg::with("text.not_number", &[&text.trim()])),
    }
}

/// Writes a number as a rep reads it: thousands grouped from 10,000 up, at most two decimals.
pub fn format_number(n: f64) -> String {
    let rounded = (n * 100.0).round() / 100.0;
    let text = if rounded.fract() == 0.0 && rounded.abs() < 1e15 {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded}")
    };
    if rounded.abs() < 10_000.0 || rounded.abs() >= 1e15 {
        return text;
    }
    let (int, frac) = text
        .split_once('.')
        .map_or((text.as_str(), None), |(i, f)| (i, Some(f)));
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// Reads a percentage (share of spend, a margin, on-time delivery): a number from 0 to 100,
/// or nothing. Anything else is refused with what to type, and is never stored.
pub fn parse_percent(text: &str) -> Result<Option<f64>, Msg> {
    match parse_number(text)? {
        Some(n) if !(0.0..=100.0).contains(&n) => {
            Err(Msg::with("text.not_percent", &[&format_number(n)]))
        }
        n => Ok(n),
    }
}

/// A size in bytes as a rep reads it: "820 bytes", "12 KB", "1.4 MB", "10 MB" (the
/// catalogue says "bytes", "KB", "MB" in the interface language).
pub fn format_size(bytes: usize) -> Msg {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    if bytes < 1024 {
        Msg::with("text.bytes", &[&bytes])
    } else if b < KB * KB {
        let kb = b / KB;
        let n = if kb < 10.0 {
            format!("{:.1}", kb)
        } else {
            format!("{:.0}", kb)
        };
        Msg::with("text.kb", &[&n.trim_end_matches(".0")])
    } else {
        let mb = b / (KB * KB);
        let n = if mb < 10.0 {
            format!("{:.1}", mb)
        } else {
            format!("{:.0}", mb)
        };
        Msg::with("text.mb", &[&n.trim_end_matches(".0")])
    }
}

impl FieldValue for Option<f64> {
    fn to_text(&self) -> String {
        self.map(format_number).unwrap_or_default()
    }
    fn from_text(text: &str) -> Result<Self, Msg> {
        parse_number(text)
    }
}

impl FieldValue for Option<u8> {
    fn to_text(&self) -> String {
        self.map(|n| n.to_string()).unwrap_or_default()
    }
    fn from_text(text: &str) -> Result<Self, Msg> {
        match text.trim() {
            "" => Ok(None),
            t => match t.parse::<u8>() {
                Ok(n @ 1..=5) => Ok(Some(n)),
                _ => Err(Msg::with("text.not_score", &[&t])),
            },
        }
    }
}

impl FieldValue for Option<NaiveDate> {
    fn to_text(&self) -> String {
        self.map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default()
    }
    fn from_text(text: &str) -> Result<Self, Msg> {
        match text.trim() {
            "" => Ok(None),
            t => NaiveDate::parse_from_str(t, "%Y-%m-%d")
                .map(Some)
                .map_err(|_| Msg::with("text.not_date", &[&t])),
        }
    }
}

impl FieldValue for bool {
    fn to_text(&self) -> String {
        if *self { "true" } else { "false" }.into()
    }
    fn from_text(text: &str) -> Result<Self, Msg> {
        Ok(text == "true")
    }
}

impl FieldValue for Option<u32> {
    fn to_text(&self) -> String {
        self.map(|n| n.to_string()).unwrap_or_default()
    }
    fn from_text(text: &str) -> Result<Self, Msg> {
        match text.trim() {
            "" => Ok(None),
            t => t
                .parse()
                .map(Some)
                .map_err(|_| Msg::with("text.not_choice", &[&t])),
        }
    }
}

/// A set of row ids (e.g. the objectives a strategy serves), written "1,3".
impl FieldValue for Vec<u32> {
    fn to_text(&self) -> String {
        self.iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(",")
    }
    fn from_text(text: &str) -> Result<Self, Msg> {
        text.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().map_err(|_| Msg::with("text.not_choice", &[&s])))
            .collect()
    }
}

/// Choices are written as their stored key.
pub fn choice_text<T: Choice>(v: &T) -> String {
    v.key().to_string()
}

pub fn choice_from_text<T: Choice>(text: &str) -> Result<T, Msg> {
    T::from_key(text).ok_or_else(|| Msg::with("text.not_choice", &[&text]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_accept_what_reps_type() {
        assert_eq!(parse_number("1,200"), Ok(Some(1200.0)));
        assert_eq!(parse_number(" $ 1 200.50 "), Ok(Some(1200.5)));
        assert_eq!(parse_number("12.5%"), Ok(Some(12.5)));
        assert_eq!(parse_number(""), Ok(None));
        assert_eq!(
            parse_number("twelve"),
            Err(Msg::with("text.not_number", &[&"twelve"]))
        );
        assert!(parse_number("1e999").is_err());
        assert_eq!(format_number(1200.0), "1200");
        assert_eq!(format_number(0.125), "0.13");
        assert_eq!(format_number(1_200_000.0), "1,200,000");
        assert_eq!(format_number(-12_345.5), "-12,345.5");
        assert_eq!(format_number(9_999.0), "9999");
        assert_eq!(
            parse_number(&format_number(1_234_567.89)),
            Ok(Some(1_234_567.89))
        );
    }

    #[test]
    fn ratings_dates_round_trip_and_reject_nonsense() {
        assert_eq!(<Option<u8>>::from_text("4"), Ok(Some(4)));
        assert!(<Option<u8>>::from_text("6").is_err());
        assert!(<Option<u8>>::from_text("0").is_err());
        let d = <Option<NaiveDate>>::from_text("2026-03-31").unwrap();
        assert_eq!(d.to_text(), "2026-03-31");
        assert_eq!(
            <Option<NaiveDate>>::from_text("31/03/2026"),
            Err(Msg::with("text.not_date", &[&"31/03/2026"]))
        );
    }

    #[test]
    fn percentages_outside_0_to_100_are_refused_with_a_message() {
        assert_eq!(parse_percent("35"), Ok(Some(35.0)));
        assert_eq!(parse_percent("12.5 %"), Ok(Some(12.5)));
        assert_eq!(parse_percent("0"), Ok(Some(0.0)));
        assert_eq!(parse_percent("100"), Ok(Some(100.0)));
        assert_eq!(parse_percent(""), Ok(None));
        assert_eq!(
            parse_percent("140"),
            Err(Msg::with("text.not_percent", &[&"140"]))
        );
        assert!(parse_percent("-5").is_err());
        assert_eq!(parse_percent("lots").unwrap_err().key, "text.not_number");
    }

    #[test]
    fn sizes_read_naturally() {
        let size = |key, n: &str| Msg::with(key, &[&n]);
        assert_eq!(format_size(820), size("text.bytes", "820"));
        assert_eq!(format_size(1024), size("text.kb", "1"));
        assert_eq!(format_size(6_000), size("text.kb", "5.9"));
        assert_eq!(format_size(12_800), size("text.kb", "12"));
        assert_eq!(format_size(200_000), size("text.kb", "195"));
        assert_eq!(format_size(10 * 1024 * 1024), size("text.mb", "10"));
        assert_eq!(format_size(1_468_006), size("text.mb", "1.4"));
    }
}
