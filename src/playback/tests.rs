//! Native tests of playback: the timeline, stepping, ticks, commands, filters.

use super::*;
use packet_engine::{Simulation, StopReason};

#[test]
fn a_switch_loop_ends_in_a_reported_storm_within_the_browser_budget() {
    let (_, mut lab) = packet_engine::examples::all()
        .into_iter()
        .find(|(stem, _)| *stem == "switch-loop")
        .expect("the switch-loop example exists");
    lab.options.max_events = 2_000_000; // what a student's own lab gets by default
    let run = Run::new(&lab).expect("a loop is valid, just unwise");
    assert!(run.outcome.events_processed <= BROWSER_MAX_EVENTS);
    assert!(
        matches!(run.outcome.stop, StopReason::BroadcastStorm { .. }),
        "{:?}",
        run.outcome.stop
    );
}
use packet_engine::codec::words::EventWords;
use packet_engine::examples;
use packet_engine::neighbor::NudState;

fn same_network() -> Scenario {
    examples::all().into_iter().find(|(s, _)| *s == "same-network").unwrap().1
}

fn apply(p: &mut Playback, s: &Scenario, actions: &[PlayAction]) {
    for a in actions {
        p.apply(a.clone(), s);
    }
}

/// Index of the first event whose row matches.
fn find(run: &Run, pred: impl Fn(&Row) -> bool) -> usize {
    run.rows().position(|r| pred(&r)).expect("event present")
}

#[test]
fn a_hop_takes_between_the_minimum_and_maximum_growing_with_its_wire_time() {
    use timeline::hop_ms;
    assert_eq!(hop_ms(0), HOP_MIN_MS);
    assert_eq!(hop_ms(1_000), HOP_MIN_MS);
    assert_eq!(hop_ms(10_000_000), HOP_MAX_MS);
    assert_eq!(hop_ms(u64::MAX), HOP_MAX_MS);
    let (lan, big, wan) = (hop_ms(11_700), hop_ms(125_000), hop_ms(2_000_000));
    assert!(HOP_MIN_MS < lan && lan < big && big < wan && wan < HOP_MAX_MS, "{lan} {big} {wan}");
    assert!((700.0..1_000.0).contains(&lan), "a 60-byte LAN frame takes about a second: {lan}");
}

#[test]
fn timeline_gives_each_hop_its_screen_time_and_squeezes_idle_gaps() {
    use timeline::hop_ms;
    // A LAN frame from 1 ms to 1 ms + 12 µs, a WAN hop from 1.5 ms to 3.5 ms, then nothing
    // until 2 s.
    let lan = (1_000_000, 1_012_000);
    let wan = (1_500_000, 3_500_000);
    let t = Timeline::new([0, lan.0, lan.1, wan.0, wan.1, 2_000_000_000], &[lan, wan]);
    // The 1 ms idle gap at the start is squeezed to the cap.
    assert_eq!(t.to_play(lan.0), IDLE_CAP_MS);
    // Each hop alone gets exactly its screen time, linear inside it.
    let shown = |(a, b): (u64, u64)| t.to_play(b) - t.to_play(a);
    assert!((shown(lan) - hop_ms(12_000)).abs() < 1e-6);
    assert!((shown(wan) - hop_ms(2_000_000)).abs() < 1e-6);
    assert!((t.to_play(1_006_000) - t.to_play(lan.0) - hop_ms(12_000) / 2.0).abs() < 1e-6);
    // Every gap with nothing on a wire lasts at most the cap: the run fits in a few seconds.
    assert!((t.end() - (3.0 * IDLE_CAP_MS + hop_ms(12_000) + hop_ms(2_000_000))).abs() < 1e-6, "{}", t.end());
    // to_sim inverts to_play inside a hop; the idle marker is on only in squeezed gaps.
    assert!(t.to_sim(t.to_play(1_003_000)).abs_diff(1_003_000) <= 1);
    assert!(t.is_squeezed(IDLE_CAP_MS / 2.0));
    assert!(!t.is_squeezed(IDLE_CAP_MS + 1.0));
    // The real-time rate beside the clock: 12 µs simulated per hop_ms(12 µs) on screen.
    let rate = t.sim_per_show_second(IDLE_CAP_MS + 1.0).unwrap();
    assert!((rate - 12_000.0 * 1_000.0 / hop_ms(12_000)).abs() < 1e-3, "{rate}");
}

#[test]
fn overlapping_frames_each_get_at_least_the_minimum() {
    use timeline::hop_ms;
    // A WAN frame with a LAN frame inside it: the LAN frame keeps its screen time; the WAN
    // frame waits for it.
    let (wan, lan) = ((0, 2_000_000), (500_000, 512_000));
    let t = Timeline::new([0, 2_000_000], &[wan, lan]);
    let shown = |(a, b): (u64, u64)| t.to_play(b) - t.to_play(a);
    assert!(shown(lan) >= hop_ms(12_000) - 1e-6);
    assert!(shown(wan) >= hop_ms(2_000_000) - 1e-6);
    assert!(shown(wan) <= hop_ms(2_000_000) + hop_ms(12_000) + 1e-6);
}

/// Screen ms of every flight of a run at 1×.
fn hop_times(run: &Run) -> Vec<f64> {
    run.flights.iter().map(|f| run.timeline.to_play(f.t_end) - run.timeline.to_play(f.t_start)).collect()
}

#[test]
fn every_example_plays_watchably_at_every_speed() {
    for (stem, lab) in examples::all() {
        let p = Playback::new(&lab);
        let run = p.run().unwrap();
        let hops = hop_times(run);
        // No frame flashes by: at the fastest speed a hop still spans many 60 Hz frames.
        let shortest = hops.iter().copied().fold(f64::INFINITY, f64::min);
        assert!(hops.is_empty() || shortest >= HOP_MIN_MS - 1e-6, "{stem}: a hop of {shortest} ms");
        assert!(shortest / SPEEDS[SPEED_COUNT - 1] / (1000.0 / 60.0) >= 6.0, "{stem}");
        // A hop alone on the wires never takes longer than the maximum.
        for (i, f) in run.flights.iter().enumerate() {
            let alone = run.flights.iter().all(|g| g.event == f.event || g.t_end <= f.t_start || g.t_start >= f.t_end);
            assert!(!alone || hops[i] <= HOP_MAX_MS + 1e-6, "{stem}: lone hop {i} takes {} ms", hops[i]);
        }
        // And the whole run ends in bounded time at the fastest speed (the old clock needed
        // tens of minutes for "To the internet"). A storm is the exception: 100 000 events
        // of overlapping frames; "whole run in about N s" is the way through it.
        let fastest_s = run.end_play() / SPEEDS[SPEED_COUNT - 1] / 1000.0;
        println!("{stem}: {} events, {} hops, {:.0} s at 1x, {fastest_s:.0} s at fastest", run.len(), hops.len(), run.end_play() / 1000.0);
        let storm = matches!(run.outcome.stop, StopReason::BroadcastStorm { .. });
        assert!(storm || fastest_s < 60.0, "{stem}: {fastest_s} s at the fastest speed");
    }
}

