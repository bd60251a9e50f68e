//! Transport layer (layer 4) of a host: UDP sockets.

pub mod udp;
