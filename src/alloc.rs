//! The wasm build's global allocator: std's own (dlmalloc), with every entry point behind a
//! call LLVM may not inline.
//!
//! Why: with fat LTO, once the allocator shim is inlined, LLVM may fold dlmalloc's read of a
//! chunk header (just below a pointer `__rust_alloc_zeroed` returned) to 0, and `free` then
//! traps in `validate_size`. It crashed the engine at opt-level 2 and 3 and works at "z" only
//! because the inliner happens not to line the two up. The reproduction, the bisection and the
//! upstream changes involved are in docs/wasm-opt-level-crash.md.
//!
//! The engine worker's module (engine-worker/, built at opt-level 3) includes this same file
//! through a `#[path]` module: there the allocator is what keeps the engine from the trap.

use std::alloc::{GlobalAlloc, Layout, System};

/// `System`, reached only through calls that are never inlined.
pub struct Opaque;

// SAFETY: every method forwards its arguments unchanged to `System`, which upholds
// `GlobalAlloc`'s contract.
unsafe impl GlobalAlloc for Opaque {
    #[inline(never)]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        System.alloc(layout)
    }
    #[inline(never)]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        System.alloc_zeroed(layout)
    }
    #[inline(never)]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout)
    }
    #[inline(never)]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static ALLOC: Opaque = Opaque;
