//! Reading a CSV export from a CRM or a spreadsheet: the bytes to text (UTF-8 with or without
//! BOM, UTF-16 from Excel's "Unicode text"; legacy code pages are named here and decoded by the
//! browser), then the text to a table (separator sniffed, quotes, line breaks in cells).

/// The largest file read at all: a rep's key accounts fit in far less.
pub const MAX_BYTES: usize = 8 * 1024 * 1024;
/// The most data rows imported at once: key accounts, not every customer in the CRM.
pub const MAX_ROWS: usize = 2_000;
/// The most columns a file may have.
pub const MAX_COLUMNS: usize = 300;

/// How the file's bytes were (or must be) turned into text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    /// Chinese Excel's "CSV": GBK, read as its superset GB18030.
    Gb18030,
    /// Western European Excel's "CSV".
    Windows1252,
}

impl Encoding {
    /// The WHATWG encoding label (for the browser's TextDecoder) and the name shown to a rep.
    pub fn label(self) -> &'static str {
        match self {
            Self::Utf8 | Self::Utf8Bom => "utf-8",
            Self::Utf16Le => "utf-16le",
            Self::Utf16Be => "utf-16be",
            Self::Gb18030 => "gb18030",
            Self::Windows1252 => "windows-1252",
        }
    }
}

/// Why a file cannot be read. The UI words each one with what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    Empty,
    TooLarge {
        bytes: usize,
    },
    /// An Excel workbook (.xlsx or .xls) rather than a CSV export.
    Workbook,
    /// Not text at all (an image, a PDF, a program).
    Binary,
    /// A quote opened on this row (1-based, as a spreadsheet counts) is never closed.
    UnclosedQuote {
        row: usize,
    },
    TooManyRows {
        rows: usize,
    },
    TooManyColumns {
        columns: usize,
    },
    /// A heading row but no data under it.
    NoRows,
}

/// The bytes as text, or the legacy encoding the browser must decode them with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decoded {
    Text(String, Encoding),
    /// Not UTF-8: decode with this encoding (`Encoding::label`), then call `check_text`.
    Legacy(Encoding),
}

/// Turns a file's bytes into text where that needs no browser, and refuses what is not a CSV.
pub fn decode(bytes: &[u8]) -> Result<Decoded, ReadError> {
    if bytes.len() > MAX_BYTES {
        return Err(ReadError::TooLarge { bytes: bytes.len() });
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ReadError::Empty);
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(ReadError::Workbook);
    }
    let utf16 = |body: &[u8], le: bool, enc: Encoding| -> Result<Decoded, ReadError> {
        let units: Vec<u16> = body
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        let text = String::from_utf16_lossy(&units);
        check_text(&text).map(|()| Decoded::Text(text, enc))
    };
    if let Some(body) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(body, true, Encoding::Utf16Le);
    }
    if let Some(body) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(body, false, Encoding::Utf16Be);
    }
    // UTF-16 without a BOM: ASCII text leaves every other byte zero.
    let head = &bytes[..bytes.len().min(4096)];
    let zeros_even = head.iter().step_by(2).filter(|b| **b == 0).count();
    let zeros_odd = head.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    let half = head.len() / 2;
    if half >= 4 && zeros_odd * 10 >= half * 7 && zeros_even * 10 < half {
        return utf16(bytes, true, Encoding::Utf16Le);
    }
    if half >= 4 && zeros_even * 10 >= half * 7 && zeros_odd * 10 < half {
        return utf16(bytes, false, Encoding::Utf16Be);
    }
    if head.contains(&0) {
        return Err(ReadError::Binary);
    }
    let (body, enc) = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(b) => (b, Encoding::Utf8Bom),
        None => (bytes, Encoding::Utf8),
    };
    match std::str::from_utf8(body) {
        Ok(text) => check_text(text).map(|()| Decoded::Text(text.to_string(), enc)),
        Err(_) => Ok(Decoded::Legacy(guess_legacy(body))),
    }
}

