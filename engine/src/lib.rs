//! Packet Lab's packet engine: a deterministic discrete-event simulation of
//! Ethernet, ARP, IPv4 and ICMP on hosts, hubs, switches and routers.
//!
//! Pure Rust with no web dependency: it builds and is tested natively, and the
//! web app drives it and animates its typed trace.
//!
//! ```
//! use packet_engine::{Scenario, Simulation};
//! let (_, scenario) = packet_engine::examples::all().into_iter().next().unwrap();
//! let outcome = Simulation::new(&scenario).unwrap().run();
//! assert!(!outcome.trace.events.is_empty());
//! ```

pub mod apps;
pub mod codec;
pub mod diagnose;
pub mod examples;
pub mod exercise;
pub mod explain;
pub mod frames;
pub mod frames6;
pub(crate) mod l2;
pub mod l3;
pub mod l4;
pub mod mac;
pub mod msg;
pub mod neighbor;
pub mod pcap;
pub mod rng;
pub mod scenario;
pub mod sim;
pub(crate) mod small_sort;
pub mod time;
pub mod vec_map;
pub mod trace;
pub mod wire;

/// This crate's version (its manifest's), which the app's status bar names.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

pub use mac::MacAddr;
pub use scenario::{Scenario, ScenarioError};
pub use sim::{Progress, RunOutcome, Simulation, StopReason};
pub use time::SimTime;
pub use vec_map::{VecMap, VecSet};
pub use trace::{EventKind, Name, NetworkState, PortRef, StateIndex, Trace, TraceEvent};
