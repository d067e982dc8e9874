;;@ id = "futures.outstanding-cap-core-calls"
;;@ title = "At the cap, connect_to_experiment and experiment_config return Unavailable, write nothing and send nothing"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "one-run-hold-start"
;;@ clauses = ["futures/outstanding-cap", "abi/memory/write-only-on-success", "ml-v2/connect_to_experiment/returns-future", "ml-v1/take_future_training_handle/writes-handle"]
;;@ includes = ["fill_cap", "connect_run1", "th_ready", "take_th"]
;;@ notes = "start requests are held by the hive, so the futures that fill the cap (at most 1024) stay pending."
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
;;@ call = "ml__connect_to_experiment"
;;@ clause = "futures/outstanding-cap"
;;@ code = "Unavailable"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__experiment_config"
;;@ clause = "abi/memory/write-only-on-success"
;;@ code = "Unavailable"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@
;;@ [[hive]]
;;@ route = "connect"
;;@ count = 1
;;@ clause = "futures/outstanding-cap"
;;@
;;@ [[hive]]
;;@ route = "config"
;;@ count = 0
;;@ clause = "futures/outstanding-cap"
(module
  (import "ark-ml-v2" "ml__connect_to_experiment" (func $ml__connect_to_experiment (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v2" "ml__start_training" (func $ml__start_training (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
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
    (drop (call $fill_cap))
    (call $window (i32.const 0x2040) (i32.const 16))
    (call $record (i32.const 1) (call $connect_run1 (i32.const 0x2044)) (i32.const 0x2040) (i32.const 16))
    (call $window (i32.const 0x2080) (i32.const 24))
    (call $record (i32.const 2) (call $ml__experiment_config (global.get $th) (i32.const 0x2084)) (i32.const 0x2080) (i32.const 24))
    (i32.const 1)))
