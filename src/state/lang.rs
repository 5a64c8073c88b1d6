//! The interface language in the browser: chosen at start (saved choice, else the browser's
//! language), switched from the header, remembered in the settings.

use leptos::prelude::*;

use super::{editor::Editor, workspace::Workspace};
use crate::i18n::{self, Lang};

/// The current language as a signal: the app re-draws its view when it changes.
#[derive(Clone, Copy)]
pub struct UiLang(pub RwSignal<Lang>);

/// Picks the start-up language and applies it; call once the settings are loaded. Its texts
/// are here at once, except Chinese in the release build, whose catalogue is fetched first
/// (the app shows nothing of its own until `lang.loaded()`, so the static page stays); if it
/// cannot be fetched, the app starts in English.
pub fn start(ws: Workspace) -> UiLang {
    let saved = ws
        .settings
        .with_untracked(|s| s.lang.as_deref().and_then(Lang::from_key));
    let lang = saved.unwrap_or_else(|| {
        Lang::from_browser(&window().navigator().language().unwrap_or_default())
    });
    let ui = UiLang(RwSignal::new(lang));
    if lang.loaded() {
        apply(lang);
    } else {
        leptos::task::spawn_local(async move {
            let lang = if ensure(lang).await { lang } else { Lang::En };
            apply(lang);
            ui.0.set(lang);
        });
    }
    ui
}

/// Makes sure `lang`'s texts are here; false when they could not be fetched.
pub async fn ensure(lang: Lang) -> bool {
    #[cfg(keyplan_split)]
    if !lang.loaded() {
        if let Ok(messages) = chinese::messages().await {
            i18n::provide_zh(messages);
        }
    }
    lang.loaded()
}

/// The Chinese catalogue as a split point (src/lazy.rs): its texts leave the start-up wasm.
#[cfg(keyplan_split)]
mod chinese {
    use crate::i18n::Messages;
    use leptos::wasm_split::SplitLoaderError;

    #[leptos::wasm_split::wasm_split(zh, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn messages() -> Result<Messages, SplitLoaderError> {
        Ok(crate::i18n::zh::MESSAGES)
    }
}

fn apply(lang: Lang) {
    i18n::set_lang(lang);
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", lang.html_tag());
    }
}

/// Switches the language: fetches its texts if they are not here yet, saves the open plan's
/// pending edits, remembers the choice in the settings, then re-draws the app. If the texts
/// cannot be fetched (offline before the first visit finished), the language stays as it was.
pub fn switch(ws: Workspace, editor: Editor, ui: UiLang, lang: Lang) {
    if ui.0.get_untracked() == lang {
        return;
    }
    leptos::task::spawn_local(async move {
        if !ensure(lang).await {
            // The language menu shows the language still in use again.
            ui.0.notify();
            return;
        }
        editor.flush();
        apply(lang);
        ws.settings
            .update(|s| s.lang = Some(lang.key().to_string()));
        ws.save_settings();
        ui.0.set(lang);
    });
}
