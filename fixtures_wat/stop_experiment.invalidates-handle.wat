;;@ id = "stop_experiment.invalidates-handle"
;;@ title = "After a successful stop_experiment the TrainingHandle is gone: stop, stop_training and experiment_config say NotFound"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "one-run"
;;@ clauses = ["ml-v2/stop_experiment/invalidates-handle", "ml-v2/experiment_config/unknown-handle", "abi/memory/write-only-on-success", "ml-v2/connect_to_experiment/returns-future", "ml-v1/take_future_training_handle/writes-handle", "ml-v2/stop_experiment/stops-remote-workers"]
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
;;@ call = "ml__stop_experiment"
;;@ clause = "ml-v2/stop_experiment/stops-remote-workers"
;;@ code = "Success"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__stop_experiment"
;;@ clause = "ml-v2/stop_experiment/invalidates-handle"
;;@ code = "NotFound"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__experiment_config"
;;@ clause = "ml-v2/experiment_config/unknown-handle"
;;@ code = "NotFound"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@
;;@ [[check]]
;;@ id = 4
;;@ call = "ml__stop_training"
;;@ clause = "ml-v2/stop_experiment/invalidates-handle"
;;@ code = "NotFound"
;;@
;;@ [[hive]]
;;@ route = "stop"
;;@ count = 1
;;@
;;@ [[hive]]
;;@ route = "disconnect"
;;@ count = 0
;;@
;;@ [[hive]]
;;@ route = "config"
;;@ count = 0
(module
  (import "ark-ml-v2" "ml__connect_to_experiment" (func $ml__connect_to_experiment (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v2" "ml__stop_experiment" (func $ml__stop_experiment (param i64) (result i32)))
  (import "ark-ml-v2" "ml__experiment_config" (func $ml__experiment_config (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $ml__take_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__stop_training" (func $ml__stop_training (param i64) (result i32)))
  (func (export "conformance_step") (result i32)
    (if (call $at (i32.const 0)) (then
      (call $check (i32.const 91) (call $connect_run1 (i32.const 0x0A10)))
      (global.set $fut (i64.load (i32.const 0x0A10)))
      (return (call $next))))
    (if (call $at (i32.const 1)) (then
      (if (i32.eqz (call $th_ready (global.get $fut))) (then (return (i32.const 0))))
      (return (call $next))))
    (call $check (i32.const 92) (call $take_th (global.get $fut)))
    (call $check (i32.const 1) (call $ml__stop_experiment (global.get $th)))
    (call $check (i32.const 2) (call $ml__stop_experiment (global.get $th)))
    (call $window (i32.const 0x2000) (i32.const 24))
    (call $record (i32.const 3) (call $ml__experiment_config (global.get $th) (i32.const 0x2004)) (i32.const 0x2000) (i32.const 24))
    (call $check (i32.const 4) (call $ml__stop_training (global.get $th)))
    (i32.const 1)))
