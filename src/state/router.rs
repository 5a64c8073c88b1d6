//! The current route, read from the URL hash; links change the hash, so Back and Forward work.

use leptos::prelude::*;

use crate::route::Route;

#[derive(Clone, Copy)]
pub struct Router {
    pub route: RwSignal<Route>,
}

impl Router {
    pub fn new() -> Self {
        let hash = window().location().hash().unwrap_or_default();
        Router {
            route: RwSignal::new(Route::parse(&hash)),
        }
    }

    /// Goes to a route as a new history entry.
    pub fn go(&self, route: Route) {
        let _ = window().location().set_hash(&route.to_hash());
        self.route.set(route);
    }

    /// Replaces the current history entry (e.g. after deleting the plan shown).
    pub fn replace(&self, route: Route) {
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&route.to_hash()),
            );
        }
        self.route.set(route);
    }
}

impl Default for Router {
    fn default() -> Self {
        Self::new()
    }
}
