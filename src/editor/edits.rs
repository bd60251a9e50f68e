//! The edits that change the lab's structure: placing, cabling, deleting, and setting a
//! field from the panel.

use super::*;

impl Editor {
    pub(super) fn place(&mut self, kind: DeviceKind, pointer: Option<Pointer>) -> Effect {
        let mut s = (*self.scenario).clone();
        let id = first_free_name(id_prefix(kind), |n| s.devices.iter().any(|d| d.id == n));
        let occupied = positions(&s);
        let at = match pointer {
            Some(p) => client_to_svg(p.client, p.rect, self.view),
            None => free_spot(&occupied, self.view.center(), PLACE_SPACING),
        };
        s.devices.push(DeviceSpec {
            id,
            kind,
            interfaces: new_interfaces(kind),
            gateway: None,
            routes: Vec::new(),
            routes6: Vec::new(),
            ports: (!kind.has_ip()).then_some(NEW_SWITCH_PORTS),
            position: Some([snap(at.x), snap(at.y)]),
            dns: Vec::new(),
            services: None,
            stp: false,
            bridge_priority: None,
            vlan_filtering: false,
            vlans: Default::default(),
        });
        let index = s.devices.len() - 1;
        let effect = self.commit_structural(s);
        if effect == Effect::ScenarioChanged {
            self.selected = vec![index];
            self.selected_links.clear();
        }
        effect
    }

    pub(super) fn connect(&mut self, a: usize, b: usize) -> Effect {
        let n = self.scenario.devices.len();
        if a == b || a >= n || b >= n {
            return Effect::ViewOnly;
        }
        let mut s = (*self.scenario).clone();
        let ports = ensure_free_port(&mut s, a).and_then(|pa| Ok((pa, ensure_free_port(&mut s, b)?)));
        let (port_a, port_b) = match ports {
            Ok(p) => p,
            Err(message) => {
                self.notice = Some(message);
                return Effect::ViewOnly;
            }
        };
        let (id_a, id_b) = (s.devices[a].id.clone(), s.devices[b].id.clone());
        let base = format!("{id_a}-{id_b}");
        let id = if s.links.iter().any(|l| l.id == base) {
            (2..).map(|k| format!("{base}-{k}")).find(|c| !s.links.iter().any(|l| &l.id == c)).expect("infinite")
        } else {
            base
        };
        s.links.push(LinkSpec {
            id,
            a: Endpoint { device: id_a, port: port_a },
            b: Endpoint { device: id_b, port: port_b },
            delay_us: None,
            bandwidth_mbps: None,
            drop_from_a: Vec::new(),
            drop_from_b: Vec::new(),
        });
        let link = s.links.len() - 1;
        let effect = self.commit_structural(s);
        if effect == Effect::ScenarioChanged {
            self.selected.clear();
            self.selected_links = vec![link];
        }
        effect
    }

    pub(super) fn delete_selection(&mut self) -> Effect {
        if self.selected.is_empty() && self.selected_links.is_empty() {
            return Effect::ViewOnly;
        }
        let mut s = (*self.scenario).clone();
        let gone: Vec<String> = self.selected.iter().filter_map(|&d| s.devices.get(d)).map(|d| d.id.clone()).collect();
        let is_gone = |id: &String| gone.contains(id);
        let mut index = 0;
        let links = &self.selected_links;
        s.links.retain(|l| {
            let keep = !links.contains(&index) && !is_gone(&l.a.device) && !is_gone(&l.b.device);
            index += 1;
            keep
        });
        s.commands.retain(|c| !is_gone(&c.device));
        s.devices.retain(|d| !is_gone(&d.id));
        let effect = self.commit_structural(s);
        if effect == Effect::ScenarioChanged {
            self.selected.clear();
            self.selected_links.clear();
            self.link_from = None;
        }
        effect
    }

