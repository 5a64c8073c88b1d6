//! The bytes of a compact value: zlib deflate, and the packing of 15 bits per UTF-16 code
//! unit that keeps them a valid string (see the parent module).

use super::{CompactError, BITS, LEVEL, MAX_DECODED, OFFSET};

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
pub(super) fn deflate(data: &[u8]) -> Vec<u8> {
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
