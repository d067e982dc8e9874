'use strict';
// Guest linear memory as the imports see it: unsigned pointers, bounds checks before any access,
// and the memory's buffer looked up again at every access (memory.grow replaces the ArrayBuffer:
// clause abi/memory/no-cached-base).

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Test hook (tests/examples): ARK_NODE_HOST_MUTANT breaks this host on purpose, to show the corpus
 * catches it. `write-one-byte-too-many`: every out-write is one byte longer. `signed-pointers`:
 * pointers and lengths are used as Wasm hands them to JS, signed.
 */
const MUTANT = process.env.ARK_NODE_HOST_MUTANT || '';
const EXTRA_BYTE = MUTANT === 'write-one-byte-too-many';

/**
 * An i32 pointer, length or u32 as the guest meant it: unsigned (abi/pointers/unsigned). Wasm i32
 * values reach a JS import as signed Numbers: 0xFFFF_FFFF arrives as -1.
 */
const u32 = MUTANT === 'signed-pointers' ? (value) => value : (value) => value >>> 0;

/** An i64 handle as the guest meant it: unsigned u64, as a BigInt (Wasm i64 reaches JS as a signed BigInt). */
const u64 = (value) => BigInt.asUintN(64, BigInt(value));

class GuestMemory {
  constructor() {
    /** @type {WebAssembly.Memory | null} set once the instance exists */
    this.memory = null;
  }

  /** Current size in bytes (0 before the instance exported its memory). */
  size() {
    return this.memory === null ? 0 : this.memory.buffer.byteLength;
  }

  /**
   * Is [ptr, ptr + len) inside memory? ptr and len are unsigned Numbers below 2^32, so their sum is
   * exact in a double: no wrap-around (abi/pointers/bounds-checked).
   */
  inBounds(ptr, len) {
    return ptr + len <= this.size();
  }

  /** A copy of len bytes at ptr, or null when out of bounds. A zero-length range is never read. */
  readBytes(ptr, len) {
    if (len === 0) return new Uint8Array(0);
    if (!this.inBounds(ptr, len)) return null;
    return new Uint8Array(this.memory.buffer, ptr, len).slice();
  }

  /**
   * A &str argument: the UTF-8 text at (ptr, len), or null when out of bounds or not UTF-8
   * (abi/strings/utf8). An empty string is accepted at any pointer (abi/strings/empty-rust-style).
   */
  readStr(ptr, len) {
    const bytes = this.readBytes(ptr, len);
    if (bytes === null) return null;
    try {
      return UTF8.decode(bytes);
    } catch {
      return null;
    }
  }

  /** Write bytes at ptr; false (and nothing written) when out of bounds. */
  write(ptr, bytes) {
    if (!this.inBounds(ptr, bytes.length)) return false;
    const view = new Uint8Array(this.memory.buffer);
    view.set(bytes, ptr);
    if (EXTRA_BYTE && ptr + bytes.length < view.length) view[ptr + bytes.length] = 0;
    return true;
  }
}

/** Little-endian encoders for the ABI's out types. */
function u64le(value) {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt.asUintN(64, value), true);
  return out;
}

function u32pair(first, second) {
  const out = new Uint8Array(8);
  const view = new DataView(out.buffer);
  view.setUint32(0, first, true);
  view.setUint32(4, second, true);
  return out;
}

module.exports = { GuestMemory, u32, u64, u64le, u32pair };
