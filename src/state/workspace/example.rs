//! The worked example's builder and texts as a split point (src/lazy.rs): a first visit that
//! never tries the example never downloads them.

use chrono::{NaiveDate, Utc};

use crate::model::example::{example_plan, Prose};
use crate::model::plan::Plan;

#[cfg(keyplan_split)]
pub use split::plan;

#[cfg(keyplan_split)]
mod split {
    use super::*;
    use leptos::wasm_split::SplitLoaderError;

    #[leptos::wasm_split::wasm_split(example, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn plan(id: String, today: NaiveDate, prose: Prose) -> Result<Plan, SplitLoaderError> {
        Ok(example_plan(&id, today, Utc::now(), prose))
    }
}

#[cfg(not(keyplan_split))]
pub async fn plan(id: String, today: NaiveDate, prose: Prose) -> Result<Plan, ()> {
    Ok(example_plan(&id, today, Utc::now(), prose))
}
