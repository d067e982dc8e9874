;;@ id = "experiment_config.invalid-out-pointer"
;;@ title = "An out-pointer with 8 (not 16) bytes behind it, or wrapping, returns InvalidArguments and sends nothing"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "one-run"
;;@ clauses = ["ml-v2/experiment_config/invalid-out-pointer", "abi/pointers/bounds-checked", "abi/memory/write-only-on-success", "ml-v2/connect_to_experiment/returns-future", "ml-v1/take_future_training_handle/writes-handle"]
;;@ includes = ["connect_run1", "th_ready", "take_th"]
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
;;@ clause = "ml-v2/experiment_config/invalid-out-pointer"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5a5a5a5a5a5a5a5a5"
;;@ note = "out = end - 8: the last 12 bytes stay canaries"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__experiment_config"
;;@ clause = "ml-v2/experiment_config/invalid-out-pointer"
;;@ code = "InvalidArguments"
;;@ note = "out = 0xFFFF_FFF8"
;;@
;;@ [[hive]]
;;@ route = "config"
;;@ count = 0
(module
  (import "ark-ml-v2" "ml__connect_to_experiment" (func $ml__connect_to_experiment (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v2" "ml__experiment_config" (func $ml__experiment_config (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $ml__take_future_training_handle (param i64 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    (if (call $at (i32.const 0)) (then
      (call $check (i32.const 91) (call $connect_run1 (i32.const 0x0A10)))
      (global.set $fut (i64.load (i32.const 0x0A10)))
      (return (call $next))))
    (if (call $at (i32.const 1)) (then
      (if (i32.eqz (call $th_ready (global.get $fut))) (then (return (i32.const 0))))
      (return (call $next))))
    (call $check (i32.const 92) (call $take_th (global.get $fut)))
    (call $window (i32.sub (call $mem_end) (i32.const 12)) (i32.const 12))
    (call $record (i32.const 1) (call $ml__experiment_config (global.get $th) (i32.sub (call $mem_end) (i32.const 8))) (i32.sub (call $mem_end) (i32.const 12)) (i32.const 12))
    (call $check (i32.const 2) (call $ml__experiment_config (global.get $th) (i32.const 0xfffffff8)))
    (i32.const 1)))
