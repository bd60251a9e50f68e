//! Native tests of the editor: every edit, gesture and refusal.

use super::*;

const RECT: Rect = Rect { x: 0.0, y: 0.0, width: 1000.0, height: 500.0 };

/// An editor whose view maps page pixels 1:1 onto SVG units.
fn editor(scenario: Scenario) -> Editor {
    let mut e = Editor::new(scenario, None);
    e.view = ViewBox { x: 0.0, y: 0.0, width: 1000.0, height: 500.0 };
    e
}

fn at(x: f64, y: f64) -> Pointer {
    Pointer { client: Point::new(x, y), rect: RECT, shift: false }
}

fn shift(x: f64, y: f64) -> Pointer {
    Pointer { shift: true, ..at(x, y) }
}

fn same_network() -> Scenario {
    packet_engine::examples::all().into_iter().find(|(s, _)| *s == "same-network").unwrap().1
}

/// Two hosts and a switch placed from the palette and cabled, as the browser test does.
fn built() -> Editor {
    let mut e = editor(empty_lab());
    e.apply(EditAction::Place(DeviceKind::Host, Some(at(100.0, 200.0))));
    e.apply(EditAction::Place(DeviceKind::Switch, Some(at(300.0, 200.0))));
    e.apply(EditAction::Place(DeviceKind::Host, Some(at(500.0, 200.0))));
    e.apply(EditAction::SetMode(Mode::Link));
    e.apply(EditAction::PointerDown(Target::Device(0), at(100.0, 200.0)));
    e.apply(EditAction::PointerMove(at(200.0, 210.0)));
    e.apply(EditAction::PointerUp(at(305.0, 195.0)));
    e.apply(EditAction::PointerDown(Target::Device(2), at(500.0, 200.0)));
    e.apply(EditAction::PointerUp(at(300.0, 200.0)));
    e
}

#[test]
fn palette_places_named_devices_where_dropped_and_selects_them() {
    let e = built();
    let s = &e.scenario;
    let ids: Vec<&str> = s.devices.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["pc1", "sw1", "pc2"]);
    assert_eq!(s.devices[1].position, Some([300.0, 200.0]));
    assert_eq!(s.devices[1].ports, Some(NEW_SWITCH_PORTS));
    assert_eq!(s.devices[0].interfaces[0].name, "eth0");
    assert!(s.devices[0].interfaces[0].address.is_none());
}

#[test]
fn click_placement_finds_a_free_spot_near_the_centre() {
    let mut e = editor(empty_lab());
    e.apply(EditAction::Place(DeviceKind::Router, None));
    e.apply(EditAction::Place(DeviceKind::Router, None));
    let p = positions(&e.scenario);
    assert_eq!(p[0], Point::new(500.0, 250.0));
    assert!(p[0].distance(p[1]) >= PLACE_SPACING);
    assert_eq!(e.selected, vec![1], "the new device is selected");
    assert_eq!(e.scenario.devices[1].id, "r2");
    assert_eq!(e.scenario.devices[1].interfaces.len(), 2);
}

#[test]
fn links_take_the_first_free_port_on_each_side() {
    let e = built();
    let l = &e.scenario.links;
    assert_eq!(l.len(), 2);
    assert_eq!((l[0].id.as_str(), l[0].a.port.as_str(), l[0].b.port.as_str()), ("pc1-sw1", "eth0", "p1"));
    assert_eq!((l[1].id.as_str(), l[1].a.port.as_str(), l[1].b.port.as_str()), ("pc2-sw1", "eth0", "p2"));
    assert_eq!(e.mode, Mode::Link);
}

