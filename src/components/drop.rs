//! Files the rep picks or drops on an import (a KeyPlan file, a CRM export): one way to take
//! them and read their bytes.

use leptos::prelude::*;

/// The file a file input now holds; the input is cleared so the same file can be picked again.
pub fn picked_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = event_target(ev);
    let file = input.files().and_then(|l| l.get(0));
    input.set_value("");
    file
}

/// The first file of a drop; the browser's own handling (opening the file) is prevented.
pub fn dropped_file(ev: &web_sys::DragEvent) -> Option<web_sys::File> {
    ev.prevent_default();
    ev.data_transfer()
        .and_then(|d| d.files())
        .and_then(|l| l.get(0))
}

/// Reads a file's bytes, then `done(name, bytes)`, or `failed()` when the browser cannot read
/// it. A file over `max` bytes is not read: `Err(its size)` at once, for the caller to say so.
pub fn read_file_bytes(
    file: web_sys::File,
    max: usize,
    done: impl FnOnce(String, Vec<u8>) + 'static,
    failed: impl FnOnce() + 'static,
) -> Result<(), usize> {
    let size = file.size();
    if size > max as f64 {
        return Err(size as usize);
    }
    let name = file.name();
    let promise = file.array_buffer();
    leptos::task::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(buf) => done(name, js_sys::Uint8Array::new(&buf).to_vec()),
            Err(_) => failed(),
        }
    });
    Ok(())
}
