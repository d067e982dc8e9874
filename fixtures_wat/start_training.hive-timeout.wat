;;@ id = "start_training.hive-timeout"
;;@ title = "A hive that never answers fails the future once the request times out"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "start-hang"
;;@ clauses = ["futures/failed", "futures/take/consumes", "abi/memory/write-only-on-success", "ml-v2/start_training/hive-request", "ml-v2/start_training/returns-future"]
;;@ includes = ["start_std", "th_ready"]
;;@ host_settings = { request_timeout_seconds = 0.05 }  # a hint: the future fails once the timeout elapses
;;@ timeout_seconds = 15
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
;;@ call = "ml__poll_future_training_handle"
;;@ clause = "futures/failed"
;;@ code = "HttpRequestFailed"
;;@ bytes = "a5a5a5a5 a5 a5a5a5a5"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__poll_future_training_handle"
;;@ clause = "futures/failed"
;;@ code = "HttpRequestFailed"
;;@ note = "again: failed is sticky"
;;@
;;@ [[check]]
;;@ id = 4
;;@ call = "ml__take_future_training_handle"
;;@ clause = "futures/failed"
;;@ code = "HttpRequestFailed"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@
;;@ [[check]]
;;@ id = 5
;;@ call = "ml__take_future_training_handle"
;;@ clause = "futures/take/consumes"
;;@ code = "NotFound"
;;@ note = "the failing take consumed it"
(module
  (import "ark-ml-v2" "ml__start_training" (func $ml__start_training (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $ml__take_future_training_handle (param i64 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    (if (call $at (i32.const 0)) (then
      (call $window (i32.const 0x2000) (i32.const 16))
      (call $record (i32.const 1) (call $start_std (i32.const 0) (i32.const 0x2004)) (i32.const 0x2000) (i32.const 16))
      (global.set $fut (i64.load (i32.const 0x2004)))
      (return (call $next))))
    (if (call $at (i32.const 1)) (then
      (if (i32.eqz (call $th_ready (global.get $fut))) (then (return (i32.const 0))))
      (return (call $next))))
    (call $window (i32.const 0x2040) (i32.const 9))
    (call $record (i32.const 2) (call $ml__poll_future_training_handle (global.get $fut) (i32.const 0x2044)) (i32.const 0x2040) (i32.const 9))
    (call $check (i32.const 3) (call $ml__poll_future_training_handle (global.get $fut) (i32.const 0x0A00)))
    (call $window (i32.const 0x2080) (i32.const 16))
    (call $record (i32.const 4) (call $ml__take_future_training_handle (global.get $fut) (i32.const 0x2084)) (i32.const 0x2080) (i32.const 16))
    (call $check (i32.const 5) (call $ml__take_future_training_handle (global.get $fut) (i32.const 0x0A08)))
    (i32.const 1)))
