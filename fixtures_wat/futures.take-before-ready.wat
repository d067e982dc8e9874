;;@ id = "futures.take-before-ready"
;;@ title = "take of a pending future is Unavailable, writes nothing and keeps the handle (poll says 0, a second take is Unavailable too)"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "hold-start"
;;@ clauses = ["futures/take/before-ready", "futures/poll/never-blocks", "ml-v1/poll_future_training_handle/reports-readiness", "ml-v1/drop_future/releases", "abi/memory/write-only-on-success", "ml-v2/start_training/returns-future", "futures/drop/invalidates"]
;;@ includes = ["start_std"]
;;@ notes = "POST /api/v1/experiments is held by the hive, so the future is deterministically pending."
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/returns-future"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 ???????????????? a5a5a5a5"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__take_future_training_handle"
;;@ clause = "futures/take/before-ready"
;;@ code = "Unavailable"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__poll_future_training_handle"
;;@ clause = "ml-v1/poll_future_training_handle/reports-readiness"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 00 a5a5a5a5"
;;@
;;@ [[check]]
;;@ id = 4
;;@ call = "ml__take_future_training_handle"
;;@ clause = "abi/memory/write-only-on-success"
;;@ code = "Unavailable"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@
;;@ [[check]]
;;@ id = 5
;;@ call = "ml__drop_future"
;;@ clause = "ml-v1/drop_future/releases"
;;@ code = "Success"
;;@ note = "the handle is still live"
;;@
;;@ [[check]]
;;@ id = 6
;;@ call = "ml__take_future_training_handle"
;;@ clause = "futures/drop/invalidates"
;;@ code = "NotFound"
(module
  (import "ark-ml-v2" "ml__start_training" (func $ml__start_training (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $ml__take_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__drop_future" (func $ml__drop_future (param i64) (result i32)))
  (func (export "conformance_step") (result i32)
    (if (call $at (i32.const 0)) (then
      (call $window (i32.const 0x2000) (i32.const 16))
      (call $record (i32.const 1) (call $start_std (i32.const 0) (i32.const 0x2004)) (i32.const 0x2000) (i32.const 16))
      (global.set $fut (i64.load (i32.const 0x2004)))
      (return (call $next))))
    (call $window (i32.const 0x2040) (i32.const 16))
    (call $record (i32.const 2) (call $ml__take_future_training_handle (global.get $fut) (i32.const 0x2044)) (i32.const 0x2040) (i32.const 16))
    (call $window (i32.const 0x2080) (i32.const 9))
    (call $record (i32.const 3) (call $ml__poll_future_training_handle (global.get $fut) (i32.const 0x2084)) (i32.const 0x2080) (i32.const 9))
    (call $window (i32.const 0x20c0) (i32.const 16))
    (call $record (i32.const 4) (call $ml__take_future_training_handle (global.get $fut) (i32.const 0x20c4)) (i32.const 0x20c0) (i32.const 16))
    (call $check (i32.const 5) (call $ml__drop_future (global.get $fut)))
    (call $check (i32.const 6) (call $ml__take_future_training_handle (global.get $fut) (i32.const 0x0A08)))
    (i32.const 1)))
