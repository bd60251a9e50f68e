//! Labs at the edges of issue 19's bounds, built in code: shared by
//! `tests/bounded.rs`, `tests/validation_work.rs` and `benches/limits.rs`.

use packet_engine::scenario::limits;
use packet_engine::Scenario;

/// Two hubs of `ports` ports joined by `cables` parallel cables, a host on
/// each, and one `ping -c 1`: every delivery to a hub floods `ports - 1`
/// copies (the lab of issue 19, 5.8 KB as a link).
pub fn fan_out_lab(ports: u32, cables: u32, max_events: u64) -> String {
    let mut links = vec![
        r#"{"id":"a","a":{"device":"pc1","port":"eth0"},"b":{"device":"h1","port":"p1"}}"#.to_string(),
        r#"{"id":"b","a":{"device":"pc2","port":"eth0"},"b":{"device":"h2","port":"p1"}}"#.to_string(),
    ];
    for c in 0..cables {
        let p = c + 2;
        links.push(format!(r#"{{"id":"c{c}","a":{{"device":"h1","port":"p{p}"}},"b":{{"device":"h2","port":"p{p}"}}}}"#));
    }
    format!(
        r#"{{"version":1,"name":"fan-out","devices":[
          {{"id":"pc1","kind":"host","interfaces":[{{"name":"eth0","address":"10.0.0.1/24"}}]}},
          {{"id":"pc2","kind":"host","interfaces":[{{"name":"eth0","address":"10.0.0.2/24"}}]}},
          {{"id":"h1","kind":"hub","ports":{ports}}},{{"id":"h2","kind":"hub","ports":{ports}}}],
        "links":[{}],
        "commands":[{{"at_ms":0,"device":"pc1","run":"ping -c 1 10.0.0.2"}}],
        "options":{{"max_events":{max_events}}}}}"#,
        links.join(",")
    )
}

/// A hub of `hosts` hosts, and `run` on the first.
pub fn star_lab(hosts: u32, max_events: u64, run: &str) -> String {
    let mut devices = vec![format!(r#"{{"id":"hub","kind":"hub","ports":{hosts}}}"#)];
    let mut links = Vec::new();
    for h in 1..=hosts {
        devices.push(format!(
            r#"{{"id":"pc{h}","kind":"host","interfaces":[{{"name":"eth0","address":"10.0.{}.{}/16"}}]}}"#,
            h / 250, h % 250 + 1
        ));
        links.push(format!(r#"{{"id":"l{h}","a":{{"device":"pc{h}","port":"eth0"}},"b":{{"device":"hub","port":"p{h}"}}}}"#));
    }
    format!(
        r#"{{"version":1,"name":"star","devices":[{}],"links":[{}],
        "commands":[{{"at_ms":0,"device":"pc1","run":"{run}"}}],"options":{{"max_events":{max_events}}}}}"#,
        devices.join(","),
        links.join(",")
    )
}

/// Builds a lab at the limits: `MAX_DEVICES` devices (routers with
/// interfaces, and hubs), `MAX_LINKS` links, `MAX_PORTS` ports, `MAX_COMMANDS`
/// commands, the longest names. `over` names one limit to exceed by one.
pub fn maximal_lab(over: Option<&str>) -> Scenario {
    scaled_lab(over, 1)
}

/// [`maximal_lab`] with every count divided by `div` (names stay at their
/// longest): for measuring how validation grows with a lab's size.
pub fn scaled_lab(over: Option<&str>, div: usize) -> Scenario {
    let one = |name: &str| usize::from(over == Some(name));
    // Hubs of up to MAX_PORTS_PER_DEVICE ports take the ports that routers
    // with 2 interfaces leave of MAX_PORTS; routers make up MAX_DEVICES.
    let (max_ports, max_devices) = (limits::MAX_PORTS / div, limits::MAX_DEVICES / div);
    let spare = max_ports - 2 * max_devices;
    let hubs = spare.div_ceil(limits::MAX_PORTS_PER_DEVICE - 2) + 1;
    let routers = max_devices - hubs + one("MAX_DEVICES");
    let hub_ports_total = max_ports - 2 * (max_devices - hubs) + one("MAX_PORTS");
    let mut hub_ports = vec![hub_ports_total / hubs; hubs];
    hub_ports[0] += hub_ports_total % hubs;
    assert!(hub_ports[0] <= limits::MAX_PORTS_PER_DEVICE);
    let id_len = limits::MAX_ID_CHARS - 1 + one("MAX_ID_CHARS");
    let hub_id = |h: usize| format!("h{h:0>id_len$}");
    let iface = |r: usize, i: usize| {
        let extra = one("MAX_INTERFACE_NAME_CHARS") * usize::from(r == 0 && i == 0);
        format!("{}{i}", "e".repeat(limits::MAX_INTERFACE_NAME_CHARS - 1 + extra))
    };
    let mut devices: Vec<String> =
        (0..hubs).map(|h| format!(r#"{{"id":"{}","kind":"hub","ports":{}}}"#, hub_id(h), hub_ports[h])).collect();
    for r in 0..routers {
        devices.push(format!(
            r#"{{"id":"r{r}","kind":"router","interfaces":[{{"name":"{}","address":"10.{}.{}.1/30"}},{{"name":"{}","address":"10.{}.{}.5/30"}}]}}"#,
            iface(r, 0), r / 256, r % 256, iface(r, 1), r / 256, r % 256
        ));
    }
    // Every router interface on a hub port; then hub-to-hub cables up to MAX_LINKS.
    let mut free = (0..hubs).flat_map(|h| (1..=hub_ports[h]).map(move |p| (h, p)));
    let want = limits::MAX_LINKS / div + one("MAX_LINKS");
    let mut links = Vec::new();
    for r in 0..routers {
        for i in 0..2 {
            if links.len() < want {
                let (h, p) = free.next().expect("a free hub port");
                links.push(format!(
                    r#"{{"id":"l{}","a":{{"device":"r{r}","port":"{}"}},"b":{{"device":"{}","port":"p{p}"}}}}"#,
                    links.len(), iface(r, i), hub_id(h)
                ));
            }
        }
    }
    while links.len() < want {
        let ((h1, p1), (h2, p2)) = (free.next().unwrap(), free.next().unwrap());
        links.push(format!(
            r#"{{"id":"l{}","a":{{"device":"{}","port":"p{p1}"}},"b":{{"device":"{}","port":"p{p2}"}}}}"#,
            links.len(), hub_id(h1), hub_id(h2)
        ));
    }
    let commands: Vec<String> = (0..limits::MAX_COMMANDS / div + one("MAX_COMMANDS"))
        .map(|c| {
            let mut run = format!("ping -c 1 10.0.0.{}", c % 250 + 1);
            let pad = limits::MAX_COMMAND_CHARS - run.len() + one("MAX_COMMAND_CHARS");
            run.push_str(&" ".repeat(pad));
            format!(r#"{{"at_ms":{c},"device":"r{}","run":"{run}"}}"#, c % routers)
        })
        .collect();
    let json = format!(
        r#"{{"version":1,"name":"limits","devices":[{}],"links":[{}],"commands":[{}]}}"#,
        devices.join(","),
        links.join(","),
        commands.join(",")
    );
    serde_json::from_str(&json).expect("the lab parses")
}

