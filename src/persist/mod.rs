//! The only code that touches local storage and files: the envelope, storage, import and export.
pub mod calendar;
pub mod compact;
pub mod csv;
#[cfg(target_arch = "wasm32")]
pub mod download;
pub mod envelope;
pub mod file;
pub mod import;
#[cfg(target_arch = "wasm32")]
pub mod journal;
#[cfg(target_arch = "wasm32")]
pub mod legacy_text;
#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod stored;
pub mod usage;
