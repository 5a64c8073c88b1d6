//! The only code that touches local storage and files: the envelope, storage, import and export.
pub mod envelope;
#[cfg(target_arch = "wasm32")]
pub mod storage;