#[test]
fn whole_run_in_about_n_seconds() {
    let (_, lab) = examples::all().into_iter().find(|(s, _)| *s == "to-the-internet").unwrap();
    let mut p = Playback::new(&lab);
    apply(&mut p, &lab, &[PlayAction::FitRun(20), PlayAction::TogglePlay]);
    let mut wall_ms = 0.0;
    while p.playing {
        apply(&mut p, &lab, &[PlayAction::Tick(16.0)]);
        wall_ms += 16.0;
        assert!(wall_ms < 60_000.0, "never ends");
    }
    assert!(p.at_end());
    assert!((19_000.0..21_000.0).contains(&wall_ms), "{wall_ms} ms");
    // Picking a speed leaves the fitted mode.
    apply(&mut p, &lab, &[PlayAction::SetSpeed(DEFAULT_SPEED)]);
    assert_eq!((p.fit, p.speed_factor()), (None, 1.0));
}

#[test]
fn starts_with_routing_tables_and_nothing_else() {
    let p = Playback::new(&same_network());
    let run = p.run().unwrap();
    assert!(p.shown() > 0 && p.shown() < run.len());
    assert!(p.tables().routes.contains_key("pc1"));
    assert!(p.tables().neighbors.is_empty());
    assert!(p.tables().mac_tables.is_empty());
    assert!(!p.playing);
}

#[test]
fn stepping_shows_arp_then_echo_and_back_restores_exact_tables() {
    let s = same_network();
    let mut p = Playback::new(&s);
    let run = p.run().unwrap().clone();
    let request = find(&run, |r| r.class == EventClass::Arp && r.english().contains("Who has"));
    let reply = find(&run, |r| r.class == EventClass::Arp && r.english().contains("is at"));
    let echo = find(&run, |r| r.class == EventClass::Icmp && r.english().contains("request"));
    let echo_reply = find(&run, |r| r.class == EventClass::Icmp && r.english().contains("reply"));
    assert!(request < reply && reply < echo && echo < echo_reply);

    // Play forward event by event to just after the ARP reply arrives at pc1.
    let learned = find(&run, |r| r.class == EventClass::Neighbor && r.device.as_deref() == Some("pc1") && r.english().contains("REACHABLE"));
    while p.shown() <= learned {
        apply(&mut p, &s, &[PlayAction::StepForward]);
    }
    let ip: std::net::Ipv4Addr = "10.10.10.100".parse().unwrap();
    let row = &p.tables().neighbors["pc1"]["eth0"][&ip];
    assert_eq!(row.state, NudState::Reachable);
    assert!(row.mac.is_some());
    assert_eq!(**p.tables(), run.outcome.trace.state_at(learned));
    // One step back: exactly the earlier tables (pc2 still INCOMPLETE in pc1's cache).
    apply(&mut p, &s, &[PlayAction::StepBack]);
    assert_eq!(**p.tables(), run.outcome.trace.state_at(learned - 1));
    assert_eq!(p.tables().neighbors["pc1"]["eth0"][&ip].state, NudState::Incomplete);
    // Seeking anywhere agrees with the engine's own state_at.
    for n in [0, 1, 7, run.len() / 2, run.len()] {
        apply(&mut p, &s, &[PlayAction::Seek(n)]);
        assert_eq!(p.shown(), n);
        let mut expected = if n == 0 { NetworkState::default() } else { run.outcome.trace.state_at(n - 1) };
        // `now` only drives the IPv6 lifetimes' countdown: playback moves it only where there are
        // IPv6 addresses to count down (src/playback/mod.rs `advance_to`), so it is not compared here.
        expected.now = p.tables().now;
        assert_eq!(**p.tables(), expected, "after {n} events");
    }
}

#[test]
fn ticks_play_to_the_end_and_stop() {
    let s = same_network();
    let mut p = Playback::new(&s);
    apply(&mut p, &s, &[PlayAction::SetSpeed(SPEED_COUNT - 1), PlayAction::TogglePlay]);
    assert!(p.playing);
    let mut ticks = 0;
    while p.playing {
        let before = p.clock();
        apply(&mut p, &s, &[PlayAction::Tick(16.0)]);
        assert!(p.clock() > before, "time moves forward while playing");
        ticks += 1;
        assert!(ticks < 100_000, "never ends");
    }
    let run = p.run().unwrap();
    assert_eq!(p.shown(), run.len());
    assert!(p.at_end());
    assert_eq!(**p.tables(), run.outcome.trace.state_at(run.len() - 1));
    // Ticks while paused change nothing.
    let before = p.clone();
    apply(&mut p, &s, &[PlayAction::Tick(100.0)]);
    assert_eq!(p, before);
}

#[test]
fn tick_time_scales_with_speed() {
    let s = same_network();
    let mut slow = Playback::new(&s);
    let mut fast = slow.clone();
    apply(&mut slow, &s, &[PlayAction::SetSpeed(0), PlayAction::TogglePlay, PlayAction::Tick(100.0)]);
    apply(&mut fast, &s, &[PlayAction::SetSpeed(6), PlayAction::TogglePlay, PlayAction::Tick(100.0)]);
    assert_eq!(slow.clock() - Playback::new(&s).clock(), 100.0 * 0.05);
    assert_eq!(fast.clock() - Playback::new(&s).clock(), 100.0 * 4.0);
}

#[test]
fn per_click_mode_shows_one_event_per_play_click() {
    let s = same_network();
    let mut p = Playback::new(&s);
    let n = p.shown();
    apply(&mut p, &s, &[PlayAction::SetPerClick(true), PlayAction::TogglePlay, PlayAction::Tick(1000.0)]);
    assert_eq!(p.shown(), n + 1);
    assert!(!p.playing);
}

#[test]
fn broadcast_is_in_flight_and_flood_marked() {
    let s = same_network();
    let mut p = Playback::new(&s);
    let run = p.run().unwrap().clone();
    // The switch floods the ARP request: jump to the frame it sends out of p2.
    let flood = run.flights.iter().find(|f| f.hop.from.device == "sw1" && f.broadcast).unwrap();
    apply(&mut p, &s, &[PlayAction::Jump(flood.event)]);
    let flying = p.in_flight();
    assert!(flying.iter().any(|f| f.flight.event == flood.event && f.progress == 0.0));
    assert!(p.marks().iter().any(|m| m.device == "sw1" && m.class == EventClass::Switch));
    // Halfway through its flight it is halfway along its link.
    let mid = run.timeline.to_play((flood.t_start + flood.t_end) / 2);
    while p.clock() < mid {
        p.playing = true;
        let ms = (mid - p.clock()).max(0.01);
        apply(&mut p, &s, &[PlayAction::Tick(ms)]);
    }
    let f = p.in_flight().into_iter().find(|f| f.flight.event == flood.event).unwrap();
    assert!((f.progress - 0.5).abs() < 0.01, "{}", f.progress);
}

