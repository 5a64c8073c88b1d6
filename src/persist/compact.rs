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

use crate::model::msg::Msg;
use serde_json::{Map, Value};

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

/// Packs bytes 15 bits per code unit (the last unit padded with zero bits).
pub fn pack(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(units_for(bytes.len()) * 3);
    let mut acc: u32 = 0;
    let mut bits: u32 = 0;
    for &b in bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        if bits >= BITS {
            bits -= BITS;
            push_unit(&mut out, (acc >> bits) & 0x7FFF);
            acc &= (1 << bits) - 1;
        }
    }
    if bits > 0 {
        push_unit(&mut out, (acc << (BITS - bits)) & 0x7FFF);
    }
    out
}

fn push_unit(out: &mut String, v: u32) {
    // OFFSET + 0x7FFF = 0x801F: below the surrogates (0xD800), so always a char.
    out.push(char::from_u32(OFFSET + v).unwrap_or(' '));
}

/// Code units that `n` packed bytes take.
pub fn units_for(n: usize) -> usize {
    (n * 8).div_ceil(BITS as usize)
}

/// Unpacks exactly `len` bytes; any unit out of range, or a count of units that does not
/// match `len`, is an error.
pub fn unpack(packed: &str, len: usize) -> Result<Vec<u8>, CompactError> {
    if len > MAX_DECODED {
        return Err(CompactError::Truncated);
    }
    let mut out = Vec::with_capacity(len);
    let mut acc: u32 = 0;
    let mut bits: u32 = 0;
    let mut units = 0usize;
    for (i, c) in packed.chars().enumerate() {
        let v = c as u32;
        if !(OFFSET..=OFFSET + 0x7FFF).contains(&v) {
            return Err(CompactError::BadUnit(i));
        }
        units += 1;
        if units > units_for(len) {
            return Err(CompactError::Truncated);
        }
        acc = (acc << BITS) | (v - OFFSET);
        bits += BITS;
        while bits >= 8 {
            bits -= 8;
            let byte = (acc >> bits) as u8;
            if out.len() < len {
                out.push(byte);
            } else if byte != 0 {
                // The padding of the last unit is zero bits: anything else is an alteration.
                return Err(CompactError::BadUnit(i));
            }
            acc &= (1 << bits) - 1;
        }
    }
    if units != units_for(len) || out.len() != len {
        return Err(CompactError::Truncated);
    }
    if acc != 0 {
        return Err(CompactError::BadUnit(units.saturating_sub(1)));
    }
    Ok(out)
}

thread_local! {
    /// One compressor, reset for each value: making a new one allocates and clears its large
    /// tables, which cost more than compressing a small plan.
    static COMPRESSOR: std::cell::RefCell<Option<Box<CompressorOxide>>> =
        const { std::cell::RefCell::new(None) };
}

use miniz_oxide::deflate::core::{
    compress_to_output, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush, TDEFLStatus,
};