#[test]
fn a_full_host_gets_a_new_interface_and_a_full_switch_a_new_port() {
    let mut e = built();
    e.apply(EditAction::Connect(0, 2));
    let l = e.scenario.links.last().unwrap();
    assert_eq!((l.a.port.as_str(), l.b.port.as_str()), ("eth1", "eth1"));
    assert_eq!(e.scenario.devices[0].interfaces.len(), 2);
    let mut e = editor(empty_lab());
    e.apply(EditAction::Place(DeviceKind::Hub, None));
    for _ in 0..5 {
        e.apply(EditAction::Place(DeviceKind::Host, None));
    }
    for h in 1..=5 {
        e.apply(EditAction::Connect(h, 0));
    }
    assert_eq!(e.scenario.devices[0].ports, Some(5));
    assert_eq!(e.scenario.links[4].b.port, "p5");
    // Same pair again: a second, distinct link id.
    e.apply(EditAction::Connect(1, 0));
    assert_eq!(e.scenario.links[5].id, "pc1-hub1-2");
}

#[test]
fn clicking_one_device_then_another_in_link_mode_links_them() {
    let mut e = editor(same_network());
    e.apply(EditAction::Place(DeviceKind::Host, Some(at(700.0, 400.0))));
    e.apply(EditAction::SetMode(Mode::Link));
    e.apply(EditAction::PointerDown(Target::Device(3), at(700.0, 400.0)));
    e.apply(EditAction::PointerUp(at(700.0, 400.0)));
    assert_eq!(e.link_from, Some(3));
    e.apply(EditAction::PointerDown(Target::Device(1), at(320.0, 200.0)));
    let l = e.scenario.links.last().unwrap();
    assert_eq!((l.a.device.as_str(), l.b.device.as_str(), l.b.port.as_str()), ("pc3", "sw1", "p3"));
    // A link dragged onto nothing or onto its own device makes nothing.
    let n = e.scenario.links.len();
    e.apply(EditAction::PointerDown(Target::Device(0), at(120.0, 200.0)));
    e.apply(EditAction::PointerUp(at(900.0, 20.0)));
    assert_eq!(e.scenario.links.len(), n);
}

#[test]
fn dragging_moves_through_the_view_scale_and_is_one_undo_step() {
    let mut e = editor(same_network());
    // A view twice as wide as the canvas: one page pixel is two SVG units.
    e.view = ViewBox { x: 0.0, y: 0.0, width: 2000.0, height: 1000.0 };
    let history = e.history.past.len();
    e.apply(EditAction::PointerDown(Target::Device(0), at(60.0, 100.0)));
    for k in 1..=10 {
        e.apply(EditAction::PointerMove(at(60.0 + 3.0 * f64::from(k), 100.0 + f64::from(k))));
    }
    assert_eq!(e.apply(EditAction::PointerUp(at(90.0, 110.0))), Effect::ViewOnly);
    assert_eq!(e.scenario.devices[0].position, Some([180.0, 220.0]));
    assert_eq!(e.history.past.len(), history + 1);
    e.apply(EditAction::Undo);
    assert_eq!(e.scenario.devices[0].position, Some([120.0, 200.0]));
    e.apply(EditAction::Redo);
    assert_eq!(e.scenario.devices[0].position, Some([180.0, 220.0]));
}

#[test]
fn a_press_without_movement_is_a_click_that_selects() {
    let mut e = editor(same_network());
    e.apply(EditAction::PointerDown(Target::Device(2), at(520.0, 200.0)));
    e.apply(EditAction::PointerMove(at(521.0, 201.0)));
    e.apply(EditAction::PointerUp(at(521.0, 201.0)));
    assert_eq!(e.selected, vec![2]);
    assert_eq!(e.scenario.devices[2].position, Some([520.0, 200.0]));
    assert!(!e.history.can_undo(), "a click is no edit");
    // Clicking the background deselects; dragging it pans.
    e.apply(EditAction::PointerDown(Target::Background, at(10.0, 10.0)));
    e.apply(EditAction::PointerUp(at(10.0, 10.0)));
    assert!(e.selected.is_empty());
    e.apply(EditAction::PointerDown(Target::Background, at(10.0, 10.0)));
    e.apply(EditAction::PointerMove(at(60.0, 30.0)));
    e.apply(EditAction::PointerUp(at(60.0, 30.0)));
    assert_eq!((e.view.x, e.view.y), (-50.0, -20.0));
}

