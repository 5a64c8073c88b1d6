//! The interface language in the browser: chosen at start (saved choice, else the browser's
//! language), switched from the header, remembered in the settings.

use leptos::prelude::*;

use super::{editor::Editor, workspace::Workspace};
use crate::i18n::{self, Lang};

/// The current language as a signal: the app re-draws its view when it changes.
#[derive(Clone, Copy)]
pub struct UiLang(pub RwSignal<Lang>);

/// Picks the start-up language and applies it; call once the settings are loaded.
pub fn start(ws: Workspace) -> UiLang {
    let saved = ws
        .settings
        .with_untracked(|s| s.lang.as_deref().and_then(Lang::from_key));
    let lang = saved.unwrap_or_else(|| {
        Lang::from_browser(&window().navigator().language().unwrap_or_default())
    });
    apply(lang);
    UiLang(RwSignal::new(lang))
}

fn apply(lang: Lang) {
    i18n::set_lang(lang);
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", lang.html_tag());
    }
}

/// Switches the language: saves the open plan's pending edits first, remembers the choice in
/// the settings, then re-draws the app.
pub fn switch(ws: Workspace, editor: Editor, ui: UiLang, lang: Lang) {
    if ui.0.get_untracked() == lang {
        return;
    }
    editor.flush();
    apply(lang);
    ws.settings
        .update(|s| s.lang = Some(lang.key().to_string()));
    ws.save_settings();
    ui.0.set(lang);
}
