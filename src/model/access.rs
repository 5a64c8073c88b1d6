//! Reading and writing a plan's values by their schema path (`customer.main_business`,
//! `portfolio.profit.score`) and its tables' rows by id, as text, without serialising the plan.
//!
//! The plan's structs are declared inside `record!`, which gives each one its fields by name, so
//! a new field of the plan is reachable by its path with no further code: the generic step view
//! (one component for every schema field and table) reads and writes through here.

use super::plan::*;
use super::text::{choice_from_text, choice_text, FieldValue};

/// One stored value: a field written as text, a nested record, or a table of rows.
pub trait Slot {
    /// The value as the form shows it; `None` when this is not a text field.
    fn text(&self) -> Option<String> {
        None
    }
    /// Takes the text the rep typed; `None` when this is not a text field.
    fn set_text(&mut self, _text: &str) -> Option<Result<(), crate::model::msg::Msg>> {
        None
    }
    fn record(&self) -> Option<&dyn Record> {
        None
    }
    fn record_mut(&mut self) -> Option<&mut dyn Record> {
        None
    }
    fn rows(&self) -> Option<&dyn Rows> {
        None
    }
    fn rows_mut(&mut self) -> Option<&mut dyn Rows> {
        None
    }
}

/// A struct of the plan: its fields by name.
pub trait Record {
    fn slot(&self, key: &str) -> Option<&dyn Slot>;
    fn slot_mut(&mut self, key: &str) -> Option<&mut dyn Slot>;
}

/// A row of a plan table: it has an id unique within its table.
pub trait Row {
    fn id(&self) -> RowId;
    fn set_id(&mut self, id: RowId);
}

/// A row taken out of a table, kept as it was to be put back (no serde: this code is in the
/// start-up wasm, which leaves the row types' deserialisers out, issue 16).
#[derive(Clone)]
pub struct TakenRow(std::sync::Arc<dyn std::any::Any + Send + Sync>);

/// A table of rows with ids, whatever their type.
pub trait Rows {
    fn ids(&self) -> Vec<RowId>;
    fn row(&self, id: RowId) -> Option<&dyn Record>;
    fn row_mut(&mut self, id: RowId) -> Option<&mut dyn Record>;
    /// Adds an empty row at the end and returns its id.
    fn add(&mut self) -> RowId;
    /// Takes a row out, with where it was (so it can be put back).
    fn take(&mut self, id: RowId) -> Option<(usize, TakenRow)>;
    /// Puts a taken row back where it was (with a new id if its id is taken meanwhile); a row
    /// of another table is ignored.
    fn put_back(&mut self, at: usize, row: TakenRow);
    /// Moves a row up (-1) or down (+1).
    fn shift(&mut self, id: RowId, delta: isize);
}

