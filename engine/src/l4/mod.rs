//! Transport layer (layer 4) of a host: UDP and TCP sockets.

pub mod tcp;
pub mod udp;