#[test]
fn shift_click_and_rubber_band_select_several_and_move_them_together() {
    let mut e = editor(same_network());
    e.apply(EditAction::PointerDown(Target::Device(0), at(120.0, 200.0)));
    e.apply(EditAction::PointerUp(at(120.0, 200.0)));
    e.apply(EditAction::PointerDown(Target::Device(2), shift(520.0, 200.0)));
    e.apply(EditAction::PointerUp(shift(520.0, 200.0)));
    assert_eq!(e.selected, vec![0, 2]);
    e.apply(EditAction::PointerDown(Target::Device(0), at(120.0, 200.0)));
    e.apply(EditAction::PointerMove(at(120.0, 250.0)));
    e.apply(EditAction::PointerUp(at(120.0, 250.0)));
    let ys: Vec<f64> = e.scenario.devices.iter().map(|d| d.position.unwrap()[1]).collect();
    assert_eq!(ys, [250.0, 200.0, 250.0]);
    // Shift-click toggles one off.
    e.apply(EditAction::PointerDown(Target::Device(0), shift(120.0, 250.0)));
    assert_eq!(e.selected, vec![2]);
    // A band from (0,0) to (400,300) covers pc1 and sw1.
    e.apply(EditAction::ClearSelection);
    e.apply(EditAction::PointerDown(Target::Background, shift(0.0, 0.0)));
    e.apply(EditAction::PointerMove(shift(200.0, 100.0)));
    e.apply(EditAction::PointerUp(shift(400.0, 300.0)));
    assert_eq!(e.selected, vec![0, 1]);
}

#[test]
fn delete_removes_devices_with_their_links_and_commands() {
    let mut e = editor(same_network());
    e.apply(EditAction::Select(0));
    assert_eq!(e.apply(EditAction::DeleteSelection), Effect::ScenarioChanged);
    let s = &e.scenario;
    assert_eq!(s.devices.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["sw1", "pc2"]);
    assert_eq!(s.links.len(), 1);
    assert!(s.commands.is_empty(), "pc1's ping went with it");
    assert!(e.selected.is_empty());
    // A selected link alone.
    e.apply(EditAction::PointerDown(Target::Link(0), at(0.0, 0.0)));
    e.apply(EditAction::DeleteSelection);
    assert!(e.scenario.links.is_empty());
    e.apply(EditAction::Undo);
    e.apply(EditAction::Undo);
    assert_eq!(*e.scenario, same_network());
}

#[test]
fn addresses_in_cidr_or_dotted_mask_are_accepted() {
    let mut e = built();
    let eff = e.apply(EditAction::SetField(Field::Address(0, 0), "10.0.0.1/24".into()));
    assert_eq!(eff, Effect::ScenarioChanged);
    e.apply(EditAction::SetField(Field::Address(2, 0), " 10.0.0.2 255.255.255.0 ".into()));
    assert_eq!(e.scenario.devices[2].interfaces[0].address.as_deref(), Some("10.0.0.2 255.255.255.0"));
    assert!(e.errors.is_empty());
    // Emptying the field removes the address.
    e.apply(EditAction::SetField(Field::Address(2, 0), "".into()));
    assert_eq!(e.scenario.devices[2].interfaces[0].address, None);
}

#[test]
fn an_invalid_address_is_kept_at_the_field_and_the_lab_keeps_its_last_valid_state() {
    let mut e = built();
    e.apply(EditAction::SetField(Field::Address(0, 0), "10.0.0.1/24".into()));
    let before = e.scenario.clone();
    let eff = e.apply(EditAction::SetField(Field::Address(0, 0), "10.0.0.300/33".into()));
    assert_eq!(eff, Effect::ViewOnly);
    assert_eq!(e.scenario, before);
    let err = e.error(Field::Address(0, 0)).expect("error at the field");
    assert_eq!(err.draft, "10.0.0.300/33");
    assert_eq!(err.message.to_string(), "prefix /33 is out of range (0–32)");
    let eff = e.apply(EditAction::SetField(Field::Address(0, 0), "10.0.0.300/24".into()));
    assert_eq!(eff, Effect::ViewOnly);
    assert_eq!(e.error(Field::Address(0, 0)).unwrap().message.to_string(), "10.0.0.300/24 is not an IPv4 address");
    // Fixing it clears the error.
    e.apply(EditAction::SetField(Field::Address(0, 0), "10.0.0.3/24".into()));
    assert!(e.error(Field::Address(0, 0)).is_none());
}

