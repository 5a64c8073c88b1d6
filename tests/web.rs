//! Browser tests (wasm-bindgen-test in headless Chromium): the storage layer against the real
//! localStorage, and the shared field component mounted in a real DOM.
#![cfg(target_arch = "wasm32")]

use keyplan::components::field::{field, FieldSpec, Kind};
use keyplan::components::kinds::path_binding;
use keyplan::model::plan::Plan;
use keyplan::model::summary::PlanSummary;
use keyplan::persist::envelope::DecodeError;
use keyplan::persist::storage::{self, PlanRead, StoreError};
use keyplan::state::editor::{Editor, SaveStatus};
use keyplan::state::workspace::Workspace;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn summarise(p: &Plan, bytes: usize) -> PlanSummary {
    PlanSummary::of(
        p,
        &Default::default(),
        chrono::Local::now().date_naive(),
        bytes,
    )
}

fn js(code: &str) {
    js_sys::Function::new_no_args(code)
        .call0(&wasm_bindgen::JsValue::NULL)
        .unwrap();
}

fn fill_quota() {
    js("Storage.prototype.__set = Storage.prototype.setItem; Storage.prototype.setItem = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };");
}

fn restore_quota() {
    js("if (Storage.prototype.__set) { Storage.prototype.setItem = Storage.prototype.__set; delete Storage.prototype.__set; }");
}

#[wasm_bindgen_test]
fn a_saved_plan_reads_back_with_a_new_revision() {
    local().clear().unwrap();
    let plan = Plan::new("w1", "Acme", chrono::Utc::now());
    let saved = storage::save_plan(&plan, summarise).unwrap();
    assert_eq!(saved.revision, 1);
    match storage::read_plan("w1").unwrap() {
        PlanRead::Loaded(l) => {
            assert_eq!(l.plan.header.account_name, "Acme");
            assert_eq!(l.plan.revision, 1);
        }
        other => panic!("expected a loaded plan, got {other:?}"),
    }
    let ws = storage::load_workspace(summarise).unwrap();
    assert_eq!(ws.summaries.len(), 1);
    assert!(!ws.index_rebuilt);
}

#[wasm_bindgen_test]
fn a_stale_revision_is_a_conflict_and_writes_nothing() {
    local().clear().unwrap();
    let plan = Plan::new("w2", "Acme", chrono::Utc::now());
    storage::save_plan(&plan, summarise).unwrap(); // now at revision 1
    let before = local().get_item("keyplan:plan:w2").unwrap();
    let err = storage::save_plan(&plan, summarise).unwrap_err(); // still says revision 0
    assert_eq!(err, StoreError::Conflict { stored: 1, ours: 0 });
    assert_eq!(local().get_item("keyplan:plan:w2").unwrap(), before);
}

#[wasm_bindgen_test]
fn a_full_quota_is_reported_as_such_and_the_old_copy_stays() {
    local().clear().unwrap();
    let mut plan = Plan::new("w3", "Acme", chrono::Utc::now());
    plan.revision = storage::save_plan(&plan, summarise).unwrap().revision;
    let before = local().get_item("keyplan:plan:w3").unwrap();
    plan.header.industry = "Steel".into();
    fill_quota();
    let err = storage::save_plan(&plan, summarise);
    restore_quota();
    assert_eq!(err.unwrap_err(), StoreError::QuotaFull);
    assert_eq!(local().get_item("keyplan:plan:w3").unwrap(), before);
}

