//! Layout of the relationship map: an org chart from "reports to", one row per level.

use super::plan::{Contact, RowId};

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub id: RowId,
    pub x: f64,
    pub y: f64,
    pub level: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub nodes: Vec<Node>,
    /// (from, to): a line from a contact up to the one they report to.
    pub edges: Vec<(RowId, RowId)>,
    pub width: f64,
    pub height: f64,
}

pub const COL_W: f64 = 150.0;
pub const ROW_H: f64 = 110.0;

/// Depth of each contact below its top boss. A missing boss or a loop counts as the top,
/// so bad data still draws.
fn depth(contacts: &[Contact], c: &Contact) -> usize {
    let mut d = 0;
    let mut cur = c.reports_to;
    let mut seen = vec![c.id];
    while let Some(boss) = cur {
        if seen.contains(&boss) {
            break;
        }
        match contacts.iter().find(|x| x.id == boss) {
            Some(b) => {
                seen.push(boss);
                d += 1;
                cur = b.reports_to;
            }
            None => break,
        }
    }
    d
}

/// Places contacts level by level, ordered so each one sits near its boss.
pub fn layout(contacts: &[Contact]) -> Layout {
    let depths: Vec<usize> = contacts.iter().map(|c| depth(contacts, c)).collect();
    let levels = depths.iter().max().map_or(0, |m| m + 1);
    let mut rows: Vec<Vec<usize>> = vec![Vec::new(); levels];
    for (i, d) in depths.iter().enumerate() {
        rows[*d].push(i);
    }
    let mut x_of: Vec<f64> = vec![0.0; contacts.len()];
    let widest = rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let width = widest as f64 * COL_W;
    let mut nodes = Vec::with_capacity(contacts.len());
    for (level, row) in rows.iter_mut().enumerate() {
        // Sort by the boss's x so lines cross less.
        row.sort_by(|a, b| {
            let bx = |i: usize| {
                contacts[i]
                    .reports_to
                    .and_then(|r| contacts.iter().position(|c| c.id == r))
                    .map_or(0.0, |p| x_of[p])
            };
            bx(*a)
                .partial_cmp(&bx(*b))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        let step = width / row.len().max(1) as f64;
        for (k, &i) in row.iter().enumerate() {
            let x = step * (k as f64 + 0.5);
            x_of[i] = x;
            nodes.push(Node {
                id: contacts[i].id,
                x,
                y: ROW_H * (level as f64 + 0.5),
                level,
            });
        }
    }
    let edges = contacts
        .iter()
        .filter_map(|c| {
            c.reports_to
                .filter(|r| *r != c.id && contacts.iter().any(|x| x.id == *r))
                .map(|r| (c.id, r))
        })
        .collect();
    Layout {
        nodes,
        edges,
        width,
        height: ROW_H * levels.max(1) as f64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(id: RowId, boss: Option<RowId>) -> Contact {
        Contact {
            id,
            reports_to: boss,
            ..Contact::default()
        }
    }

    #[test]
    fn levels_follow_reports_to() {
        let l = layout(&[c(1, None), c(2, Some(1)), c(3, Some(1)), c(4, Some(2))]);
        let level = |id| l.nodes.iter().find(|n| n.id == id).unwrap().level;
        assert_eq!((level(1), level(2), level(3), level(4)), (0, 1, 1, 2));
        assert_eq!(l.edges.len(), 3);
        assert_eq!(l.height, 3.0 * ROW_H);
    }

    #[test]
    fn loops_and_missing_bosses_still_draw() {
        let l = layout(&[c(1, Some(2)), c(2, Some(1)), c(3, Some(99)), c(4, Some(4))]);
        assert_eq!(l.nodes.len(), 4);
        assert!(!l.edges.contains(&(3, 99)));
        assert!(!l.edges.contains(&(4, 4)));
    }

    #[test]
    fn sixty_contacts_fit_without_overlap() {
        let contacts: Vec<Contact> = (1..=60)
            .map(|i| c(i, if i == 1 { None } else { Some(1 + (i - 2) / 6) }))
            .collect();
        let l = layout(&contacts);
        for a in &l.nodes {
            for b in &l.nodes {
                if a.id != b.id && a.level == b.level {
                    assert!((a.x - b.x).abs() >= COL_W - 1e-9, "{a:?} overlaps {b:?}");
                }
            }
        }
    }
}
