//! The built-in course: every starting lab fails, reference and alternative
//! solutions pass, locks are enforced, and bad exercise files are refused with
//! the field named.

use packet_engine::exercise::{check_locks, course, Check, Evaluation, Exercise};
use packet_engine::scenario::{CommandSpec, LinkSpec, RouteSpec};
use packet_engine::Scenario;

fn exercise(id: &str) -> Exercise {
    course().into_iter().find(|e| e.id == id).unwrap_or_else(|| panic!("no exercise {id}"))
}

fn dev<'a>(s: &'a mut Scenario, id: &str) -> &'a mut packet_engine::scenario::DeviceSpec {
    s.devices.iter_mut().find(|d| d.id == id).unwrap()
}

fn set_address(s: &mut Scenario, id: &str, iface: &str, address: &str) {
    dev(s, id).interfaces.iter_mut().find(|i| i.name == iface).unwrap().address = Some(address.into());
}

fn set_gateway(s: &mut Scenario, id: &str, gateway: Option<&str>) {
    dev(s, id).gateway = gateway.map(Into::into);
}

fn add_route(s: &mut Scenario, id: &str, prefix: &str, via: &str) {
    dev(s, id).routes.push(RouteSpec { prefix: prefix.into(), via: via.into(), metric: None });
}

fn remove_link(s: &mut Scenario, id: &str) {
    s.links.retain(|l| l.id != id);
}

fn add_link(s: &mut Scenario, id: &str, a: (&str, &str), b: (&str, &str)) {
    let l: LinkSpec = serde_json::from_value(serde_json::json!({
        "id": id, "a": { "device": a.0, "port": a.1 }, "b": { "device": b.0, "port": b.1 }
    }))
    .unwrap();
    s.links.push(l);
}

/// Applies the edits in order to a copy of the starting lab and evaluates it.
fn solve(ex: &Exercise, edits: &[&dyn Fn(&mut Scenario)]) -> Evaluation {
    let mut lab = ex.lab.clone();
    // The student's own experiments never count: a stray command must not matter.
    lab.commands.push(CommandSpec { at_ms: 500, device: lab.commands[0].device.clone(), run: "ping -c 1 1.2.3.4".into() });
    for edit in edits {
        edit(&mut lab);
    }
    ex.evaluate(&lab)
}

fn report(e: &Evaluation) -> String {
    let mut s = format!("locked {:?} invalid {:?}\n", e.locked, e.invalid.as_ref().map(|i| i.error.to_string()));
    for c in &e.checks {
        s += &format!(
            "  [{}] {} — {}\n      diag: {:?}\n      out: {:?}\n",
            if c.passed { "pass" } else { "FAIL" },
            c.description,
            c.why,
            c.diagnosis.as_ref().map(|d| &d.text),
            c.output
        );
    }
    s
}

fn assert_solved(ex: &Exercise, edits: &[&dyn Fn(&mut Scenario)]) {
    let e = solve(ex, edits);
    assert!(e.solved(), "{} should be solved:\n{}", ex.id, report(&e));
}

fn assert_unsolved(ex: &Exercise, edits: &[&dyn Fn(&mut Scenario)]) -> Evaluation {
    let e = solve(ex, edits);
    assert!(!e.solved(), "{} should not be solved:\n{}", ex.id, report(&e));
    e
}

#[test]
fn dump_starting_labs() {
    for ex in course() {
        let e = ex.evaluate(&ex.lab);
        eprintln!("== {}\n{}", ex.id, report(&e));
    }
}
