//! App state in context: the workspace, the open plan, the route, and their sync with the world.
pub mod comments;
pub mod crm;
pub mod editor;
pub mod files;
pub mod lang;
pub mod plan_code;
pub mod review;
pub mod room;
pub mod router;
pub mod sync;
pub mod unsaved;
pub mod workspace;
