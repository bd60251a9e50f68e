//! The browser benchmark (`index.html?bench`): numbers, not a pass/fail timer.
//!
//! 1. Frame time: 500 frames in flight on a 300-device topology, drawn by the lab's own
//!    [`Packets`] layer over a static drawing of the devices and links, for
//!    [`MEASURED_FRAMES`] animation frames. Reports the p50/p95/max interval between
//!    `requestAnimationFrame` callbacks (what the visitor sees; target p95 ≤ 16.7 ms) and the
//!    script time per frame (from the callback to the rendered DOM, before layout and paint).
//! 2. Engine throughput in wasm: `packet_engine::examples::benchmark(1000, 50, 20)` run
//!    [`ENGINE_RUNS`] times, median events/s, next to the native figure from
//!    `cargo bench -p packet-engine --bench throughput` when the page is given it as
//!    `?bench&native=EVENTS_PER_SEC` (target: wasm ≥ 0.5× native).
//! 3. The same runs in the engine's worker module (engine-worker/, built at opt-level 3, which
//!    runs a lab too long for the page: src/worker/), timed inside the worker around the
//!    steps only, as (2) times `Simulation::run`, after [`WORKER_WARMUP`] untimed runs: the
//!    steady state, to set beside native code (issue 15: wasm ≥ 0.9× native).
//!
//! Results appear as JSON in `[data-testid=bench-result]` once `data-done="true"`;
//! `tests/e2e/bench.test.mjs` opens the page in headless Chromium and prints them.

use std::rc::Rc;

use gloo_render::{request_animation_frame, AnimationFrame};
use packet_engine::examples;
use packet_engine::scenario::{DeviceKind, Scenario};
use yew::prelude::*;

use crate::anim::{frame_point, grid_layout};
use crate::components::{Packets, Sprite};
use crate::geometry::Point;
use crate::playback::EventClass;

/// Frames in flight at once.
pub const IN_FLIGHT: usize = 500;
/// Frames drawn before measuring (the first ones include building the DOM).
pub const WARMUP_FRAMES: u32 = 30;
/// Frames measured.
pub const MEASURED_FRAMES: u32 = 300;
/// Engine runs; the median is reported.
pub const ENGINE_RUNS: usize = 5;
/// Runs of the worker's module left untimed first (V8 optimises a module's hot functions while
/// they run), then timed.
pub const WORKER_WARMUP: usize = 5;
pub const WORKER_RUNS: usize = 15;
/// Spacing of the 300-device grid, SVG units.
const SPACING: f64 = 90.0;

/// True when the page was opened as `…?bench`.
pub fn requested() -> bool {
    gloo_utils::window().location().search().is_ok_and(|s| s.starts_with("?bench"))
}

/// True for `?bench&labels`: draw every frame with its label (the lab drops labels above
/// `LABEL_LIMIT` frames in flight), to measure what the labels cost.
fn labels_forced() -> bool {
    gloo_utils::window().location().search().is_ok_and(|s| s.split(['?', '&']).any(|kv| kv == "labels"))
}

/// The `native=` figure of the query string, events/s.
fn native_figure() -> Option<f64> {
    let search = gloo_utils::window().location().search().ok()?;
    search.split(['?', '&']).find_map(|kv| kv.strip_prefix("native=")?.parse().ok())
}

fn now_ms() -> f64 {
    gloo_utils::window().performance().map_or(0.0, |p| p.now())
}

/// The 300-device topology: the engine's benchmark generator with 270 hosts, 10 switches and
/// 20 routers, laid out on a grid.
struct Topology {
    positions: Vec<Point>,
    kinds: Vec<DeviceKind>,
    links: Vec<(usize, usize)>,
}

impl Topology {
    fn new() -> Topology {
        let s: Scenario = examples::benchmark(270, 10, 20);
        let positions = grid_layout(s.devices.len(), SPACING);
        let index = |name: &str| s.devices.iter().position(|d| d.id == name);
        let links = s.links.iter().filter_map(|l| Some((index(&l.a.device)?, index(&l.b.device)?))).collect();
        Topology { positions, kinds: s.devices.iter().map(|d| d.kind).collect(), links }
    }

