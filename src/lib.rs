//! KeyPlan: key account planning in the browser.
pub mod model;
pub mod persist;
pub mod route;

#[cfg(target_arch = "wasm32")]
pub fn start() {}

#[cfg(not(target_arch = "wasm32"))]
pub fn start() {
    eprintln!("KeyPlan is a browser app: build it with `make serve`.");
}
