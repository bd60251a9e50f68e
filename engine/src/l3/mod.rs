//! Network layer (layer 3) pieces that are pure functions of packets and time.
//! (If another branch also adds this file, merge the module lists.)

pub mod nat;