    /// Frame `i` of [`IN_FLIGHT`] at animation step `k`: a fixed link and direction each, a
    /// progress that wraps round, protocols mixed as in a busy lab.
    fn sprites(&self, k: u32) -> Rc<[Sprite]> {
        const CLASSES: [EventClass; 4] = [EventClass::Arp, EventClass::Icmp, EventClass::IcmpError, EventClass::Ipv4];
        (0..IN_FLIGHT)
            .map(|i| {
                let (a, b) = self.links[i % self.links.len()];
                let (from, to) = if i % 2 == 0 { (a, b) } else { (b, a) };
                let progress = (i as f64 * 0.618_034 + k as f64 * 0.012).fract();
                let class = CLASSES[i % CLASSES.len()];
                Sprite {
                    key: i,
                    at: frame_point(self.positions[from], self.positions[to], 20.0, 20.0, progress, false),
                    css: class.css(),
                    label: class.label(),
                    broadcast: i % 7 == 0,
                    arrived: false,
                }
            })
            .collect()
    }
}

/// Engine figures.
#[derive(Clone, PartialEq)]
struct EngineResult {
    events: u64,
    median_ms: f64,
    fastest_ms: f64,
    events_per_sec: f64,
}

fn run_engine() -> EngineResult {
    let scenario = examples::benchmark(1000, 50, 20);
    let mut samples = Vec::new();
    let mut events = 0;
    for _ in 0..ENGINE_RUNS {
        let engine = crate::playback::engine::get().expect("loaded before");
        let mut sim = (engine.new)(&scenario).ok().expect("the benchmark scenario is valid");
        let start = now_ms();
        while !(engine.step)(&mut sim, u64::MAX) {}
        let outcome = (engine.finish)(sim);
        samples.push(now_ms() - start);
        events = outcome.events_processed;
    }
    samples.sort_by(f64::total_cmp);
    let median_ms = samples[samples.len() / 2];
    EngineResult { events, median_ms, fastest_ms: samples[0], events_per_sec: events as f64 / (median_ms / 1000.0) }
}

/// The worker module's figures, or why there are none.
type WorkerResult = Result<EngineResult, String>;

/// Runs the benchmark in the engine's worker, [`WORKER_WARMUP`] runs untimed then
/// [`WORKER_RUNS`] timed (static/engine-worker.js answers `["bench", lab, runs, warmup]` with
/// `["bench", events, [ms of each timed run]]`); `done` gets the figures. The worker lives as long as the returned handle.
fn run_worker(done: Callback<WorkerResult>) -> Option<crate::worker::Running> {
    use js_sys::Array;
    use wasm_bindgen::{JsCast, JsValue};
    let lab = examples::benchmark(1000, 50, 20).to_json_pretty();
    let fail = done.clone();
    let on_message = move |data: JsValue, post: &dyn Fn(&JsValue) -> bool| {
        if data.as_string().as_deref() == Some("ready") {
            let ask = Array::of4(&"bench".into(), &JsValue::from_str(&lab), &(WORKER_RUNS as f64).into(), &(WORKER_WARMUP as f64).into());
            if !post(&ask) {
                done.emit(Err("could not post to the worker".into()));
            }
        } else if let Some(text) = data.as_string() {
            done.emit(Err(text));
        } else if let Some(reply) = data.dyn_ref::<Array>() {
            let events = reply.get(1).as_f64().unwrap_or(0.0) as u64;
            let mut samples: Vec<f64> = Array::from(&reply.get(2)).iter().filter_map(|v| v.as_f64()).collect();
            samples.sort_by(f64::total_cmp);
            let Some(&fastest_ms) = samples.first() else { return done.emit(Err("no runs".into())) };
            let median_ms = samples[samples.len() / 2];
            done.emit(Ok(EngineResult { events, median_ms, fastest_ms, events_per_sec: events as f64 / (median_ms / 1000.0) }));
        }
    };
    crate::worker::Running::open(on_message, move || fail.emit(Err("the worker failed to start".into())))
}