#[wasm_bindgen_test]
fn damaged_newer_and_older_plans_each_read_their_own_way() {
    local().clear().unwrap();
    local()
        .set_item("keyplan:plan:bad", "{\"kind\":\"keyplan.plan\", garbage")
        .unwrap();
    local().set_item("keyplan:plan:new", r#"{"kind":"keyplan.plan","schema_version":99,"plan":{"id":"new","header":{"account_name":"Future"}}}"#).unwrap();
    let old = r#"{"kind":"keyplan.plan","schema_version":1,"plan":{"id":"old","name":"Old Co"}}"#;
    local().set_item("keyplan:plan:old", old).unwrap();

    assert!(matches!(
        storage::read_plan("bad").unwrap(),
        PlanRead::Damaged {
            error: DecodeError::NotJson { .. },
            ..
        }
    ));
    assert!(matches!(
        storage::read_plan("new").unwrap(),
        PlanRead::Newer { plan: Some(_), .. }
    ));
    match storage::read_plan("old").unwrap() {
        PlanRead::Loaded(l) => assert_eq!(
            (l.migrated_from, l.plan.header.account_name.as_str()),
            (Some(1), "Old Co")
        ),
        other => panic!("expected a migrated plan, got {other:?}"),
    }
    // The pre-migration text is kept until the migrated plan is saved once.
    assert_eq!(
        local().get_item("keyplan:backup:old").unwrap().as_deref(),
        Some(old)
    );
    // Nothing rewrote the damaged or newer plans.
    assert_eq!(
        local().get_item("keyplan:plan:bad").unwrap().as_deref(),
        Some("{\"kind\":\"keyplan.plan\", garbage")
    );

    // With no index, start-up rebuilds it from the plan keys and lists the damaged ones.
    let ws = storage::load_workspace(summarise).unwrap();
    assert!(ws.index_rebuilt);
    assert!(ws.summaries.iter().any(|s| s.name == "Old Co"));
    assert!(ws.damaged.iter().any(|(id, _)| id == "bad"));
    assert!(ws
        .damaged
        .iter()
        .any(|(id, why)| id == "new" && why.contains("newer KeyPlan")));
}

#[wasm_bindgen_test]
fn a_damaged_index_is_rebuilt_from_the_plans() {
    local().clear().unwrap();
    storage::save_plan(&Plan::new("a", "Alpha", chrono::Utc::now()), summarise).unwrap();
    storage::save_plan(&Plan::new("b", "Beta", chrono::Utc::now()), summarise).unwrap();
    local()
        .set_item(storage::INDEX_KEY, "not json at all")
        .unwrap();
    let ws = storage::load_workspace(summarise).unwrap();
    let mut names: Vec<_> = ws.summaries.iter().map(|s| s.name.clone()).collect();
    names.sort();
    assert_eq!(names, ["Alpha", "Beta"]);
    assert!(ws.index_rebuilt);
}

async fn tick() {
    leptos::task::tick().await;
}

fn input_event(el: &web_sys::HtmlInputElement, value: &str) {
    el.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    el.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn a_field_edits_the_plan_and_explains_bad_input() {
    local().clear().unwrap();
    let doc = web_sys::window().unwrap().document().unwrap();
    let host = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    let host: web_sys::HtmlElement = host.unchecked_into();
    let (tx, rx) = std::sync::mpsc::channel::<Editor>();
    let _handle = leptos::mount::mount_to(host.clone(), move || {
        let ws = Workspace::load();
        let id = ws.create_plan("Field test").unwrap();
        let editor = Editor::new(ws);
        provide_context(ws);
        provide_context(editor);
        editor.open(&id);
        tx.send(editor).unwrap();
        view! {
            {field(FieldSpec::new("sales", "Last year's sales", Kind::Money, path_binding("portfolio.last_year_sales")))}
        }
    });
    tick().await;
    let editor = rx.recv().unwrap();
    let input: web_sys::HtmlInputElement = doc.get_element_by_id("sales").unwrap().unchecked_into();
    assert_eq!(
        doc.query_selector("label[for=sales]")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "Last year's sales"
    );

    input_event(&input, "1,250");
    tick().await;
    assert_eq!(
        editor
            .plan
            .with_untracked(|p| p.as_ref().unwrap().portfolio.last_year_sales),
        Some(1250.0)
    );
    assert_eq!(editor.status.get_untracked(), SaveStatus::Pending);

    input_event(&input, "lots");
    tick().await;
    let error = doc
        .get_element_by_id("sales-error")
        .expect("an error message is shown");
    assert!(error.text_content().unwrap().contains("not a number"));
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    // The plan keeps the last good value; the box keeps what was typed.
    assert_eq!(
        editor
            .plan
            .with_untracked(|p| p.as_ref().unwrap().portfolio.last_year_sales),
        Some(1250.0)
    );
    assert_eq!(input.value(), "lots");

    // Saving writes it to storage.
    editor.flush();
    let stored = local()
        .get_item(&storage::plan_key(&editor.id().unwrap()))
        .unwrap()
        .unwrap();
    // Stored in the compact form (issue 13): decoded to the JSON envelope it stands for.
    let stored = keyplan::persist::compact::parse_stored(&stored)
        .unwrap()
        .to_string();
    assert!(stored.contains("\"last_year_sales\":1250.0"));
    assert!(matches!(
        editor.status.get_untracked(),
        SaveStatus::Saved(_)
    ));
}

#[wasm_bindgen_test]
fn damaged_settings_are_kept_under_a_backup_key() {
    local().clear().unwrap();
    local()
        .set_item(storage::SETTINGS_KEY, "{not json")
        .unwrap();
    let s: keyplan::model::Settings = storage::load_settings();
    assert_eq!(s, keyplan::model::Settings::default());
    assert_eq!(
        local()
            .get_item("keyplan:backup:settings")
            .unwrap()
            .as_deref(),
        Some("{not json")
    );
}

// -- nothing-lost (issue 18, item 6) --

/// Only the index write fails (storage full): the plan's key is put back, so no half-done save
/// stays behind, and a save over the text this tab holds then succeeds as a whole.
#[wasm_bindgen_test]
fn a_save_whose_index_write_fails_is_undone_and_retried_whole() {
    local().clear().unwrap();
    let mut plan = Plan::new("w9", "Acme", chrono::Utc::now());
    let first = storage::save_plan(&plan, summarise).unwrap();
    plan.revision = first.revision;
    let before = local().get_item("keyplan:plan:w9").unwrap().unwrap();
    assert_eq!(storage::stored_tag("w9").unwrap(), Some(first.tag));
    plan.header.account_name = "Acme North Regional Hospitals".into();
    js("Storage.prototype.__set = Storage.prototype.setItem; Storage.prototype.setItem = function (k, v) { if (k.startsWith('keyplan:index')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); return Storage.prototype.__set.call(this, k, v); };");
    let err = storage::save_plan_over(&plan, storage::Expect::Text(Some(first.tag)), summarise);
    restore_quota();
    assert_eq!(err.unwrap_err(), StoreError::QuotaFull);
    assert_eq!(
        local().get_item("keyplan:plan:w9").unwrap().unwrap(),
        before
    );
    let saved =
        storage::save_plan_over(&plan, storage::Expect::Text(Some(first.tag)), summarise).unwrap();
    assert_eq!(saved.revision, 2);
    let ws = storage::load_workspace(summarise).unwrap();
    assert_eq!(ws.summaries[0].name, "Acme North Regional Hospitals");
    // Another text under the same revision number is not the one this tab holds.
    let other = before.replace("Acme", "Acme (other tab)");
    local().set_item("keyplan:plan:w9", &other).unwrap();
    let err = storage::save_plan_over(&plan, storage::Expect::Text(Some(saved.tag)), summarise);
    assert!(matches!(err, Err(StoreError::Conflict { .. })));
    assert_eq!(local().get_item("keyplan:plan:w9").unwrap().unwrap(), other);
}

// -- storage (issue 13): the compact stored form against the real localStorage --

fn js_eval(code: &str) -> wasm_bindgen::JsValue {
    js_sys::eval(code).unwrap()
}

#[wasm_bindgen_test]
fn a_compact_value_reads_back_from_local_storage_identical() {
    local().clear().unwrap();
    let mut plan = Plan::new("c1", "简体中文 🚀 Acme", chrono::Utc::now());
    plan.header.industry = "NUL \u{0} and quotes \" and \\ and 👩🏽‍💼".into();
    plan.communication
        .reviews
        .push(keyplan::model::plan::Review {
            id: 1,
            snapshot: Some(keyplan::model::snapshot::snapshot(&plan)),
            ..Default::default()
        });
    storage::save_plan(&plan, summarise).unwrap();
    let raw = local().get_item("keyplan:plan:c1").unwrap().unwrap();
    assert!(
        raw.starts_with(&format!(
            "@keyplan.plan z1 s{} r1 ",
            keyplan::model::migration::SCHEMA_VERSION
        )),
        "{}",
        &raw[..40]
    );
    // What JS holds is exactly what Rust wrote: same UTF-16 units, none a surrogate.
    let units = js_eval("localStorage.getItem('keyplan:plan:c1').length")
        .as_f64()
        .unwrap() as usize;
    assert_eq!(units, raw.encode_utf16().count());
    let surrogates = js_eval(
        "[...localStorage.getItem('keyplan:plan:c1')].filter(c => c.charCodeAt(0) >= 0xD800 && c.charCodeAt(0) <= 0xDFFF).length",
    );
    assert_eq!(surrogates.as_f64(), Some(0.0));
    match storage::read_plan("c1").unwrap() {
        PlanRead::Loaded(l) => {
            let mut expected = plan.clone();
            expected.revision = 1;
            expected.updated_at = l.plan.updated_at;
            assert_eq!(l.plan, expected);
        }
        other => panic!("expected the plan, got {other:?}"),
    }
}

#[wasm_bindgen_test]
fn a_workspace_mixing_plain_json_and_compact_plans_loads() {
    local().clear().unwrap();
    // An older KeyPlan's plain JSON value…
    let old = Plan::new("j1", "Old Json Co", chrono::Utc::now());
    let plain = keyplan::persist::envelope::encode_plan(&old, chrono::Utc::now());
    local().set_item("keyplan:plan:j1", &plain).unwrap();
    // …beside a compact one, and no index: start-up rebuilds it from both.
    storage::save_plan(
        &Plan::new("z1", "Compact Co", chrono::Utc::now()),
        summarise,
    )
    .unwrap();
    local().remove_item("keyplan:index").unwrap();
    let ws = storage::load_workspace(summarise).unwrap();
    let mut names: Vec<&str> = ws.summaries.iter().map(|s| s.name.as_str()).collect();
    names.sort();
    assert_eq!(names, ["Compact Co", "Old Json Co"]);
    assert!(ws.damaged.is_empty(), "{:?}", ws.damaged);
    // The plain plan moves to the compact form when next saved.
    assert!(matches!(
        storage::read_plan("j1").unwrap(),
        PlanRead::Loaded(_)
    ));
    storage::save_plan(&old, summarise).unwrap();
    let moved = local().get_item("keyplan:plan:j1").unwrap().unwrap();
    assert!(moved.starts_with(&format!(
        "@keyplan.plan z1 s{} r1 ",
        keyplan::model::migration::SCHEMA_VERSION
    )));
    assert!(moved.encode_utf16().count() < plain.len());
    assert_eq!(local().get_item("keyplan:move:j1").unwrap(), None);
    // A damaged compact value is listed as damaged; its text stays untouched.
    let damaged = moved.replacen(" n", " n9", 1);
    local().set_item("keyplan:plan:j1", &damaged).unwrap();
    local().remove_item("keyplan:index").unwrap();
    local().remove_item("keyplan:index:recent").unwrap();
    let ws = storage::load_workspace(summarise).unwrap();
    assert!(
        ws.damaged.iter().any(|(id, _)| id == "j1"),
        "{:?}",
        ws.damaged
    );
    assert!(
        matches!(storage::read_plan("j1").unwrap(), PlanRead::Damaged { raw, .. } if raw == damaged)
    );
    assert_eq!(
        local().get_item("keyplan:plan:j1").unwrap().unwrap(),
        damaged
    );
}

#[wasm_bindgen_test]
fn the_move_to_the_compact_form_survives_a_failure_between_write_and_clean_up() {
    local().clear().unwrap();
    let old = Plan::new("m1", "Moving Co", chrono::Utc::now());
    let plain = keyplan::persist::envelope::encode_plan(&old, chrono::Utc::now());
    local().set_item("keyplan:plan:m1", &plain).unwrap();

    // 1. The write of the plan's key fails after the staging copy was written and checked:
    //    the plan's key still holds the old JSON, readable.
    js("Storage.prototype.__set = Storage.prototype.setItem; Storage.prototype.setItem = function (k, v) { if (k === 'keyplan:plan:m1') throw new DOMException('injected', 'UnknownError'); return Storage.prototype.__set.call(this, k, v); };");
    let err = storage::save_plan(&old, summarise);
    restore_quota();
    assert!(err.is_err());
    assert_eq!(local().get_item("keyplan:plan:m1").unwrap().unwrap(), plain);
    assert!(
        matches!(storage::read_plan("m1").unwrap(), PlanRead::Loaded(l) if l.plan.header.account_name == "Moving Co")
    );

    // 2. The clean-up (removing the staging key) fails, as after a crash just before it: the
    //    plan's key holds the verified compact value; the next start removes the staging key.
    js("Storage.prototype.__remove = Storage.prototype.removeItem; Storage.prototype.removeItem = function (k) { if (k.startsWith('keyplan:move:')) throw new DOMException('injected', 'UnknownError'); return Storage.prototype.__remove.call(this, k); };");
    let saved = storage::save_plan(&old, summarise);
    js("Storage.prototype.removeItem = Storage.prototype.__remove; delete Storage.prototype.__remove;");
    saved.unwrap();
    let moved = local().get_item("keyplan:plan:m1").unwrap().unwrap();
    assert!(moved.starts_with("@keyplan.plan z1"));
    assert_eq!(
        local().get_item("keyplan:move:m1").unwrap(),
        Some(moved.clone())
    );
    assert!(
        matches!(storage::read_plan("m1").unwrap(), PlanRead::Loaded(l) if l.plan.revision == 1)
    );
    keyplan::persist::stored::clear_stale_moves();
    assert_eq!(local().get_item("keyplan:move:m1").unwrap(), None);
    assert_eq!(local().get_item("keyplan:plan:m1").unwrap(), Some(moved));
}

#[wasm_bindgen_test]
fn a_save_writes_the_index_journal_and_start_up_lays_it_over_the_index() {
    local().clear().unwrap();
    let mut b = Plan::new("jb", "Before Co", chrono::Utc::now());
    storage::save_plan(&Plan::new("ja", "Alpha Co", chrono::Utc::now()), summarise).unwrap();
    b.revision = storage::save_plan(&b, summarise).unwrap().revision;
    // Saves wrote the small journal, not the index.
    assert_eq!(local().get_item(storage::INDEX_KEY).unwrap(), None);
    let ws = storage::load_workspace(summarise).unwrap();
    assert_eq!(ws.summaries.len(), 2);
    assert!(!ws.index_rebuilt);
    // Any other change folds the journal into the index.
    storage::delete_plan("ja").unwrap();
    assert!(local().get_item(storage::INDEX_KEY).unwrap().is_some());
    assert_eq!(local().get_item("keyplan:index:recent").unwrap(), None);
    // A later save is laid over the index at start.
    b.header.account_name = "After Co".into();
    storage::save_plan(&b, summarise).unwrap();
    let index = local().get_item(storage::INDEX_KEY).unwrap().unwrap();
    assert!(index.contains("Before Co"));
    let ws = storage::load_workspace(summarise).unwrap();
    let names: Vec<&str> = ws.summaries.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["After Co"]);
}

// -- leaks-figures (issue 18, item 5): a plan cut short is found at start-up --

#[wasm_bindgen_test]
fn a_plan_cut_short_is_listed_as_damaged_at_start_up_and_its_text_kept() {
    local().clear().unwrap();
    storage::save_plan(&Plan::new("ok", "Fine Co", chrono::Utc::now()), summarise).unwrap();
    let cut = Plan::new("cut", "Cut Co", chrono::Utc::now());
    let saved = storage::save_plan(&cut, summarise).unwrap();
    let raw = local().get_item("keyplan:plan:cut").unwrap().unwrap();
    assert_eq!(
        saved.summary.stored_len,
        Some(raw.encode_utf16().count() as u32)
    );
    let half: String = raw.chars().take(raw.chars().count() / 2).collect();
    local().set_item("keyplan:plan:cut", &half).unwrap();

    let ws = storage::load_workspace(summarise).unwrap();
    assert!(!ws.index_rebuilt);
    assert!(ws.damaged.iter().any(|(id, _)| id == "cut"));
    assert!(!ws.damaged.iter().any(|(id, _)| id == "ok"));
    let listed = ws.summaries.iter().find(|s| s.id == "cut").unwrap();
    assert!(listed.damaged.is_some());
    assert_eq!(listed.name, "Cut Co");
    // Its text is untouched, and the next start still lists it.
    assert_eq!(
        local().get_item("keyplan:plan:cut").unwrap(),
        Some(half.clone())
    );
    let again = storage::load_workspace(summarise).unwrap();
    assert!(again.damaged.iter().any(|(id, _)| id == "cut"));
    // Put back whole, it reads again and is no longer listed as damaged.
    local().set_item("keyplan:plan:cut", &raw).unwrap();
    let healed = storage::load_workspace(summarise).unwrap();
    assert!(!healed.damaged.iter().any(|(id, _)| id == "cut"));
    assert!(healed
        .summaries
        .iter()
        .any(|s| s.id == "cut" && s.damaged.is_none()));
}

// -- review-merge (issue 15): the merge base store against the real localStorage --

#[wasm_bindgen_test]
fn a_merge_base_is_kept_compactly_restored_and_removed_with_its_plan() {
    use keyplan::model::provenance::{fingerprint, Base};
    use keyplan::persist::base;
    local().clear().unwrap();
    let mut p = Plan::new("mb1", "Base Co", chrono::Utc::now());
    p.communication.private_notes = "PRIVATE-IN-BASE".into();
    storage::save_plan(&p, summarise).unwrap();
    assert_eq!(base::load("mb1"), None);
    let b = Base::of(&p, fingerprint(&p));
    base::save("mb1", &b).unwrap();
    let raw = local().get_item("keyplan:base:mb1").unwrap().unwrap();
    assert!(raw.starts_with("@keyplan.base "), "{raw}");
    assert!(!raw.contains("PRIVATE-IN-BASE"));
    assert_eq!(base::load("mb1"), Some(b.clone()));
    // The undo of an import puts back what was there: nothing, then the base again.
    base::restore("mb1", None).unwrap();
    assert_eq!(base::load("mb1"), None);
    base::restore("mb1", Some(&b)).unwrap();
    assert_eq!(base::load("mb1"), Some(b.clone()));
    // A base that does not fit is dropped rather than left stale.
    let mut newer = b.clone();
    newer.fingerprint = "fnv1a64:00000000000000ff".into();
    fill_quota();
    let full = base::save("mb1", &newer);
    restore_quota();
    assert_eq!(full, Err(StoreError::QuotaFull));
    assert_eq!(base::load("mb1"), None);
    // Deleting the plan deletes its base.
    base::save("mb1", &b).unwrap();
    storage::delete_plan("mb1").unwrap();
    assert_eq!(local().get_item("keyplan:base:mb1").unwrap(), None);
    local().clear().unwrap();
}
