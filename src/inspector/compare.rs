//! The what-if's frame diff (issue 18): the frame at the same step of the original run and of
//! the variant, field by field, keeping the fields whose values differ (or that one frame has
//! and the other not). Fields are matched by layer position and name, as the inspector's tree
//! lists them ([`super::layers`]), so a changed ARP target or IPv4 source shows as that field.
//!
//! Pure: two frames' bytes in, rows out (native tests below).

use super::layers;

/// One field that differs between the two frames.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldDiff {
    /// The layer's colour class (`arp`, `icmp`…), shared with the animation.
    pub css: &'static str,
    /// The field's name ("Target IP address").
    pub name: String,
    /// Its value in the original's frame (`None`: that frame has no such field).
    pub original: Option<String>,
    /// Its value in the variant's frame.
    pub variant: Option<String>,
}

/// The fields that differ between `original` and `variant`, in the variant's wire order,
/// then the original's fields the variant lacks. Empty: the same frame.
pub fn frame_diff(original: &[u8], variant: &[u8]) -> Vec<FieldDiff> {
    let flat = |frame: &[u8]| -> Vec<(usize, &'static str, String, String)> {
        layers(frame, None)
            .into_iter()
            .enumerate()
            .flat_map(|(i, l)| {
                let css = l.css;
                l.fields.into_iter().map(move |f| (i, css, f.name, f.value))
            })
            .collect()
    };
    let (o, v) = (flat(original), flat(variant));
    let key = |f: &(usize, &'static str, String, String)| (f.0, f.1, f.2.clone());
    let mut out: Vec<FieldDiff> = Vec::new();
    for f in &v {
        let twin = o.iter().find(|g| key(g) == key(f));
        if twin.is_none_or(|g| g.3 != f.3) {
            out.push(FieldDiff { css: f.1, name: f.2.clone(), original: twin.map(|g| g.3.clone()), variant: Some(f.3.clone()) });
        }
    }
    for g in o.iter().filter(|g| !v.iter().any(|f| key(f) == key(g))) {
        out.push(FieldDiff { css: g.1, name: g.2.clone(), original: Some(g.3.clone()), variant: None });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use packet_engine::trace::EventKind;
    use packet_engine::{Scenario, Simulation};

    /// The first frame sent in a run of `scenario`.
    fn first_frame(scenario: &Scenario) -> Vec<u8> {
        let out = Simulation::new(scenario).unwrap().run();
        out.trace.events.iter().find_map(|e| match &e.kind {
            EventKind::FrameSent { bytes, .. } => Some(bytes.to_vec()),
            _ => None,
        }).unwrap()
    }

    #[test]
    fn the_arp_request_for_the_peer_differs_from_the_one_for_the_gateway_in_its_target_only() {
        let two = packet_engine::examples::all().into_iter().find(|(s, _)| *s == "two-subnets").unwrap().1;
        let mut wide = two.clone();
        wide.devices[0].interfaces[0].address = Some("192.168.1.10/16".into());
        let diff = frame_diff(&first_frame(&two), &first_frame(&wide));
        assert_eq!(diff.len(), 1, "{diff:?}");
        assert_eq!(diff[0].css, "arp");
        assert_eq!((diff[0].original.as_deref(), diff[0].variant.as_deref()), (Some("192.168.1.1"), Some("192.168.2.20")));
        assert!(frame_diff(&first_frame(&two), &first_frame(&two)).is_empty());
    }
}
