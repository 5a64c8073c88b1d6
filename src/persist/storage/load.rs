//! Reading stored plans, and the workspace as found at start (the start-up check of stored
//! lengths, the index rebuilt when it is out of step).

use super::*;

/// A stored plan as read, in each of the ways it can turn out.
#[derive(Clone, Debug)]
pub enum PlanRead {
    Loaded(LoadedPlan),
    /// Written by a newer KeyPlan: shown read-only, never written back.
    Newer {
        plan: Option<Plan>,
        error: DecodeError,
    },
    /// Unreadable: the raw text is kept untouched and offered as a download.
    Damaged {
        raw: String,
        error: DecodeError,
    },
    Missing,
}

pub fn read_plan(id: &str) -> Result<PlanRead, StoreError> {
    let Some(raw) = read(&plan_key(id))? else {
        return Ok(PlanRead::Missing);
    };
    read_plan_text(id, raw)
}

/// A plan as stored, read without writing anything (no backup of an older plan's text): for
/// previews and figures, which never save what they read.
pub fn peek_plan(id: &str) -> Result<PlanRead, StoreError> {
    let Some(raw) = read(&plan_key(id))? else {
        return Ok(PlanRead::Missing);
    };
    classify(raw)
}

/// A plan's stored text, read to be opened: an older plan's text is kept under a backup key
/// until the migrated plan has been saved once.
fn read_plan_text(id: &str, raw: String) -> Result<PlanRead, StoreError> {
    let read = classify(raw)?;
    if let PlanRead::Loaded(l) = &read {
        if l.migrated_from.is_some() {
            let key = format!("{BACKUP_PREFIX}{id}");
            if matches!(self::read(&key), Ok(None)) {
                if let Ok(Some(raw)) = self::read(&plan_key(id)) {
                    let _ = write(&key, &raw);
                }
            }
        }
    }
    Ok(read)
}

/// What a plan's stored text turns out to be, with no writes. An error when the code that reads
/// plans is not here (`persist::codec`): the plan is not known to be damaged then.
fn classify(raw: String) -> Result<PlanRead, StoreError> {
    let not_loaded = |_| StoreError::CodeNotLoaded;
    Ok(match codec::decode_plan(&raw).map_err(not_loaded)? {
        Ok(loaded) => PlanRead::Loaded(loaded),
        Err(error @ DecodeError::Newer { .. }) => PlanRead::Newer {
            plan: codec::decode_plan_read_only(&raw).map_err(not_loaded)?,
            error,
        },
        Err(error) => PlanRead::Damaged { raw, error },
    })
}

/// The workspace as found at start: the plan summaries, and what had to be repaired.
#[derive(Clone, Debug, Default)]
pub struct Workspace {
    pub summaries: Vec<PlanSummary>,
    /// Set when the index was missing or damaged and was rebuilt from the plan keys.
    pub index_rebuilt: bool,
    /// Plans whose stored text cannot be read: (id, reason).
    pub damaged: Vec<(String, String)>,
}

/// The length of a stored value in UTF-16 units (what `String.length` says), read in the
/// browser: the text itself is never copied into wasm, so checking every plan stays cheap.
struct Lengths {
    storage: web_sys::Storage,
    get_item: Option<js_sys::Function>,
}

