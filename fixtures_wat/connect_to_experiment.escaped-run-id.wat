;;@ id = "connect_to_experiment.escaped-run-id"
;;@ title = "A run_id with '/', a space, '?', '%' and non-ASCII is percent-encoded in the route: connect and experiment_config reach the run"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "one-run-escaped-id"
;;@ clauses = ["hive/request-shape", "ml-v2/connect_to_experiment/returns-future"]
;;@ includes = ["th_ready", "take_th", "cfg_ready"]
;;@ notes = "Every other fixture's run ids are unreserved ASCII, so a host that builds the path without percent-encoding, or with urllib's default quote (which keeps '/'), passes them. The run 'team/run 1?%\u00e9' is the one-run scenario's run under another id; a path with a raw '/' or '?' names no route (404) and the future fails."
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__connect_to_experiment"
;;@ clause = "ml-v2/connect_to_experiment/returns-future"
;;@ code = "Success"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__take_future_training_handle"
;;@ clause = "hive/request-shape"
;;@ code = "Success"
;;@ note = "the hive found the run under its encoded id"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__experiment_config"
;;@ clause = "hive/request-shape"
;;@ code = "Success"
;;@
;;@ [[check]]
;;@ id = 4
;;@ call = "ml__take_future_ark_experiment_config"
;;@ clause = "hive/request-shape"
;;@ code = "Success"
;;@ bytes = "07000000 03000000"
;;@ note = "GET .../runs/{run_id}/config reached the same run: 7 features, 3 actions"
;;@
;;@ [[hive]]
;;@ route = "connect"
;;@ count = 1
;;@ clause = "hive/request-shape"
;;@
;;@ [[hive]]
;;@ route = "config"
;;@ count = 1
;;@ clause = "hive/request-shape"
(module
  (import "ark-ml-v2" "ml__connect_to_experiment" (func $ml__connect_to_experiment (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v2" "ml__experiment_config" (func $ml__experiment_config (param i64 i32) (result i32)))
  (import "ark-ml-v2" "ml__poll_future_ark_experiment_config" (func $ml__poll_future_ark_experiment_config (param i64 i32) (result i32)))
  (import "ark-ml-v2" "ml__take_future_ark_experiment_config" (func $ml__take_future_ark_experiment_config (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $ml__take_future_training_handle (param i64 i32) (result i32)))
  (data (i32.const 0x1100) "team/run 1?%\c3\a9")
  (func (export "conformance_step") (result i32)
    (if (call $at (i32.const 0)) (then
      (call $check (i32.const 1) (call $ml__connect_to_experiment (call $host_ptr) (call $host_len) (call $port) (i32.const 0x1100) (i32.const 14) (i32.const 0x0A10)))
      (global.set $fut (i64.load (i32.const 0x0A10)))
      (return (call $next))))
    (if (call $at (i32.const 1)) (then
      (if (i32.eqz (call $th_ready (global.get $fut))) (then (return (i32.const 0))))
      (return (call $next))))
    (if (call $at (i32.const 2)) (then
      (call $check (i32.const 2) (call $take_th (global.get $fut)))
      (call $check (i32.const 3) (call $ml__experiment_config (global.get $th) (i32.const 0x0A10)))
      (global.set $fut (i64.load (i32.const 0x0A10)))
      (return (call $next))))
    (if (call $at (i32.const 3)) (then
      (if (i32.eqz (call $cfg_ready (global.get $fut))) (then (return (i32.const 0))))
      (return (call $next))))
    (call $record (i32.const 4) (call $ml__take_future_ark_experiment_config (global.get $fut) (i32.const 0x2000)) (i32.const 0x2000) (i32.const 8))
    (i32.const 1)))
