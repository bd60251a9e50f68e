//! `packet-lab-run`: run a Packet Lab scenario headless and write what a real
//! lab would give you: one pcap per link, the trace as JSON, and each command's
//! output. Used by `scripts/check-pcaps.sh` to compare against tshark.
//!
//! Arguments are parsed by hand (there are three); user mistakes print
//! `error: ...` and exit with status 2, never a panic.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use packet_engine::trace::Numbered;
use packet_engine::{EventKind, TraceEvent};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use packet_engine::{pcap, wire, RunOutcome, Scenario, SimTime, Simulation};

const USAGE: &str = "\
Usage: packet-lab-run SCENARIO.json [--out DIR]

Runs a Packet Lab scenario and prints each command's output (ping, traceroute)
to stdout. With --out DIR it also writes into DIR (created if missing):
  <link id>.pcap    every frame sent on that link, both directions, as a
                    classic pcap (LINKTYPE_ETHERNET, nanosecond timestamps
                    from simulated time); open it with Wireshark or tshark
  trace.json        the full trace: every event with its explanation, and
                    each frame's bytes (hex) and one-line summary
  <command>.txt     each command's output, named after its label with
                    characters other than letters, digits, '.' and '-'
                    replaced by '_' (\"pc1: ping -c 3 10.0.0.2\" becomes
                    pc1_ping_-c_3_10.0.0.2.txt)

Options:
  --out DIR    where to write the files above
  -h, --help   show this help

Exit status: 0 when the scenario ran (even if it ended in a broadcast storm,
which is reported on stderr), 2 for a bad command line, an unreadable file or
an invalid scenario (the message names the field at fault).
";

/// What the command line asked for.
struct Args {
    scenario: PathBuf,
    out: Option<PathBuf>,
}

/// A failure to report as `error: ...` with exit status 2.
struct Failure(String);

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Option<Args>, Failure> {
    let mut scenario = None;
    let mut out = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--out" | "-o" => match args.next() {
                Some(dir) => out = Some(PathBuf::from(dir)),
                None => return Err(Failure("--out needs a directory".into())),
            },
            _ if arg.starts_with("--out=") => out = Some(PathBuf::from(&arg["--out=".len()..])),
            _ if arg.starts_with('-') && arg.len() > 1 => {
                return Err(Failure(format!("unknown option {arg} (see --help)")))
            }
            _ if scenario.is_none() => scenario = Some(PathBuf::from(arg)),
            _ => {
                return Err(Failure(format!(
                    "unexpected argument {arg}: give one scenario file"
                )))
            }
        }
    }
    match scenario {
        Some(scenario) => Ok(Some(Args { scenario, out })),
        None => Err(Failure("no scenario file given (see --help)".into())),
    }
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(Failure(message)) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &Args) -> Result<(), Failure> {
    let path = &args.scenario;
    let text = fs::read_to_string(path)
        .map_err(|e| Failure(format!("cannot read {}: {e}", path.display())))?;
    // ScenarioError displays as "devices[2].interfaces[0].address: ...".
    let scenario = Scenario::from_json(&text).map_err(|e| Failure(e.to_string()))?;
    let topology = scenario.validate().map_err(|e| Failure(e.to_string()))?;
    let outcome = Simulation::from_topology(&topology).run();

    let labels: Vec<String> = topology.commands.iter().map(|c| c.label.clone()).collect();
    print_outputs(&labels, &outcome)
        .map_err(|e| Failure(format!("cannot write to stdout: {e}")))?;

    if let Some(dir) = &args.out {
        let written = write_files(dir, &scenario, &labels, &outcome)?;
        eprintln!(
            "packet-lab-run: {} events, {} frames sent; wrote {written} files to {}",
            outcome.events_processed,
            frame_count(&outcome),
            dir.display()
        );
    }
    report_stop(&outcome);
    Ok(())
}

/// Each command's output in schedule order, under a `== label ==` heading.
fn print_outputs(labels: &[String], outcome: &RunOutcome) -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    for (i, label) in labels.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(out, "== {label} ==")?;
        for line in outcome.outputs.get(label).into_iter().flatten() {
            writeln!(out, "{line}")?;
        }
    }
    out.flush()
}

