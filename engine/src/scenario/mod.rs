//! The lab: its text form, its validation, and the typed [`Topology`] that
//! validation returns.
//!
//! - `text.rs`: [`Scenario`], the serde text form (what the JSON looks like and
//!   what the editor edits; addresses stay text so a half-typed one survives);
//! - `validate.rs`: [`Scenario::validate`], the one reading of that text;
//! - `topology.rs`: [`Topology`], the facts everything downstream reads;
//! - `address.rs`, `command.rs`, `config.rs`: the readers of addresses and command lines;
//! - `error.rs`: [`ScenarioError`] with its field path, message and [`ErrorKind`];
//! - `json.rs`: reading a file, naming the field at fault;
//! - `limits.rs`: the documented limits on a lab's numbers and size.
//!
//! This folder is the only place in the engine that turns text into addresses,
//! prefixes, MACs or commands.

mod address;
mod command;
mod config;
mod error;
pub mod ipv6;
mod json;
pub mod limits;
mod services;
mod text;
mod topology;
pub(crate) mod validate;

pub use address::{parse_interface_address, parse_ipv4, parse_prefix};
pub use command::{parse_url, Command, ConfigCommand, PingBind, PingOpts, TraceOpts, Url, PING_MAX_SIZE};
pub use error::{ErrorKind, ScenarioError};
pub(crate) use error::kind_word;
pub(crate) use json::parse_json;
pub use text::{
    device_port_names, CommandSpec, DeviceKind, DeviceSpec, Endpoint, InterfaceSpec, LinkSpec,
    Options, PortVlanSpec, RouteSpec, Route6Spec, RaSpec, Scenario, ServicesSpec, DhcpServiceSpec, DnsServiceSpec, DnsRecordSpec, WebServiceSpec, is_dhcp, DEFAULT_BANDWIDTH_MBPS, DEFAULT_DELAY_US,
};
pub use topology::{
    Device, Ipv6Config, RaConfig, Route6, DhcpService, PortVlan, VlanOf, DnsService, DnsRecord, DnsRecordData, Interface, Link, PortEnd, Route, RunOptions, ScheduledCommand, Topology, WebService,
};