/// zlib-wrapped deflate of `data`.
fn deflate(data: &[u8]) -> Vec<u8> {
    COMPRESSOR.with_borrow_mut(|slot| {
        let c = slot.get_or_insert_with(|| {
            Box::new(CompressorOxide::new(create_comp_flags_from_zip_params(
                LEVEL, 15, 0,
            )))
        });
        c.reset();
        let mut out = Vec::with_capacity(data.len() / 3 + 64);
        let (status, _) = compress_to_output(c, data, TDEFLFlush::Finish, |bytes| {
            out.extend_from_slice(bytes);
            true
        });
        if status == TDEFLStatus::Done {
            out
        } else {
            miniz_oxide::deflate::compress_to_vec_zlib(data, LEVEL as u8)
        }
    })
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

fn reviews_mut(value: &mut Value) -> Option<&mut Vec<Value>> {
    value
        .get_mut("plan")?
        .get_mut("communication")?
        .get_mut("reviews")?
        .as_array_mut()
}

/// Takes the reviews out of the envelope; returns them and the plan without them (the
/// reference of the newest snapshot).
fn split_reviews(value: &mut Value) -> Option<(Vec<Value>, Value)> {
    let reviews = std::mem::take(reviews_mut(value)?);
    let reference = value.get("plan")?.clone();
    Some((reviews, reference))
}

/// Replaces each review's snapshot by its delta. Returns false when there was nothing to do.
fn shrink_snapshots(value: &mut Value) -> bool {
    let Some((mut reviews, mut reference)) = split_reviews(value) else {
        return false;
    };
    for review in reviews.iter_mut().rev() {
        let Some(slot) = review.get_mut("snapshot") else {
            continue;
        };
        if slot.is_null() {
            continue;
        }
        let full = slot.take();
        *slot = delta(&full, &reference);
        reference = full;
    }
    if let Some(r) = reviews_mut(value) {
        *r = reviews;
    }
    true
}

/// Replaces each review's delta by the snapshot it stands for.
fn expand_snapshots(value: &mut Value) -> Result<(), CompactError> {
    let Some((mut reviews, mut reference)) = split_reviews(value) else {
        return Ok(());
    };
    for review in reviews.iter_mut().rev() {
        let Some(slot) = review.get_mut("snapshot") else {
            continue;
        };
        if slot.is_null() {
            continue;
        }
        let full = apply(slot, &reference)?;
        *slot = full.clone();
        reference = full;
    }
    if let Some(r) = reviews_mut(value) {
        *r = reviews;
    }
    Ok(())
}

// A delta of value `a` against a reference `r`, itself a JSON value:
//   []                       a equals r
//   [0, x]                   a is x
//   [1, {key: delta}, [k…]]  both objects: changed keys with their deltas, removed keys
//   [2, [elem…]]             both arrays: elem is n (r[n] unchanged), [n, delta] (r[n] changed)
//                            or {"=": x} (x, new). Rows with an "id" are matched by id.

fn tag(n: u8) -> Value {
    Value::from(n)
}

/// The delta of `a` against `r`.
pub fn delta(a: &Value, r: &Value) -> Value {
    if a == r {
        return Value::Array(Vec::new());
    }
    match (a, r) {
        (Value::Object(x), Value::Object(y)) => {
            let mut changed = Map::new();
            for (k, v) in x {
                match y.get(k) {
                    Some(w) if w == v => {}
                    Some(w) => {
                        changed.insert(k.clone(), delta(v, w));
                    }
                    None => {
                        changed.insert(k.clone(), Value::Array(vec![tag(0), v.clone()]));
                    }
                }
            }
            let removed: Vec<Value> = y
                .keys()
                .filter(|k| !x.contains_key(*k))
                .map(|k| Value::String(k.clone()))
                .collect();
            Value::Array(vec![tag(1), Value::Object(changed), Value::Array(removed)])
        }
        (Value::Array(x), Value::Array(y)) => {
            let by_id: std::collections::HashMap<String, usize> = y
                .iter()
                .enumerate()
                .filter_map(|(i, e)| e.get("id").map(|id| (id.to_string(), i)))
                .collect();
            let elems = x
                .iter()
                .enumerate()
                .map(|(i, e)| {
                    let at = match e.get("id") {
                        Some(id) => by_id.get(&id.to_string()).copied(),
                        None => (i < y.len() && y[i].get("id").is_none()).then_some(i),
                    };
                    match at {
                        Some(n) if y[n] == *e => Value::from(n),
                        Some(n) => Value::Array(vec![Value::from(n), delta(e, &y[n])]),
                        None => {
                            let mut m = Map::new();
                            m.insert("=".into(), e.clone());
                            Value::Object(m)
                        }
                    }
                })
                .collect();
            Value::Array(vec![tag(2), Value::Array(elems)])
        }
        _ => Value::Array(vec![tag(0), a.clone()]),
    }
}

/// The value that delta `d` stands for against reference `r`; a malformed delta is an error.
pub fn apply(d: &Value, r: &Value) -> Result<Value, CompactError> {
    let bad = || CompactError::BadContent;
    let parts = d.as_array().ok_or_else(bad)?;
    let Some(kind) = parts.first() else {
        return Ok(r.clone());
    };
    match (kind.as_u64(), parts.len()) {
        (Some(0), 2) => Ok(parts[1].clone()),
        (Some(1), 3) => {
            let mut out = r.as_object().ok_or_else(bad)?.clone();
            for k in parts[2].as_array().ok_or_else(bad)? {
                out.remove(k.as_str().ok_or_else(bad)?);
            }
            for (k, dv) in parts[1].as_object().ok_or_else(bad)? {
                let base = r.get(k).unwrap_or(&Value::Null);
                out.insert(k.clone(), apply(dv, base)?);
            }
            Ok(Value::Object(out))
        }
        (Some(2), 2) => {
            let y = r.as_array().ok_or_else(bad)?;
            let at = |n: &Value| {
                n.as_u64()
                    .and_then(|n| y.get(usize::try_from(n).ok()?))
                    .ok_or_else(bad)
            };
            let elems = parts[1].as_array().ok_or_else(bad)?;
            let mut out = Vec::with_capacity(elems.len());
            for e in elems {
                out.push(match e {
                    Value::Number(_) => at(e)?.clone(),
                    Value::Array(p) if p.len() == 2 => apply(&p[1], at(&p[0])?)?,
                    Value::Object(m) => m.get("=").ok_or_else(bad)?.clone(),
                    _ => return Err(bad()),
                });
            }
            Ok(Value::Array(out))
        }
        _ => Err(bad()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn round(bytes: &[u8]) {
        let packed = pack(bytes);
        assert_eq!(packed.encode_utf16().count(), units_for(bytes.len()));
        assert!(packed
            .encode_utf16()
            .all(|u| (0x20..=0x801F).contains(&u) && !(0xD800..=0xDFFF).contains(&u)));
        assert_eq!(unpack(&packed, bytes.len()).unwrap(), bytes);
    }

    /// A deterministic generator for the fuzz loops (no dependency).
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n.max(1) as u64) as usize
        }
    }

    #[test]
    fn packing_round_trips_every_length_and_byte() {
        for len in 0..64 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            round(&bytes);
        }
        round(&[0u8; 100]);
        round(&[0xFF; 100]);
        round(&(0..=255).collect::<Vec<u8>>());
    }

    fn fixed_now() -> chrono::DateTime<chrono::Utc> {
        "2026-11-22T10:00:00Z".parse().unwrap()
    }

    fn plan_json(text: &str) -> String {
        let mut plan = crate::model::plan::Plan::new("p", text, fixed_now());
        plan.header.industry = text.to_string();
        crate::persist::envelope::encode_plan(&plan, fixed_now())
    }

    #[test]
    fn compact_values_round_trip_every_kind_of_text() {
        let five_mb: String = "Lieferant 供应商 🚚 \u{0} ".repeat(5 * 1024 * 1024 / 30);
        for text in [
            "Plain ASCII, with \"quotes\" and \\ backslashes",
            "简体中文：关键客户计划",
            "emoji 👩🏽‍💼🚀 and ZWJ sequences",
            "NUL \u{0} inside, and other controls \u{1}\u{1f}",
            "line\nbreaks\r\nand\ttabs",
            "",
            &five_mb,
        ] {
            let json = plan_json(text);
            let raw = encode_plan_text(&json, 2, 3);
            assert!(is_compact(&raw));
            let (header, _) = read_header(&raw).unwrap();
            assert_eq!((header.schema_version, header.revision), (2, 3));
            let back = decode_value(&raw).unwrap();
            assert_eq!(back, serde_json::from_str::<Value>(&json).unwrap());
            assert_eq!(back["plan"]["header"]["industry"], json!(text));
        }
    }

    #[test]
    fn lone_surrogates_inside_user_text_survive() {
        // A JS string can hold a lone surrogate; in JSON text it arrives escaped ("\ud800"),
        // which serde_json reads as U+FFFD at worst. The packing itself never emits one.
        let json = r#"{"kind":"keyplan.plan","schema_version":2,"plan":{"header":{"industry":"a\ud800b"}}}"#;
        let raw = encode(crate::persist::envelope::PLAN_KIND, 2, 0, false, json);
        let (_, text) = decode_text(&raw).unwrap();
        assert_eq!(text, json);
        assert!(raw
            .encode_utf16()
            .skip_while(|u| *u != u16::from(b'\n'))
            .all(|u| !(0xD800..=0xDFFF).contains(&u)));
    }

    #[test]
    fn five_megabytes_of_random_bytes_round_trip() {
        let mut rng = Rng(7);
        let bytes: Vec<u8> = (0..5 * 1024 * 1024).map(|_| rng.next() as u8).collect();
        round(&bytes);
    }

    #[test]
    fn a_cut_or_altered_value_is_an_error_never_a_panic() {
        let raw = encode_plan_text(&plan_json("Acme Steel, Duisburg plant"), 2, 1);
        // Cut anywhere.
        for cut in (0..raw.len()).filter(|i| raw.is_char_boundary(*i)) {
            assert!(decode_value(&raw[..cut]).is_err(), "cut at {cut}");
        }
        // One unit changed anywhere in the payload.
        let (head, payload) = raw.split_once('\n').unwrap();
        let units: Vec<char> = payload.chars().collect();
        for i in 0..units.len() {
            let mut u = units.clone();
            u[i] = char::from_u32(u[i] as u32 ^ 0x0101).unwrap();
            let altered = format!("{head}\n{}", u.into_iter().collect::<String>());
            // An error, or (when the change falls in bits deflate ignores after its last
            // block) the very same value: never a different plan.
            if let Ok(v) = decode_value(&altered) {
                assert_eq!(Ok(v), decode_value(&raw), "unit {i} altered");
            }
        }
        assert_eq!(
            decode_value(&format!("{head}\n{payload}\u{7}")),
            Err(CompactError::BadUnit(units.len()))
        );
        assert!(matches!(
            decode_value("@keyplan.plan z9 s2 r1 n4\nabc"),
            Err(CompactError::UnknownFormat(f)) if f == "z9"
        ));
        assert_eq!(decode_value("@keyplan.plan"), Err(CompactError::BadHeader));
        assert_eq!(
            decode_value("@keyplan.plan z1 s2 rX n4\n"),
            Err(CompactError::BadHeader)
        );
    }

    #[test]
    fn fuzz_random_values_never_panic() {
        let mut rng = Rng(0x5EED);
        let good = encode_plan_text(&plan_json("Fuzz GmbH"), 2, 1);
        for round in 0..3000 {
            let raw: String = match round % 3 {
                0 => {
                    let n = rng.below(300);
                    (0..n)
                        .filter_map(|_| char::from_u32(rng.next() as u32 % 0x11_0000))
                        .collect()
                }
                1 => {
                    let n = rng.below(300);
                    let body: String = (0..n)
                        .filter_map(|_| char::from_u32(0x20 + rng.below(0x8000) as u32))
                        .collect();
                    format!(
                        "@keyplan.plan z1 s2 r1 n{} d{}\n{body}",
                        rng.below(700),
                        rng.below(2)
                    )
                }
                _ => {
                    let mut chars: Vec<char> = good.chars().collect();
                    for _ in 0..=rng.below(4) {
                        let i = rng.below(chars.len());
                        match rng.below(3) {
                            0 => {
                                chars[i] = char::from_u32(rng.next() as u32 % 0xD000).unwrap_or('x')
                            }
                            1 => chars.truncate(i),
                            _ => chars.insert(i, 'Q'),
                        }
                        if chars.is_empty() {
                            break;
                        }
                    }
                    chars.into_iter().collect()
                }
            };
            let _ = decode_value(&raw);
            let _ = read_header(&raw);
        }
    }

    #[test]
    fn deltas_round_trip_and_malformed_deltas_are_errors() {
        let a = json!({"x": 1, "rows": [{"id": 1, "n": "a"}, {"id": 3, "n": "c"}, {"id": 4}], "list": [1, 2, 3], "gone": null});
        let r = json!({"x": 2, "rows": [{"id": 2, "n": "b"}, {"id": 1, "n": "A"}, {"id": 3, "n": "c"}], "list": [1, 5], "new": true});
        for (p, q) in [
            (&a, &r),
            (&r, &a),
            (&a, &a),
            (&a, &json!(null)),
            (&json!([1]), &a),
        ] {
            let d = delta(p, q);
            assert_eq!(&apply(&d, q).unwrap(), p);
        }
        for d in [
            json!({}),
            json!([9]),
            json!([1, 2, 3]),
            json!([2, [99]]),
            json!([2, ["x"]]),
        ] {
            assert_eq!(apply(&d, &r), Err(CompactError::BadContent), "{d}");
        }
    }

    #[test]
    fn snapshots_are_stored_as_small_deltas() {
        use crate::model::plan::{Contact, Review};
        use crate::model::snapshot::snapshot;
        let mut plan = crate::model::plan::Plan::new("p", "Acme", chrono::Utc::now());
        for q in 0..12u32 {
            plan.relationships.contacts.push(Contact {
                id: q + 1,
                name: format!("Contact {q}"),
                background: format!("Quarter {q}: met at the plant, keen on the {q}th trial."),
                ..Contact::default()
            });
            if q % 3 == 0 {
                plan.relationships.contacts.remove(0);
            }
            plan.customer.strategy = format!("Strategy revised in quarter {q}.");
            let snap = snapshot(&plan);
            plan.communication.reviews.push(Review {
                id: q + 1,
                snapshot: Some(snap),
                ..Review::default()
            });
        }
        let json = crate::persist::envelope::encode_plan(&plan, chrono::Utc::now());
        let raw = encode_plan_text(&json, 2, 9);
        assert!(read_header(&raw).unwrap().0.deltas);
        let back = decode_value(&raw).unwrap();
        assert_eq!(back, serde_json::from_str::<Value>(&json).unwrap());
        // Twelve snapshots stored as deltas cost little more than the plan without them.
        let mut bare = plan.clone();
        bare.communication.reviews.clear();
        let bare = encode_plan_text(
            &crate::persist::envelope::encode_plan(&bare, chrono::Utc::now()),
            2,
            9,
        );
        let (with, without) = (raw.encode_utf16().count(), bare.encode_utf16().count());
        assert!(with < without * 2, "{with} vs {without}");
        assert!(with * 4 < json.len(), "{with} vs {}", json.len());
    }

    #[test]
    fn plain_and_compact_plans_decode_alike_and_show_their_revision() {
        use crate::persist::envelope::{decode_plan, DecodeError};
        let mut plan = crate::model::plan::Plan::new("p", "Acme 简体 🚀", chrono::Utc::now());
        plan.revision = 41;
        let now = chrono::Utc::now();
        let plain = crate::persist::envelope::encode_plan(&plan, now);
        let compact = encode_stored_plan(&plan, now);
        let head = format!(
            "@keyplan.plan z1 s{} r41 n",
            crate::model::migration::SCHEMA_VERSION
        );
        assert!(compact.starts_with(&head), "{}", &compact[..40]);
        assert_eq!(decode_plan(&plain).unwrap().plan, plan);
        assert_eq!(decode_plan(&compact).unwrap().plan, plan);
        assert_eq!(stored_revision(&compact), Some(41));
        assert_eq!(
            crate::persist::envelope::stored_revision(&compact),
            Some(41)
        );
        assert!(compact.encode_utf16().count() < plain.len());
        let damaged = compact.replacen(" n", " n1", 1);
        assert!(matches!(
            decode_plan(&damaged),
            Err(DecodeError::Invalid { .. })
        ));
        assert!(crate::persist::envelope::decode_plan_read_only(&compact).is_some());
        // A compact stored value can be imported like a plain one (docs/FORMAT.md).
        let file = crate::persist::import::parse_file(compact.as_bytes()).unwrap();
        assert_eq!(file.plans[0].header.account_name, "Acme 简体 🚀");
        assert!(crate::persist::import::parse_file(damaged.as_bytes()).is_err());
    }
}
