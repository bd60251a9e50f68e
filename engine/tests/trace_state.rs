//! Determinism of the trace and the tables rebuilt at any point of it.

use packet_engine::neighbor::NudState;
use packet_engine::trace::EventKind;
use packet_engine::{examples, MacAddr, Simulation};

#[test]
fn same_scenario_twice_gives_the_same_serialized_trace() {
    for (stem, scenario) in examples::all() {
        let a = Simulation::new(&scenario).unwrap().run();
        let b = Simulation::new(&scenario).unwrap().run();
        assert_eq!(
            serde_json::to_string(&a.trace).unwrap(),
            serde_json::to_string(&b.trace).unwrap(),
            "{stem}"
        );
        assert_eq!(a.outputs, b.outputs, "{stem}");
    }
}

#[test]
fn a_different_seed_changes_only_random_choices() {
    let (_, mut scenario) = examples::all().into_iter().next().unwrap();
    let a = Simulation::new(&scenario).unwrap().run();
    scenario.seed += 1;
    let b = Simulation::new(&scenario).unwrap().run();
    assert_ne!(
        serde_json::to_string(&a.trace).unwrap(),
        serde_json::to_string(&b.trace).unwrap()
    );
    // The same frames cross the same links at the same times.
    let shape = |o: &packet_engine::RunOutcome| -> Vec<(String, u64, usize)> {
        o.trace
            .events
            .iter()
            .filter_map(|e| match &e.kind {
                EventKind::FrameSent { hop, bytes, .. } => Some((hop.link.to_string(), e.t_start().as_nanos(), bytes.len())),
                _ => None,
            })
            .collect()
    };
    assert_eq!(shape(&a), shape(&b));
}

#[test]
fn state_at_rebuilds_earlier_tables_for_earlier_events() {
    let (_, scenario) = examples::all()
        .into_iter()
        .find(|(s, _)| *s == "same-network")
        .unwrap();
    let out = Simulation::new(&scenario).unwrap().run();
    let events = &out.trace.events;
    let pos =
        |pred: &dyn Fn(&EventKind) -> bool| events.iter().position(|e| pred(&e.kind)).unwrap();
    let incomplete = pos(&|k| {
        matches!(
            k,
            EventKind::NeighborChanged {
                new: NudState::Incomplete,
                ..
            }
        )
    });
    let reachable = pos(&|k| {
        matches!(
            k,
            EventKind::NeighborChanged {
                new: NudState::Reachable,
                ..
            }
        )
    });
    let learned = pos(&|k| matches!(k, EventKind::MacLearned { .. }));
    let aged = pos(&|k| matches!(k, EventKind::MacAged { .. }));
    let pc1 = |i: usize| {
        out.trace
            .state_at(i)
            .neighbors
            .get("pc1")
            .and_then(|m| m.get("eth0"))
            .and_then(|t| t.get(&"10.10.10.100".parse().unwrap()))
            .cloned()
    };

    // Routing tables are there from the first events on.
    assert_eq!(
        out.trace.state_at(1).routes["pc1"][0].prefix.to_string(),
        "10.10.10.0/24"
    );
    assert_eq!(pc1(incomplete - 1), None);
    assert_eq!(pc1(incomplete).unwrap().state, NudState::Incomplete);
    assert_eq!(pc1(incomplete).unwrap().mac, None);
    assert_eq!(pc1(reachable - 1).unwrap().state, NudState::Incomplete);
    let now = pc1(reachable).unwrap();
    assert_eq!(now.state, NudState::Reachable);
    assert_eq!(now.mac, Some(MacAddr::derived("pc2", "eth0")));

    let macs = |i: usize| {
        out.trace
            .state_at(i)
            .mac_tables
            .get("sw1")
            .map(|t| t.len())
            .unwrap_or(0)
    };
    assert_eq!(macs(learned - 1), 0);
    assert_eq!(macs(learned), 1);
    assert_eq!(macs(aged - 1), 2);
    assert_eq!(macs(aged), 1);
    // Past the end it is the final state.
    assert_eq!(
        out.trace.state_at(usize::MAX),
        out.trace.state_at(events.len() - 1)
    );
}

#[test]
fn trace_times_never_go_backwards_and_seq_is_the_index() {
    for (stem, scenario) in examples::all() {
        let out = Simulation::new(&scenario).unwrap().run();
        assert!(
            out.trace.events.windows(2).all(|w| w[0].time <= w[1].time),
            "{stem}"
        );
        assert!(out.trace.events.iter().all(|e| !e.explain().is_empty()));
    }
}

#[test]
fn state_index_agrees_with_state_at_everywhere() {
    let (_, scenario) = examples::all()
        .into_iter()
        .find(|(s, _)| *s == "to-the-internet")
        .unwrap();
    let out = Simulation::new(&scenario).unwrap().run();
    for every in [1, 7, 64, 100_000] {
        let index = out.trace.state_index(every);
        for i in (0..out.trace.events.len())
            .step_by(13)
            .chain([out.trace.events.len() - 1, usize::MAX])
        {
            assert_eq!(
                index.state_at(&out.trace, i),
                out.trace.state_at(i),
                "every {every}, event {i}"
            );
        }
    }
}
