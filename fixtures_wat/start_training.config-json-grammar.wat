;;@ id = "start_training.config-json-grammar"
;;@ title = "Strict JSON nested at most 128 levels: NaN, 129 and 1 Mi nested arrays return InvalidArguments with no request"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "empty"
;;@ clauses = ["ml-v2/start_training/config-json-grammar", "abi/memory/write-only-on-success"]
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/config-json-grammar"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = 'config = "[NaN]"'
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/config-json-grammar"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "config = 129 nested arrays (valid JSON, one level too deep)"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/config-json-grammar"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "config = 1 Mi nested arrays (2 MiB, built with memory.fill after memory.grow): not InternalError"
;;@
;;@ [[hive]]
;;@ route = "start"
;;@ count = 0
(module
  (import "ark-ml-v2" "ml__start_training" (func $ml__start_training (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
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
  (data (i32.const 0x1100) "[NaN]")
  (data (i32.const 0x1200) "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]")
  (func (export "conformance_step") (result i32)
    (call $window (i32.const 0x2000) (i32.const 16))
    (call $record (i32.const 1) (call $ml__start_training (call $host_ptr) (call $host_len) (call $port) (i32.const 0x1000) (i32.const 4) (i32.const 0x1008) (i32.const 5) (i32.const 7) (i32.const 3) (i32.const 0) (i32.const 0x1100) (i32.const 5) (i32.const 0x2004)) (i32.const 0x2000) (i32.const 16))
    (call $window (i32.const 0x2040) (i32.const 16))
    (call $record (i32.const 2) (call $ml__start_training (call $host_ptr) (call $host_len) (call $port) (i32.const 0x1000) (i32.const 4) (i32.const 0x1008) (i32.const 5) (i32.const 7) (i32.const 3) (i32.const 0) (i32.const 0x1200) (i32.const 258) (i32.const 0x2044)) (i32.const 0x2040) (i32.const 16))
    ;; 1 Mi "[" then 1 Mi "]" at 0x10000 (memory grows from 1 to 41 pages)
    (drop (memory.grow (i32.const 40)))
    (memory.fill (i32.const 0x10000) (i32.const 0x5b) (i32.const 0x100000))
    (memory.fill (i32.const 0x110000) (i32.const 0x5d) (i32.const 0x100000))
    (call $window (i32.const 0x2080) (i32.const 16))
    (call $record (i32.const 3) (call $ml__start_training (call $host_ptr) (call $host_len) (call $port) (i32.const 0x1000) (i32.const 4) (i32.const 0x1008) (i32.const 5) (i32.const 7) (i32.const 3) (i32.const 0) (i32.const 0x10000) (i32.const 0x200000) (i32.const 0x2084)) (i32.const 0x2080) (i32.const 16))
    (i32.const 1)))
