//! The website story (issue 13): a sequence diagram generated from the trace, the
//! encapsulation view of the selected frame, noise filters and the chapter bar.
//!
//! Everything here is pure (no yew): [`StoryIndex`] is computed once per run from the trace,
//! [`layout`] turns it into geometry, [`encap`] a frame into nested boxes, [`svg`] the diagram
//! into a file; [`Story`] is the part of the app state the user chooses (diagram shown, lanes,
//! filters), changed only by [`StoryAction`]s through the reducer. The components that draw
//! it are in `components/story.rs`.

pub mod chapters;
pub mod classify;
pub mod encap;
mod index;
pub mod layout;
pub mod link;
pub mod svg;

use std::rc::Rc;

use packet_engine::Name;

pub use classify::{Noise, NoiseSet};
pub use index::StoryIndex;

/// The stem of the example a first visit opens, when the build has it (issue 13's "Visit
/// example.com", `scenarios/visit-example.json`); without it the first example opens as before.
pub const FIRST_VISIT: &str = "visit-example";

/// What the user chose to see of the story.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Story {
    /// The sequence diagram (and encapsulation view) is shown next to the canvas.
    pub open: bool,
    /// The lanes picked, in order; `None` is the default (every device the run's frames touch).
    pub lanes: Option<Rc<[Name]>>,
    /// Frames hidden from the animation and the diagram.
    pub noise: NoiseSet,
}

/// Every way the story choices change.
#[derive(Clone, Debug, PartialEq)]
pub enum StoryAction {
    /// Show or hide the diagram.
    Open(bool),
    /// Show or hide one device's lane; `all` is the run's touched devices in lane order (the
    /// default set, and the order lanes are kept in).
    ToggleLane { device: Name, all: Rc<[Name]> },
    /// Back to the default lanes.
    DefaultLanes,
    /// Switch one noise filter.
    ToggleNoise(Noise),
}

impl Story {
    /// Applies one action.
    pub fn apply(&mut self, action: StoryAction) {
        match action {
            StoryAction::Open(on) => self.open = on,
            StoryAction::ToggleLane { device, all } => {
                let current: Vec<Name> = match &self.lanes {
                    Some(l) => l.to_vec(),
                    None => all.to_vec(),
                };
                let on = !current.contains(&device);
                let next: Vec<Name> =
                    all.iter().filter(|d| if **d == device { on } else { current.contains(d) }).cloned().collect();
                self.lanes = if next.as_slice() == &*all { None } else { Some(next.into()) };
            }
            StoryAction::DefaultLanes => self.lanes = None,
            StoryAction::ToggleNoise(n) => self.noise = self.noise.toggled(n),
        }
    }

    /// The lanes to draw for a run whose touched devices are `touched`.
    pub fn lanes_for(&self, touched: &[Name]) -> Vec<Name> {
        match &self.lanes {
            Some(l) => l.to_vec(),
            None => touched.to_vec(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::classify::Proto;
    use super::index::Hop;
    use super::*;

    #[test]
    fn lanes_toggle_in_run_order_and_come_back_to_the_default() {
        let all: Rc<[Name]> = vec![Name::from("pc"), Name::from("sw"), Name::from("r1")].into();
        let mut s = Story::default();
        s.apply(StoryAction::ToggleLane { device: "sw".into(), all: all.clone() });
        assert_eq!(s.lanes_for(&all), vec![Name::from("pc"), Name::from("r1")]);
        s.apply(StoryAction::ToggleLane { device: "sw".into(), all: all.clone() });
        assert_eq!(s.lanes, None, "all lanes again is the default");
        s.apply(StoryAction::ToggleLane { device: "pc".into(), all: all.clone() });
        s.apply(StoryAction::DefaultLanes);
        assert_eq!(s.lanes, None);
        s.apply(StoryAction::ToggleNoise(Noise::Arp));
        assert!(s.noise.contains(Noise::Arp));
    }

    #[test]
    fn chapters_of_the_examples() {
        let run = |stem: &str| {
            let scenario = packet_engine::examples::all().into_iter().find(|(s, _)| *s == stem).unwrap().1;
            StoryIndex::new(&packet_engine::Simulation::new(&scenario).unwrap().run())
        };
        let titles = |i: &StoryIndex| i.chapters.iter().map(|c| (c.number, c.title)).collect::<Vec<_>>();
        let home = run("home-dhcp");
        assert_eq!(home.chapters.first().map(|c| c.number), Some(1), "{:?}", titles(&home));
        let lookup = run("name-lookup");
        let dns = lookup.chapters.iter().find(|c| c.number == 3).expect("a DNS chapter");
        let first_dns = lookup.hops.iter().find(|h| h.facts.proto == Proto::Dns).unwrap();
        assert_eq!(dns.event, first_dns.event);
        assert!(lookup.chapters.windows(2).all(|w| w[0].number < w[1].number));
        // A page fetch connects and asks for the page; the GET comes after the handshake.
        let fetch = run("fetch-page");
        let n: Vec<u8> = fetch.chapters.iter().map(|c| c.number).collect();
        assert!(n.contains(&4) && n.contains(&5), "{:?}", titles(&fetch));
        let at = |k: u8| fetch.chapters.iter().find(|c| c.number == k).unwrap().event;
        assert!(at(4) < at(5));
        assert!(fetch.hops.iter().any(|h| h.facts.proto == Proto::Http) && fetch.hops.iter().any(|h| h.facts.ack_only));
        // A ping on one network has no DHCP, DNS, TCP or HTTP chapter.
        let same = run("same-network");
        assert!(same.chapters.iter().all(|c| c.number == 2), "{:?}", titles(&same));
        assert_eq!(chapters::current(&lookup.chapters, 0), None);
        assert_eq!(chapters::current(&lookup.chapters, dns.event + 1).map(|c| c.number), Some(3));
    }

    #[test]
    fn routers_pair_what_they_received_with_what_they_sent() {
        let scenario = packet_engine::examples::all().into_iter().find(|(s, _)| *s == "to-the-internet").unwrap().1;
        let outcome = packet_engine::Simulation::new(&scenario).unwrap().run();
        let idx = StoryIndex::new(&outcome);
        let forwarded: Vec<&Hop> = idx.hops.iter().filter(|h| h.forwarded_from.is_some()).collect();
        assert!(!forwarded.is_empty());
        for h in &forwarded {
            // Same as the engine's own pairing (no NAT in this example).
            assert_eq!(h.forwarded_from, packet_engine::explain::forwarded_from(&outcome.trace, h.event), "event {}", h.event);
            assert_eq!(h.nat_before, None);
            let packet_engine::trace::EventKind::FrameReceived { bytes, .. } = &outcome.trace.events[h.forwarded_from.unwrap()].kind else {
                panic!("a FrameReceived")
            };
            let boxes = encap::across(bytes, &h.bytes);
            assert_eq!(boxes[0].change, encap::Change::Rewrapped);
            assert_eq!(boxes[1].change, encap::Change::Edited);
            assert!(boxes[1].fields.iter().any(|f| f.name == "Time to live" && f.before.is_some()));
            assert!(boxes[2..].iter().all(|b| b.change == encap::Change::Kept));
        }
    }
}