#[test]
fn errors_about_another_field_name_it() {
    let mut e = editor(packet_engine::examples::all().into_iter().find(|(s, _)| *s == "to-the-internet").unwrap().1);
    // The laptop's gateway 192.168.1.1 leaves its subnet if its address moves.
    e.apply(EditAction::SetField(Field::Address(0, 0), "10.9.9.9/24".into()));
    let err = e.error(Field::Address(0, 0)).unwrap();
    assert!(err.message.to_string().contains("devices[0].gateway"), "{}", err.message);
    // The gateway is checked first: the laptop's gateway cannot be its own address.
    e.apply(EditAction::SetField(Field::Address(0, 0), "192.168.1.1/24".into()));
    assert!(e.error(Field::Address(0, 0)).unwrap().message.to_string().contains("own address (devices[0].gateway)"));
    let mut same = editor(same_network());
    same.apply(EditAction::SetField(Field::Address(2, 0), "10.10.10.1/24".into()));
    assert_eq!(same.error(Field::Address(2, 0)).unwrap().message.to_string(), "duplicate IP address 10.10.10.1 (also on pc1/eth0)");
    assert!(e.apply(EditAction::SetField(Field::Gateway(0), "192.168.2.1".into())) == Effect::ViewOnly);
    assert!(e.error(Field::Gateway(0)).unwrap().message.to_string().contains("not in any of laptop's subnets"));
}

#[test]
fn renaming_a_device_follows_into_links_and_commands() {
    let mut e = editor(same_network());
    e.apply(EditAction::SetField(Field::Name(0), "alice".into()));
    assert_eq!(e.scenario.links[0].a.device, "alice");
    assert_eq!(e.scenario.commands[0].device, "alice");
    e.apply(EditAction::SetField(Field::Name(2), "alice".into()));
    assert!(e.error(Field::Name(2)).unwrap().message.to_string().starts_with("duplicate device id"));
    assert_eq!(e.scenario.devices[2].id, "pc2");
}

#[test]
fn mac_gateway_routes_and_ports_are_editable() {
    let mut e = editor(same_network());
    e.apply(EditAction::SetField(Field::Mac(0, 0), "02:aa:bb:cc:dd:ee".into()));
    assert_eq!(e.scenario.devices[0].interfaces[0].mac.as_deref(), Some("02:aa:bb:cc:dd:ee"));
    e.apply(EditAction::SetField(Field::Mac(2, 0), "01:00:5e:00:00:01".into()));
    assert!(e.error(Field::Mac(2, 0)).unwrap().message.to_string().contains("not a unicast MAC"));
    e.apply(EditAction::SetField(Field::Gateway(0), "10.10.10.254".into()));
    assert_eq!(e.scenario.devices[0].gateway.as_deref(), Some("10.10.10.254"));
    e.apply(EditAction::AddRoute { device: 0, prefix: "8.8.8.0/24".into(), via: "10.10.10.200".into() });
    assert_eq!(e.scenario.devices[0].routes.len(), 1);
    e.apply(EditAction::AddRoute { device: 0, prefix: "8.8.8.1/24".into(), via: "10.10.10.200".into() });
    assert!(e.error(Field::NewRoute(0)).unwrap().message.to_string().contains("host bits set"));
    assert_eq!(e.scenario.devices[0].routes.len(), 1);
    e.apply(EditAction::SetField(Field::RouteVia(0, 0), "10.10.10.201".into()));
    assert_eq!(e.scenario.devices[0].routes[0].via, "10.10.10.201");
    e.apply(EditAction::RemoveRoute(0, 0));
    assert!(e.scenario.devices[0].routes.is_empty());
    e.apply(EditAction::SetField(Field::Ports(1), "1".into()));
    assert!(e.error(Field::Ports(1)).unwrap().message.to_string().contains("no port \"p2\""));
    e.apply(EditAction::SetField(Field::Ports(1), "many".into()));
    assert_eq!(e.error(Field::Ports(1)).unwrap().message.to_string(), "many is not a whole number of ports");
    e.apply(EditAction::SetField(Field::LinkPort(1, End::B), "p4".into()));
    assert_eq!(e.scenario.links[1].b.port, "p4");
    e.apply(EditAction::SetField(Field::LinkPort(1, End::B), "p1".into()));
    assert!(e.error(Field::LinkPort(1, End::B)).unwrap().message.to_string().contains("already used"));
}