impl Lengths {
    fn new() -> Result<Self, StoreError> {
        let storage = local()?;
        let get_item = js_sys::Reflect::get(&storage, &"getItem".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        Ok(Lengths { storage, get_item })
    }

    fn of(&self, key: &str) -> Option<u32> {
        let value = self
            .get_item
            .as_ref()?
            .call1(&self.storage, &JsValue::from_str(key))
            .ok()?;
        value.dyn_ref::<js_sys::JsString>().map(|s| s.length())
    }
}

/// The length the start-up check compares: UTF-16 units, as the browser counts them.
pub fn utf16_len(raw: &str) -> u32 {
    raw.encode_utf16().count() as u32
}

/// A plan's summary computed from its stored text, with what the start-up check needs.
fn summary_from(
    id: &str,
    raw: String,
    summarise: &impl Fn(&Plan, usize) -> PlanSummary,
) -> (PlanSummary, Option<(String, String)>) {
    let len = utf16_len(&raw);
    let bytes = raw.len();
    let Ok(read) = classify(raw) else {
        // Not read (the plan code is not here): listed as it was, checked at the next start.
        return (PlanSummary::default(), None);
    };
    match read {
        PlanRead::Loaded(l) => {
            let mut s = summarise(&l.plan, bytes);
            s.stored_len = Some(len);
            (s, None)
        }
        PlanRead::Newer { plan, error } => {
            let mut s = plan.map(|p| summarise(&p, bytes)).unwrap_or_default();
            s.id = id.to_string();
            if s.name.is_empty() {
                s.name = id.to_string();
            }
            // Read again at every start, so it stays listed as needing attention.
            s.newer = true;
            s.stored_len = Some(len);
            (s, Some((id.to_string(), error.to_string())))
        }
        PlanRead::Damaged { error, raw } => {
            let why = error.to_string();
            let s = PlanSummary {
                id: id.to_string(),
                name: salvage_name(&raw).unwrap_or_else(|| id.to_string()),
                damaged: Some(why.clone()),
                // The length of the damaged text: it is read again only when it changes.
                stored_len: Some(len),
                ..PlanSummary::default()
            };
            (s, Some((id.to_string(), why)))
        }
        PlanRead::Missing => (PlanSummary::default(), None),
    }
}

/// Reads the index; when it is damaged or out of step with the plan keys, rebuilds it
/// from the plans themselves. Plans listed in a good index are not read, except those whose
/// stored text is no longer the length the index recorded (cut short, or written behind
/// KeyPlan's back), those marked as from a newer KeyPlan, and those summarised by an older
/// KeyPlan: start-up costs the size of the index and one length per plan, not the workspace.
pub fn load_workspace(
    summarise: impl Fn(&Plan, usize) -> PlanSummary,
) -> Result<Workspace, StoreError> {
    let ids = plan_ids()?;
    let index = read(INDEX_KEY)?.map(|raw| {
        let list = decode_index(&raw);
        if let Ok(list) = &list {
            INDEX_CACHE.with_borrow_mut(|c| *c = Some((raw, list.clone())));
        }
        list
    });
    let journal = crate::persist::journal::read_journal();
    let (mut summaries, mut rebuilt) = match index {
        Some(Ok(list)) => (list, false),
        // Only the journal: a new workspace whose index is not written yet.
        None if !journal.is_empty() => (Vec::new(), false),
        Some(Err(_)) | None => (Vec::new(), !ids.is_empty()),
    };
    crate::persist::journal::upsert_into(&mut summaries, journal);
    // Drop entries whose plan key is gone; add plans the index does not know.
    let stored: HashSet<&str> = ids.iter().map(String::as_str).collect();
    summaries.retain(|s| stored.contains(s.id.as_str()));
    let listed: HashSet<String> = summaries.iter().map(|s| s.id.clone()).collect();
    let mut damaged = Vec::new();
    let mut changed = false;
    // The plans the index lists: check each stored text's length against the index.
    let lengths = Lengths::new()?;
    for s in summaries.iter_mut() {
        let len = lengths.of(&plan_key(&s.id));
        let suspect = match s.stored_len {
            Some(n) => len != Some(n),
            // Written by a KeyPlan before lengths were kept: checked once, then recorded.
            None => true,
        };
        // Plans already known to need attention are read again too (there are few), so one
        // put right is listed normally again.
        if !(suspect || s.newer || s.damaged.is_some() || !s.is_current()) {
            continue;
        }
        let Some(raw) = read(&plan_key(&s.id))? else {
            continue;
        };
        let (fresh, problem) = summary_from(&s.id.clone(), raw, &summarise);
        if fresh.id.is_empty() {
            continue;
        }
        if fresh != *s {
            changed = true;
            // A damaged plan keeps the name it was listed under.
            let name = s.name.clone();
            *s = fresh;
            if s.damaged.is_some() && !name.is_empty() {
                s.name = name;
            }
        }
        if let Some(p) = problem {
            damaged.push(p);
        }
    }
    let unknown: Vec<&String> = ids.iter().filter(|id| !listed.contains(*id)).collect();
    // Without the plan code (`persist::codec`; the caller fetches it first whenever storage holds
    // plans) no plan can be read: one the index does not know is listed by the name in its text
    // and read at the next start, and the index is not written.
    let unchecked = !codec::ready();
    for id in unknown {
        rebuilt = true;
        let Some(raw) = read(&plan_key(id))? else {
            continue;
        };
        if unchecked {
            summaries.push(PlanSummary {
                id: id.clone(),
                name: salvage_name(&raw).unwrap_or_else(|| id.clone()),
                ..PlanSummary::default()
            });
            continue;
        }
        let (s, problem) = summary_from(id, raw, &summarise);
        if !s.id.is_empty() {
            summaries.push(s);
        }
        if let Some(p) = problem {
            damaged.push(p);
        }
    }
    let found: HashSet<String> = damaged.iter().map(|(id, _)| id.clone()).collect();
    damaged.extend(
        summaries
            .iter()
            .filter(|s| !found.contains(&s.id))
            .filter_map(|s| s.damaged.clone().map(|why| (s.id.clone(), why))),
    );
    if (rebuilt || changed) && !unchecked {
        // Best effort: if this write fails the index is rebuilt again next time.
        let text = encode_index(&summaries, Utc::now());
        if write(INDEX_KEY, &text).is_ok() {
            INDEX_CACHE.with_borrow_mut(|c| *c = Some((text, summaries.clone())));
        }
    }
    Ok(Workspace {
        summaries,
        index_rebuilt: rebuilt,
        damaged,
    })
}
