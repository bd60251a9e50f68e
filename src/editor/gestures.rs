//! Pointer gestures on the canvas: press, move, release and cancel, turned into selection,
//! moves, pans, rubber bands and cables.

use super::*;

impl Editor {
    pub(super) fn pointer_down(&mut self, target: Target, pointer: Pointer) -> Effect {
        let at = client_to_svg(pointer.client, pointer.rect, self.view);
        self.gesture = None;
        match (self.mode, target) {
            (Mode::Link, Target::Device(d)) if d < self.scenario.devices.len() => {
                if let Some(from) = self.link_from.take() {
                    if from != d {
                        return self.connect(from, d);
                    }
                }
                self.gesture = Some(Gesture::Link { from: d, to: at });
            }
            (Mode::Select, Target::Device(d)) if d < self.scenario.devices.len() => {
                self.selected_links.clear();
                if pointer.shift {
                    match self.selected.binary_search(&d) {
                        Ok(k) => {
                            self.selected.remove(k);
                            return Effect::ViewOnly;
                        }
                        Err(k) => self.selected.insert(k, d),
                    }
                } else if !self.selected.contains(&d) {
                    self.selected = vec![d];
                }
                let all = positions(&self.scenario);
                let origins = self.selected.iter().map(|&i| (i, all[i])).collect();
                self.gesture = Some(Gesture::Move {
                    device: d,
                    start: pointer.client,
                    origins,
                    before: self.scenario.clone(),
                    moved: false,
                });
            }
            (_, Target::Link(l)) if l < self.scenario.links.len() => {
                self.link_from = None;
                if pointer.shift {
                    match self.selected_links.binary_search(&l) {
                        Ok(k) => {
                            self.selected_links.remove(k);
                        }
                        Err(k) => self.selected_links.insert(k, l),
                    }
                } else {
                    self.selected = Vec::new();
                    self.selected_links = vec![l];
                }
            }
            (_, Target::Background) if pointer.shift => {
                self.gesture = Some(Gesture::Band { from: at, to: at });
            }
            (_, Target::Background) => {
                self.gesture = Some(Gesture::Pan { start: pointer.client, view: self.view, rect: pointer.rect, moved: false });
            }
            _ => {}
        }
        Effect::ViewOnly
    }

    pub(super) fn pointer_move(&mut self, pointer: Pointer) -> Effect {
        let at = client_to_svg(pointer.client, pointer.rect, self.view);
        let view = self.view;
        match &mut self.gesture {
            Some(Gesture::Move { start, origins, moved, .. }) => {
                if !*moved && start.distance(pointer.client) < CLICK_SLOP_PX {
                    return Effect::ViewOnly;
                }
                *moved = true;
                let scale = meet_scale(pointer.rect, view);
                let (dx, dy) = ((pointer.client.x - start.x) / scale, (pointer.client.y - start.y) / scale);
                let mut s = (*self.scenario).clone();
                for &(i, p) in origins.iter() {
                    if let Some(dev) = s.devices.get_mut(i) {
                        dev.position = Some([snap(p.x + dx), snap(p.y + dy)]);
                    }
                }
                if s == *self.scenario {
                    return Effect::ViewOnly;
                }
                // No history entry per step: the whole drag is one edit, pushed when it ends.
                self.scenario = Rc::new(s);
                Effect::LayoutOnly
            }
            Some(Gesture::Pan { start, view: start_view, rect, moved }) => {
                if !*moved && start.distance(pointer.client) < CLICK_SLOP_PX {
                    return Effect::ViewOnly;
                }
                *moved = true;
                let scale = meet_scale(*rect, *start_view);
                self.view = ViewBox {
                    x: start_view.x - (pointer.client.x - start.x) / scale,
                    y: start_view.y - (pointer.client.y - start.y) / scale,
                    ..*start_view
                };
                Effect::ViewOnly
            }
            Some(Gesture::Band { to, .. }) | Some(Gesture::Link { to, .. }) => {
                *to = at;
                Effect::ViewOnly
            }
            None => Effect::ViewOnly,
        }
    }

    pub(super) fn pointer_up(&mut self, pointer: Pointer) -> Effect {
        let at = client_to_svg(pointer.client, pointer.rect, self.view);
        match self.gesture.take() {
            Some(Gesture::Move { device, before, moved, .. }) => {
                if moved {
                    if *before != *self.scenario {
                        // The drag is one undoable edit.
                        self.push_history(before);
                    }
                    Effect::ViewOnly
                } else {
                    if !pointer.shift {
                        self.selected = vec![device];
                    }
                    Effect::ViewOnly
                }
            }
            Some(Gesture::Pan { moved, .. }) => {
                if !moved {
                    self.selected.clear();
                    self.selected_links.clear();
                }
                Effect::ViewOnly
            }
            Some(Gesture::Band { from, .. }) => {
                let inside = positions(&self.scenario)
                    .into_iter()
                    .enumerate()
                    .filter(|(_, p)| in_band(*p, from, at))
                    .map(|(i, _)| i);
                let mut selected = self.selected.clone();
                selected.extend(inside);
                selected.sort_unstable();
                selected.dedup();
                self.selected = selected;
                Effect::ViewOnly
            }
            Some(Gesture::Link { from, .. }) => {
                match nearest_within(&positions(&self.scenario), at, HIT_RADIUS) {
                    Some(to) if to != from => self.connect(from, to),
                    // Released on the device it started from: a click; the next click on
                    // another device completes the link.
                    _ => {
                        self.link_from = Some(from);
                        Effect::ViewOnly
                    }
                }
            }
            None => Effect::ViewOnly,
        }
    }

    pub(super) fn pointer_cancel(&mut self) -> Effect {
        match self.gesture.take() {
            Some(Gesture::Move { before, moved: true, .. }) => {
                // The drag was interrupted: put the devices back.
                self.scenario = before;
                Effect::LayoutOnly
            }
            Some(Gesture::Pan { view, .. }) => {
                self.view = view;
                Effect::ViewOnly
            }
            _ => Effect::ViewOnly,
        }
    }
}
