//! Reading a [`Check`] from an exercise file, written out by hand (issue 15: size).
//!
//! `#[derive(Deserialize)]` on an internally tagged enum buffers each object into
//! serde's `Content` and then runs one generated struct visitor per variant over
//! that buffer: 25.5 KB of wasm in one function, the largest in the app. Here one
//! visitor reads every field the checks have, by its own type, straight from the
//! text, and then builds the variant the `check` tag names. Its messages are
//! serde's own (`unknown variant`, `unknown field … expected one of`, `missing
//! field`, `duplicate field`, `invalid type`), in the same order the derive
//! reported them: the tag's problems first, then the first key the variant does
//! not have, then the first missing field in declaration order. A value of the
//! wrong type is now reported at that value (`goal[0].from`) rather than at the
//! whole check, since it is no longer read from a buffer after the object ends.

use super::check::Check;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;
use std::fmt;

/// The `check` tag's values, in the enum's order (the `unknown variant` message lists them).
#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "snake_case", variant_identifier)]
enum Kind {
    PingSucceeds,
    PingFails,
    ArpCacheHas,
    Receives,
    NeverReceives,
    TracerouteHops,
    LeavesVia,
    LookupSucceeds,
    PageLoads,
    Ping6Succeeds,
}

/// Every field name of every variant. The first six are required wherever they
/// appear (a `null` is refused, as for a `String`), the next six are optional.
const NAMES: [&str; 14] = [
    "from",
    "to",
    "device",
    "ip",
    "name",
    "url",
    "mac_of",
    "frame_to_mac_of",
    "addressed_to",
    "arp_for",
    "towards",
    "link",
    "hops",
    "check",
];
const OPTIONAL: usize = 6;
const HOPS: usize = 12;
const TAG: usize = 13;

impl Kind {
    /// The variant's fields in declaration order, as the derive names them in its messages.
    fn fields(self) -> &'static [&'static str] {
        match self {
            Kind::PingSucceeds | Kind::PingFails | Kind::Ping6Succeeds => &["from", "to"],
            Kind::ArpCacheHas => &["device", "ip", "mac_of"],
            Kind::Receives | Kind::NeverReceives => {
                &["device", "frame_to_mac_of", "addressed_to", "arp_for"]
            }
            Kind::TracerouteHops => &["from", "to", "hops"],
            Kind::LeavesVia => &["device", "from", "to", "towards", "link"],
            Kind::LookupSucceeds => &["from", "name"],
            Kind::PageLoads => &["from", "url"],
        }
    }
}

fn index(name: &str) -> usize {
    NAMES.iter().position(|n| *n == name).unwrap_or(NAMES.len())
}

struct CheckVisitor;

impl<'de> Visitor<'de> for CheckVisitor {
    type Value = Check;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("internally tagged enum Check")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Check, A::Error> {
        let mut kind: Option<Kind> = None;
        let mut text: [Option<String>; HOPS] = Default::default();
        let mut hops: Option<u8> = None;
        let mut seen = [false; NAMES.len()];
        // Keys read before the tag, and keys the variant does not have: which
        // of them is at fault is known once the tag is.
        let mut stray: Vec<String> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let i = index(&key);
            if i == NAMES.len() || kind.is_some_and(|k| i != TAG && !k.fields().contains(&NAMES[i]))
            {
                // Not a field of this check (or of any): its value is not read.
                map.next_value::<IgnoredAny>()?;
                stray.push(key);
                continue;
            }
            if seen[i] {
                return Err(de::Error::duplicate_field(NAMES[i]));
            }
            seen[i] = true;
            match i {
                TAG => kind = Some(map.next_value()?),
                HOPS => hops = Some(map.next_value()?),
                _ if i < OPTIONAL => text[i] = Some(map.next_value::<String>()?),
                _ => text[i] = map.next_value::<Option<String>>()?,
            }
            if i != TAG && kind.is_none() {
                stray.push(key);
            }
        }
        let kind = kind.ok_or_else(|| de::Error::missing_field("check"))?;
        let fields = kind.fields();
        if let Some(key) = stray.iter().find(|k| !fields.contains(&k.as_str())) {
            return Err(de::Error::unknown_field(key, fields));
        }
        if let Some(name) = fields
            .iter()
            .find(|n| (index(n) < OPTIONAL || **n == "hops") && !seen[index(n)])
        {
            return Err(de::Error::missing_field(name));
        }
        let [from, to, device, ip, name, url, mac_of, frame_to_mac_of, addressed_to, arp_for, towards, link] =
            text;
        // Every required field of the variant was seen: no default is ever taken.
        let (from, to, device) = (
            from.unwrap_or_default(),
            to.unwrap_or_default(),
            device.unwrap_or_default(),
        );
        Ok(match kind {
            Kind::PingSucceeds => Check::PingSucceeds { from, to },
            Kind::PingFails => Check::PingFails { from, to },
            Kind::Ping6Succeeds => Check::Ping6Succeeds { from, to },
            Kind::ArpCacheHas => Check::ArpCacheHas {
                device,
                ip: ip.unwrap_or_default(),
                mac_of,
            },
            Kind::Receives => Check::Receives {
                device,
                frame_to_mac_of,
                addressed_to,
                arp_for,
            },
            Kind::NeverReceives => Check::NeverReceives {
                device,
                frame_to_mac_of,
                addressed_to,
                arp_for,
            },
            Kind::TracerouteHops => Check::TracerouteHops {
                from,
                to,
                hops: hops.unwrap_or_default(),
            },
            Kind::LeavesVia => Check::LeavesVia {
                device,
                from,
                to,
                towards,
                link,
            },
            Kind::LookupSucceeds => Check::LookupSucceeds {
                from,
                name: name.unwrap_or_default(),
            },
            Kind::PageLoads => Check::PageLoads {
                from,
                url: url.unwrap_or_default(),
            },
        })
    }
}

impl<'de> Deserialize<'de> for Check {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Check, D::Error> {
        deserializer.deserialize_map(CheckVisitor)
    }
}