/// `e` as the bench's JSON, with its ratio to the native figure when there is one.
fn engine_json(e: &EngineResult, native: Option<f64>) -> String {
    let native_json = native.map_or("null".to_string(), |v| format!("{v:.0}"));
    let ratio = native.map_or("null".to_string(), |v| format!("{:.3}", e.events_per_sec / v));
    format!(
        "{{\"scenario\": \"benchmark(1000, 50, 20)\", \"events\": {}, \"median_ms\": {:.1}, \"fastest_ms\": {:.1}, \
         \"wasm_events_per_sec\": {:.0}, \"native_events_per_sec\": {native_json}, \"wasm_over_native\": {ratio}}}",
        e.events, e.median_ms, e.fastest_ms, e.events_per_sec
    )
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// The benchmark page.
#[function_component(Bench)]
pub fn bench() -> Html {
    let topo = use_memo((), |_| Topology::new());
    let step = use_state(|| 0u32);
    let intervals = use_mut_ref(Vec::<f64>::new);
    let work = use_mut_ref(Vec::<f64>::new);
    let frame_start = use_mut_ref(|| 0.0f64);
    let engine = use_state(|| None::<EngineResult>);
    let worker = use_state(|| None::<WorkerResult>);
    let worker_handle = use_mut_ref(|| None::<crate::worker::Running>);
    let total = WARMUP_FRAMES + MEASURED_FRAMES;
    {
        let (step, intervals, work, frame_start) = (step.clone(), intervals.clone(), work.clone(), frame_start.clone());
        use_effect_with(*step, move |&k| {
            // The DOM for step k is in place: the script time of this frame ends here.
            let started = *frame_start.borrow();
            if k > WARMUP_FRAMES && started > 0.0 {
                work.borrow_mut().push(now_ms() - started);
            }
            let mut handle: Option<AnimationFrame> = None;
            if k < total {
                handle = Some(request_animation_frame(move |_| {
                    let t = now_ms();
                    let previous = std::mem::replace(&mut *frame_start.borrow_mut(), t);
                    if k >= WARMUP_FRAMES && previous > 0.0 {
                        intervals.borrow_mut().push(t - previous);
                    }
                    step.set(k + 1);
                }));
            }
            move || drop(handle)
        });
    }
    {
        // Then the engine, once the animation is measured (it blocks the page for seconds).
        let engine = engine.clone();
        let done_animating = *step >= total;
        use_effect_with(done_animating, move |&done| {
            let mut timeout = None;
            if done && engine.is_none() {
                // The page's engine is a split module (playback::engine): fetched first, not timed.
                timeout = Some(gloo_timers::callback::Timeout::new(50, move || {
                    wasm_bindgen_futures::spawn_local(async move {
                        if crate::playback::engine::ENGINE.load().await {
                            engine.set(Some(run_engine()));
                        }
                    });
                }));
            }
            move || drop(timeout)
        });
    }

    let frames = topo.sprites(*step);
    let frame_stats = (*step >= total).then(|| {
        let mut iv = intervals.borrow().clone();
        let mut wk = work.borrow().clone();
        iv.sort_by(f64::total_cmp);
        wk.sort_by(f64::total_cmp);
        (iv.len(), percentile(&iv, 0.5), percentile(&iv, 0.95), percentile(&iv, 1.0), percentile(&wk, 0.5), percentile(&wk, 0.95))
    });
    {
        // Then the worker's module, once the page's engine has run.
        let (worker, worker_handle) = (worker.clone(), worker_handle.clone());
        use_effect_with(engine.is_some(), move |&ran| {
            if ran && worker.is_none() {
                let set = worker.clone();
                *worker_handle.borrow_mut() = run_worker(Callback::from(move |r| set.set(Some(r))));
                if worker_handle.borrow().is_none() {
                    worker.set(Some(Err("no worker here".into())));
                }
            }
        });
    }
    let native = native_figure();
    let result = match (&frame_stats, &*engine, &*worker) {
        (Some((n, p50, p95, max, w50, w95)), Some(e), Some(w)) => {
            let worker_json = match w {
                Ok(w) => engine_json(w, native),
                Err(e) => format!("{{\"error\": {}}}", serde_json::Value::from(e.to_string())),
            };
            Some(format!(
                "{{\"labels\": {}, \"devices\": {}, \"links\": {}, \"in_flight\": {IN_FLIGHT}, \"frames\": {n}, \
                 \"frame_interval_ms\": {{\"p50\": {p50:.2}, \"p95\": {p95:.2}, \"max\": {max:.2}}}, \
                 \"script_ms\": {{\"p50\": {w50:.2}, \"p95\": {w95:.2}}}, \
                 \"engine\": {}, \"worker\": {worker_json}}}",
                labels_forced(),
                topo.positions.len(),
                topo.links.len(),
                engine_json(e, native),
            ))
        }
        _ => None,
    };
    let status = if *step < total {
        format!("Animating {IN_FLIGHT} frames on {} devices: frame {} / {total}", topo.positions.len(), *step)
    } else if engine.is_none() {
        "Running the engine on benchmark(1000, 50, 20)…".to_string()
    } else if worker.is_none() {
        "Running it in the engine's worker module…".to_string()
    } else {
        "Done.".to_string()
    };
    let max = topo.positions.iter().fold(Point::new(0.0, 0.0), |m, p| Point::new(m.x.max(p.x), m.y.max(p.y)));
    let view_box = format!("-60 -60 {} {}", max.x + 120.0, max.y + 120.0);
    html! {
        <div class="bench" data-done={result.is_some().to_string()}>
            <header class="bench-head">
                <h1>{ "Packet Lab benchmark" }</h1>
                <p data-testid="bench-status">{ status }</p>
                if let Some(json) = &result {
                    <pre data-testid="bench-result">{ json.clone() }</pre>
                }
            </header>
            // As in the lab: the drawing in one <svg>, the frames in a second one on top with
            // the same viewBox, on its own compositing layer, so a frame's move repaints only
            // the frames.
            <div class="bench-stage">
                <svg class="canvas-svg bench-svg" viewBox={view_box.clone()} preserveAspectRatio="xMidYMid meet">
                    <StaticTopology topo={topo.clone()} />
                </svg>
                <svg class="packets-layer" viewBox={view_box} preserveAspectRatio="xMidYMid meet">
                    <Packets {frames} always_label={labels_forced()} />
                </svg>
            </div>
        </div>
    }
}

/// Props of [`StaticTopology`].
#[derive(Properties)]
struct StaticTopologyProps {
    topo: Rc<Topology>,
}

impl PartialEq for StaticTopologyProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.topo, &other.topo)
    }
}

/// Devices and links, drawn once: like the lab's canvas, it does not change while frames move.
#[function_component(StaticTopology)]
fn static_topology(props: &StaticTopologyProps) -> Html {
    let t = &props.topo;
    let links = t.links.iter().map(|&(a, b)| {
        let (p, q) = (t.positions[a], t.positions[b]);
        html! { <line class="link" x1={p.x.to_string()} y1={p.y.to_string()} x2={q.x.to_string()} y2={q.y.to_string()} /> }
    });
    let devices = t.positions.iter().zip(&t.kinds).map(|(p, k)| {
        let r = if matches!(k, DeviceKind::Switch | DeviceKind::Router) { 18 } else { 12 };
        html! { <circle class={classes!("bench-device", k.name())} cx={p.x.to_string()} cy={p.y.to_string()} r={r.to_string()} /> }
    });
    html! { <g><g>{ for links }</g><g>{ for devices }</g></g> }
}
