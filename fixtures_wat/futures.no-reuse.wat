;;@ id = "futures.no-reuse"
;;@ title = "Handle values are never reused: futures made after a take and a drop get new values, and the consumed and dropped handles stay NotFound"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "empty"
;;@ clauses = ["abi/handles/unique", "abi/handles/one-space", "futures/take/consumes", "futures/drop/invalidates", "ml-v2/start_training/returns-future", "ml-v1/take_future_training_handle/writes-handle", "ml-v1/drop_future/releases"]
;;@ includes = ["start_std", "th_ready"]
;;@ notes = "A takes (consumed), B is dropped, then C and D are made. A host that recycles freed values hands B or C the value of A (or of B), which the relation and the later NotFound polls see."
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/returns-future"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 ???????????????? a5a5a5a5"
;;@ note = "A"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__take_future_training_handle"
;;@ clause = "ml-v1/take_future_training_handle/writes-handle"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 ???????????????? a5a5a5a5"
;;@ note = "the TrainingHandle of A (A is consumed)"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/returns-future"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 ???????????????? a5a5a5a5"
;;@ note = "B, made after A was consumed"
;;@
;;@ [[check]]
;;@ id = 4
;;@ call = "ml__drop_future"
;;@ clause = "ml-v1/drop_future/releases"
;;@ code = "Success"
;;@ note = "drop B"
;;@
;;@ [[check]]
;;@ id = 5
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/returns-future"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 ???????????????? a5a5a5a5"
;;@ note = "C"
;;@
;;@ [[check]]
;;@ id = 6
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/returns-future"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 ???????????????? a5a5a5a5"
;;@ note = "D"
;;@
;;@ [[check]]
;;@ id = 7
;;@ call = "ml__poll_future_training_handle"
;;@ clause = "futures/take/consumes"
;;@ code = "NotFound"
;;@ bytes = "a5a5a5a5 a5 a5a5a5a5"
;;@ note = "A, after C and D were made"
;;@
;;@ [[check]]
;;@ id = 8
;;@ call = "ml__poll_future_training_handle"
;;@ clause = "futures/drop/invalidates"
;;@ code = "NotFound"
;;@ bytes = "a5a5a5a5 a5 a5a5a5a5"
;;@ note = "B, after C and D were made"
;;@
;;@ [[check]]
;;@ id = 9
;;@ call = "ml__poll_future_training_handle"
;;@ clause = "abi/handles/one-space"
;;@ code = "NotFound"
;;@ bytes = "a5a5a5a5 a5 a5a5a5a5"
;;@ note = "A's TrainingHandle is not a future"
;;@
;;@ [[relation]]
;;@ differ = [1, 3, 5, 6]
;;@ clause = "abi/handles/unique"
;;@ note = "A, B, C and D: no value twice"
;;@
;;@ [[relation]]
;;@ differ = [1, 2, 3, 5, 6]
;;@ clause = "abi/handles/one-space"
;;@ note = "A's TrainingHandle is none of the futures' values, A's own included"
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
    (if (call $at (i32.const 1)) (then
      (if (i32.eqz (call $th_ready (global.get $fut))) (then (return (i32.const 0))))
      (return (call $next))))
    (call $window (i32.const 0x2040) (i32.const 16))
    (call $record (i32.const 2) (call $ml__take_future_training_handle (global.get $fut) (i32.const 0x2044)) (i32.const 0x2040) (i32.const 16))
    (call $window (i32.const 0x2080) (i32.const 16))
    (call $record (i32.const 3) (call $start_std (i32.const 0) (i32.const 0x2084)) (i32.const 0x2080) (i32.const 16))
    (global.set $fut2 (i64.load (i32.const 0x2084)))
    (call $check (i32.const 4) (call $ml__drop_future (global.get $fut2)))
    (call $window (i32.const 0x20c0) (i32.const 16))
    (call $record (i32.const 5) (call $start_std (i32.const 0) (i32.const 0x20c4)) (i32.const 0x20c0) (i32.const 16))
    (call $window (i32.const 0x2100) (i32.const 16))
    (call $record (i32.const 6) (call $start_std (i32.const 0) (i32.const 0x2104)) (i32.const 0x2100) (i32.const 16))
    (call $window (i32.const 0x2140) (i32.const 9))
    (call $record (i32.const 7) (call $ml__poll_future_training_handle (global.get $fut) (i32.const 0x2144)) (i32.const 0x2140) (i32.const 9))
    (call $window (i32.const 0x2180) (i32.const 9))
    (call $record (i32.const 8) (call $ml__poll_future_training_handle (global.get $fut2) (i32.const 0x2184)) (i32.const 0x2180) (i32.const 9))
    (call $window (i32.const 0x21c0) (i32.const 9))
    (call $record (i32.const 9) (call $ml__poll_future_training_handle (i64.load (i32.const 0x2044)) (i32.const 0x21c4)) (i32.const 0x21c0) (i32.const 9))
    (i32.const 1)))
