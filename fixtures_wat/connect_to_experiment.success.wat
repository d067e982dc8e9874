;;@ id = "connect_to_experiment.success"
;;@ title = "connect_to_experiment returns a FutureHandle at once; it resolves to a TrainingHandle after POST .../connect"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "one-run"
;;@ clauses = ["ml-v2/connect_to_experiment/returns-future", "ml-v2/connect_to_experiment/hive-request", "hive/request-shape", "ml-v1/take_future_training_handle/writes-handle", "ml-v2/connect_to_experiment/requested-run-id"]
;;@ notes = "requested-run-id is named here but not discriminated: hive simulator v1 answers a connect with the requested run_id, so a host that follows the answer's run_id behaves the same. Telling them apart needs a scenario fault that answers another run_id (conformance/hive)."
;;@ includes = ["connect_run1", "th_ready"]
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__connect_to_experiment"
;;@ clause = "ml-v2/connect_to_experiment/returns-future"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 ???????????????? a5a5a5a5"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__take_future_training_handle"
;;@ clause = "ml-v1/take_future_training_handle/writes-handle"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 ???????????????? a5a5a5a5"
;;@
;;@ [[hive]]
;;@ route = "connect"
;;@ count = 1
;;@ clause = "ml-v2/connect_to_experiment/hive-request"
;;@
;;@ [[hive]]
;;@ route = "start"
;;@ count = 0
;;@ clause = "hive/request-shape"
;;@ note = "connect goes to its own route and method, never to POST /experiments"
(module
  (import "ark-ml-v2" "ml__connect_to_experiment" (func $ml__connect_to_experiment (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $ml__take_future_training_handle (param i64 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    (if (call $at (i32.const 0)) (then
      (call $window (i32.const 0x2000) (i32.const 16))
      (call $record (i32.const 1) (call $connect_run1 (i32.const 0x2004)) (i32.const 0x2000) (i32.const 16))
      (global.set $fut (i64.load (i32.const 0x2004)))
      (return (call $next))))
    (if (call $at (i32.const 1)) (then
      (if (i32.eqz (call $th_ready (global.get $fut))) (then (return (i32.const 0))))
      (return (call $next))))
    (call $window (i32.const 0x2040) (i32.const 16))
    (call $record (i32.const 2) (call $ml__take_future_training_handle (global.get $fut) (i32.const 0x2044)) (i32.const 0x2040) (i32.const 16))
    (i32.const 1)))
