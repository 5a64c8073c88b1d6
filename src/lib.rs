//! KeyPlan: key account planning in the browser. The app, its routes and context wiring.
pub mod i18n;
pub mod model;
pub mod persist;
pub mod route;

#[cfg(target_arch = "wasm32")]
#[macro_use]
pub mod lazy;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod pages;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod steps;

#[cfg(target_arch = "wasm32")]
pub use app::App;

#[cfg(target_arch = "wasm32")]
mod app {
    use leptos::prelude::*;

    use crate::components::banners::Banners;
    use crate::components::conflicts::ConflictBanner;
    use crate::components::header::Header;
    use crate::pages::{plan::PlanPage, portfolio::PortfolioPage, storage::StoragePage};
    use crate::route::Route;
    use crate::state::workspace::{CodeState, Workspace};
    use crate::state::{editor::Editor, lang, router::Router, sync};

    lazy_view! {
        /// A plan's steps, check and print view: not needed until a plan is opened.
        fn plan_page() in plan { view! { <PlanPage /> } }
    }
    lazy_view! {
        fn storage_page() in storage { view! { <StoragePage /> } }
    }

    #[derive(Clone, Copy, PartialEq)]
    enum Page {
        Portfolio,
        Storage,
        Plan,
    }

    /// The whole app: workspace, open plan and route in context, then the page for the route.
    #[component]
    pub fn App() -> impl IntoView {
        let ws = Workspace::load();
        let editor = Editor::new(ws);
        let router = Router::new();
        let ui_lang = lang::start(ws);
        provide_context(ui_lang);
        provide_context(ws);
        provide_context(editor);
        provide_context(router);
        sync::install(ws, editor, router);
        // Only a change of page rebuilds the page; moving between steps does not.
        let page = Memo::new(move |_| match router.route.get() {
            Route::Portfolio => Page::Portfolio,
            Route::Storage => Page::Storage,
            Route::Step { .. } | Route::Health { .. } | Route::Print { .. } => Page::Plan,
        });

        // A change of language re-draws everything (it is rare); the state above is kept.
        move || {
            // The static page (index.html) stays until the language's texts are here, then gives
            // way to the app in the same task, so no frame shows both or neither.
            // The same while the code that reads the stored plans is fetched (release build).
            let code = ws.code().get();
            if !ui_lang.0.get().loaded() || code == CodeState::Loading {
                return ().into_any();
            }
            if let Some(shell) = document().get_element_by_id("shell") {
                shell.remove();
            }
            if code == CodeState::Failed {
                return view! {
                    <Header />
                    <main id="main" tabindex="-1">
                        <div class="lazy-status lazy-failed" role="alert">
                            <p>{crate::i18n::t("store.code_not_loaded")}</p>
                            <button type="button" class="primary" on:click=move |_| ws.fetch_code()>
                                {crate::i18n::t("banner.try_again")}
                            </button>
                        </div>
                    </main>
                }
                .into_any();
            }
            view! {
                <Header />
                <Banners />
                <ConflictBanner />
                <main id="main" tabindex="-1">
                    {move || match page.get() {
                        Page::Portfolio => view! { <PortfolioPage /> }.into_any(),
                        Page::Storage => storage_page(),
                        Page::Plan => plan_page(),
                    }}
                </main>
            }
            .into_any()
        }
    }
}

#[cfg(target_arch = "wasm32")]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        state::sync::show_crash(&info.to_string());
    }));
    leptos::mount::mount_to_body(App);
}

#[cfg(not(target_arch = "wasm32"))]
pub fn start() {
    eprintln!("KeyPlan is a browser app: build and serve it with `make serve`.");
}
