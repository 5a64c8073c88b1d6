//! Accounts from a CRM report or a spreadsheet (CSV): reading the file, numbers and dates in
//! each locale, the column mapping, and the plans to create and to refresh. Pure and
//! host-tested; the browser decodes legacy code pages and the UI words every problem.
pub mod accounts;
pub mod apply;
pub mod date;
pub mod mapping;
pub mod number;
pub mod read;
pub mod table;

#[cfg(test)]
mod refresh_tests;
#[cfg(test)]
mod tests;
