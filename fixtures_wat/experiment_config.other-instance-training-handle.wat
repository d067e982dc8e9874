;;@ id = "experiment_config.other-instance-training-handle"
;;@ title = "A live TrainingHandle of another instance on the same host is NotFound here: experiment_config, stop_experiment and stop_training, with no request"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "one-run"
;;@ clauses = ["ml-v2/experiment_config/unknown-handle", "ml-v2/stop_experiment/unknown-handle", "ml-v1/stop_training/unknown-handle", "abi/memory/write-only-on-success"]
;;@ includes = ["connect_run1", "th_ready", "take_th"]
;;@ instances = 2
;;@ notes = "The peer instance (Params instance = 2) connects to run-1, takes its TrainingHandle and journals it; the runner passes it to this instance (Params peer_data at 0x8C) while the peer stays open, so the handle is live, only not this instance's. The peer returns 2 or 3 (the case fails) if its connect or take does not succeed. A host with one TrainingHandle table per host finds the peer's run and sends GET .../config, .../stop or .../disconnect for it."
;;@
;;@ [[check]]
;;@ id = 1
;;@ observe = "the peer instance's live TrainingHandle, as the runner passed it in Params"
;;@ clause = "ml-v2/experiment_config/unknown-handle"
;;@ bytes = "????????????????"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__experiment_config"
;;@ clause = "ml-v2/experiment_config/unknown-handle"
;;@ code = "NotFound"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__stop_training"
;;@ clause = "ml-v1/stop_training/unknown-handle"
;;@ code = "NotFound"
;;@
;;@ [[check]]
;;@ id = 4
;;@ call = "ml__stop_experiment"
;;@ clause = "ml-v2/stop_experiment/unknown-handle"
;;@ code = "NotFound"
;;@
;;@ [[hive]]
;;@ route = "connect"
;;@ count = 1
;;@ clause = "ml-v2/experiment_config/unknown-handle"
;;@ note = "the peer's connect only"
;;@
;;@ [[hive]]
;;@ route = "config"
;;@ count = 0
;;@ clause = "ml-v2/experiment_config/unknown-handle"
;;@
;;@ [[hive]]
;;@ route = "disconnect"
;;@ count = 0
;;@ clause = "ml-v1/stop_training/unknown-handle"
;;@
;;@ [[hive]]
;;@ route = "stop"
;;@ count = 0
;;@ clause = "ml-v2/stop_experiment/unknown-handle"
(module
  (import "ark-ml-v2" "ml__connect_to_experiment" (func $ml__connect_to_experiment (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v2" "ml__experiment_config" (func $ml__experiment_config (param i64 i32) (result i32)))
  (import "ark-ml-v2" "ml__stop_experiment" (func $ml__stop_experiment (param i64) (result i32)))
  (import "ark-ml-v1" "ml__stop_training" (func $ml__stop_training (param i64) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $ml__take_future_training_handle (param i64 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    ;; the peer: connect, wait, take the TrainingHandle and journal it (its first record goes to Params)
    (if (i32.eq (i32.load (i32.const 0x84)) (i32.const 2)) (then
      (if (call $at (i32.const 0)) (then
        (if (call $connect_run1 (i32.const 0x0A10)) (then (return (i32.const 2))))
        (global.set $fut (i64.load (i32.const 0x0A10)))
        (return (call $next))))
      (if (i32.eqz (call $th_ready (global.get $fut))) (then (return (i32.const 0))))
      (global.set $n (call $take_th (global.get $fut)))
      (call $record (i32.const 1) (global.get $n) (i32.const 0x0A08) (i32.const 8))
      (if (global.get $n) (then (return (i32.const 3))))  ;; no TrainingHandle to pass on: the case fails
      (return (i32.const 1))))
    (call $record (i32.const 1) (i32.const 0) (i32.const 0x8C) (i32.load (i32.const 0x88)))
    (global.set $th (i64.load (i32.const 0x8C)))
    (call $window (i32.const 0x2000) (i32.const 24))
    (call $record (i32.const 2) (call $ml__experiment_config (global.get $th) (i32.const 0x2004)) (i32.const 0x2000) (i32.const 24))
    (call $check (i32.const 3) (call $ml__stop_training (global.get $th)))
    (call $check (i32.const 4) (call $ml__stop_experiment (global.get $th)))
    (i32.const 1)))
