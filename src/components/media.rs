//! Whether the screen is narrow (a phone, a portrait tablet): the layout's breakpoint as a signal.

use leptos::prelude::*;

/// The breakpoint of style/main.css below which the plan is one column.
const NARROW: &str = "(max-width: 820px)";

fn is_narrow() -> bool {
    window()
        .match_media(NARROW)
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

/// True on a narrow screen; follows a rotation or a resized window.
pub fn narrow() -> Signal<bool> {
    let s = RwSignal::new(is_narrow());
    let listener = window_event_listener(leptos::ev::resize, move |_| {
        let now = is_narrow();
        if s.get_untracked() != now {
            s.set(now);
        }
    });
    on_cleanup(move || listener.remove());
    s.into()
}
