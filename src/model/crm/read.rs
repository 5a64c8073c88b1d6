//! Reading a CSV export from a CRM or a spreadsheet: the bytes to text (UTF-8 with or without
//! BOM, UTF-16 from Excel's "Unicode text"; legacy code pages are named here and decoded by the
//! browser), then the text to a table (separator sniffed, quotes, line breaks in cells).

/// The largest file read at all: a rep's key accounts fit in far less.
pub use super::table::{column_letter, parse, sniff_separator, Row, Table};

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