#[test]
fn a_typed_command_keeps_the_shown_prefix_identical() {
    let s = same_network();
    let mut p = Playback::new(&s);
    let before = p.run().unwrap().clone();
    // Stop somewhere in the middle of the first echo exchange.
    let echo = find(&before, |r| r.class == EventClass::Icmp);
    apply(&mut p, &s, &[PlayAction::Jump(echo + 3)]);
    let shown = p.shown();
    let now = p.sim_now();
    apply(&mut p, &s, &[PlayAction::Command { device: "pc2".into(), run: "ping -c 1 10.10.10.1".into() }]);
    assert_eq!(p.command_error, None);
    let after = p.run().unwrap().clone();
    assert_eq!(p.commands()[0].at_ms, now.div_ceil(1_000_000));
    // Every event up to the command's start time is unchanged, byte for byte.
    let start_ns = p.commands()[0].at_ms * 1_000_000;
    let prefix = before.outcome.trace.events.iter().take_while(|e| e.time.as_nanos() < start_ns).count();
    assert!(prefix >= shown);
    assert_eq!(before.outcome.trace.events[..prefix], after.outcome.trace.events[..prefix]);
    assert_eq!(p.shown(), shown);
    assert!(p.playing);
    // And the new command's output is in the trace.
    assert!(after.outcome.outputs.keys().any(|k| k == "pc2: ping -c 1 10.10.10.1"));
}

#[test]
fn a_link_set_down_mid_run_changes_the_tables_as_the_events_are_shown() {
    let s = same_network();
    let mut p = Playback::new(&s);
    let before = p.run().unwrap().clone();
    // After pc1 learned pc2: stop after the first echo reply arrived.
    let echo = find(&before, |r| r.class == EventClass::Icmp);
    apply(&mut p, &s, &[PlayAction::Jump(echo + 6)]);
    assert!(!p.tables().neighbors["pc1"]["eth0"].is_empty());
    apply(&mut p, &s, &[PlayAction::Command { device: "pc1".into(), run: "ip link set eth0 down".into() }]);
    assert_eq!(p.command_error, None);
    let run = p.run().unwrap().clone();
    let flush = find(&run, |r| r.english().starts_with("ARP flush on eth0"));
    apply(&mut p, &s, &[PlayAction::Jump(flush + 1)]);
    assert!(p.tables().neighbors["pc1"]["eth0"].is_empty());
    assert!(p.tables().routes["pc1"].is_empty());
    assert!(p.tables().down["pc1"].iter().any(|p| p == "eth0"));
    // Stepping back shows them as they were.
    apply(&mut p, &s, &[PlayAction::Jump(echo + 6)]);
    assert!(!p.tables().routes["pc1"].is_empty());
}

#[test]
fn a_config_command_on_a_missing_port_is_refused_with_the_reason() {
    let s = same_network();
    let mut p = Playback::new(&s);
    let run = p.run().unwrap().clone();
    apply(&mut p, &s, &[PlayAction::Command { device: "sw1".into(), run: "ip link set p9 down".into() }]);
    let e = p.command_error.as_deref().unwrap();
    assert!(e.to_string().contains("sw1 has no port p9 (it has p1, p2, p3, p4)"), "{e}");
    assert_eq!(p.run().unwrap(), &run, "the run is untouched");
}

#[test]
fn a_bad_command_is_refused_with_the_reason() {
    let s = same_network();
    let mut p = Playback::new(&s);
    let run = p.run().unwrap().clone();
    apply(&mut p, &s, &[PlayAction::Command { device: "pc1".into(), run: "ping -c 1 10.10.10".into() }]);
    assert!(p.command_error.as_deref().unwrap().to_string().contains("not an IPv4 address"));
    assert_eq!(p.run().unwrap(), &run, "the run is untouched");
}

#[test]
fn moving_a_device_does_not_rerun_but_changing_an_address_does() {
    let s = same_network();
    let mut p = Playback::new(&s);
    apply(&mut p, &s, &[PlayAction::Seek(10)]);
    let run = p.run().unwrap().clone();
    let mut moved = s.clone();
    moved.devices[0].position = Some([1.0, 2.0]);
    p.invalidate(&moved);
    assert_eq!(p.run().unwrap(), &run);
    assert_eq!(p.shown(), 10);
    let mut broken = s.clone();
    broken.devices[0].interfaces[0].address = Some("10.10.10.300/24".into());
    p.invalidate(&broken);
    assert!(p.run().is_none());
    assert!(p.error.as_deref().unwrap().to_string().contains("devices[0]"), "{:?}", p.error);
    p.invalidate(&s);
    assert!(p.run().is_some() && p.error.is_none());
}

#[test]
fn filters_by_class_and_device() {
    let p = Playback::new(&same_network());
    let run = p.run().unwrap();
    let mut f = Filter::default();
    f.hidden.insert(EventClass::Arp);
    assert!(run.rows().filter(|r| f.accepts(r)).all(|r| r.class != EventClass::Arp));
    let f = Filter { device: Some("pc2".into()), ..Filter::default() };
    let kept: Vec<Row> = run.rows().filter(|r| f.accepts(r)).collect();
    assert!(!kept.is_empty());
    assert!(kept.iter().all(|r| r.device.as_deref() == Some("pc2") || r.peer.as_deref() == Some("pc2")));
}

#[test]
fn formats_times() {
    assert_eq!(format_time(1_000_012_345), "1.000 012 s");
    assert_eq!(format_time(0), "0.000 000 s");
    assert_eq!(command_of("pc1: ping -c 3 10.10.10.100", "pc1"), "ping -c 3 10.10.10.100");
    // A device whose name is not the label's prefix leaves the label whole.
    assert_eq!(command_of("pc1: ping 10.0.0.1", "pc10"), "pc1: ping 10.0.0.1");
}