/// Declares plan structs and makes their fields reachable by name.
#[macro_export]
macro_rules! record {
    ($(
        $(#[$m:meta])*
        $vis:vis struct $name:ident {
            $( $(#[$fm:meta])* $fvis:vis $f:ident : $t:ty ),* $(,)?
        }
    )*) => {$(
        $(#[$m])*
        $vis struct $name {
            $( $(#[$fm])* $fvis $f : $t ),*
        }
        impl $crate::model::access::Record for $name {
            fn slot(&self, key: &str) -> Option<&dyn $crate::model::access::Slot> {
                match key {
                    $( stringify!($f) => Some(&self.$f), )*
                    _ => None,
                }
            }
            fn slot_mut(&mut self, key: &str) -> Option<&mut dyn $crate::model::access::Slot> {
                match key {
                    $( stringify!($f) => Some(&mut self.$f), )*
                    _ => None,
                }
            }
        }
        impl $crate::model::access::Slot for $name {
            fn record(&self) -> Option<&dyn $crate::model::access::Record> {
                Some(self)
            }
            fn record_mut(&mut self) -> Option<&mut dyn $crate::model::access::Record> {
                Some(self)
            }
        }
    )*};
}

macro_rules! text_slot {
    ($($t:ty),*) => {$(
        impl Slot for $t {
            fn text(&self) -> Option<String> {
                Some(FieldValue::to_text(self))
            }
            fn set_text(&mut self, text: &str) -> Option<Result<(), crate::model::msg::Msg>> {
                Some(FieldValue::from_text(text).map(|v| *self = v))
            }
        }
    )*};
}
text_slot!(
    String,
    Option<f64>,
    Option<u8>,
    Option<u32>,
    Option<chrono::NaiveDate>,
    bool,
    Vec<u32>
);

macro_rules! choice_slot {
    ($($t:ty),*) => {$(
        impl Slot for $t {
            fn text(&self) -> Option<String> {
                Some(choice_text(self))
            }
            fn set_text(&mut self, text: &str) -> Option<Result<(), crate::model::msg::Msg>> {
                Some(choice_from_text(text).map(|v| *self = v))
            }
        }
    )*};
}
choice_slot!(
    AccountLevel,
    ReviewFrequency,
    BuyingRole,
    Attitude,
    ActionStatus,
    ForceKind
);

/// Values the generic view does not edit (panels draw them).
macro_rules! no_slot {
    ($($t:ty),*) => {$( impl Slot for $t {} )*};
}
no_slot!(
    u32,
    u64,
    Option<chrono::DateTime<chrono::Utc>>,
    Extra,
    Penetration,
    std::collections::BTreeMap<String, u8>,
    Vec<Review>
);

macro_rules! rows {
    ($($t:ty),*) => {$(
        impl Row for $t {
            fn id(&self) -> RowId {
                self.id
            }
            fn set_id(&mut self, id: RowId) {
                self.id = id;
            }
        }
    )*};
}
rows!(
    ProductSales,
    WalletShare,
    Contact,
    Objective,
    Strategy,
    Competitor,
    Force,
    Action,
    Visit,
    Resource,
    TeamMember,
    Metric,
    CommItem,
    ReportItem
);

impl<T: Row + Record + Default + Clone + Send + Sync + 'static> Rows for Vec<T> {
    fn ids(&self) -> Vec<RowId> {
        self.iter().map(Row::id).collect()
    }
    fn row(&self, id: RowId) -> Option<&dyn Record> {
        self.iter().find(|r| r.id() == id).map(|r| r as &dyn Record)
    }
    fn row_mut(&mut self, id: RowId) -> Option<&mut dyn Record> {
        self.iter_mut()
            .find(|r| r.id() == id)
            .map(|r| r as &mut dyn Record)
    }
    fn add(&mut self) -> RowId {
        let mut row = T::default();
        let id = next_row_id(self, Row::id);
        row.set_id(id);
        self.push(row);
        id
    }
    fn take(&mut self, id: RowId) -> Option<(usize, TakenRow)> {
        let i = self.iter().position(|r| r.id() == id)?;
        let row = self.remove(i);
        Some((i, TakenRow(std::sync::Arc::new(row))))
    }
    fn put_back(&mut self, at: usize, row: TakenRow) {
        let Some(row) = row.0.downcast_ref::<T>() else {
            return;
        };
        let mut row = row.clone();
        if self.iter().any(|r| r.id() == row.id()) {
            row.set_id(next_row_id(self, Row::id));
        }
        self.insert(at.min(self.len()), row);
    }
    fn shift(&mut self, id: RowId, delta: isize) {
        if let Some(i) = self.iter().position(|r| r.id() == id) {
            let j = i as isize + delta;
            if j >= 0 && (j as usize) < self.len() {
                self.swap(i, j as usize);
            }
        }
    }
}

impl<T: Row + Record + Default + Clone + Send + Sync + 'static> Slot for Vec<T> {
    fn rows(&self) -> Option<&dyn Rows> {
        Some(self)
    }
    fn rows_mut(&mut self) -> Option<&mut dyn Rows> {
        Some(self)
    }
}

/// The value at a dotted path of the plan.
pub fn slot<'a>(plan: &'a Plan, path: &str) -> Option<&'a dyn Slot> {
    let mut rec: &dyn Record = plan;
    let mut parts = path.split('.').peekable();
    while let Some(k) = parts.next() {
        let s = rec.slot(k)?;
        if parts.peek().is_none() {
            return Some(s);
        }
        rec = s.record()?;
    }
    None
}

pub fn slot_mut<'a>(plan: &'a mut Plan, path: &str) -> Option<&'a mut dyn Slot> {
    let mut rec: &mut dyn Record = plan;
    let mut parts = path.split('.').peekable();
    while let Some(k) = parts.next() {
        let s = rec.slot_mut(k)?;
        if parts.peek().is_none() {
            return Some(s);
        }
        rec = s.record_mut()?;
    }
    None
}

/// A field's value as text (empty when the path names no text field).
pub fn text_at(plan: &Plan, path: &str) -> String {
    slot(plan, path).and_then(Slot::text).unwrap_or_default()
}

/// Writes what the rep typed into the field at `path`.
pub fn set_at(plan: &mut Plan, path: &str, text: &str) -> Result<(), crate::model::msg::Msg> {
    slot_mut(plan, path)
        .and_then(|s| s.set_text(text))
        .unwrap_or(Ok(()))
}

