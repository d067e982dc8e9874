//! `ark_guest`: guest protocol v1 (docs/guest-protocol.md) for compiled conformance fixtures.
//!
//! A fixture written in Rust links this crate and defines only `conformance_step`, the game's frame
//! function. The crate supplies what every guest needs and what rustc must lay out itself (not a
//! hand-written memory map): the protocol exports, the Params block, the Journal and its records, and
//! canary windows around output slots. `ffi` is generated from the ABI manifest
//! (`ark-conformance manifest --rust`), so the imports are declared exactly as the suite judges them.
#![no_std]

pub mod ffi;

pub use ffi::*;

use core::mem::{align_of, size_of, MaybeUninit};
use core::ptr::{addr_of, addr_of_mut};

/// The protocol version this crate speaks (guest-protocol.md §1).
pub const PROTOCOL_VERSION: i32 = 1;
/// Journal capacity in records (the runner reads at most 1024).
pub const JOURNAL_CAPACITY: usize = 128;
/// The canary byte around every output slot (guest-protocol.md §3).
pub const CANARY: u8 = 0xA5;
/// Canary bytes on each side of a slot: 8, so that the slot is aligned for every ABI type.
pub const CANARY_LEN: usize = 8;

/// Params (guest-protocol.md §2), written by the runner before the first step.
#[repr(C)]
pub struct Params {
    pub version: u32,
    pub hive_port: u32,
    pub hive_host_len: u32,
    pub hive_host: [u8; 116],
    pub case_seed: u32,
    pub reserved: [u8; 124],
}

/// One journal record (guest-protocol.md §3): "check `check_id` returned `code` and gave me these bytes".
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Record {
    pub check_id: u32,
    pub code: u32,
    pub data_ptr: *const u8,
    pub data_len: usize,
}

/// The Journal: a count, then the records.
#[repr(C)]
pub struct Journal {
    pub count: u32,
    pub records: [Record; JOURNAL_CAPACITY],
}

// The protocol's offsets, checked by the compiler rather than trusted.
const _: () = assert!(size_of::<Params>() == 256);
const _: () = assert!(size_of::<Record>() == 16);
const _: () = assert!(size_of::<Journal>() == 4 + 16 * JOURNAL_CAPACITY);

const EMPTY: Record = Record { check_id: 0, code: 0, data_ptr: core::ptr::null(), data_len: 0 };
static mut PARAMS: Params =
    Params { version: 0, hive_port: 0, hive_host_len: 0, hive_host: [0; 116], case_seed: 0, reserved: [0; 124] };
static mut JOURNAL: Journal = Journal { count: 0, records: [EMPTY; JOURNAL_CAPACITY] };

#[no_mangle]
pub extern "C" fn conformance_protocol() -> i32 {
    PROTOCOL_VERSION
}

#[no_mangle]
pub extern "C" fn conformance_params() -> *mut Params {
    unsafe { addr_of_mut!(PARAMS) }
}

#[no_mangle]
pub extern "C" fn conformance_journal() -> *mut Journal {
    unsafe { addr_of_mut!(JOURNAL) }
}

/// A trap: the runner reports a panicking guest as `crash`, which is what a broken fixture is.
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}

/// The hive address the runner wrote into Params, as `(hive_url_ptr, hive_url_len, hive_port)`.
pub fn hive() -> (*const u8, u32, u32) {
    unsafe {
        let p = &*addr_of!(PARAMS);
        let len = if (p.hive_host_len as usize) <= p.hive_host.len() { p.hive_host_len } else { 0 };
        (p.hive_host.as_ptr(), len, p.hive_port)
    }
}

/// A `&str` argument lowered as the ABI passes it: `(ptr, len in bytes)`.
pub fn s(text: &'static str) -> (*const u8, u32) {
    (text.as_ptr(), text.len() as u32)
}

/// Append a journal record; `data` must stay unchanged until the case ends (hence `'static`).
pub fn record(check_id: u32, code: ErrorCode, data: &'static [u8]) {
    unsafe {
        let j = &mut *addr_of_mut!(JOURNAL);
        let i = j.count as usize;
        if i >= JOURNAL_CAPACITY {
            panic!("journal full");
        }
        j.records[i] = Record { check_id, code: code.0, data_ptr: data.as_ptr(), data_len: data.len() };
        j.count += 1;
    }
}

/// A record with no bytes: only the code is judged.
pub fn check(check_id: u32, code: ErrorCode) {
    record(check_id, code, &[]);
}