/// Issue 15: the run keeps each event's class and words its row when drawn; the class, the
/// device filter's devices and the canvas's drop marks are read without wording the row, and
/// must agree with it for every event of every example and exercise.
#[test]
fn what_the_run_keeps_per_event_agrees_with_its_row() {
    let labs = examples::all()
        .into_iter()
        .map(|(_, lab)| lab)
        .chain(packet_engine::exercise::course::course().into_iter().map(|e| e.lab));
    for lab in labs {
        let run = Run::new(&lab).unwrap();
        for (i, row) in run.rows().enumerate() {
            let kind = &run.outcome.trace.events[i].kind;
            assert_eq!(run.class(i), row.class, "event {i}: {kind:?}");
            let (device, peer) = events::who(&run.outcome, kind);
            assert_eq!((device, peer), (row.device.as_deref(), row.peer.as_deref()), "event {i}: {kind:?}");
            for d in [row.device.as_deref(), row.peer.as_deref(), Some("nowhere")].into_iter().flatten() {
                let f = Filter { device: Some(Rc::from(d)), ..Filter::default() };
                assert_eq!(run.accepts(&f, i), f.accepts(&row), "event {i} at {d}");
            }
        }
    }
}

#[test]
fn command_output_rows_are_placed_at_the_device_the_engine_ran_the_command_on() {
    for (stem, lab) in examples::all() {
        let p = Playback::new(&lab);
        let run = p.run().unwrap();
        let mut started = packet_engine::VecMap::new();
        let mut outputs = 0;
        for (event, row) in run.outcome.trace.events.iter().zip(run.rows()) {
            match &event.kind {
                EventKind::CommandStarted { label, device } => {
                    started.insert(label.clone(), device.clone());
                }
                EventKind::CommandOutput { label, .. } => {
                    outputs += 1;
                    assert_eq!(row.device.as_ref(), started.get(label), "{stem}: {label}");
                }
                _ => {}
            }
        }
        assert!(outputs > 0 || run.outcome.topology.commands.is_empty(), "{stem}: no output");
    }
}

#[test]
fn stepping_through_receive_learn_and_forward_keeps_the_frame_on_the_canvas() {
    for (stem, lab) in examples::all() {
        let mut p = Playback::new(&lab);
        let run = p.run().unwrap().clone();
        let first_frame = run.flights.first().map_or(run.len(), |f| f.event);
        for i in first_frame..run.len().min(400) {
            let kind = &run.outcome.trace.events[i].kind;
            let about_a_frame = matches!(
                kind,
                EventKind::FrameReceived { .. } | EventKind::SwitchForward { .. } | EventKind::MacLearned { .. }
            );
            apply(&mut p, &lab, &[PlayAction::Jump(i)]);
            if about_a_frame {
                assert!(!p.in_flight().is_empty(), "{stem}: nothing drawn at event {i}: {}", run.row(i).unwrap().english());
            }
        }
    }
}

#[test]
fn typed_commands_are_restored_into_the_run() {
    let s = same_network();
    let mut p = Playback::new(&s);
    apply(&mut p, &s, &[PlayAction::Seek(20), PlayAction::Command { device: "pc2".into(), run: "ping -c 1 10.10.10.1".into() }]);
    let typed = p.commands().to_vec();
    let restored = Playback::restore(&s, typed.clone());
    assert_eq!(restored.commands(), &typed[..]);
    assert!(restored.run().unwrap().outcome.outputs.keys().any(|k| k == "pc2: ping -c 1 10.10.10.1"));
    // A command that no longer parses is dropped, the rest of the lab still runs.
    let bad = vec![CommandSpec { at_ms: 5, device: "pc1".into(), run: "ping -c".into() }];
    assert!(Playback::restore(&s, bad).commands().is_empty());
}

/// The run's playback times, found by walking the knots, are the timeline's own for every
/// event of every example, and for times out of order; the knots are every event and flight
/// time once, in order (issue 15: merged, not sorted whole).
#[test]
fn playback_times_walked_along_the_knots_are_the_timelines_own() {
    for (stem, lab) in examples::all() {
        let run = Run::new(&lab).unwrap();
        let times: Vec<u64> = run.outcome.trace.events.iter().map(|e| e.time.as_nanos()).collect();
        let one_by_one: Vec<f64> = times.iter().map(|&t| run.timeline.to_play(t)).collect();
        assert_eq!(run.timeline.to_play_all(times.iter().copied()), one_by_one, "{stem}");
        assert_eq!((0..run.len()).map(|i| run.play_of(i)).collect::<Vec<_>>(), one_by_one, "{stem}");
        let back: Vec<u64> = times.iter().rev().copied().collect();
        let expected: Vec<f64> = back.iter().map(|&t| run.timeline.to_play(t)).collect();
        assert_eq!(run.timeline.to_play_all(back.iter().copied()), expected, "{stem}: times going back");
        let spans: Vec<(u64, u64)> = run.flights.iter().map(|f| (f.t_start, f.t_end)).collect();
        let mut all: Vec<u64> = times.iter().copied().chain([0]).chain(spans.iter().flat_map(|&(a, b)| [a, b])).collect();
        all.sort_unstable();
        all.dedup();
        assert_eq!(run.timeline.knot_times(), &all[..], "{stem}");
    }
}

/// A command typed in a lab too long for one go (here a storm past `FIRST_WORK`) runs on in
/// pieces (in the app, in the worker) like any change of the lab, instead of freezing the
/// page for the whole run, and the finished run comes back to where the playhead was.
#[test]
fn a_command_typed_in_a_long_lab_runs_on_and_comes_back_to_the_playhead() {
    let (_, mut lab) = examples::all().into_iter().find(|(s, _)| *s == "switch-loop").unwrap();
    lab.options.max_events = 50_000; // 200 000 units of work: more than FIRST_WORK
    let mut p = Playback::new(&lab);
    assert!(p.pending().is_some(), "the storm goes on in pieces");
    p.finish_run();
    apply(&mut p, &lab, &[PlayAction::Seek(40)]);
    let (shown, now) = (p.shown, p.sim_now());
    apply(&mut p, &lab, &[PlayAction::Command { device: "pc2".into(), run: "ping -c 1 10.0.0.1".into() }]);
    let pending = p.pending().expect("the command's run goes on in pieces too");
    assert_eq!(pending.resume, Some((now, shown)));
    assert!(p.run().is_none() && p.command_error.is_none());
    p.finish_run();
    let run = p.run().expect("installed");
    assert!(run.outcome.outputs.keys().any(|k| k == "pc2: ping -c 1 10.0.0.1"), "{:?}", run.outcome.outputs.keys().collect::<Vec<_>>());
    assert_eq!(p.shown, shown, "back at the same event");
    assert_eq!(p.commands().len(), 1);
}

