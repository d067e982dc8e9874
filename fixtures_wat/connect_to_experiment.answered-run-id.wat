;;@ id = "connect_to_experiment.answered-run-id"
;;@ title = "A connect answer naming another run changes nothing: experiment_config and stop_experiment address the requested run"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "connect-answers-other-run"
;;@ clauses = ["ml-v2/connect_to_experiment/requested-run-id", "ml-v2/connect_to_experiment/returns-future", "ml-v1/take_future_training_handle/writes-handle", "ml-v2/experiment_config/returns-two-futures", "ml-v2/stop_experiment/stops-remote-workers"]
;;@ includes = ["connect_run1", "th_ready", "cfg_ready", "take_th"]
;;@ notes = "The hive answers POST .../run-1/connect with {\"run_id\": \"run-2\"}. run-1 is 7/3 with one worker, run-2 is 9/4 with one worker, so a host that follows the answered id reads 9/4 and stops run-2's worker."
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
;;@ call = "ml__take_future_ark_experiment_config"
;;@ clause = "ml-v2/connect_to_experiment/requested-run-id"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 07000000 03000000 a5a5a5a5"
;;@ note = "run-1's counts (run-2 would be 09000000 04000000)"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__stop_experiment"
;;@ clause = "ml-v2/connect_to_experiment/requested-run-id"
;;@ code = "Success"
;;@
;;@ [[hive]]
;;@ run_id = "run-1"
;;@ workers = { running = 0, stopped = 1 }
;;@ clause = "ml-v2/stop_experiment/stops-remote-workers"
;;@ note = "the requested run is the one stopped"
;;@
;;@ [[hive]]
;;@ run_id = "run-2"
;;@ workers = { running = 1, stopped = 0 }
;;@ clause = "ml-v2/connect_to_experiment/requested-run-id"
;;@ note = "the run the answer named is left alone"
(module
  (import "ark-ml-v2" "ml__connect_to_experiment" (func $ml__connect_to_experiment (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v2" "ml__experiment_config" (func $ml__experiment_config (param i64 i32) (result i32)))
  (import "ark-ml-v2" "ml__poll_future_ark_experiment_config" (func $ml__poll_future_ark_experiment_config (param i64 i32) (result i32)))
  (import "ark-ml-v2" "ml__take_future_ark_experiment_config" (func $ml__take_future_ark_experiment_config (param i64 i32) (result i32)))
  (import "ark-ml-v2" "ml__stop_experiment" (func $ml__stop_experiment (param i64) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $ml__take_future_training_handle (param i64 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    (if (call $at (i32.const 0)) (then
      (call $check (i32.const 91) (call $connect_run1 (i32.const 0x0A10)))
      (global.set $fut (i64.load (i32.const 0x0A10)))
      (return (call $next))))
    (if (call $at (i32.const 1)) (then
      (if (i32.eqz (call $th_ready (global.get $fut))) (then (return (i32.const 0))))
      (call $check (i32.const 92) (call $take_th (global.get $fut)))
      (call $check (i32.const 1) (call $ml__experiment_config (global.get $th) (i32.const 0x0A10)))
      (global.set $fut (i64.load (i32.const 0x0A10)))
      (return (call $next))))
    (if (i32.eqz (call $cfg_ready (global.get $fut))) (then (return (i32.const 0))))
    (call $window (i32.const 0x2000) (i32.const 16))
    (call $record (i32.const 2) (call $ml__take_future_ark_experiment_config (global.get $fut) (i32.const 0x2004)) (i32.const 0x2000) (i32.const 16))
    (call $check (i32.const 3) (call $ml__stop_experiment (global.get $th)))
    (i32.const 1)))