/// An output slot for a `T` with `CANARY_LEN` canary bytes on each side, laid out by rustc.
///
/// The whole window (canary + slot + canary) is what a check records, so the expectation can pin that
/// the host wrote exactly `size_of::<T>()` bytes (`abi/memory/write-exactly-sizeof`).
#[repr(C)]
pub struct Window<T: Copy> {
    pub pre: [u8; CANARY_LEN],
    pub slot: MaybeUninit<T>,
    pub post: [u8; CANARY_LEN],
}

impl<T: Copy> Window<T> {
    /// The out-pointer to pass to an import.
    pub fn slot(&mut self) -> *mut T {
        self.slot.as_mut_ptr()
    }

    /// The slot's value, read after the import returned Success.
    pub fn value(&self) -> T {
        unsafe { self.slot.as_ptr().read() }
    }

    /// The slot's bytes, for a host-written value whose bit pattern is not a valid `T` (a `bool` of 2).
    pub fn slot_bytes(&self) -> &'static [u8] {
        unsafe { core::slice::from_raw_parts(self.slot.as_ptr() as *const u8, size_of::<T>()) }
    }

    /// The whole window, to record.
    pub fn bytes(&self) -> &'static [u8] {
        unsafe { core::slice::from_raw_parts(self as *const Self as *const u8, size_of::<Self>()) }
    }
}

#[repr(C, align(8))]
struct Arena([u8; 8192]);
static mut ARENA: Arena = Arena([0; 8192]);
static mut ARENA_USED: usize = 0;

/// A fresh canary window, never handed out before: a recorded window stays unchanged until the end.
pub fn window<T: Copy>() -> &'static mut Window<T> {
    unsafe {
        let size = size_of::<Window<T>>();
        let start = (ARENA_USED + 7) & !7;
        if align_of::<Window<T>>() > 8 || start + size > size_of::<Arena>() {
            panic!("canary arena full");
        }
        ARENA_USED = start + size;
        let at = (addr_of_mut!(ARENA) as *mut u8).add(start);
        core::ptr::write_bytes(at, CANARY, size);
        &mut *(at as *mut Window<T>)
    }
}

/// A byte buffer of `len` bytes from the same arena (e.g. for `take_future_vec_u8`), canary-filled.
pub fn buffer(len: usize) -> &'static mut [u8] {
    unsafe {
        let start = ARENA_USED;
        if start + len > size_of::<Arena>() {
            panic!("canary arena full");
        }
        ARENA_USED = start + len;
        let at = (addr_of_mut!(ARENA) as *mut u8).add(start);
        core::ptr::write_bytes(at, CANARY, len);
        core::slice::from_raw_parts_mut(at, len)
    }
}

/// How a future stands after one poll.
pub enum Poll {
    Pending,
    Ready,
    /// The poll itself returned this code.
    Failed(ErrorCode),
}

static mut POLL_SIMPLE: MaybeUninit<PollSimple> = MaybeUninit::uninit();
static mut POLL_VEC: MaybeUninit<PollVec> = MaybeUninit::uninit();

fn simple(code: ErrorCode, ready: u8) -> Poll {
    match (code, ready) {
        (ErrorCode::Success, 0) => Poll::Pending,
        (ErrorCode::Success, _) => Poll::Ready,
        (code, _) => Poll::Failed(code),
    }
}

/// Poll a TrainingHandle future into a scratch slot (a game polls once per frame).
pub fn poll_training_handle(handle: FutureHandle) -> Poll {
    unsafe {
        let out = addr_of_mut!(POLL_SIMPLE) as *mut PollSimple;
        let code = ml__poll_future_training_handle(handle, out);
        simple(code, *(out as *const u8))
    }
}

/// Poll an ArkExperimentConfig future into a scratch slot.
pub fn poll_ark_experiment_config(handle: FutureHandle) -> Poll {
    unsafe {
        let out = addr_of_mut!(POLL_SIMPLE) as *mut PollSimple;
        let code = ml__poll_future_ark_experiment_config(handle, out);
        simple(code, *(out as *const u8))
    }
}

/// Poll a `Vec<u8>` future into a scratch slot; `Ready` carries no length (read it with a recorded poll).
pub fn poll_vec_u8(handle: FutureHandle) -> Poll {
    unsafe {
        let out = addr_of_mut!(POLL_VEC) as *mut PollVec;
        let code = ml__poll_future_vec_u8(handle, out);
        simple(code, *(out as *const u8))
    }
}