#[test]
fn a_storm_is_explained_from_the_first_frame_that_comes_round_the_loop() {
    let (_, lab) = examples::all().into_iter().find(|(s, _)| *s == "switch-loop").unwrap();
    let mut p = Playback::new(&lab);
    let run = p.run().unwrap().clone();
    let from = run.storm_from.expect("the loop storms");
    assert!(from < run.len() / 10, "shown early, not at the last event: {from} of {}", run.len());
    apply(&mut p, &lab, &[PlayAction::Seek(from)]);
    assert_eq!(p.storm_notice(), None);
    apply(&mut p, &lab, &[PlayAction::StepForward]);
    assert!(p.storm_notice().unwrap().to_string().starts_with("Broadcast storm"));
    assert_eq!(Playback::new(&same_network()).run().unwrap().storm_from, None);
}

#[test]
fn dhcp_and_dns_events_say_what_they_carry() {
    let rows = |stem: &str| {
        let (_, lab) = examples::all().into_iter().find(|(s, _)| *s == stem).unwrap();
        let p = Playback::new(&lab);
        let run = p.run().unwrap();
        run.rows().map(|r| (r.class, r.english())).collect::<Vec<_>>()
    };
    let dhcp = rows("home-dhcp");
    let ack = dhcp.iter().find(|(_, s)| s.starts_with("DHCPACK: ")).expect("a DHCPACK row");
    assert_eq!(ack.0, EventClass::Command);
    assert!(ack.1.contains('/') && ack.1.contains(" via ") && ack.1.contains(", DNS "), "{}", ack.1);
    assert!(dhcp.iter().any(|(_, s)| s.starts_with("DHCP lease table: ")), "the server's lease row");
    let dns = rows("name-lookup");
    assert!(dns.iter().any(|(_, s)| s.starts_with("lookup ") && s.contains(" (from ")), "{dns:?}");
}

#[test]
fn dhcp_and_dns_frames_have_their_own_chips() {
    for (stem, class, summary) in [("home-dhcp", EventClass::Dhcp, "DHCP "), ("name-lookup", EventClass::Dns, "Standard query")] {
        let (_, lab) = examples::all().into_iter().find(|(s, _)| *s == stem).unwrap();
        let run = Playback::new(&lab).run().unwrap().clone();
        let frames: Vec<Row> = run.rows().filter(|r| r.link.is_some() && r.english().contains(summary)).collect();
        assert!(!frames.is_empty() && frames.iter().all(|r| r.class == class), "{stem}");
        assert!(EventClass::ALL.contains(&class));
        let mut f = Filter::default();
        f.hidden.insert(class);
        assert!(run.rows().filter(|r| f.accepts(r)).all(|r| r.class != class));
        assert!(run.rows().filter(|r| f.accepts(r)).count() < run.len());
    }
    let labels: Vec<&str> = EventClass::ALL.iter().map(|c| c.label()).collect();
    for l in ["UDP", "DHCP", "DNS", "TCP", "HTTP"] {
        assert!(labels.contains(&l), "a chip for {l}");
    }
}

#[test]
fn stepping_forward_keeps_dhcp_and_dns_tables_like_the_engine() {
    for stem in ["home-dhcp", "name-lookup"] {
        let (_, lab) = examples::all().into_iter().find(|(s, _)| *s == stem).unwrap();
        let mut p = Playback::new(&lab);
        let total = p.run().unwrap().len();
        apply(&mut p, &lab, &[PlayAction::Seek(total)]);
        let want = p.run().unwrap().state_after(total);
        assert!(!want.dhcp_client_leases.is_empty(), "{stem}");
        assert_eq!(**p.tables(), want, "{stem}: the tables advanced event by event match the engine's");
    }
}

#[test]
fn a_new_run_starts_its_tables_afresh_not_on_the_old_runs() {
    // The bug: loading home-dhcp after an example with as many leading route events kept the
    // first lab's tables (the cursor did not move, so nothing was replayed): the home router's
    // routing table showed empty while the engine's state had its connected route.
    let (_, dhcp) = examples::all().into_iter().find(|(s, _)| *s == "home-dhcp").unwrap();
    let mut p = Playback::new(&same_network());
    let old_shown = p.shown();
    p.invalidate(&dhcp);
    let run = p.run().unwrap().clone();
    assert!(run.start <= old_shown, "the case that kept stale tables: {} <= {old_shown}", run.start);
    assert_eq!(**p.tables(), run.state_after(run.start));
    assert!(p.tables().routes.get("home-router").is_some_and(|r| !r.is_empty()));
    apply(&mut p, &dhcp, &[PlayAction::Seek(run.len())]);
    assert_eq!(**p.tables(), run.state_after(run.len()));
    assert!(!p.tables().routes["home-router"].is_empty(), "at the last event too");
}

#[test]
fn dhcp_and_dns_frames_have_their_own_filter_class() {
    let run_of = |stem: &str| {
        let (_, lab) = examples::all().into_iter().find(|(s, _)| *s == stem).unwrap();
        Run::new(&lab).unwrap()
    };
    let dhcp = run_of("home-dhcp");
    let discover = find(&dhcp, |r| r.english().starts_with("DHCP Discover"));
    assert_eq!(dhcp.class(discover), EventClass::Dhcp);
    assert!(dhcp.flights.iter().any(|f| f.class == EventClass::Dhcp));
    let dns = run_of("name-lookup");
    let query = find(&dns, |r| r.english().starts_with("Standard query"));
    assert_eq!(dns.class(query), EventClass::Dns);
    let mut f = Filter::default();
    f.hidden.insert(EventClass::Dhcp);
    assert!(!f.accepts(&dhcp.row(discover).unwrap()));
    assert!(dhcp.rows().filter(|r| f.accepts(r)).all(|r| r.class != EventClass::Dhcp));
    assert_eq!(EventClass::ALL.iter().filter(|c| matches!(c, EventClass::Dhcp | EventClass::Dns)).count(), 2);
}

/// The switch loop with a budget of 200 000 events: a run longer than [`FIRST_WORK`] (a
/// student's default, 2 M, capped at [`BROWSER_MAX_EVENTS`], runs the same way, five times
/// longer; debug-built tests keep to this).
fn long_storm() -> Scenario {
    let (_, mut lab) = examples::all().into_iter().find(|(s, _)| *s == "switch-loop").unwrap();
    lab.options.max_events = 200_000;
    lab
}