    pub(super) fn set_field(&mut self, field: Field, text: String) -> Effect {
        let mut s = (*self.scenario).clone();
        let applied: Result<(), Msg> = (|| {
            match field {
                Field::LabName => s.name = text.trim().to_owned(),
                Field::Name(d) => {
                    let dev = s.devices.get_mut(d).ok_or_else(|| Msg::new("invalid-editor-no-device"))?;
                    let old = std::mem::replace(&mut dev.id, text.clone());
                    // Links and commands name devices by id: follow the rename.
                    for l in &mut s.links {
                        for end in [&mut l.a, &mut l.b] {
                            if end.device == old {
                                end.device = text.clone();
                            }
                        }
                    }
                    for c in &mut s.commands {
                        if c.device == old {
                            c.device = text.clone();
                        }
                    }
                }
                Field::Address(d, i) => {
                    let iface = s.devices.get_mut(d).and_then(|dev| dev.interfaces.get_mut(i)).ok_or_else(|| Msg::new("invalid-editor-no-interface"))?;
                    iface.address = optional(&text);
                }
                Field::Mac(d, i) => {
                    let iface = s.devices.get_mut(d).and_then(|dev| dev.interfaces.get_mut(i)).ok_or_else(|| Msg::new("invalid-editor-no-interface"))?;
                    iface.mac = optional(&text);
                }
                Field::Nat(d, i) => {
                    let iface = s.devices.get_mut(d).and_then(|dev| dev.interfaces.get_mut(i)).ok_or_else(|| Msg::new("invalid-editor-no-interface"))?;
                    // The panel's switch says on/off; the lab's one mode is masquerade.
                    iface.nat = match text.trim() {
                        "on" => Some("masquerade".into()),
                        "off" => None,
                        _ => optional(&text),
                    };
                }
                Field::Ipv6(d, i) => {
                    let iface = s.devices.get_mut(d).and_then(|dev| dev.interfaces.get_mut(i)).ok_or_else(|| Msg::new("invalid-editor-no-interface"))?;
                    iface.ipv6 = optional(&text);
                }
                Field::RaPrefix(d, i) => {
                    let iface = s.devices.get_mut(d).and_then(|dev| dev.interfaces.get_mut(i)).ok_or_else(|| Msg::new("invalid-editor-no-interface"))?;
                    iface.ra = match text.trim() {
                        "" | "off" => None,
                        "on" => Some(iface.ra.clone().unwrap_or_default()),
                        prefix => Some(packet_engine::scenario::RaSpec { prefix: Some(prefix.to_owned()), ..iface.ra.clone().unwrap_or_default() }),
                    };
                }
                Field::SubParent(d, i) => {
                    let iface = s.devices.get_mut(d).and_then(|dev| dev.interfaces.get_mut(i)).ok_or_else(|| Msg::new("invalid-editor-no-interface"))?;
                    iface.parent = optional(&text);
                }
                Field::SubVlan(d, i) => {
                    let iface = s.devices.get_mut(d).and_then(|dev| dev.interfaces.get_mut(i)).ok_or_else(|| Msg::new("invalid-editor-no-interface"))?;
                    let t = text.trim();
                    iface.vlan = if t.is_empty() {
                        None
                    } else {
                        Some(t.parse::<u16>().map_err(|_| msg!("invalid-vlan-not-number", value = t))?)
                    };
                }
                Field::RaInterval(d, i) | Field::RaLifetime(d, i) => {
                    let iface = s.devices.get_mut(d).and_then(|dev| dev.interfaces.get_mut(i)).ok_or_else(|| Msg::new("invalid-editor-no-interface"))?;
                    let t = text.trim();
                    let seconds = if t.is_empty() {
                        None
                    } else {
                        Some(t.parse::<u32>().map_err(|_| msg!("invalid-seconds-not-number", value = t))?)
                    };
                    let mut ra = iface.ra.clone().ok_or_else(|| msg!("invalid-ra-off"))?;
                    if let Field::RaInterval(..) = field {
                        ra.interval_s = seconds;
                    } else {
                        ra.lifetime_s = seconds;
                    }
                    iface.ra = Some(ra);
                }
                Field::Mtu(d, i) => {
                    let iface = s.devices.get_mut(d).and_then(|dev| dev.interfaces.get_mut(i)).ok_or_else(|| Msg::new("invalid-editor-no-interface"))?;
                    let t = text.trim();
                    iface.mtu = if t.is_empty() {
                        None
                    } else {
                        Some(t.parse::<u32>().map_err(|_| msg!("invalid-mtu-not-number", value = t))?)
                    };
                }
                Field::Routes6(d) => {
                    let dev = s.devices.get_mut(d).ok_or_else(|| Msg::new("invalid-editor-no-device"))?;
                    dev.routes6 = parse_routes6(&text)?;
                }
                Field::Gateway(d) => s.devices.get_mut(d).ok_or_else(|| Msg::new("invalid-editor-no-device"))?.gateway = optional(&text),
                Field::Ports(d) => {
                    let n: u32 = text.trim().parse().map_err(|_| msg!("invalid-ports-not-number", value = text.trim()))?;
                    s.devices.get_mut(d).ok_or_else(|| Msg::new("invalid-editor-no-device"))?.ports = Some(n);
                }
                Field::Stp(d) => {
                    let dev = s.devices.get_mut(d).ok_or_else(|| Msg::new("invalid-editor-no-device"))?;
                    dev.stp = text.trim() == "on";
                    if !dev.stp {
                        // A priority only means something with the tree on.
                        dev.bridge_priority = None;
                    }
                }
                Field::VlanFiltering(d) => {
                    let dev = s.devices.get_mut(d).ok_or_else(|| Msg::new("invalid-editor-no-device"))?;
                    dev.vlan_filtering = text.trim() == "on";
                    if !dev.vlan_filtering {
                        dev.vlans = Default::default();
                    }
                }
                Field::PortPvid(d, p) | Field::PortTagged(d, p) => {
                    let dev = s.devices.get_mut(d).ok_or_else(|| Msg::new("invalid-editor-no-device"))?;
                    let port = format!("p{}", p + 1);
                    let mut spec = dev.vlans.get(&port).cloned().unwrap_or_default();
                    let number = |t: &str| t.parse::<u32>().map_err(|_| msg!("invalid-vlan-not-number", value = t));
                    if let Field::PortPvid(..) = field {
                        let t = text.trim();
                        spec.pvid = if t.is_empty() { None } else { Some(number(t)?) };
                    } else {
                        spec.tagged = text.split(',').map(str::trim).filter(|t| !t.is_empty()).map(number).collect::<Result<_, _>>()?;
                    }
                    if spec == Default::default() {
                        dev.vlans.remove(&port);
                    } else {
                        dev.vlans.insert(port, spec);
                    }
                }
                Field::BridgePriority(d) => {
                    let t = text.trim();
                    let p = if t.is_empty() {
                        None
                    } else {
                        Some(t.parse::<u32>().map_err(|_| msg!("invalid-priority-not-number", value = t))?)
                    };
                    s.devices.get_mut(d).ok_or_else(|| Msg::new("invalid-editor-no-device"))?.bridge_priority = p;
                }
                Field::RoutePrefix(d, r) => {
                    let route = s.devices.get_mut(d).and_then(|dev| dev.routes.get_mut(r)).ok_or_else(|| Msg::new("invalid-editor-no-route"))?;
                    route.prefix = text.trim().to_owned();
                }
                Field::RouteVia(d, r) => {
                    let route = s.devices.get_mut(d).and_then(|dev| dev.routes.get_mut(r)).ok_or_else(|| Msg::new("invalid-editor-no-route"))?;
                    route.via = text.trim().to_owned();
                }
                Field::NewRoute(_) | Field::NewRecord(_) => return Err(Msg::new("invalid-editor-use-form")),
                Field::Dhcp(..) | Field::Dns(_) | Field::DhcpServer(..) | Field::DnsServer(..) => {
                    super::services::apply_service_field(&mut s, field, &text)?;
                }
                Field::LinkPort(l, end) => {
                    let link = s.links.get_mut(l).ok_or_else(|| Msg::new("invalid-editor-no-link"))?;
                    let end = if end == End::A { &mut link.a } else { &mut link.b };
                    end.port = text.trim().to_owned();
                }
            }
            Ok(())
        })();
        let result = match applied {
            Ok(()) => self.commit(s).map_err(|e| message_for(field, &e)),
            Err(message) => Err(message),
        };
        match result {
            Ok(effect) => {
                self.errors.remove(&field);
                effect
            }
            Err(message) => {
                self.errors.insert(field, FieldError { draft: text, message });
                Effect::ViewOnly
            }
        }
    }
}

