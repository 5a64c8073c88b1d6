//! Shared widgets: fields, tables, header, banners, charts.
pub mod banners;
pub mod field;
pub mod header;
pub mod penetration;
pub mod relmap;
pub mod table;
pub mod timeline;
