;;@ id = "futures.other-instance-training-handle"
;;@ title = "Two instances each hold a TrainingHandle of their own: the values differ, and the peer's is NotFound here for experiment_config, stop_training and stop_experiment"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "one-run"
;;@ clauses = ["abi/handles/unique", "abi/memory/write-only-on-success"]
;;@ includes = ["connect_run1", "th_ready"]
;;@ instances = 2
;;@ notes = "experiment_config.other-instance-training-handle passes the peer's handle to an instance that holds none, which catches a host-wide table; here this instance takes its own TrainingHandle first, so a host that numbers TrainingHandles per instance (both get the same value) finds its own run under the peer's value. experiment_config comes first, before any stop could have removed a handle."
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__take_future_training_handle"
;;@ clause = "abi/handles/unique"
;;@ code = "Success"
;;@ bytes = "????????????????"
;;@ note = "this instance's own TrainingHandle"
;;@
;;@ [[check]]
;;@ id = 2
;;@ observe = "the peer instance's live TrainingHandle, as the runner passed it in Params"
;;@ clause = "abi/handles/unique"
;;@ bytes = "????????????????"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__experiment_config"
;;@ clause = "abi/handles/unique"
;;@ code = "NotFound"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@
;;@ [[check]]
;;@ id = 4
;;@ call = "ml__stop_training"
;;@ clause = "abi/handles/unique"
;;@ code = "NotFound"
;;@
;;@ [[check]]
;;@ id = 5
;;@ call = "ml__stop_experiment"
;;@ clause = "abi/handles/unique"
;;@ code = "NotFound"
;;@
;;@ [[relation]]
;;@ differ = [1, 2]
;;@ clause = "abi/handles/unique"
;;@ note = "TrainingHandle values are unique per host process, not per instance"
;;@
;;@ [[hive]]
;;@ route = "config"
;;@ count = 0
;;@ clause = "abi/handles/unique"
;;@
;;@ [[hive]]
;;@ route = "disconnect"
;;@ count = 0
;;@ clause = "abi/handles/unique"
;;@
;;@ [[hive]]
;;@ route = "stop"
;;@ count = 0
;;@ clause = "abi/handles/unique"
(module
  (import "ark-ml-v2" "ml__connect_to_experiment" (func $ml__connect_to_experiment (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v2" "ml__experiment_config" (func $ml__experiment_config (param i64 i32) (result i32)))
  (import "ark-ml-v2" "ml__stop_experiment" (func $ml__stop_experiment (param i64) (result i32)))
  (import "ark-ml-v1" "ml__stop_training" (func $ml__stop_training (param i64) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $ml__take_future_training_handle (param i64 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    ;; both instances: a TrainingHandle of their own, journaled first (the peer's goes to Params)
    (if (call $at (i32.const 0)) (then
      (if (call $connect_run1 (i32.const 0x0A10)) (then (return (i32.const 2))))
      (global.set $fut (i64.load (i32.const 0x0A10)))
      (return (call $next))))
    (if (call $at (i32.const 1)) (then
      (if (i32.eqz (call $th_ready (global.get $fut))) (then (return (i32.const 0))))
      (return (call $next))))
    (call $record (i32.const 1) (call $ml__take_future_training_handle (global.get $fut) (i32.const 0x2004)) (i32.const 0x2004) (i32.const 8))
    (if (i32.eq (i32.load (i32.const 0x84)) (i32.const 2)) (then (return (i32.const 1))))
    (call $record (i32.const 2) (i32.const 0) (i32.const 0x8C) (i32.load (i32.const 0x88)))
    (global.set $th (i64.load (i32.const 0x8C)))
    (call $window (i32.const 0x2040) (i32.const 24))
    (call $record (i32.const 3) (call $ml__experiment_config (global.get $th) (i32.const 0x2044)) (i32.const 0x2040) (i32.const 24))
    (call $check (i32.const 4) (call $ml__stop_training (global.get $th)))
    (call $check (i32.const 5) (call $ml__stop_experiment (global.get $th)))
    (i32.const 1)))