#[test]
fn a_long_run_goes_on_in_pieces_with_its_progress() {
    let lab = long_storm();
    let mut p = Playback::new(&lab);
    assert!(p.run().is_none(), "not over at once");
    let first = p.pending().expect("a run in progress").clone();
    assert!(first.events() > 0 && first.fraction() < 1.0);
    apply(&mut p, &lab, &[PlayAction::Continue]);
    let second = p.pending().expect("still going").clone();
    assert!(second.events() > first.events() && second.fraction() > first.fraction());
    // Pressing play or stepping while it runs does nothing.
    apply(&mut p, &lab, &[PlayAction::TogglePlay, PlayAction::StepForward]);
    assert!(!p.playing);
    let mut pieces = 0;
    while p.pending().is_some() {
        apply(&mut p, &lab, &[PlayAction::Continue]);
        pieces += 1;
        let most = packet_engine::sim::budget::work_budget(lab.options.max_events) / CHUNK_WORK;
        assert!(pieces <= most, "the work budget bounds the pieces: {pieces} > {most}");
    }
    // The same run as in one go.
    let whole = Run::new(&lab).unwrap();
    let run = p.run().expect("installed when over");
    assert_eq!(run.outcome.trace, whole.outcome.trace);
    assert!(matches!(run.outcome.stop, StopReason::BroadcastStorm { .. }));
    assert_eq!(p.shown(), run.start);
}

#[test]
fn a_cancelled_run_keeps_the_lab_and_can_run_again() {
    let lab = long_storm();
    let mut p = Playback::new(&lab);
    apply(&mut p, &lab, &[PlayAction::Continue, PlayAction::CancelRun]);
    assert!(p.pending().is_none() && p.run().is_none());
    let error = p.error.clone().expect("says it was cancelled");
    let error = error.to_string();
    assert!(error.contains("cancelled after") && error.contains("unchanged"), "{error}");
    // Nothing more happens on a late Continue.
    apply(&mut p, &lab, &[PlayAction::Continue]);
    assert!(p.pending().is_none());
    apply(&mut p, &lab, &[PlayAction::RunAgain]);
    assert!(p.pending().is_some() && p.error.is_none());
    p.finish_run();
    assert!(p.run().is_some());
    // A short lab is run at once, as before.
    let short = Playback::new(&same_network());
    assert!(short.pending().is_none() && short.run().is_some());
}

#[test]
fn every_example_runs_at_once() {
    for (stem, lab) in examples::all() {
        assert!(Playback::new(&lab).run().is_some(), "{stem} within FIRST_WORK");
    }
}

/// What the engine's worker posts at the end of `lab`'s run: its outcome in the compact form
/// (src/worker/serve.rs runs the same simulation).
fn worker_bytes(lab: &Scenario) -> Rc<[u8]> {
    let outcome = Simulation::new(&Run::capped(&lab_with(lab, &[]))).unwrap().run();
    Rc::from(packet_engine::codec::encode(&outcome))
}

#[test]
fn a_run_handed_to_the_worker_comes_back_as_the_same_run() {
    let lab = long_storm();
    let mut p = Playback::new(&lab);
    let job = p.pending().and_then(|r| r.worker_job()).expect("offered to a worker");
    apply(&mut p, &lab, &[PlayAction::Offload { run: job.id }]);
    let pending = p.pending().expect("still going").clone();
    assert_eq!(pending.place, Place::Worker);
    assert_eq!(pending.worker_job(), Some(job.clone()), "the same job: the hook keeps its worker");
    assert!(pending.stepped_here().is_none(), "not stepped here");
    // Pieces are not stepped here while the worker has it.
    apply(&mut p, &lab, &[PlayAction::Continue]);
    assert_eq!(p.pending().unwrap().progress, pending.progress);
    // The worker's progress is shown; another run's is not.
    let progress = packet_engine::Progress { events: 123_456, work: 500_000, max_work: 1_000_000 };
    apply(&mut p, &lab, &[PlayAction::WorkerProgress { run: job.id, progress }]);
    assert_eq!(p.pending().unwrap().events(), 123_456);
    assert_eq!(p.pending().unwrap().fraction(), 0.5);
    let stale = packet_engine::Progress { events: 1, ..progress };
    apply(&mut p, &lab, &[PlayAction::WorkerProgress { run: job.id + 1, progress: stale }]);
    assert_eq!(p.pending().unwrap().events(), 123_456);
    // The outcome: the same run as in one go here.
    apply(&mut p, &lab, &[PlayAction::WorkerDone { run: job.id, bytes: worker_bytes(&lab) }]);
    let run = p.run().expect("installed");
    assert!(p.pending().is_none());
    let whole = Run::new(&lab).unwrap();
    assert!(run.outcome == whole.outcome, "the decoded outcome is the run's");
    assert_eq!(p.shown(), run.start);
}

#[test]
fn a_failed_worker_leaves_the_run_to_the_page() {
    let lab = long_storm();
    let whole = Run::new(&lab).unwrap();
    // No worker could be made: the run goes on here from where it is.
    let mut p = Playback::new(&lab);
    let first = p.pending().unwrap().clone();
    apply(&mut p, &lab, &[PlayAction::WorkerFailed { run: first.id }]);
    let here = p.pending().unwrap().clone();
    assert_eq!(here.place, Place::Fallback);
    assert_eq!(here.progress, first.progress, "the piece done here is kept");
    assert!(here.worker_job().is_none(), "not offered again (the hook drops its worker)");
    p.finish_run();
    assert_eq!(p.run().unwrap().outcome.trace, whole.outcome.trace);
    // The worker had it and failed: the run starts again here.
    let mut p = Playback::new(&lab);
    let id = p.pending().unwrap().id;
    apply(&mut p, &lab, &[PlayAction::Offload { run: id }, PlayAction::WorkerFailed { run: id }]);
    assert_eq!(p.pending().unwrap().place, Place::Fallback);
    assert_eq!(p.pending().unwrap().events(), 0, "from the start");
    p.finish_run();
    assert_eq!(p.run().unwrap().outcome.trace, whole.outcome.trace);
    // Bytes that do not decode (a worker of another build) count as a failure.
    let mut p = Playback::new(&lab);
    let id = p.pending().unwrap().id;
    let damaged: Rc<[u8]> = Rc::from(&worker_bytes(&lab)[..100]);
    apply(&mut p, &lab, &[PlayAction::Offload { run: id }, PlayAction::WorkerDone { run: id, bytes: damaged }]);
    assert_eq!(p.pending().unwrap().place, Place::Fallback);
    p.finish_run();
    assert_eq!(p.run().unwrap().outcome.trace, whole.outcome.trace);
}

#[test]
fn cancelling_a_worker_run_keeps_the_lab_and_ignores_its_late_outcome() {
    let lab = long_storm();
    let mut p = Playback::new(&lab);
    let id = p.pending().unwrap().id;
    apply(&mut p, &lab, &[PlayAction::Offload { run: id }, PlayAction::CancelRun]);
    assert!(p.pending().is_none() && p.run().is_none());
    assert!(p.error.as_deref().is_some_and(|e| e.to_string().contains("cancelled after")));
    // What the terminated worker might still have posted changes nothing.
    apply(&mut p, &lab, &[PlayAction::WorkerDone { run: id, bytes: worker_bytes(&lab) }]);
    assert!(p.run().is_none() && p.cancelled);
    // Run again: a new run, with a new number, offered to a worker again.
    apply(&mut p, &lab, &[PlayAction::RunAgain]);
    let again = p.pending().unwrap();
    assert!(again.id != id && again.worker_job().is_some());
}