#[test]
fn interfaces_can_be_added_and_removed_with_their_link() {
    let mut e = editor(same_network());
    e.apply(EditAction::AddInterface(0));
    assert_eq!(e.scenario.devices[0].interfaces[1].name, "eth1");
    e.apply(EditAction::RemoveInterface(0, 0));
    assert_eq!(e.scenario.devices[0].interfaces.len(), 1);
    assert_eq!(e.scenario.links.len(), 1, "the cable on eth0 went with it");
    assert_eq!(e.apply(EditAction::AddInterface(1)), Effect::ViewOnly, "a switch has ports");
}

#[test]
fn vlan_subinterfaces_are_added_edited_and_removed_with_their_parent() {
    let lab = packet_engine::examples::all().into_iter().find(|(stem, _)| *stem == "router-on-a-stick").unwrap().1;
    let r1 = lab.devices.iter().position(|d| d.id == "r1").unwrap();
    let mut e = editor(lab);
    // eth0 already has eth0.10 and eth0.20: the next is eth0.30, tagged 30.
    e.apply(EditAction::AddSubinterface(r1, 0));
    let added = e.scenario.devices[r1].interfaces.last().unwrap().clone();
    assert_eq!((added.name.as_str(), added.parent.as_deref(), added.vlan), ("eth0.30", Some("eth0"), Some(30)));
    assert_eq!(e.apply(EditAction::AddSubinterface(r1, 1)), Effect::ViewOnly, "no subinterface of a subinterface");
    e.apply(EditAction::SetField(Field::SubVlan(r1, 3), "20".into()));
    assert_eq!(
        e.error(Field::SubVlan(r1, 3)).unwrap().message.to_string(),
        "eth0 already has a subinterface for VLAN 20 (eth0.20): one per VLAN id"
    );
    e.apply(EditAction::SetField(Field::SubVlan(r1, 3), "ten".into()));
    assert_eq!(e.error(Field::SubVlan(r1, 3)).unwrap().message.to_string(), "ten is not a VLAN id (1–4094)");
    e.apply(EditAction::SetField(Field::SubVlan(r1, 3), "40".into()));
    assert_eq!(e.scenario.devices[r1].interfaces[3].vlan, Some(40));
    e.apply(EditAction::SetField(Field::SubParent(r1, 3), "eth7".into()));
    assert!(e.error(Field::SubParent(r1, 3)).unwrap().message.to_string().starts_with("r1 has no interface \"eth7\""));
    // A new cable never lands on a subinterface; removing eth0 removes them all.
    assert_eq!(crate::editor::first_free_port(&e.scenario, r1), None);
    e.apply(EditAction::RemoveInterface(r1, 0));
    assert!(e.scenario.devices[r1].interfaces.is_empty());
}

#[test]
fn every_edit_undoes_and_redoes_and_a_new_edit_drops_the_redo() {
    let mut e = built();
    let steps = e.history.past.len();
    assert_eq!(steps, 5, "three placements and two links");
    for _ in 0..steps {
        assert_eq!(e.apply(EditAction::Undo), Effect::ScenarioChanged);
    }
    assert_eq!(*e.scenario, empty_lab());
    assert_eq!(e.apply(EditAction::Undo), Effect::ViewOnly);
    e.apply(EditAction::Redo);
    e.apply(EditAction::Redo);
    assert_eq!(e.scenario.devices.len(), 2);
    e.apply(EditAction::Place(DeviceKind::Hub, None));
    assert!(!e.history.can_redo());
}

