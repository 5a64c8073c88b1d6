//! Shared widgets: fields, tables, header, banners, charts.
pub mod banners;
pub mod capacity;
pub mod comments;
pub mod conflicts;
pub mod crm_import;
pub mod drop;
pub mod field;
pub mod figures;
pub mod header;
pub mod import_merge;
pub mod kinds;
pub mod media;
pub mod penetration;
pub mod relmap;
pub mod sharing;
pub mod table;
pub mod timeline;

use wasm_bindgen::JsCast;

/// Scrolls to the element with id `anchor` and focuses its first input (or itself), opening
/// the folded row or "More detail" it sits in. Returns false when there is no such element.
pub fn focus_anchor(anchor: &str) -> bool {
    let doc = leptos::prelude::document();
    let Some(el) = doc.get_element_by_id(anchor) else {
        return false;
    };
    if let Some(card) = el.closest(".row-card.collapsed").ok().flatten() {
        if let Some(toggle) = card.query_selector(".row-toggle").ok().flatten() {
            toggle.unchecked_into::<web_sys::HtmlElement>().click();
        }
    }
    // A collapsed row draws its fields when it opens: find the field after that render.
    leptos::prelude::request_animation_frame(move || {
        let target = if el
            .matches("input, textarea, select, button")
            .unwrap_or(false)
        {
            el
        } else {
            el.query_selector(
                ".row-body input, .row-body textarea, .row-body select, input, textarea, select",
            )
            .ok()
            .flatten()
            .unwrap_or(el)
        };
        if let Some(details) = target.closest("details").ok().flatten() {
            let _ = details.set_attribute("open", "");
        }
        target.scroll_into_view();
        let _ = target.unchecked_into::<web_sys::HtmlElement>().focus();
    });
    true
}