/// Chinese text pairs two high bytes (GB2312 lead and trail are both 0xA1 or above); Western
/// text has single high bytes between ASCII letters (ü, é, €).
pub fn guess_legacy(bytes: &[u8]) -> Encoding {
    let (mut pairs, mut singles) = (0usize, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b >= 0x81 {
            match bytes.get(i + 1) {
                Some(&n) if b >= 0xA1 && n >= 0xA1 && b != 0xFF && n != 0xFF => {
                    pairs += 1;
                    i += 2;
                    continue;
                }
                Some(&n) if b <= 0xFE && (0x40..=0xFE).contains(&n) && n != 0x7F && n >= 0x80 => {
                    pairs += 1;
                    i += 2;
                    continue;
                }
                _ => singles += 1,
            }
        }
        i += 1;
    }
    if pairs > singles {
        Encoding::Gb18030
    } else {
        Encoding::Windows1252
    }
}

/// Refuses text that is mostly control characters or replacement marks: a binary file.
pub fn check_text(text: &str) -> Result<(), ReadError> {
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    let sample: Vec<char> = text.chars().take(65_536).collect();
    let bad = sample
        .iter()
        .filter(|c| (c.is_control() && !matches!(c, '\t' | '\r' | '\n')) || **c == '\u{FFFD}')
        .count();
    if bad * 100 > sample.len() {
        return Err(ReadError::Binary);
    }
    Ok(())
}

/// A file read into a heading row and data rows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub separator: char,
    /// Column headings as written (a blank one is shown by its spreadsheet letter).
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
    /// The heading's row number in the file (1-based).
    pub header_row: usize,
    /// Rows after the data that are a report's footer ("Total", "Generated by").
    pub footer_rows: usize,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Row {
    /// The row number a spreadsheet shows for it (1-based, the heading row included).
    pub number: usize,
    pub cells: Vec<String>,
}

impl Row {
    pub fn cell(&self, col: usize) -> &str {
        self.cells.get(col).map_or("", |s| s.as_str())
    }
    fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
    fn filled(&self) -> usize {
        self.cells.iter().filter(|c| !c.trim().is_empty()).count()
    }
}

/// Splits text into records. Stops early (with the count so far) past `limit` records, so a
/// huge file is refused without being held in memory twice.
fn records(text: &str, sep: char, limit: usize) -> Result<(Vec<Row>, usize), ReadError> {
    let mut rows = Vec::new();
    let mut cells: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut at_start = true; // at the start of a cell
    let mut number = 1;
    let mut quote_row = 0;
    let mut chars = text.chars().peekable();
    let mut count = 0usize;
    let mut push_row = |cells: &mut Vec<String>, number: usize, count: &mut usize| {
        *count += 1;
        if *count <= limit {
            rows.push(Row {
                number,
                cells: std::mem::take(cells),
            });
        } else {
            cells.clear();
        }
    };
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    cell.push('"');
                } else {
                    quoted = false;
                }
            } else {
                cell.push(c);
            }
            continue;
        }
        match c {
            '"' if at_start => {
                quoted = true;
                quote_row = number;
                at_start = false;
            }
            c if c == sep => {
                cells.push(std::mem::take(&mut cell));
                at_start = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                cells.push(std::mem::take(&mut cell));
                push_row(&mut cells, number, &mut count);
                number += 1;
                at_start = true;
            }
            c => {
                cell.push(c);
                at_start = false;
            }
        }
    }
    if quoted {
        return Err(ReadError::UnclosedQuote { row: quote_row });
    }
    if !cell.is_empty() || !cells.is_empty() {
        cells.push(cell);
        push_row(&mut cells, number, &mut count);
    }
    Ok((rows, count))
}

