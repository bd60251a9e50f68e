//! What the event list shows: classes switched off, one device.

use super::*;

/// What the event list shows.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Filter {
    /// Classes switched off.
    pub hidden: VecSet<EventClass>,
    /// Only events at (or sent to) this device, when set.
    pub device: Option<Rc<str>>,
}

impl Filter {
    /// The filter a new run starts with: IPv6's housekeeping (router
    /// solicitations and advertisements, MLD reports) hidden, as noise
    /// beside the traffic a lab is about; its chip counts what it hides.
    pub fn quiet() -> Filter {
        let mut hidden = VecSet::new();
        hidden.insert(EventClass::Ipv6Control);
        Filter { hidden, device: None }
    }

    /// True when `row` passes the filter.
    pub fn accepts(&self, row: &Row) -> bool {
        if self.hidden.contains(&row.class) {
            return false;
        }
        match &self.device {
            None => true,
            Some(d) => {
                row.device.as_deref() == Some(&**d) || row.peer.as_deref() == Some(&**d)
            }
        }
    }
}