#[test]
fn every_example_played_event_by_event_shows_the_tables_of_the_trace() {
    // Forward stepping applies only the events `is_table_change` names: a table event it
    // forgot (the STP events once) would leave the tables behind the trace.
    for stem in ["stp-loop", "two-vlans", "pull-the-cable"] {
        let (_, s) = examples::all().into_iter().find(|(x, _)| *x == stem).unwrap();
        let mut p = Playback::new(&s);
        let n = p.run().unwrap().len();
        for _ in 0..n {
            apply(&mut p, &s, &[PlayAction::StepForward]);
        }
        let run = p.run().unwrap();
        assert_eq!(p.shown(), n, "{stem}");
        assert_eq!(**p.tables(), run.outcome.trace.state_at(n - 1), "{stem}");
    }
}

/// The ids of a message and of the messages nested in it: one wording per shape is enough.
fn shape(m: &packet_engine::msg::Msg, out: &mut String) {
    use packet_engine::msg::Arg;
    out.push_str(m.id);
    out.push('(');
    for (_, a) in &m.args {
        match a {
            Arg::Msg(n) | Arg::Clause(n) => shape(n, out),
            Arg::Join(items, _) => items.iter().for_each(|n| shape(n, out)),
            Arg::Text(_) | Arg::Num(_) => {}
        }
    }
    out.push(')');
}

/// Every event explanation of every example is worded in German, French and the pseudo-locale
/// (issue 17): no message is missing, no argument is left as `{$x}`, and the words differ
/// from English.
#[test]
fn every_event_explanation_is_worded_in_every_language() {
    let (en, de, fr, ploc) = (crate::i18n::tr("en"), crate::i18n::tr("de"), crate::i18n::tr("fr"), crate::i18n::tr("qps-ploc"));
    let mut shapes = std::collections::BTreeSet::new();
    for (stem, lab) in examples::all() {
        let p = Playback::new(&lab);
        let run = p.run().unwrap();
        for e in &run.outcome.trace.events {
            let m = e.explain_msg();
            let mut key = String::new();
            shape(&m, &mut key);
            if !shapes.insert(key) {
                continue;
            }
            let english = en.msg(&m);
            assert_eq!(english, e.explain(), "{stem}: the app's English is the engine's");
            for (tag, tr) in [("de", &de), ("fr", &fr), ("qps-ploc", &ploc)] {
                let text = tr.msg(&m);
                assert!(!text.contains('{') && !text.contains("explain-") && !text.contains("drop-"), "{stem} {tag}: {text}");
                if m.id != "explain-command-output" && m.id != "explain-command-started" {
                    assert_ne!(text, english, "{stem} {tag}: not translated");
                }
            }
        }
    }
    assert!(shapes.len() > 60, "{} kinds of sentence worded", shapes.len());
}

/// Issue 17: every row kind of the built-in examples is worded in German and French from their
/// own catalogues (no id left as itself, no English fallback for a row message).
#[test]
fn every_row_of_the_examples_is_worded_in_every_language() {
    use std::collections::BTreeSet;
    let mut kinds = BTreeSet::new();
    let mut rows = Vec::new();
    for (_, lab) in examples::all() {
        let p = Playback::new(&lab);
        let run = p.run().unwrap();
        for r in run.rows() {
            // One row per message id (and the ids nested in it), enough to word every kind.
            let mut ids = vec![r.summary.id];
            for (_, a) in &r.summary.args {
                if let packet_engine::msg::Arg::Msg(m) = a {
                    ids.push(m.id);
                }
            }
            if ids.iter().any(|id| kinds.insert(*id)) {
                rows.push(r.clone());
            }
        }
    }
    assert!(kinds.len() > 15, "the examples show many kinds of rows: {kinds:?}");
    for tag in ["de", "fr"] {
        let tr = crate::i18n::tr(tag);
        for r in &rows {
            let text = tr.msg(&r.summary);
            assert!(!text.is_empty() || r.summary.id == "verbatim", "{tag}: {} empty", r.summary.id);
            assert!(!text.contains("row-") && !text.starts_with("verbatim"), "{tag}: unresolved id in {text:?}");
            // Worded by this language's own catalogue, not by the English fallback.
            assert!(tr.own(r.summary.id).is_some(), "{tag}: {} falls back to English", r.summary.id);
        }
    }
}

fn visit_example() -> Scenario {
    examples::get(crate::story::FIRST_VISIT).expect("the first visit's example exists")
}

/// The engine's module not here for the length of a test (`engine::hide`), here again after,
/// even when the test fails.
struct NoEngine;

impl NoEngine {
    fn new() -> NoEngine {
        engine::hide(true);
        NoEngine
    }
}

impl Drop for NoEngine {
    fn drop(&mut self) {
        engine::hide(false);
    }
}

#[test]
fn the_first_visits_run_is_the_engines() {
    let lab = visit_example();
    let bytes = packet_engine::codec::encode(&Simulation::new(&Run::capped(&lab)).unwrap().run());
    let topology = packet_engine::codec::lab::encode(&Run::capped(&lab).validate().unwrap());
    let whole = Run::new(&lab).unwrap();
    let words: Vec<EventWords> = whole.outcome.trace.events.iter().map(EventWords::of).collect();
    let words = packet_engine::codec::words::encode(&words);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/playback/first-visit");
    if std::env::var_os("PACKET_LAB_BLESS").is_some() {
        std::fs::write(format!("{path}.run"), &bytes).unwrap();
        std::fs::write(format!("{path}.lab"), &topology).unwrap();
        std::fs::write(format!("{path}.words"), &words).unwrap();
        return;
    }
    assert!(
        bytes == first_visit::OUTCOME && topology == first_visit::LAB && words == first_visit::WORDS,
        "src/playback/first-visit.run, .lab or .words is not the engine's run, lab or words of the \
         first visit's example: rewrite them with PACKET_LAB_BLESS=1 cargo test -p packet-lab first_visit"
    );
    // What the engine words of its run: every row, class and explanation.
    let worded = |run: &Run| -> Vec<_> { (0..run.len()).map(|i| (run.row(i), run.class(i), run.explain(i))).collect() };
    let engines = worded(&whole);
    assert!(engines.iter().all(|(row, _, explain)| row.is_some() && explain.is_some()));
    // Before the engine is here, that example (devices moved, title changed) runs at once,
    // exactly as the engine would run it, and is worded exactly as the engine words it; any
    // other lab waits.
    let _hidden = NoEngine::new();
    // (Without the engine a run that has no words of its own has none: the words above are
    // the file's.)
    assert!(whole.explain(0).is_none() && whole.row(whole.flights[0].event).is_some_and(|r| r.english().is_empty()));
    let mut moved = lab.clone();
    moved.name = "mine".into();
    moved.devices[0].position = Some([1.0, 2.0]);
    for same in [&lab, &moved] {
        let p = Playback::new(same);
        let run = p.run().expect("precomputed, not waiting");
        assert!(run.outcome.trace == whole.outcome.trace);
        assert_eq!(packet_engine::codec::encode(&run.outcome), packet_engine::codec::encode(&whole.outcome));
        assert!(worded(run) == engines, "the precomputed words are not the engine's");
        assert_eq!(run.count(EventClass::Arp), whole.count(EventClass::Arp));
    }
    let mut changed = lab.clone();
    changed.seed += 1;
    let p = Playback::new(&changed);
    assert!(p.run().is_none() && p.pending().is_some_and(|r| r.place == Place::Engine));
}