/// The IPv6 routes field: `PREFIX via NEXT-HOP [dev DEV] [metric N]`, comma-
/// separated, as `ip -6 route add` reads each (`default` is `::/0`). The
/// engine checks the addresses themselves.
pub(crate) fn parse_routes6(text: &str) -> Result<Vec<packet_engine::scenario::Route6Spec>, Msg> {
    let mut routes = Vec::new();
    for item in text.split([',', ';']).map(str::trim).filter(|t| !t.is_empty()) {
        let words: Vec<&str> = item.split_whitespace().collect();
        let (prefix, via, rest) = match words.as_slice() {
            [prefix, "via", via, rest @ ..] => (*prefix, *via, rest),
            _ => return Err(msg!("invalid-routes6-item", item = item)),
        };
        let prefix = if prefix == "default" { "::/0" } else { prefix };
        let mut route = packet_engine::scenario::Route6Spec { prefix: prefix.into(), via: via.into(), dev: None, metric: None };
        let mut it = rest.iter();
        while let Some(word) = it.next() {
            match (*word, it.next()) {
                ("dev", Some(d)) => route.dev = Some((*d).into()),
                ("metric", Some(m)) => route.metric = Some(m.parse().map_err(|_| msg!("invalid-routes6-metric", item = item, value = *m))?),
                _ => return Err(msg!("invalid-routes6-options", item = item)),
            }
        }
        routes.push(route);
    }
    Ok(routes)
}

/// The IPv6 routes field's text for a device's routes.
pub(crate) fn routes6_text(routes: &[packet_engine::scenario::Route6Spec]) -> String {
    routes
        .iter()
        .map(|r| {
            let mut t = format!("{} via {}", r.prefix, r.via);
            if let Some(d) = &r.dev {
                t.push_str(&format!(" dev {d}"));
            }
            if let Some(m) = r.metric {
                t.push_str(&format!(" metric {m}"));
            }
            t
        })
        .collect::<Vec<_>>()
        .join(", ")
}
