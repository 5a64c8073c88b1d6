//! What the generic step view draws, in order, from a step's schema: sections with their
//! fields (those folded under "More detail" apart), tables and named panels. Pure, so a host
//! test proves that every schema field is placed in its step exactly once.

use super::schema::{self, Field, Item, Panel, Step, Table};

#[derive(Debug)]
pub enum Part {
    Section {
        /// The section's DOM id, from its title key (`step2.customer_file` → `customer-file`).
        id: String,
        title: &'static str,
        main: Vec<&'static Field>,
        more: Vec<&'static Field>,
    },
    Table(&'static Table),
    Panel(Panel),
}

/// The parts of a step, in the order the rep sees them.
pub fn layout(step: Step) -> Vec<Part> {
    schema::step(step)
        .items
        .iter()
        .map(|item| match item {
            Item::Section(title, fields) => {
                let (more, main) = fields.iter().partition(|f| f.more);
                Part::Section {
                    id: section_id(title),
                    title,
                    main,
                    more,
                }
            }
            Item::Table(t) => Part::Table(t),
            Item::Panel(p) => Part::Panel(*p),
        })
        .collect()
}

fn section_id(title: &str) -> String {
    title
        .rsplit_once('.')
        .map_or(title, |(_, k)| k)
        .replace('_', "-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_schema_field_table_and_panel_is_placed_in_its_step_once() {
        for (step, f) in schema::fields() {
            let placed: Vec<bool> = layout(step)
                .iter()
                .filter_map(|p| match p {
                    Part::Section { main, more, .. } => {
                        if main.iter().any(|x| std::ptr::eq(*x, f)) {
                            Some(false)
                        } else if more.iter().any(|x| std::ptr::eq(*x, f)) {
                            Some(true)
                        } else {
                            None
                        }
                    }
                    _ => None,
                })
                .collect();
            assert_eq!(placed, vec![f.more], "{} placed {:?}", f.path, placed);
        }
        for (step, t) in schema::tables() {
            let n = layout(step)
                .iter()
                .filter(|p| matches!(p, Part::Table(x) if std::ptr::eq(*x, t)))
                .count();
            assert_eq!(n, 1, "{}", t.path);
        }
        for (step, panel) in schema::panels() {
            assert!(layout(step)
                .iter()
                .any(|p| matches!(p, Part::Panel(x) if *x == panel)));
        }
    }

    #[test]
    fn sections_keep_their_anchors() {
        let ids: Vec<String> = Step::ALL
            .iter()
            .flat_map(|s| layout(*s))
            .filter_map(|p| match p {
                Part::Section { id, .. } => Some(id),
                _ => None,
            })
            .collect();
        assert!(ids.contains(&"customer-file".to_string()));
        assert!(ids.contains(&"long-term".to_string()));
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), ids.len(), "two sections share an id: {ids:?}");
    }
}
