//! The headless runner as a user meets it: files written, stdout, exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn runner(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_packet-lab-run"))
        .args(args)
        .output()
        .expect("the runner starts")
}

fn repo_file(rel: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(rel)
        .display()
        .to_string()
}

/// A fresh directory under the system temp dir, unique to this test.
fn out_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("packet-lab-run-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Frames in a classic pcap: walk the 16-byte record headers after the 24-byte header.
fn pcap_frames(bytes: &[u8]) -> Vec<&[u8]> {
    assert_eq!(
        &bytes[..4],
        &[0x4d, 0x3c, 0xb2, 0xa1],
        "nanosecond little-endian pcap"
    );
    let mut frames = Vec::new();
    let mut at = 24;
    while at < bytes.len() {
        let incl = u32::from_le_bytes(bytes[at + 8..at + 12].try_into().unwrap()) as usize;
        frames.push(&bytes[at + 16..at + 16 + incl]);
        at += 16 + incl;
    }
    frames
}

#[test]
fn runs_a_scenario_and_writes_pcaps_trace_and_outputs() {
    let dir = out_dir("same-network");
    let out = runner(&[
        &repo_file("scenarios/same-network.json"),
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("== pc1: ping -c 3 10.10.10.100 ==\nPING 10.10.10.100"),
        "{stdout}"
    );
    assert!(
        stdout.contains("3 packets transmitted, 3 received, 0% packet loss"),
        "{stdout}"
    );

    let trace: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("trace.json")).unwrap()).unwrap();
    let events = trace["events"].as_array().unwrap();
    let sent: Vec<&serde_json::Value> =
        events.iter().filter(|e| e["type"] == "FrameSent").collect();
    assert!(!sent.is_empty());
    // Every frame carries its summary; the first is the ARP request.
    assert_eq!(sent[0]["summary"], "Who has 10.10.10.100? Tell 10.10.10.1");
    assert!(events.iter().all(|e| e["explanation"].is_string()));

    // Each link's pcap holds exactly that link's frames, in trace order.
    let mut total = 0;
    for link in ["pc1-sw1", "pc2-sw1"] {
        let pcap = std::fs::read(dir.join(format!("{link}.pcap"))).unwrap();
        let frames = pcap_frames(&pcap);
        let expected: Vec<&serde_json::Value> =
            sent.iter().copied().filter(|e| e["link"] == link).collect();
        assert_eq!(frames.len(), expected.len(), "{link}");
        for (frame, event) in frames.iter().zip(&expected) {
            let hex: String = frame.iter().map(|b| format!("{b:02x}")).collect();
            assert_eq!(event["bytes"], hex.as_str());
        }
        total += frames.len();
    }
    assert_eq!(total, sent.len());

    let txt = std::fs::read_to_string(dir.join("pc1_ping_-c_3_10.10.10.100.txt")).unwrap();
    assert!(stdout.contains(&txt), "the .txt file is the printed output");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn invalid_scenarios_exit_2_with_the_field_named() {
    let dir = out_dir("bad");
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        r#"{"devices":[{"id":"a","kind":"host","interfaces":[{"name":"eth0","address":"10.0.0.300/24"}]}]}"#,
    )
    .unwrap();
    let out = runner(&[bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: devices[0].interfaces[0].address: 10.0.0.300/24 is not an IPv4 address\n"
    );

    let out = runner(&[dir.join("missing.json").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("error: cannot read "));

    let out = runner(&["--bogus"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: unknown option --bogus (see --help)\n"
    );

    let out = runner(&["--help"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("Usage: packet-lab-run SCENARIO.json"));
    let _ = std::fs::remove_dir_all(&dir);
}