/// Which of comma, semicolon and tab separates the fields: the one that splits the first rows
/// into the same number of cells, more than one.
pub fn sniff_separator(text: &str) -> char {
    let mut end = text.len().min(64 * 1024);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let mut best = (',', 0usize, 0usize);
    for sep in ['\t', ';', ','] {
        // An unclosed quote in the sample is fine: the sample may cut a cell in two.
        let rows = match records(head, sep, 30) {
            Ok((rows, _)) => rows,
            Err(_) => records(&head.replace('"', ""), sep, 30)
                .map(|r| r.0)
                .unwrap_or_default(),
        };
        let rows: Vec<&Row> = rows.iter().filter(|r| !r.is_blank()).take(20).collect();
        let Some(first) = rows.first() else { continue };
        let n = first.cells.len();
        if n < 2 {
            continue;
        }
        let agree = rows.iter().filter(|r| r.cells.len() == n).count();
        if (agree, n) > (best.1, best.2) {
            best = (sep, agree, n);
        }
    }
    best.0
}

/// Spreadsheet letters for a column: A … Z, AA …
pub fn column_letter(mut col: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Reads the text of a CSV file into a table.
pub fn parse(text: &str) -> Result<Table, ReadError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    // Excel's "sep=;" first line names the separator.
    let (text, sep, skipped) = match text.strip_prefix("sep=") {
        Some(rest) if rest.chars().nth(1).is_some_and(|c| c == '\n' || c == '\r') => {
            let sep = rest.chars().next().unwrap_or(',');
            let body = rest[sep.len_utf8()..].trim_start_matches(['\r', '\n']);
            (body, sep, 1)
        }
        _ => (text, sniff_separator(text), 0),
    };
    // The heading, data, and a report footer: at most MAX_ROWS data rows and a little more.
    let (mut rows, total) = records(text, sep, MAX_ROWS + 50)?;
    for r in &mut rows {
        r.number += skipped;
    }
    // The heading: the first row with two or more filled cells (a report title above it is
    // skipped), or the first non-blank row of a one-column file.
    let first = rows
        .iter()
        .take(20)
        .position(|r| r.filled() >= 2)
        .or_else(|| rows.iter().position(|r| !r.is_blank()))
        .ok_or(ReadError::Empty)?;
    let mut data = rows.split_off(first + 1);
    let header = rows.pop().ok_or(ReadError::Empty)?;
    if total > MAX_ROWS + 50 {
        return Err(ReadError::TooManyRows {
            rows: total.saturating_sub(first + 1),
        });
    }
    data.retain(|r| !r.is_blank());
    // A report's footer: after a blank row below the data, rows with at most two filled cells
    // ("Total", "Generated by", a copyright line).
    let footer = match rows_after_last_blank(text.trim_end()) {
        Some(n) if n + skipped > header.number => data
            .iter()
            .rev()
            .take_while(|r| r.number > n + skipped && r.filled() <= 2)
            .count(),
        _ => 0,
    };
    let footer = if footer == data.len() { 0 } else { footer };
    data.truncate(data.len() - footer);
    if data.len() > MAX_ROWS {
        return Err(ReadError::TooManyRows { rows: data.len() });
    }
    if header.cells.len() > MAX_COLUMNS {
        return Err(ReadError::TooManyColumns {
            columns: header.cells.len(),
        });
    }
    if data.is_empty() {
        return Err(ReadError::NoRows);
    }
    let headers = header.cells.iter().map(|h| h.trim().to_string()).collect();
    Ok(Table {
        separator: sep,
        headers,
        rows: data,
        header_row: header.number,
        footer_rows: footer,
    })
}

/// The record number of the last blank line in the text (records counted as `records` does),
/// ignoring line breaks inside quotes.
fn rows_after_last_blank(text: &str) -> Option<usize> {
    let mut number = 1;
    let mut quoted = false;
    let mut line_empty = true;
    let mut last = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                quoted = !quoted;
                line_empty = false;
            }
            '\r' | '\n' if !quoted => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                if line_empty {
                    last = Some(number);
                }
                number += 1;
                line_empty = true;
            }
            c if c.is_whitespace() || c == ',' || c == ';' => {}
            _ => line_empty = false,
        }
    }
    last
}
