//! DNS: glibc's stub resolver (and the query patterns of getaddrinfo, `host`,
//! `dig` and `getent hosts`), an authoritative/forwarding server modelled on
//! dnsmasq, and the text those commands print.

pub mod output;
pub mod resolver;
pub mod server;
pub(crate) mod node;

#[cfg(test)]
mod tests;
