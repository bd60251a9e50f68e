//! What the event list shows: classes switched off, one device.

use super::*;

/// What the event list shows.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Filter {
    /// Classes switched off.
    pub hidden: VecSet<EventClass>,
    /// Only events at (or sent to) this device, when set.
    pub device: Option<Rc<str>>,
    /// IPv6's housekeeping (router solicitations and advertisements, MLD
    /// reports) is noise beside the traffic a lab is about: hidden unless
    /// its chip turns it on. Apart from `hidden`, so IPv4 labs and their
    /// share links stay as they were (issue 16).
    pub show_ipv6_control: bool,
}

impl Filter {
    /// True when events of `class` are shown.
    pub fn shows(&self, class: EventClass) -> bool {
        !self.hidden.contains(&class) && (class != EventClass::Ipv6Control || self.show_ipv6_control)
    }

    /// True when `row` passes the filter (the app filters by [`Run::accepts`], without
    /// wording rows; a test checks the two agree).
    #[cfg(test)]
    pub fn accepts(&self, row: &Row) -> bool {
        if !self.shows(row.class) {
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
