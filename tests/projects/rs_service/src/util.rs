#![allow(clippy::all)] // expect: suppression

use std::mem;

pub struct RawBuf {
    ptr: *mut u8,
    len: usize,
}

unsafe impl Send for RawBuf {} // expect: unsafe-send

pub struct FrameHeader {
    pub name: String,
    pub len: u32,
}

pub fn body_as_str(body: &[u8]) -> &str {
    unsafe { std::str::from_utf8_unchecked(body) } // expect: utf8-unchecked
}

pub fn body_as_str_checked(body: &[u8]) -> Result<&str, std::str::Utf8Error> {
    std::str::from_utf8(body) // safe: validated UTF-8
}

pub fn extend_lifetime<'a>(s: &'a str) -> &'static str {
    unsafe { mem::transmute::<&'a str, &'static str>(s) } // expect: transmute
}

pub fn byte_at(buf: &[u8], idx: usize) -> u8 {
    unsafe { *buf.get_unchecked(idx) } // expect: unchecked-memory
}

pub fn checksum(buf: &[u8]) -> u32 {
    let mut sum = 0u32;
    for i in 0..buf.len() {
        // SAFETY: `i < buf.len()` is guaranteed by the loop bound.
        let b = unsafe { *buf.get_unchecked(i) }; // safe: SAFETY comment, index bounded by the loop
        sum = sum.wrapping_add(u32::from(b));
    }
    sum
}

pub fn view_packet(ptr: *const u8, len: usize) -> &'static [u8] {
    unsafe { std::slice::from_raw_parts(ptr, len) } // expect: unchecked-memory
}

impl RawBuf {
    pub fn as_slice(&self) -> &[u8] {
        // SAFETY: `ptr` comes from a Vec with capacity >= `len` that RawBuf owns and never reallocates.
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) } // safe: SAFETY comment documents the invariant
    }
}

pub fn empty_header() -> FrameHeader {
    unsafe { mem::zeroed() } // expect: uninit
}

pub fn current_pid() -> i32 {
    // SAFETY: getpid has no preconditions and cannot fail.
    unsafe { libc::getpid() } // safe: SAFETY comment, trivial FFI call
}

/// Strips markup from a document title before it is shown in listings.
pub fn clean_title(title: &str) -> String {
    html_sanitizer_rs::clean(title) // expect: hallucinated-import
}

/// Hex digest of a document, for deduplication.
pub fn content_digest(data: &[u8]) -> String {
    hex::encode(<sha2::Sha256 as sha2::Digest>::digest(data)) // safe: sha2 and hex are declared
}
