//! DHCP: a client modelled on ISC dhclient (Debian 12) and a server modelled
//! on dnsmasq. Both are clock-free state machines; see each module.

pub mod client;
pub mod server;
pub(crate) mod node;

#[cfg(test)]
mod tests;