#[test]
fn new_and_load_are_undoable() {
    let mut e = editor(same_network());
    e.origin = Some(0);
    e.apply(EditAction::New);
    assert!(e.scenario.devices.is_empty());
    assert_eq!(e.origin, None);
    e.apply(EditAction::Undo);
    assert_eq!(*e.scenario, same_network());
    assert_eq!(e.origin, Some(0));
}

#[test]
fn a_bad_import_changes_nothing_and_names_the_field() {
    let mut e = editor(same_network());
    let before = e.clone();
    let text = same_network().to_json_pretty().replace("10.10.10.100/24", "10.10.10.100/33");
    assert_eq!(e.apply(EditAction::Import { file: "lab.json".into(), text }), Effect::ViewOnly);
    assert_eq!(e.scenario, before.scenario);
    let notice = e.notice.clone().unwrap();
    assert!(notice.to_string().contains("lab.json was not loaded"), "{notice}");
    assert!(notice.to_string().contains("devices[2].interfaces[0].address: prefix /33 is out of range"), "{notice}");
    e.apply(EditAction::Import { file: "x.json".into(), text: "{ not json".into() });
    assert_eq!(e.scenario, before.scenario);
    // A good file replaces the lab, exactly.
    let mut good = same_network();
    good.name = "Mine".into();
    e.apply(EditAction::Import { file: "good.json".into(), text: good.to_json_pretty() });
    assert_eq!(*e.scenario, good);
    assert_eq!(e.notice, None);
}

#[test]
fn wheel_zooms_about_the_pointer_and_fit_restores() {
    let mut e = editor(same_network());
    e.apply(EditAction::Wheel(at(250.0, 125.0), -100.0));
    assert!((e.view.width - 1000.0 / 1.2).abs() < 1e-9);
    let under = client_to_svg(Point::new(250.0, 125.0), RECT, e.view);
    assert!(under.distance(Point::new(250.0, 125.0)) < 1e-9);
    e.apply(EditAction::FitView);
    assert_eq!(e.view, fit_view(&e.scenario));
}

#[test]
fn same_subnet_same_colour_and_distinct_subnets_distinct_colours() {
    let s = packet_engine::examples::all().into_iter().find(|(s, _)| *s == "to-the-internet").unwrap().1;
    let colours = subnet_colours(&s);
    assert_eq!(subnet_of("192.168.1.10/24"), Some("192.168.1.0/24".into()));
    assert_eq!(subnet_of("192.168.1.1 255.255.255.0"), Some("192.168.1.0/24".into()));
    assert_eq!(subnet_of("nonsense"), None);
    // laptop and home-router eth0 share 192.168.1.0/24, the first subnet seen.
    assert_eq!(colours["192.168.1.0/24"], 0);
    assert_eq!(colours.len(), 5);
    let mut used: Vec<usize> = colours.values().copied().collect();
    used.sort_unstable();
    used.dedup();
    assert_eq!(used.len(), 5, "five subnets, five colours");
    assert_eq!(subnet_colours(&same_network()).len(), 1);
}

#[test]
fn positions_are_whole_units_and_never_negative_zero() {
    assert_eq!(snap(-0.4).to_string(), "0");
    assert_eq!(snap(12.6), 13.0);
    let mut e = editor(empty_lab());
    e.apply(EditAction::Place(DeviceKind::Host, Some(at(10.0, -0.3))));
    assert_eq!(e.scenario.to_json_pretty().contains("-0"), false);
}

#[test]
fn cancelled_drag_puts_devices_back() {
    let mut e = editor(same_network());
    e.apply(EditAction::PointerDown(Target::Device(0), at(120.0, 200.0)));
    e.apply(EditAction::PointerMove(at(200.0, 200.0)));
    e.apply(EditAction::PointerCancel);
    assert_eq!(*e.scenario, same_network());
    assert!(!e.history.can_undo());
}

