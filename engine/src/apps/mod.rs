//! Programs that run on simulated hosts, as pure state machines: they take
//! `now` and received messages, and return messages to send and when they next
//! want to be woken. Devices own them and carry their packets.

pub mod dhcp;
pub mod dns;
pub mod http;
