//! Text in a legacy code page (GBK/GB18030 from Chinese Excel, windows-1252 from Western
//! Excel), decoded by the browser's TextDecoder: the WHATWG tables, without shipping them.

use wasm_bindgen::JsCast;

/// `bytes` decoded with the encoding `label`; `None` when this browser lacks it.
pub fn decode(bytes: &[u8], label: &str) -> Option<String> {
    let global = js_sys::global();
    let ctor: js_sys::Function = js_sys::Reflect::get(&global, &"TextDecoder".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let decoder = js_sys::Reflect::construct(&ctor, &js_sys::Array::of1(&label.into())).ok()?;
    let decode: js_sys::Function = js_sys::Reflect::get(&decoder, &"decode".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let array = js_sys::Uint8Array::from(bytes);
    decode.call1(&decoder, &array).ok()?.as_string()
}
