//! Times and stop reasons as the status line writes them.

use super::*;

/// Formats simulated ns as seconds with µs: "1.000 012 s".
pub fn format_time(ns: u64) -> String {
    let us = ns / 1_000;
    format!("{}.{:03} {:03} s", us / 1_000_000, (us / 1_000) % 1_000, us % 1_000)
}

/// How the run ended, for the status line.
pub fn stop_text(stop: &StopReason) -> String {
    match stop {
        StopReason::Completed => "run complete".into(),
        StopReason::TimeLimit { at } => format!("stopped at the time limit ({at})"),
        StopReason::EventBudget { events } => format!("stopped after {events} events (budget)"),
        StopReason::BroadcastStorm { devices, .. } => format!("broadcast storm through {}", devices.join(", ")),
    }
}
