//! The compact stored form of a plan (issue 13): pure, host-tested, no browser.
//!
//! A stored value in this form is one line of readable header and then the payload:
//!
//! ```text
//! @keyplan.plan z1 s2 r7 n1234 d1
//! 㐀䀁…   (the zlib-deflated JSON envelope, 15 bits per UTF-16 code unit)
//! ```
//!
//! - `@` tells it apart from a plain-JSON value (which starts with `{`) before anything is decoded;
//! - `keyplan.plan` is the kind, `z1` the format (deflate + 15-bit packing), `s2` the schema
//!   version of the plan inside, `r7` its revision (read without decoding, for the revision
//!   check of a save), `n1234` the number of deflated bytes, `d1` that review snapshots are stored
//!   as deltas (each against the next newer snapshot, the newest against the plan itself).
//!
//! The packing puts 15 bits in each code unit, offset by 0x20: every unit lies in
//! U+0020..U+801F, a valid, non-surrogate BMP character, so the value round-trips unaltered
//! through a Rust `&str`, a JS string and every browser's localStorage (as lz-string's
//! `compressToUTF16` does). Deflate's zlib wrapper carries an Adler-32 checksum, so an altered
//! value is an error, never a wrong plan.
//!
//! Snapshots are deltas because deflate only looks 32 KB back: twelve review snapshots of a
//! 30 KB plan cannot share their text otherwise, and each would cost as much as the plan.

mod delta;
mod packing;

use crate::model::msg::Msg;
use serde_json::Value;

pub use delta::{apply, delta};
use delta::{expand_snapshots, shrink_snapshots};
use packing::deflate;
pub use packing::{pack, units_for, unpack};

/// First character of a compact value (never the first of a JSON text).
pub const MARK: char = '@';
/// The only format this KeyPlan writes and reads.
pub const FORMAT: &str = "z1";
/// Bits of payload per UTF-16 code unit, and the offset that keeps units printable.
const BITS: u32 = 15;
const OFFSET: u32 = 0x20;
/// Deflate level. Measured on plan JSON (miniz_oxide): level 3 is within 5% of zlib's default
/// level 6 in size at about half its time; level 1 is a third larger. A save, and an import of
/// hundreds of plans, pays this time for every plan written.
const LEVEL: i32 = 3;
/// Largest decoded value accepted (a damaged length must not make us allocate gigabytes).
const MAX_DECODED: usize = 256 * 1024 * 1024;

/// Why a compact value cannot be read; `msg` gives the code the interface words for a rep.
#[derive(Clone, Debug, PartialEq)]
pub enum CompactError {
    /// The header line is missing or malformed.
    BadHeader,
    /// Written in a format this KeyPlan does not know (a newer one).
    UnknownFormat(String),
    /// Fewer or more code units than the header says: the value was cut or extended.
    Truncated,
    /// A code unit outside the packing's range.
    BadUnit(usize),
    /// The deflated data or its checksum is wrong.
    Corrupt,
    /// The decoded text is not the JSON it should be, or a snapshot delta does not apply.
    BadContent,
}

impl CompactError {
    /// What to tell the rep, as a catalogue key and its arguments.
    pub fn msg(&self) -> Msg {
        match self {
            Self::BadHeader => Msg::new("compact.bad_header"),
            Self::UnknownFormat(x) => Msg::with("compact.unknown_format", &[x]),
            Self::Truncated => Msg::new("compact.truncated"),
            Self::BadUnit(at) => Msg::with("compact.bad_unit", &[at]),
            Self::Corrupt => Msg::new("compact.corrupt"),
            Self::BadContent => Msg::new("compact.bad_content"),
        }
    }
}

/// The readable header of a compact value.
#[derive(Clone, Debug, PartialEq)]
pub struct Header {
    pub kind: String,
    pub format: String,
    pub schema_version: u32,
    pub revision: u64,
    /// Deflated bytes in the payload.
    pub bytes: usize,
    /// Review snapshots are stored as deltas.
    pub deltas: bool,
    /// FNV-1a (64 bit) of the deflated text: Adler-32 alone let a two-bit change through.
    pub check: Option<u64>,
}

/// FNV-1a, 64 bit: cheap, and enough to tell a damaged value from the one written.
fn fnv64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

impl Header {
    fn line(&self) -> String {
        format!(
            "{MARK}{} {} s{} r{} n{} d{}{}\n",
            self.kind,
            self.format,
            self.schema_version,
            self.revision,
            self.bytes,
            u8::from(self.deltas),
            self.check
                .map(|h| format!(" h{h:016x}"))
                .unwrap_or_default()
        )
    }
}

pub fn is_compact(raw: &str) -> bool {
    raw.starts_with(MARK)
}

