//! A hub: a repeater that sends every frame out of every other port at once.
//! It does not learn, so every device on it hears everything.

use super::flood::flood;
use super::mac_at;
use crate::mac::MacAddr;
use crate::sim::ctx::Ctx;
use crate::sim::device::{Device, Timer};
use crate::sim::Frame;
use crate::trace::ForwardReason;

pub(crate) struct Hub {
    /// Global port indices, in port order.
    ports: Vec<u32>,
}

impl Hub {
    pub(crate) fn new(ports: Vec<u32>) -> Hub {
        Hub { ports }
    }
}

impl Device for Hub {
    fn on_frame(&mut self, ctx: &mut Ctx, in_port: u32, frame: Frame) {
        let in_at = ctx.port_ref(self.ports[in_port as usize]);
        let dst = mac_at(&frame, 0).unwrap_or(MacAddr::ZERO);
        let now = ctx.now;
        flood(
            ctx,
            &self.ports,
            &|_| Some(frame.clone()),
            in_port,
            in_at,
            dst,
            ForwardReason::Hub,
            now,
        );
    }

    fn on_timer(&mut self, _ctx: &mut Ctx, _timer: Timer) {}
}