#[test]
fn pinching_zooms_about_the_fingers_and_pans_with_them() {
    let mut e = editor(same_network());
    let before = e.view;
    // Fingers spread about (500, 250) and move 100 px right: zoomed in ×2, and the point that
    // was under the midpoint is under it again.
    let under = client_to_svg(Point::new(500.0, 250.0), RECT, before);
    e.apply(EditAction::Pinch { from: at(500.0, 250.0), to: at(600.0, 250.0), factor: 2.0 });
    assert!((e.view.width - before.width / 2.0).abs() < 1e-9);
    let now = client_to_svg(Point::new(600.0, 250.0), RECT, e.view);
    assert!((now.x - under.x).abs() < 1e-9 && (now.y - under.y).abs() < 1e-9, "{now:?} {under:?}");
    assert!(!e.history.can_undo(), "a view change is not an edit");
}

#[test]
fn the_fitted_view_holds_long_addresses_and_presenter_sized_labels() {
    let mut s = same_network();
    s.devices[0].interfaces[0].address = Some("10.10.10.1 255.255.255.0".into());
    for factor in [1.0, 1.5, 2.0] {
        let v = fit_view_scaled(&s, factor);
        for d in &s.devices {
            let [x, y] = d.position.unwrap();
            let longest = d.interfaces.iter().filter_map(|i| i.address.as_deref()).map(str::len).max().unwrap_or(0);
            let half = longest as f64 * 13.0 * 0.6 * factor / 2.0;
            assert!(v.x <= x - half && x + half <= v.x + v.width, "{factor}: {} off {v:?}", d.id);
            assert!(y + 30.0 + 40.0 * factor <= v.y + v.height, "{factor}: labels of {} below {v:?}", d.id);
        }
    }
}

#[test]
fn nat_is_ticked_on_a_router_interface_and_refused_where_the_engine_refuses_it() {
    let lab = packet_engine::examples::all().into_iter().find(|(s, _)| *s == "forgot-nat").unwrap().1;
    let mut e = editor(lab);
    let home = e.scenario.devices.iter().position(|d| d.id == "home-router").unwrap();
    let eff = e.apply(EditAction::SetField(Field::Nat(home, 1), "masquerade".into()));
    assert_eq!(eff, Effect::ScenarioChanged);
    assert_eq!(e.scenario.devices[home].interfaces[1].nat.as_deref(), Some("masquerade"));
    // Unticking removes the field; undo brings it back.
    e.apply(EditAction::SetField(Field::Nat(home, 1), "".into()));
    assert_eq!(e.scenario.devices[home].interfaces[1].nat, None);
    e.apply(EditAction::Undo);
    assert_eq!(e.scenario.devices[home].interfaces[1].nat.as_deref(), Some("masquerade"));
    // On a host the engine's reason stays at the checkbox and the lab is unchanged.
    let before = e.scenario.clone();
    assert_eq!(e.apply(EditAction::SetField(Field::Nat(0, 0), "masquerade".into())), Effect::ViewOnly);
    assert_eq!(e.scenario, before);
    assert!(e.error(Field::Nat(0, 0)).unwrap().message.to_string().starts_with("laptop is a host: NAT rewrites packets a router forwards"));
    assert_eq!(Field::Nat(2, 1).path(), "devices[2].interfaces[1].nat");
}

