//! Rows for tests: an objective or an action with only what a test names filled in.

use super::{Action, Objective, RowId};

/// An objective with its title.
pub fn objective(id: RowId, title: &str) -> Objective {
    Objective {
        id,
        title: title.into(),
        ..Objective::default()
    }
}

/// An action with what is to be done.
pub fn action(id: RowId, what: &str) -> Action {
    Action {
        id,
        what: what.into(),
        ..Action::default()
    }
}
