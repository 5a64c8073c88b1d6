//! One module per page of the app.
pub mod plan;
pub mod portfolio;
pub mod storage;
