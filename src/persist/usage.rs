//! How much of the browser's storage KeyPlan uses, and how much room is left (issue 13): pure
//! arithmetic over the stored keys and their sizes, host-tested. Sizes are UTF-16 code units,
//! key + value, as browsers count the quota.

use serde_json::Value;

use super::compact;

/// Above this share of the quota the portfolio warns.
pub const WARN_SHARE: f64 = 0.8;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Usage {
    /// Units used by every key of this origin (KeyPlan's and any other).
    pub used: usize,
    pub quota: usize,
    /// Plan keys: (plan id, units), largest first.
    pub plans: Vec<(String, usize)>,
    /// Units of one plan on average, with its share of the index.
    pub average: usize,
    /// About how many more plans like the average one fit; None without any plan.
    pub room: Option<usize>,
}

impl Usage {
    pub fn share(&self) -> f64 {
        if self.quota == 0 {
            return 1.0;
        }
        self.used as f64 / self.quota as f64
    }

    pub fn warn(&self) -> bool {
        self.share() > WARN_SHARE
    }
}

/// Usage from every stored key and its size.
pub fn usage(
    entries: &[(String, usize)],
    plan_prefix: &str,
    index_key: &str,
    quota: usize,
) -> Usage {
    let used = entries.iter().map(|(_, n)| n).sum();
    let mut plans: Vec<(String, usize)> = entries
        .iter()
        .filter_map(|(k, n)| k.strip_prefix(plan_prefix).map(|id| (id.to_string(), *n)))
        .collect();
    // A plan's merge base (issue 15) is counted with the plan.
    for (k, n) in entries {
        if let Some(id) = k.strip_prefix(super::base::BASE_PREFIX) {
            if let Some(p) = plans.iter_mut().find(|(p, _)| p == id) {
                p.1 += n;
            }
        }
    }
    plans.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let index: usize = entries
        .iter()
        .filter(|(k, _)| k.starts_with(index_key))
        .map(|(_, n)| n)
        .sum();
    let (average, room) = if plans.is_empty() {
        (0, None)
    } else {
        let total: usize = plans.iter().map(|(_, n)| n).sum::<usize>() + index;
        let average = total.div_ceil(plans.len()).max(1);
        (average, Some(quota.saturating_sub(used) / average))
    };
    Usage {
        used,
        quota,
        plans,
        average,
        room,
    }
}

/// One review snapshot and about how many units it takes in its plan's stored value.
#[derive(Clone, Debug, PartialEq)]
pub struct SnapshotCost {
    pub review_id: u32,
    pub date: Option<String>,
    pub units: usize,
}

/// About what each review snapshot of a stored plan costs: its share of the stored value, in
/// proportion to the size of its delta in the text that is compressed (the newest against the
/// plan, each older one against the next newer one). Empty when the value cannot be read.
pub fn snapshot_costs(raw: &str) -> Vec<SnapshotCost> {
    let total_units = raw.encode_utf16().count();
    let Ok(mut value) = compact::parse_stored(raw) else {
        return Vec::new();
    };
    let Some(reviews) = value
        .get_mut("plan")
        .and_then(|p| p.get_mut("communication"))
        .and_then(|c| c.get_mut("reviews"))
        .and_then(Value::as_array_mut)
        .map(std::mem::take)
    else {
        return Vec::new();
    };
    let plan_len = value.to_string().len();
    let mut reference = value.get("plan").cloned().unwrap_or(Value::Null);
    let mut costs = Vec::new();
    let mut texts = plan_len;
    for review in reviews.iter().rev() {
        let Some(snap) = review.get("snapshot").filter(|s| !s.is_null()) else {
            continue;
        };
        let len = compact::delta(snap, &reference).to_string().len();
        texts += len;
        costs.push((review, len));
        reference = snap.clone();
    }
    let mut out: Vec<SnapshotCost> = costs
        .into_iter()
        .map(|(review, len)| SnapshotCost {
            review_id: review
                .get("id")
                .and_then(Value::as_u64)
                .and_then(|n| u32::try_from(n).ok())
                .unwrap_or(0),
            date: review.get("date").and_then(Value::as_str).map(String::from),
            units: (total_units as f64 * len as f64 / texts.max(1) as f64).round() as usize,
        })
        .collect();
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_counts_every_key_and_the_room_left() {
        let entries = vec![
            ("keyplan:index".to_string(), 1_000),
            ("keyplan:plan:a".to_string(), 30_000),
            ("keyplan:plan:b".to_string(), 10_000),
            ("keyplan:settings".to_string(), 200),
            ("other-app".to_string(), 800),
        ];
        let u = usage(&entries, "keyplan:plan:", "keyplan:index", 100_000);
        assert_eq!(u.used, 42_000);
        assert_eq!(u.plans[0], ("a".to_string(), 30_000));
        assert_eq!(u.average, 20_500);
        assert_eq!(u.room, Some(58_000 / 20_500));
        assert!(!u.warn());
        let full = usage(&entries, "keyplan:plan:", "keyplan:index", 50_000);
        assert!(full.warn());
        assert_eq!(full.room, Some(0));
        assert_eq!(usage(&[], "keyplan:plan:", "keyplan:index", 10).room, None);
    }

    #[test]
    fn a_plans_merge_base_counts_with_the_plan() {
        let entries = vec![
            ("keyplan:plan:a".to_string(), 3_000),
            ("keyplan:base:a".to_string(), 1_000),
            ("keyplan:plan:b".to_string(), 3_500),
        ];
        let u = usage(&entries, "keyplan:plan:", "keyplan:index", 100_000);
        assert_eq!(u.used, 7_500);
        assert_eq!(
            u.plans,
            vec![("a".to_string(), 4_000), ("b".to_string(), 3_500)]
        );
    }

    #[test]
    fn snapshot_costs_add_up_to_less_than_the_value() {
        use crate::model::plan::{Contact, Plan, Review};
        use crate::model::snapshot::snapshot;
        let mut plan = Plan::new("p", "Acme", chrono::Utc::now());
        for q in 0..4u32 {
            for c in 0..5 {
                plan.relationships.contacts.push(Contact {
                    id: q * 10 + c + 1,
                    name: format!("Contact {q}.{c}"),
                    background: format!("Met in quarter {q}; runs line {c} of the plant."),
                    ..Contact::default()
                });
            }
            let snap = snapshot(&plan);
            plan.communication.reviews.push(Review {
                id: q + 1,
                date: chrono::NaiveDate::from_ymd_opt(2026, 3 * q + 1, 15),
                snapshot: Some(snap),
                ..Review::default()
            });
        }
        let raw = compact::encode_stored_plan(&plan, chrono::Utc::now());
        let costs = snapshot_costs(&raw);
        assert_eq!(
            costs.iter().map(|c| c.review_id).collect::<Vec<_>>(),
            [1, 2, 3, 4]
        );
        assert_eq!(costs[0].date.as_deref(), Some("2026-01-15"));
        let sum: usize = costs.iter().map(|c| c.units).sum();
        assert!(sum > 0 && sum < raw.encode_utf16().count());
        assert!(snapshot_costs("garbage").is_empty());
    }
}
