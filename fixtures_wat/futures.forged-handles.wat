;;@ id = "futures.forged-handles"
;;@ title = "poll/take/drop of handles never issued (0, all ones, a forged large value standing in for another instance's) are NotFound"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "empty"
;;@ clauses = ["futures/unknown-handle", "abi/handles/unique", "abi/pointers/unsigned", "abi/memory/write-only-on-success", "abi/error-codes/closed-set"]
;;@ notes = "A guest cannot hold another instance's handle; design.md 2 makes handles unique per host process, so a never-issued large value is the same case."
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__poll_future_training_handle"
;;@ clause = "futures/unknown-handle"
;;@ code = "NotFound"
;;@ bytes = "a5a5a5a5 a5 a5a5a5a5"
;;@ note = "forged"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__take_future_training_handle"
;;@ clause = "futures/unknown-handle"
;;@ code = "NotFound"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "forged"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__poll_future_ark_experiment_config"
;;@ clause = "futures/unknown-handle"
;;@ code = "NotFound"
;;@ bytes = "a5a5a5a5 a5 a5a5a5a5"
;;@ note = "0"
;;@
;;@ [[check]]
;;@ id = 4
;;@ call = "ml__take_future_ark_experiment_config"
;;@ clause = "futures/unknown-handle"
;;@ code = "NotFound"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "0"
;;@
;;@ [[check]]
;;@ id = 5
;;@ call = "ml__poll_future_vec_u8"
;;@ clause = "futures/unknown-handle"
;;@ code = "NotFound"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "0xFFFF_FFFF_FFFF_FFFF"
;;@
;;@ [[check]]
;;@ id = 6
;;@ call = "ml__take_future_vec_u8"
;;@ clause = "futures/unknown-handle"
;;@ code = "NotFound"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "0xFFFF_FFFF_FFFF_FFFF"
;;@
;;@ [[check]]
;;@ id = 7
;;@ call = "ml__drop_future"
;;@ clause = "futures/unknown-handle"
;;@ code = "NotFound"
;;@ note = "forged"
;;@
;;@ [[check]]
;;@ id = 8
;;@ call = "ml__drop_future"
;;@ clause = "futures/unknown-handle"
;;@ code = "NotFound"
;;@ note = "0"
(module
  (import "ark-ml-v2" "ml__poll_future_ark_experiment_config" (func $ml__poll_future_ark_experiment_config (param i64 i32) (result i32)))
  (import "ark-ml-v2" "ml__take_future_ark_experiment_config" (func $ml__take_future_ark_experiment_config (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $ml__take_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_vec_u8" (func $ml__poll_future_vec_u8 (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_vec_u8" (func $ml__take_future_vec_u8 (param i64 i32 i32) (result i32)))
  (import "ark-ml-v1" "ml__drop_future" (func $ml__drop_future (param i64) (result i32)))
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
  (func (export "conformance_step") (result i32)
    (call $window (i32.const 0x2000) (i32.const 9))
    (call $record (i32.const 1) (call $ml__poll_future_training_handle (i64.const 0x7fffffff00000001) (i32.const 0x2004)) (i32.const 0x2000) (i32.const 9))
    (call $window (i32.const 0x2040) (i32.const 16))
    (call $record (i32.const 2) (call $ml__take_future_training_handle (i64.const 0x7fffffff00000001) (i32.const 0x2044)) (i32.const 0x2040) (i32.const 16))
    (call $window (i32.const 0x2080) (i32.const 9))
    (call $record (i32.const 3) (call $ml__poll_future_ark_experiment_config (i64.const 0) (i32.const 0x2084)) (i32.const 0x2080) (i32.const 9))
    (call $window (i32.const 0x20c0) (i32.const 16))
    (call $record (i32.const 4) (call $ml__take_future_ark_experiment_config (i64.const 0) (i32.const 0x20c4)) (i32.const 0x20c0) (i32.const 16))
    (call $window (i32.const 0x2100) (i32.const 16))
    (call $record (i32.const 5) (call $ml__poll_future_vec_u8 (i64.const -1) (i32.const 0x2104)) (i32.const 0x2100) (i32.const 16))
    (call $window (i32.const 0x2140) (i32.const 16))
    (call $record (i32.const 6) (call $ml__take_future_vec_u8 (i64.const -1) (i32.const 0x2144) (i32.const 8)) (i32.const 0x2140) (i32.const 16))
    (call $check (i32.const 7) (call $ml__drop_future (i64.const 0x7fffffff00000001)))
    (call $check (i32.const 8) (call $ml__drop_future (i64.const 0)))
    (i32.const 1)))
