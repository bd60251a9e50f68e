//! Undo and redo: snapshots of the lab, compared by identity.

use super::*;

/// A lab as the undo history keeps it.
#[derive(Clone, Debug)]
pub(super) struct Snapshot {
    pub(super) scenario: Rc<Scenario>,
    pub(super) origin: Option<usize>,
}

/// The undo and redo stacks. Compared by identity of the snapshots (cheap): two histories
/// are equal when they hold the same snapshots.
#[derive(Clone, Debug, Default)]
pub struct History {
    pub(super) past: Vec<Snapshot>,
    pub(super) future: Vec<Snapshot>,
}

impl PartialEq for History {
    fn eq(&self, other: &Self) -> bool {
        let same = |a: &[Snapshot], b: &[Snapshot]| {
            a.len() == b.len()
                && a.iter().zip(b).all(|(x, y)| Rc::ptr_eq(&x.scenario, &y.scenario) && x.origin == y.origin)
        };
        same(&self.past, &other.past) && same(&self.future, &other.future)
    }
}

impl History {
    /// Whether there is an edit to undo.
    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }
    /// Whether there is an undone edit to redo.
    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }
}