/// The table whose rows live at `path`.
pub fn rows_at<'a>(plan: &'a Plan, path: &str) -> Option<&'a dyn Rows> {
    slot(plan, path)?.rows()
}

pub fn rows_at_mut<'a>(plan: &'a mut Plan, path: &str) -> Option<&'a mut dyn Rows> {
    slot_mut(plan, path)?.rows_mut()
}

/// One cell of a row as text (empty when there is no such row or column).
pub fn cell(plan: &Plan, table: &str, id: RowId, key: &str) -> String {
    rows_at(plan, table)
        .and_then(|r| r.row(id))
        .and_then(|r| r.slot(key))
        .and_then(Slot::text)
        .unwrap_or_default()
}

/// Writes one cell of a row; a row that is gone takes nothing.
pub fn set_cell(
    plan: &mut Plan,
    table: &str,
    id: RowId,
    key: &str,
    text: &str,
) -> Result<(), crate::model::msg::Msg> {
    rows_at_mut(plan, table)
        .and_then(|r| r.row_mut(id))
        .and_then(|r| r.slot_mut(key))
        .and_then(|s| s.set_text(text))
        .unwrap_or(Ok(()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::schema::{fields, tables, CRITERIA};

    #[test]
    fn every_schema_field_and_column_is_reachable_by_its_path() {
        let mut p = Plan::default();
        for (_, f) in fields() {
            assert!(
                slot(&p, f.path).and_then(Slot::text).is_some(),
                "{} is not a text field",
                f.path
            );
        }
        for (path, _) in CRITERIA {
            assert!(slot(&p, &format!("{path}.score")).is_some(), "{path}");
            assert!(slot(&p, &format!("{path}.note")).is_some(), "{path}");
        }
        for (_, t) in tables() {
            let rows = rows_at_mut(&mut p, t.path).unwrap_or_else(|| panic!("{}", t.path));
            let id = rows.add();
            let row = rows.row(id).unwrap();
            for c in t.columns {
                assert!(
                    row.slot(c.key).and_then(Slot::text).is_some(),
                    "{}.{} is not a text cell",
                    t.path,
                    c.key
                );
            }
        }
    }

    #[test]
    fn values_are_read_and_written_by_path() {
        let mut p = Plan::default();
        set_at(&mut p, "customer.main_business", "Steel").unwrap();
        assert_eq!(p.customer.main_business, "Steel");
        set_at(&mut p, "portfolio.share_of_spend", "12.5").unwrap();
        assert_eq!(p.portfolio.share_of_spend, Some(12.5));
        assert!(set_at(&mut p, "portfolio.share_of_spend", "lots").is_err());
        assert_eq!(p.portfolio.share_of_spend, Some(12.5));
        set_at(&mut p, "portfolio.profit.score", "4").unwrap();
        assert_eq!(p.portfolio.profit.score, Some(4));
        set_at(&mut p, "header.level", "global").unwrap();
        assert_eq!(text_at(&p, "header.level"), "global");
        assert!(set_at(&mut p, "header.level", "galactic").is_err());
        assert_eq!(text_at(&p, "no.such"), "");
    }

    #[test]
    fn rows_are_added_taken_put_back_and_moved() {
        let mut p = Plan::default();
        let t = "relationships.contacts";
        let a = rows_at_mut(&mut p, t).unwrap().add();
        let b = rows_at_mut(&mut p, t).unwrap().add();
        assert_ne!(a, b);
        set_cell(&mut p, t, b, "name", "Ben").unwrap();
        set_cell(&mut p, t, b, "attitude", "opponent").unwrap();
        assert_eq!(p.relationships.contacts[1].attitude, Attitude::Opponent);
        rows_at_mut(&mut p, t).unwrap().shift(b, -1);
        assert_eq!(p.relationships.contacts[0].name, "Ben");
        let (at, row) = rows_at_mut(&mut p, t).unwrap().take(b).unwrap();
        assert_eq!((at, p.relationships.contacts.len()), (0, 1));
        rows_at_mut(&mut p, t).unwrap().put_back(at, row);
        assert_eq!(cell(&p, t, b, "name"), "Ben");
        assert_eq!(rows_at(&p, t).unwrap().ids(), vec![b, a]);
        assert_eq!(cell(&p, t, 99, "name"), "");
        assert_eq!(set_cell(&mut p, t, 99, "name", "x"), Ok(()));
    }
}