fn report_stop(outcome: &RunOutcome) {
    use packet_engine::StopReason;
    match &outcome.stop {
        StopReason::Completed => {}
        StopReason::TimeLimit { at } => eprintln!("packet-lab-run: stopped at the time limit ({at})"),
        StopReason::EventBudget { events } => {
            eprintln!("packet-lab-run: stopped after the event budget of {events} events")
        }
        StopReason::WorkBudget { events, work } => eprintln!(
            "packet-lab-run: stopped at the work budget: {work} units of work (events scheduled, trace entries, frames handed to ports) in {events} events"
        ),
        StopReason::BroadcastStorm { links, devices } => eprintln!(
            "packet-lab-run: stopped: broadcast storm circulating on links [{}] through devices [{}]",
            links.join(", "),
            devices.join(", ")
        ),
    }
}

fn frame_count(outcome: &RunOutcome) -> usize {
    outcome
        .trace
        .events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::FrameSent { .. }))
        .count()
}

/// The frames sent on one link, with the time each started.
type Capture = Vec<(SimTime, packet_engine::trace::Frame)>;

/// Write pcaps, trace.json and the command outputs; returns how many files.
fn write_files(
    dir: &Path,
    scenario: &Scenario,
    labels: &[String],
    outcome: &RunOutcome,
) -> Result<usize, Failure> {
    let io_err =
        |what: &Path, e: io::Error| Failure(format!("cannot write {}: {e}", what.display()));
    fs::create_dir_all(dir).map_err(|e| io_err(dir, e))?;
    let mut names = FileNames::default();
    let mut written = 0;

    // One capture per link, including silent links (an empty capture says
    // "nothing crossed here", which is itself a finding).
    let mut per_link: BTreeMap<&str, Capture> = scenario
        .links
        .iter()
        .map(|l| (l.id.as_str(), Vec::new()))
        .collect();
    for event in &outcome.trace.events {
        if let EventKind::FrameSent { hop, bytes, .. } = &event.kind
        {
            // Stamped when the first bit leaves, as a capture on the sending
            // interface would stamp it.
            per_link
                .entry(hop.link.as_str())
                .or_default()
                .push((event.t_start(), bytes.clone()));
        }
    }
    for (link, frames) in &per_link {
        let path = dir.join(names.unique(link, "pcap"));
        let bytes = pcap::pcap_bytes(frames.iter().map(|(t, b)| (*t, &b[..])));
        fs::write(&path, bytes).map_err(|e| io_err(&path, e))?;
        written += 1;
    }

    let path = dir.join("trace.json");
    let file = fs::File::create(&path).map_err(|e| io_err(&path, e))?;
    let mut file = io::BufWriter::new(file);
    write_trace_json(&mut file, outcome)
        .and_then(|()| file.flush())
        .map_err(|e| io_err(&path, e))?;
    written += 1;

    for label in labels {
        let path = dir.join(names.unique(label, "txt"));
        let mut text = String::new();
        for line in outcome.outputs.get(label).into_iter().flatten() {
            text.push_str(line);
            text.push('\n');
        }
        fs::write(&path, text).map_err(|e| io_err(&path, e))?;
        written += 1;
    }
    Ok(written)
}

/// Writes the trace as JSON to `out`, one event at a time (issue 19: a
/// 2 M-event storm built as one `serde_json::Value` took 7.75 GB; streamed,
/// only one event's value is alive at once). Every event as the engine
/// serialises it, plus its explanation sentence, plus a Wireshark-style
/// summary for events with bytes; pretty-printed, keys in sorted order (as
/// `serde_json::Value` without `preserve_order` writes them), so the bytes
/// are those the former in-memory document gave.
fn write_trace_json(out: &mut impl Write, outcome: &RunOutcome) -> io::Result<()> {
    let mut ser = serde_json::Serializer::pretty(&mut *out);
    TraceDoc(outcome).serialize(&mut ser).map_err(io::Error::other)?;
    out.write_all(b"\n")
}

/// The document: `{"events": [...], "events_processed": n, "stop": {...}}`.
struct TraceDoc<'a>(&'a RunOutcome);

impl Serialize for TraceDoc<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let outcome = self.0;
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("events", &Events(&outcome.trace.events))?;
        map.serialize_entry("events_processed", &outcome.events_processed)?;
        // Through a Value, so its keys are sorted like the events' keys.
        let stop = serde_json::to_value(&outcome.stop).map_err(serde::ser::Error::custom)?;
        map.serialize_entry("stop", &stop)?;
        map.end()
    }
}

/// The events, each turned into its JSON value only when it is written.
struct Events<'a>(&'a [TraceEvent]);

