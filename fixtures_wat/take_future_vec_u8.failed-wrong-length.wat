;;@ id = "take_future_vec_u8.failed-wrong-length"
;;@ title = "take_future_vec_u8 of a failed future is HttpRequestFailed (and consumes it) even with a data_len that no ready value would match"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "one-run-config-503"
;;@ clauses = ["ml-v1/take_future_vec_u8/failed-first", "futures/failed", "futures/take/consumes", "ml-v2/connect_to_experiment/returns-future", "ml-v1/take_future_training_handle/writes-handle", "ml-v2/experiment_config/returns-two-futures", "abi/memory/write-only-on-success"]
;;@ includes = ["connect_run1", "th_ready", "take_th", "vec_ready"]
;;@ notes = "GET .../config answers 503, so both of experiment_config's futures fail. The module_config future is taken with data_len 3 (the run's config is 10 bytes; a failed future has none)."
;;@
;;@ [[check]]
;;@ id = 91
;;@ call = "ml__connect_to_experiment"
;;@ clause = "ml-v2/connect_to_experiment/returns-future"
;;@ code = "Success"
;;@
;;@ [[check]]
;;@ id = 92
;;@ call = "ml__take_future_training_handle"
;;@ clause = "ml-v1/take_future_training_handle/writes-handle"
;;@ code = "Success"
;;@
;;@ [[check]]
;;@ id = 93
;;@ call = "ml__experiment_config"
;;@ clause = "ml-v2/experiment_config/returns-two-futures"
;;@ code = "Success"
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__take_future_vec_u8"
;;@ clause = "ml-v1/take_future_vec_u8/failed-first"
;;@ code = "HttpRequestFailed"
;;@ bytes = "a5a5a5a5 a5a5a5 a5a5a5a5"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__take_future_vec_u8"
;;@ clause = "futures/take/consumes"
;;@ code = "NotFound"
;;@ bytes = "a5a5a5a5 a5a5a5 a5a5a5a5"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__drop_future"
;;@ clause = "futures/failed"
;;@ code = "Success"
;;@ note = "the ark_config future, failed and never taken"
(module
  (import "ark-ml-v2" "ml__connect_to_experiment" (func $ml__connect_to_experiment (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v2" "ml__experiment_config" (func $ml__experiment_config (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $ml__take_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_vec_u8" (func $ml__poll_future_vec_u8 (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_vec_u8" (func $ml__take_future_vec_u8 (param i64 i32 i32) (result i32)))
  (import "ark-ml-v1" "ml__drop_future" (func $ml__drop_future (param i64) (result i32)))
  (func (export "conformance_step") (result i32)
    (if (call $at (i32.const 0)) (then
      (call $check (i32.const 91) (call $connect_run1 (i32.const 0x0A10)))
      (global.set $fut (i64.load (i32.const 0x0A10)))
      (return (call $next))))
    (if (call $at (i32.const 1)) (then
      (if (i32.eqz (call $th_ready (global.get $fut))) (then (return (i32.const 0))))
      (call $check (i32.const 92) (call $take_th (global.get $fut)))
      (call $check (i32.const 93) (call $ml__experiment_config (global.get $th) (i32.const 0x0A10)))
      (global.set $fut (i64.load (i32.const 0x0A10)))
      (global.set $fut2 (i64.load (i32.const 0x0A18)))
      (return (call $next))))
    (if (i32.eqz (call $vec_ready (global.get $fut2))) (then (return (i32.const 0))))
    (call $window (i32.const 0x2000) (i32.const 11))
    (call $record (i32.const 1) (call $ml__take_future_vec_u8 (global.get $fut2) (i32.const 0x2004) (i32.const 3)) (i32.const 0x2000) (i32.const 11))
    (call $window (i32.const 0x2040) (i32.const 11))
    (call $record (i32.const 2) (call $ml__take_future_vec_u8 (global.get $fut2) (i32.const 0x2044) (i32.const 3)) (i32.const 0x2040) (i32.const 11))
    (call $check (i32.const 3) (call $ml__drop_future (global.get $fut)))
    (i32.const 1)))