#[test]
fn a_lab_waits_for_the_engines_module_and_runs_when_it_arrives() {
    let lab = same_network();
    let whole = Run::new(&lab).unwrap();
    let hidden = NoEngine::new();
    let mut p = Playback::new(&lab);
    let waiting = p.pending().expect("waiting").clone();
    assert_eq!(waiting.place, Place::Engine);
    assert!(p.run().is_none() && p.error.is_none());
    // Neither offered to a worker nor stepped here: there is nothing to run it with yet.
    assert!(waiting.worker_job().is_none() && waiting.stepped_here().is_none());
    apply(&mut p, &lab, &[PlayAction::Continue]);
    assert!(p.pending().is_some_and(|r| r.place == Place::Engine));
    // A link's event is kept for the run to come; playing does nothing yet.
    apply(&mut p, &lab, &[PlayAction::Seek(5), PlayAction::TogglePlay]);
    assert!(!p.playing);
    // The engine arrives (Action::CodeLoaded): the same run as ever, at the link's event.
    drop(hidden);
    p.engine_loaded();
    let run = p.run().expect("installed");
    assert!(p.pending().is_none());
    assert!(run.outcome == whole.outcome);
    assert_eq!(p.shown(), 5);
    // Once it is here, nothing waits.
    p.engine_loaded();
    assert_eq!(p.shown(), 5);
}

#[test]
fn a_wrong_lab_is_said_when_the_engine_arrives() {
    let mut lab = same_network();
    lab.devices[0].interfaces[0].address = Some("10.0.0.300/33".into());
    let expected = Simulation::new(&lab).err().unwrap().with_path();
    // Validation is the engine's: without it, the lab waits as any other does.
    let hidden = NoEngine::new();
    let mut p = Playback::new(&lab);
    assert!(p.pending().is_some() && p.run().is_none() && p.error.is_none());
    drop(hidden);
    p.engine_loaded();
    assert!(p.pending().is_none() && p.run().is_none());
    assert_eq!(p.error.as_deref(), Some(&expected));
}

#[test]
fn typed_commands_that_no_longer_parse_are_dropped_when_the_engine_arrives() {
    let lab = same_network();
    let dev = lab.devices[0].id.clone();
    let good = CommandSpec { at_ms: 5000, device: dev.clone(), run: "ping -c 1 10.0.0.2".into() };
    let bad = CommandSpec { at_ms: 6000, device: dev.clone(), run: "ping --flood 10.0.0.2".into() };
    let hidden = NoEngine::new();
    let mut p = Playback::restore(&lab, vec![good.clone(), bad]);
    assert_eq!(p.commands().len(), 2, "kept until the engine can parse them");
    drop(hidden);
    p.engine_loaded();
    assert_eq!(p.commands(), std::slice::from_ref(&good));
    assert_eq!(p.run().unwrap().lab.commands.last(), Some(&good));
    // A set that parses but does not run (a device gone) is dropped whole.
    let gone = CommandSpec { at_ms: 5000, device: "ghost".into(), run: "ping -c 1 10.0.0.2".into() };
    let hidden = NoEngine::new();
    let mut p = Playback::restore(&lab, vec![gone]);
    drop(hidden);
    p.engine_loaded();
    assert!(p.commands().is_empty());
    assert_eq!(p.run().unwrap().lab.commands, lab.commands);
}

#[test]
fn a_restored_lab_keeps_its_typed_commands_while_it_waits() {
    let lab = same_network();
    let typed = vec![CommandSpec { at_ms: 5000, device: lab.devices[0].id.clone(), run: "ping -c 1 10.0.0.2".into() }];
    let hidden = NoEngine::new();
    let mut p = Playback::restore(&lab, typed.clone());
    assert_eq!(p.commands(), &typed[..]);
    drop(hidden);
    p.engine_loaded();
    assert_eq!(p.run().unwrap().lab.commands.last(), typed.last());
}

#[test]
fn a_long_run_that_waited_goes_on_as_any_long_run() {
    let lab = long_storm();
    let hidden = NoEngine::new();
    let mut p = Playback::new(&lab);
    assert!(p.pending().is_some_and(|r| r.place == Place::Engine));
    drop(hidden);
    p.engine_loaded();
    let going = p.pending().expect("still going").clone();
    assert_eq!(going.place, Place::Page);
    assert!(going.worker_job().is_some(), "offered to a worker");
    p.finish_run();
    assert!(p.run().unwrap().outcome == Run::new(&lab).unwrap().outcome);
}

/// The first visit's run is shown before the engine's module is here, so it is worded without
/// the English messages that come with that module (engine/build.rs `MORE`): every row, every
/// explanation, the storm's sentence if any. A file moved to `MORE` that it needs fails here.
#[test]
fn the_first_visit_is_worded_without_the_engines_messages() {
    let lab = packet_engine::examples::get(crate::story::FIRST_VISIT).unwrap();
    let run = Run::new(&lab).unwrap();
    assert!(run.len() > 100, "the first visit's run has {} events", run.len());
    let mut missing = Vec::new();
    for (i, event) in run.outcome.trace.events.iter().enumerate() {
        let row = run.row(i).unwrap();
        for m in [row.summary, event.explain_msg()] {
            missing.extend(crate::i18n::missing_without_more(&m).into_iter().map(|id| format!("event {i}: {id}")));
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
    // And the check can fail: a diagnosis is one of those messages.
    let diagnosis = packet_engine::msg!("diagnose-or", first = "a", second = "b");
    assert_eq!(crate::i18n::missing_without_more(&diagnosis), ["diagnose-or"]);
}
