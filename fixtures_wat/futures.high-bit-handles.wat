;;@ id = "futures.high-bit-handles"
;;@ title = "Handles are full u64s: a live handle with bit 32, bit 63 or the whole high word set is another (unknown) handle, NotFound"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "hold-start"
;;@ clauses = ["abi/pointers/unsigned", "futures/unknown-handle", "ml-v2/start_training/returns-future", "ml-v1/poll_future_training_handle/reports-readiness", "ml-v1/drop_future/releases", "abi/memory/write-only-on-success"]
;;@ includes = ["start_std"]
;;@ notes = "futures.forged-handles tries high-bit values with no live future, so a host that truncates handles to 32 bits never collides there. Here the low 32 bits are those of a live (held, pending) future."
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/returns-future"
;;@ code = "Success"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__poll_future_training_handle"
;;@ clause = "abi/pointers/unsigned"
;;@ code = "NotFound"
;;@ bytes = "a5a5a5a5 a5 a5a5a5a5"
;;@ note = "handle | 1 << 32"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__take_future_training_handle"
;;@ clause = "futures/unknown-handle"
;;@ code = "NotFound"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "handle | 1 << 63"
;;@
;;@ [[check]]
;;@ id = 4
;;@ call = "ml__drop_future"
;;@ clause = "abi/pointers/unsigned"
;;@ code = "NotFound"
;;@ note = "handle | 0xFFFF_FFFF_0000_0000"
;;@
;;@ [[check]]
;;@ id = 5
;;@ call = "ml__poll_future_training_handle"
;;@ clause = "ml-v1/poll_future_training_handle/reports-readiness"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 00 a5a5a5a5"
;;@ note = "the real handle: still live and pending"
;;@
;;@ [[check]]
;;@ id = 6
;;@ call = "ml__drop_future"
;;@ clause = "ml-v1/drop_future/releases"
;;@ code = "Success"
(module
  (import "ark-ml-v2" "ml__start_training" (func $ml__start_training (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $ml__take_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__drop_future" (func $ml__drop_future (param i64) (result i32)))
  (func (export "conformance_step") (result i32)
    (call $check (i32.const 1) (call $start_std (i32.const 0) (i32.const 0x0A10)))
    (global.set $fut (i64.load (i32.const 0x0A10)))
    (call $window (i32.const 0x2000) (i32.const 9))
    (call $record (i32.const 2) (call $ml__poll_future_training_handle (i64.or (global.get $fut) (i64.const 0x100000000)) (i32.const 0x2004)) (i32.const 0x2000) (i32.const 9))
    (call $window (i32.const 0x2040) (i32.const 16))
    (call $record (i32.const 3) (call $ml__take_future_training_handle (i64.or (global.get $fut) (i64.const -0x8000000000000000)) (i32.const 0x2044)) (i32.const 0x2040) (i32.const 16))
    (call $check (i32.const 4) (call $ml__drop_future (i64.or (global.get $fut) (i64.const -0x100000000))))
    (call $window (i32.const 0x2080) (i32.const 9))
    (call $record (i32.const 5) (call $ml__poll_future_training_handle (global.get $fut) (i32.const 0x2084)) (i32.const 0x2080) (i32.const 9))
    (call $check (i32.const 6) (call $ml__drop_future (global.get $fut)))
    (i32.const 1)))