/// Reads the header line; returns it and the payload after it. Does not decode anything.
pub fn read_header(raw: &str) -> Result<(Header, &str), CompactError> {
    let rest = raw.strip_prefix(MARK).ok_or(CompactError::BadHeader)?;
    let (line, payload) = rest.split_once('\n').ok_or(CompactError::BadHeader)?;
    if line.len() > 200 {
        return Err(CompactError::BadHeader);
    }
    let mut parts = line.split(' ');
    let kind = parts.next().filter(|k| !k.is_empty());
    let format = parts.next();
    let (Some(kind), Some(format)) = (kind, format) else {
        return Err(CompactError::BadHeader);
    };
    if format != FORMAT {
        return Err(CompactError::UnknownFormat(
            format.chars().take(20).collect(),
        ));
    }
    let mut header = Header {
        kind: kind.to_string(),
        format: format.to_string(),
        schema_version: 0,
        revision: 0,
        bytes: usize::MAX,
        deltas: false,
        check: None,
    };
    for part in parts {
        let (tag, value) = part.split_at(part.chars().next().map_or(0, char::len_utf8));
        let bad = |_| CompactError::BadHeader;
        match tag {
            "s" => header.schema_version = value.parse().map_err(bad)?,
            "r" => header.revision = value.parse().map_err(bad)?,
            "n" => header.bytes = value.parse().map_err(bad)?,
            "d" => header.deltas = value == "1",
            "h" => header.check = Some(u64::from_str_radix(value, 16).map_err(bad)?),
            // Unknown fields from a later KeyPlan of the same format are skipped.
            _ => {}
        }
    }
    if header.bytes == usize::MAX || header.schema_version == 0 {
        return Err(CompactError::BadHeader);
    }
    Ok((header, payload))
}

/// Deflates and packs a JSON text behind its header.
pub fn encode(kind: &str, schema_version: u32, revision: u64, deltas: bool, json: &str) -> String {
    let deflated = deflate(json.as_bytes());
    let header = Header {
        kind: kind.to_string(),
        format: FORMAT.to_string(),
        schema_version,
        revision,
        bytes: deflated.len(),
        deltas,
        check: Some(fnv64(json.as_bytes())),
    };
    let mut out = header.line();
    out.push_str(&pack(&deflated));
    out
}

/// The JSON text inside a compact value, with snapshot deltas not yet applied.
pub fn decode_text(raw: &str) -> Result<(Header, String), CompactError> {
    let (header, payload) = read_header(raw)?;
    let deflated = unpack(payload, header.bytes)?;
    let bytes = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&deflated, MAX_DECODED)
        .map_err(|_| CompactError::Corrupt)?;
    if header.check.is_some_and(|h| h != fnv64(&bytes)) {
        return Err(CompactError::Corrupt);
    }
    let text = String::from_utf8(bytes).map_err(|_| CompactError::BadContent)?;
    Ok((header, text))
}

/// Decodes a compact value into the JSON value of the plain envelope it stands for.
pub fn decode_value(raw: &str) -> Result<Value, CompactError> {
    let (header, text) = decode_text(raw)?;
    let mut value: Value = serde_json::from_str(&text).map_err(|_| CompactError::BadContent)?;
    if header.deltas {
        expand_snapshots(&mut value)?;
    }
    Ok(value)
}

/// Encodes a plan's plain JSON envelope (as `envelope::encode_plan` writes it) compactly,
/// with its review snapshots as deltas.
pub fn encode_plan_text(json: &str, schema_version: u32, revision: u64) -> String {
    // Only a plan with snapshots needs the detour through a JSON value.
    if json.contains("\"snapshot\":{") {
        if let Ok(mut value) = serde_json::from_str::<Value>(json) {
            if shrink_snapshots(&mut value) {
                let text = value.to_string();
                return encode(
                    crate::persist::envelope::PLAN_KIND,
                    schema_version,
                    revision,
                    true,
                    &text,
                );
            }
        }
    }
    encode(
        crate::persist::envelope::PLAN_KIND,
        schema_version,
        revision,
        false,
        json,
    )
}

/// A plan as this KeyPlan stores it: the plain envelope, compacted.
pub fn encode_stored_plan(
    plan: &crate::model::plan::Plan,
    now: chrono::DateTime<chrono::Utc>,
) -> String {
    encode_plan_text(
        &crate::persist::envelope::encode_plan(plan, now),
        crate::model::migration::SCHEMA_VERSION,
        plan.revision,
    )
}

/// The JSON value of a stored value in either form: plain JSON (as older KeyPlans wrote it)
/// or compact. A damaged compact value is a `DecodeError` like damaged JSON.
pub fn parse_stored(raw: &str) -> Result<Value, crate::persist::envelope::DecodeError> {
    if !is_compact(raw) {
        return crate::persist::envelope::parse_json(raw);
    }
    decode_value(raw)
        .map_err(|e| crate::persist::envelope::DecodeError::Invalid { detail: e.msg() })
}

/// The revision of a stored plan in either form, read without decoding the plan.
pub fn stored_revision(raw: &str) -> Option<u64> {
    if is_compact(raw) {
        return read_header(raw).ok().map(|(h, _)| h.revision);
    }
    crate::persist::envelope::stored_revision(raw)
}

#[cfg(test)]
mod tests;
