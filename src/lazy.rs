//! Screens a first visit does not need, loaded when first shown (issue 16).
//!
//! `lazy_view!` declares a function that returns a view. In the release build (`--cfg
//! keyplan_split`, scripts/build.sh) its body is a split point: scripts/split.mjs moves the code
//! only it reaches into a module of its own, which the browser fetches the first time the view is
//! shown (the service worker keeps every module for offline use). Until it has arrived the view is
//! a "Loading…" line; if it cannot be fetched, a message says so and offers to try again.
//! Everywhere else (`cargo test`, the browser tests' debug build) the function is an ordinary one.
//!
//! ```ignore
//! lazy_view! {
//!     /// The plan's pages.
//!     pub fn plan_page() in plan { view! { <PlanPage /> } }
//! }
//! ```
//! Views of one module name share a module. Arguments must be `Copy + 'static` (signals, ids).

#[cfg(keyplan_split)]
use leptos::prelude::*;

#[macro_export]
macro_rules! lazy_view {
    ($(#[$m:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) in $module:ident $body:block) => {
        #[cfg(keyplan_split)]
        #[allow(non_snake_case)]
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            #[::leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, preload(load), fallible)]
            pub fn $name($($arg: $ty),*) -> Result<::leptos::prelude::AnyView, ::leptos::wasm_split::SplitLoaderError> {
                let view = $body;
                Ok(::leptos::prelude::IntoAny::into_any(view))
            }
        }
        $(#[$m])*
        #[cfg(keyplan_split)]
        $vis fn $name($($arg: $ty),*) -> ::leptos::prelude::AnyView {
            $crate::lazy::later($name::load, move || $name::$name($($arg),*))
        }
        $(#[$m])*
        #[cfg(not(keyplan_split))]
        $vis fn $name($($arg: $ty),*) -> ::leptos::prelude::AnyView {
            let view = $body;
            ::leptos::prelude::IntoAny::into_any(view)
        }
    };
}

/// The view from a split point: at once when its module is here, else "Loading…" until it is.
#[cfg(keyplan_split)]
pub fn later<L, F>(load: fn() -> L, start: impl Fn() -> F + Copy + Send + Sync + 'static) -> AnyView
where
    L: std::future::Future<Output = Result<(), leptos::wasm_split::SplitLoaderError>> + 'static,
    F: std::future::Future<Output = Result<AnyView, leptos::wasm_split::SplitLoaderError>>,
{
    use crate::i18n::t;

    // Built in the caller's reactive owner, so the view finds its context as any other does.
    // Already here (shown before): built at once, with no "Loading…" frame.
    if let Some(Ok(())) = now(load()) {
        if let Some(Ok(view)) = now(start()) {
            return view;
        }
    }
    // None: loading; Some(false): failed; Some(true): here.
    let state = RwSignal::new(None::<bool>);
    let fetch = move || {
        state.set(None);
        leptos::task::spawn_local(async move {
            // Only fetched here: the view is built below, in the caller's owner.
            let ok = load().await.is_ok();
            state.set(Some(ok));
        });
    };
    fetch();
    (move || match state.get() {
        Some(true) => match now(start()) {
            Some(Ok(view)) => view,
            _ => failed(fetch),
        },
        Some(false) => failed(fetch),
        None => view! {
            <p class="shell-status lazy-status" role="status">
                <span class="shell-spinner" aria-hidden="true"></span>
                <span>{t("app.loading_part")}</span>
            </p>
        }
        .into_any(),
    })
    .into_any()
}

/// Polls a future once: its value when it is ready at once (a split point whose module is here).
#[cfg(keyplan_split)]
pub(crate) fn now<F: std::future::Future>(fut: F) -> Option<F::Output> {
    use std::task::{Context, Poll, Waker};
    let mut fut = std::pin::pin!(fut);
    match fut.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(v) => Some(v),
        Poll::Pending => None,
    }
}

#[cfg(keyplan_split)]
fn failed(retry: impl Fn() + Copy + Send + Sync + 'static) -> AnyView {
    use crate::i18n::t;
    view! {
        <div class="lazy-status lazy-failed" role="alert">
            <p>{t("app.load_part_failed")}</p>
            <button type="button" class="primary" on:click=move |_| retry()>{t("banner.try_again")}</button>
        </div>
    }
    .into_any()
}