impl Serialize for Events<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().enumerate().map(|(i, e)| EventJson(i, e)))
    }
}

/// One event with its explanation and summary.
struct EventJson<'a>(usize, &'a TraceEvent);

impl Serialize for EventJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        event_value(self.0, self.1).map_err(serde::ser::Error::custom)?.serialize(serializer)
    }
}

/// An event as a JSON value: the engine's serialisation, its `explanation`,
/// and for a frame its one-line `summary`.
fn event_value(index: usize, event: &TraceEvent) -> serde_json::Result<serde_json::Value> {
    let mut value = serde_json::to_value(Numbered::new(index, event))?;
    let bytes = match &event.kind {
        EventKind::FrameSent { bytes, .. }
        | EventKind::FrameReceived { bytes, .. }
        | EventKind::FrameDropped { bytes, .. } => Some(bytes),
        _ => None,
    };
    if let serde_json::Value::Object(map) = &mut value {
        if let Some(bytes) = bytes {
            map.insert("summary".into(), wire::summarize(bytes).into());
        }
        map.insert("explanation".into(), event.explain().into());
    }
    Ok(value)
}

/// Turns labels and link ids into distinct, portable file names.
#[derive(Default)]
struct FileNames {
    used: std::collections::BTreeSet<String>,
}

impl FileNames {
    fn unique(&mut self, label: &str, ext: &str) -> String {
        let stem = sanitize(label);
        let mut name = format!("{stem}.{ext}");
        let mut n = 2;
        while !self.used.insert(name.clone()) || name == "trace.json" {
            name = format!("{stem}-{n}.{ext}");
            n += 1;
        }
        name
    }
}

/// Letters, digits, '.' and '-' are kept; every other run of characters
/// becomes one '_'. Never empty, never a hidden file.
fn sanitize(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    for c in label.chars() {
        if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
            out.push(c);
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    let trimmed = out.trim_matches(|c| c == '_' || c == '.');
    if trimmed.is_empty() {
        "unnamed".into()
    } else {
        trimmed.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The former `trace_json`, which built the whole document in memory:
    /// the reference the streamed file must equal byte for byte.
    fn trace_json_in_memory(outcome: &RunOutcome) -> Vec<u8> {
        let events: Vec<serde_json::Value> =
            outcome.trace.events.iter().enumerate().map(|(i, e)| event_value(i, e).unwrap()).collect();
        let doc = serde_json::json!({
            "stop": outcome.stop,
            "events_processed": outcome.events_processed,
            "events": events,
        });
        let mut out = serde_json::to_vec_pretty(&doc).unwrap();
        out.push(b'\n');
        out
    }

    #[test]
    fn the_streamed_trace_is_byte_identical_to_the_document() {
        for (name, scenario) in packet_engine::examples::all() {
            let outcome = Simulation::new(&scenario).unwrap().run();
            let mut streamed = Vec::new();
            write_trace_json(&mut streamed, &outcome).unwrap();
            assert!(streamed == trace_json_in_memory(&outcome), "{name}: trace.json differs");
        }
    }

    #[test]
    fn sanitizes_labels_into_file_names() {
        assert_eq!(
            sanitize("pc1: ping -c 3 10.10.10.100"),
            "pc1_ping_-c_3_10.10.10.100"
        );
        assert_eq!(sanitize("../../etc/passwd"), "etc_passwd");
        assert_eq!(sanitize("   "), "unnamed");
        let mut names = FileNames::default();
        assert_eq!(names.unique("a b", "txt"), "a_b.txt");
        assert_eq!(names.unique("a/b", "txt"), "a_b-2.txt");
        assert_eq!(names.unique("trace", "json"), "trace-2.json");
    }

    #[test]
    fn parses_arguments() {
        let args = |v: &[&str]| parse_args(v.iter().map(|s| s.to_string()));
        let a = args(&["lab.json", "--out", "dir"]).ok().flatten().unwrap();
        assert_eq!(
            (a.scenario, a.out),
            (PathBuf::from("lab.json"), Some(PathBuf::from("dir")))
        );
        assert!(args(&["--help"]).ok().unwrap().is_none());
        assert_eq!(
            args(&["lab.json", "--out"]).err().unwrap().0,
            "--out needs a directory"
        );
        assert_eq!(
            args(&[]).err().unwrap().0,
            "no scenario file given (see --help)"
        );
        assert!(args(&["a.json", "b.json"]).is_err());
    }
}
