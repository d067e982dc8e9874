;;@ id = "download_snapshot_from_registry.at-download-cap"
;;@ title = "A snapshot of exactly 16 MiB (the download cap) is not over it: the future becomes ready with len 16 MiB"
;;@ profile = "extended"
;;@ features = ["registry"]
;;@ scenario = "cap-size-snapshot"
;;@ clauses = ["ml-v2/download_snapshot_from_registry/hive-request", "futures/failed", "ml-v2/download_snapshot_from_registry/returns-bytes"]
;;@ notes = "Assumes the manifest's default cap (limits.max_download_bytes = 16 MiB): the hive serves exactly 16 MiB, which a host must still accept (the cap is inclusive). A host with a smaller cap declares this fixture an expected fail in its expectations file, with its cap as the reason."
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__download_snapshot_from_registry"
;;@ clause = "ml-v2/download_snapshot_from_registry/returns-bytes"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 ???????????????? a5a5a5a5"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__poll_future_vec_u8"
;;@ clause = "ml-v2/download_snapshot_from_registry/returns-bytes"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 01000000 00000001 a5a5a5a5"
;;@
;;@ [[hive]]
;;@ route = "registry_snapshot"
;;@ count = 1
(module
  (import "ark-ml-v2" "ml__download_snapshot_from_registry" (func $ml__download_snapshot_from_registry (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_vec_u8" (func $ml__poll_future_vec_u8 (param i64 i32) (result i32)))
  ;; ---- prelude (guest protocol v1; identical in every fixture, see fixtures_wat/README.md) ----
  (memory (export "memory") 1)
  (global $phase (mut i32) (i32.const 0))
  (global $fut (mut i64) (i64.const 0))
  (global $fut2 (mut i64) (i64.const 0))
  (global $th (mut i64) (i64.const 0))
  (global $n (mut i32) (i32.const 0))
  (data (i32.const 0x1000) "pong")
  (data (i32.const 0x1008) "exp-1")
  (data (i32.const 0x1010) "{\"lr\":0.5}")
  (data (i32.const 0x1020) "run-1")
  (data (i32.const 0x1028) "bafy-worker-1")
  (data (i32.const 0x1038) "ckpt-42")
  (data (i32.const 0x1040) "\ff\fe")
  (data (i32.const 0x1048) "not json")
  (func (export "conformance_protocol") (result i32) (i32.const 1))
  (func (export "conformance_params") (result i32) (i32.const 0))
  (func (export "conformance_journal") (result i32) (i32.const 0x100))
  ;; the hive address the runner wrote into Params
  (func $host_ptr (result i32) (i32.const 12))
  (func $host_len (result i32) (i32.load (i32.const 8)))
  (func $port (result i32) (i32.load (i32.const 4)))
  ;; append a journal record: check id, ErrorCode, and the bytes [ptr, ptr+len) to judge
  (func $record (param $id i32) (param $code i32) (param $ptr i32) (param $len i32)
    (local $at i32)
    (local.set $at (i32.add (i32.const 0x104) (i32.shl (i32.load (i32.const 0x100)) (i32.const 4))))
    (i32.store (local.get $at) (local.get $id))
    (i32.store offset=4 (local.get $at) (local.get $code))
    (i32.store offset=8 (local.get $at) (local.get $ptr))
    (i32.store offset=12 (local.get $at) (local.get $len))
    (i32.store (i32.const 0x100) (i32.add (i32.load (i32.const 0x100)) (i32.const 1))))
  ;; a record with no bytes: only the code is judged
  (func $check (param $id i32) (param $code i32)
    (call $record (local.get $id) (local.get $code) (i32.const 0) (i32.const 0)))
  ;; fill a canary window with 0xA5
  (func $window (param $ptr i32) (param $len i32)
    (memory.fill (local.get $ptr) (i32.const 0xA5) (local.get $len)))
  ;; the phase machine: $at tests the phase, $next advances it and returns 0 (continue)
  (func $at (param $p i32) (result i32) (i32.eq (global.get $phase) (local.get $p)))
  (func $next (result i32)
    (global.set $phase (i32.add (global.get $phase) (i32.const 1)))
    (i32.const 0))
  ;; the current memory size in bytes (memory.size pages * 64 KiB)
  (func $mem_end (result i32) (i32.shl (memory.size) (i32.const 16)))
  ;; ---- end prelude ----
  ;; ---- idioms (identical in every fixture that uses them, see fixtures_wat/README.md) ----
  ;; the same for a Vec<u8> future; PollVec.len is then at 0x0A04
  (func $vec_ready (param $h i64) (result i32)
    (if (call $ml__poll_future_vec_u8 (local.get $h) (i32.const 0x0A00)) (then (return (i32.const 1))))
    (i32.ne (i32.load8_u (i32.const 0x0A00)) (i32.const 0)))
  ;; ---- end idioms ----
  (func (export "conformance_step") (result i32)
    (if (call $at (i32.const 0)) (then
      (call $window (i32.const 0x2000) (i32.const 16))
      (call $record (i32.const 1) (call $ml__download_snapshot_from_registry (call $host_ptr) (call $host_len) (call $port) (i32.const 0x1020) (i32.const 5) (i32.const 0x2004)) (i32.const 0x2000) (i32.const 16))
      (global.set $fut (i64.load (i32.const 0x2004)))
      (return (call $next))))
    (if (call $at (i32.const 1)) (then
      (if (i32.eqz (call $vec_ready (global.get $fut))) (then (return (i32.const 0))))
      (return (call $next))))
    (call $window (i32.const 0x2040) (i32.const 16))
    (call $record (i32.const 2) (call $ml__poll_future_vec_u8 (global.get $fut) (i32.const 0x2044)) (i32.const 0x2040) (i32.const 16))
    (i32.const 1)))
