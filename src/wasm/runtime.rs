//! What std gives a wasm module and the no_std build provides itself: a panic handler that traps, and the allocator.
//!
//! No input reaches a panic (the crate has no `unwrap`, `expect` or indexing on input paths);
//! should one happen anyway, the call traps, and JS sees a `RuntimeError` — without the panic
//! machinery and `core::fmt` that formatting its message would link in.

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}

/// A small free-list allocator (lol_alloc): the module allocates little, and reuses its
/// buffers between calls.
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());