#[test]
fn stp_and_vlans_are_set_from_a_switch_panel() {
    let lab = packet_engine::examples::all().into_iter().find(|(s, _)| *s == "switch-loop").unwrap().1;
    let mut e = editor(lab);
    let sw1 = e.scenario.devices.iter().position(|d| d.id == "sw1").unwrap();
    assert_eq!(e.apply(EditAction::SetField(Field::Stp(sw1), "on".into())), Effect::ScenarioChanged);
    assert!(e.scenario.devices[sw1].stp);
    e.apply(EditAction::SetField(Field::BridgePriority(sw1), "4096".into()));
    assert_eq!(e.scenario.devices[sw1].bridge_priority, Some(4096));
    // Turning STP off drops the priority with it.
    e.apply(EditAction::SetField(Field::Stp(sw1), "off".into()));
    assert_eq!((e.scenario.devices[sw1].stp, e.scenario.devices[sw1].bridge_priority), (false, None));

    e.apply(EditAction::SetField(Field::VlanFiltering(sw1), "on".into()));
    e.apply(EditAction::SetField(Field::PortPvid(sw1, 0), "10".into()));
    e.apply(EditAction::SetField(Field::PortTagged(sw1, 1), "10, 20".into()));
    let v = &e.scenario.devices[sw1].vlans;
    assert_eq!(v["p1"].pvid, Some(10));
    assert_eq!(v["p2"].tagged, vec![10, 20]);
    // A VLAN id out of range stays in its field with the engine's reason.
    let before = e.scenario.clone();
    assert_eq!(e.apply(EditAction::SetField(Field::PortPvid(sw1, 2), "5000".into())), Effect::ViewOnly);
    assert_eq!(e.scenario, before);
    assert!(e.error(Field::PortPvid(sw1, 2)).unwrap().message.to_string().contains("VLAN 5000 is out of range (1–4094)"));
    // Clearing a port's settings removes its entry; unticking filtering removes them all.
    e.apply(EditAction::SetField(Field::PortPvid(sw1, 0), "".into()));
    assert!(!e.scenario.devices[sw1].vlans.contains_key("p1"));
    e.apply(EditAction::SetField(Field::VlanFiltering(sw1), "off".into()));
    assert!(e.scenario.devices[sw1].vlans.is_empty());
}

#[test]
fn mtu_ra_timers_and_ipv6_routes_are_editable() {
    let home = Scenario::from_json(include_str!("../../scenarios/ipv6-home.json")).unwrap();
    let mut e = editor(home);
    // r1 is device 2; its eth1 takes an MTU, its eth0's radvd its timers.
    e.apply(EditAction::SetField(Field::Mtu(2, 1), "1280".into()));
    assert_eq!(e.scenario.devices[2].interfaces[1].mtu, Some(1280));
    e.apply(EditAction::SetField(Field::Mtu(2, 1), "1000".into()));
    assert!(e.error(Field::Mtu(2, 1)).unwrap().message.to_string().contains("too small for IPv6"));
    e.apply(EditAction::SetField(Field::Mtu(2, 1), "big".into()));
    assert!(e.error(Field::Mtu(2, 1)).unwrap().message.to_string().contains("not a whole number of bytes"));
    e.apply(EditAction::SetField(Field::Mtu(2, 1), "".into()));
    assert_eq!(e.scenario.devices[2].interfaces[1].mtu, None);
    e.apply(EditAction::SetField(Field::RaLifetime(2, 0), "0".into()));
    assert_eq!(e.scenario.devices[2].interfaces[0].ra.as_ref().unwrap().lifetime_s, Some(0));
    e.apply(EditAction::SetField(Field::RaInterval(2, 0), "2".into()));
    assert!(e.error(Field::RaInterval(2, 0)).unwrap().message.to_string().contains("4–1800"));
    // srv (device 3): its routes6 as one list.
    e.apply(EditAction::SetField(Field::Routes6(3), "default via 2001:db8:2::1, 2001:db8:9::/64 via 2001:db8:2::1 metric 5".into()));
    let r = &e.scenario.devices[3].routes6;
    assert_eq!((r.len(), r[0].prefix.as_str(), r[1].metric), (2, "::/0", Some(5)));
    assert_eq!(routes6_text(r), "::/0 via 2001:db8:2::1, 2001:db8:9::/64 via 2001:db8:2::1 metric 5");
    e.apply(EditAction::SetField(Field::Routes6(3), "2001:db8:9::/64 to 2001:db8:2::1".into()));
    assert!(e.error(Field::Routes6(3)).unwrap().message.to_string().contains("PREFIX via NEXT-HOP"));
    e.apply(EditAction::SetField(Field::Routes6(3), "2001:db8:9::/64 via 2001:db8:7::1".into()));
    assert!(e.error(Field::Routes6(3)).unwrap().message.to_string().contains("not in any of srv's IPv6 prefixes"));
}
