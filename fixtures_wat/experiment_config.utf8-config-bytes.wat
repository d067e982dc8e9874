;;@ id = "experiment_config.utf8-config-bytes"
;;@ title = "module_config is the config's UTF-8 bytes: PollVec.len counts bytes (20), not characters (14) or UTF-16 units (15), and the take returns them exactly"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "one-run-utf8-config"
;;@ clauses = ["ml-v2/experiment_config/returns-two-futures", "ml-v1/poll_future_vec_u8/reports-length", "ml-v1/take_future_vec_u8/exact-length", "ml-v2/connect_to_experiment/returns-future", "ml-v1/take_future_training_handle/writes-handle"]
;;@ includes = ["connect_run1", "th_ready", "vec_ready", "take_th"]
;;@ notes = "The run's config is {\"name\":\"é€😀\"}: a 2-, a 3- and a 4-byte UTF-8 sequence. The guest takes exactly PollVec.len bytes, as a Rust guest does."
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
;;@ id = 1
;;@ call = "ml__experiment_config"
;;@ clause = "ml-v2/experiment_config/returns-two-futures"
;;@ code = "Success"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__poll_future_vec_u8"
;;@ clause = "ml-v1/poll_future_vec_u8/reports-length"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 01000000 14000000 a5a5a5a5"
;;@ note = "ready, len 20 bytes"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__take_future_vec_u8"
;;@ clause = "ml-v2/experiment_config/returns-two-futures"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 7b226e616d65223a22c3a9e282acf09f9880227d a5a5a5a5"
(module
  (import "ark-ml-v2" "ml__connect_to_experiment" (func $ml__connect_to_experiment (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v2" "ml__experiment_config" (func $ml__experiment_config (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $ml__take_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_vec_u8" (func $ml__poll_future_vec_u8 (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_vec_u8" (func $ml__take_future_vec_u8 (param i64 i32 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    (if (call $at (i32.const 0)) (then
      (call $check (i32.const 91) (call $connect_run1 (i32.const 0x0A10)))
      (global.set $fut (i64.load (i32.const 0x0A10)))
      (return (call $next))))
    (if (call $at (i32.const 1)) (then
      (if (i32.eqz (call $th_ready (global.get $fut))) (then (return (i32.const 0))))
      (call $check (i32.const 92) (call $take_th (global.get $fut)))
      (call $check (i32.const 1) (call $ml__experiment_config (global.get $th) (i32.const 0x0A10)))
      (global.set $fut2 (i64.load (i32.const 0x0A18)))
      (return (call $next))))
    (if (i32.eqz (call $vec_ready (global.get $fut2))) (then (return (i32.const 0))))
    (call $window (i32.const 0x2000) (i32.const 16))
    (call $record (i32.const 2) (call $ml__poll_future_vec_u8 (global.get $fut2) (i32.const 0x2004)) (i32.const 0x2000) (i32.const 16))
    (call $window (i32.const 0x2040) (i32.const 28))
    (call $record (i32.const 3) (call $ml__take_future_vec_u8 (global.get $fut2) (i32.const 0x2044) (i32.load (i32.const 0x2008))) (i32.const 0x2040) (i32.const 28))
    (i32.const 1)))
