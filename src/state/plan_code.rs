//! The code that reads and writes plans (`persist::codec`) as the workspace waits for it: at
//! start when storage holds plans, and before the first plan of an empty workspace is written.

use leptos::prelude::*;

use super::workspace::Workspace;
use crate::persist::codec;

/// The code that reads and writes plans (`persist::codec`), as the start-up waits for it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CodeState {
    /// Here, or not needed yet (storage holds no plans).
    Ready,
    /// Being fetched: the app keeps the static page until it is here.
    Loading,
    /// Could not be fetched: the app says so and offers to try again.
    Failed,
}

impl Workspace {
    /// Fetches the code that reads plans, then reads the workspace (at start, and on "Try
    /// again" when it could not be fetched).
    pub fn fetch_code(&self) {
        let ws = *self;
        ws.code.set(CodeState::Loading);
        leptos::task::spawn_local(async move {
            // The portfolio's list comes in the same module: readied too, so it shows at once.
            if codec::ensure().await && crate::pages::portfolio::preload_list().await {
                ws.reload();
                ws.code.set(CodeState::Ready);
            } else {
                ws.code.set(CodeState::Failed);
            }
        });
    }
}

/// Starts fetching the code that writes plans, for a screen about to create or import the first
/// ones (`persist::codec`; here already whenever the workspace holds plans).
pub fn prepare_plan_code() {
    codec::preload();
}

/// Runs `then(true)` once the code that writes plans is here, at once when it is; `then(false)`
/// when it could not be fetched.
pub fn with_plan_code(then: impl FnOnce(bool) + 'static) {
    codec::then(then);
}
