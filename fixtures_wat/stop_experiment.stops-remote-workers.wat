;;@ id = "stop_experiment.stops-remote-workers"
;;@ title = "stop_experiment of a run with 2 remote workers stops both on the hive (POST .../stop)"
;;@ profile = "extended"
;;@ features = ["remote-workers"]
;;@ scenario = "empty"
;;@ clauses = ["ml-v2/stop_experiment/stops-remote-workers", "ml-v2/start_training/remote-workers-started", "ml-v2/set_worker_module_link/remembered", "ml-v2/start_training/returns-future", "ml-v1/take_future_training_handle/writes-handle"]
;;@ includes = ["start_std", "link_std", "th_ready", "take_th"]
;;@
;;@ [[check]]
;;@ id = 90
;;@ call = "ml__set_worker_module_link"
;;@ clause = "ml-v2/set_worker_module_link/remembered"
;;@ code = "Success"
;;@
;;@ [[check]]
;;@ id = 91
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/returns-future"
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
;;@ [[hive]]
;;@ route = "stop"
;;@ count = 1
;;@ clause = "ml-v2/stop_experiment/stops-remote-workers"
;;@
;;@ [[hive]]
;;@ route = "disconnect"
;;@ count = 0
;;@ clause = "ml-v2/stop_experiment/stops-remote-workers"
;;@
;;@ [[hive]]
;;@ after_check = 92
;;@ workers = { running = 2, stopped = 0 }
;;@ clause = "ml-v2/start_training/remote-workers-started"
;;@ note = "before the stop: both workers running (a snapshot when the TrainingHandle was taken)"
;;@
;;@ [[hive]]
;;@ workers = { running = 0, stopped = 2 }
;;@ clause = "ml-v2/stop_experiment/stops-remote-workers"
(module
  (import "ark-ml-v2" "ml__set_worker_module_link" (func $ml__set_worker_module_link (param i32 i32) (result i32)))
  (import "ark-ml-v2" "ml__start_training" (func $ml__start_training (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v2" "ml__stop_experiment" (func $ml__stop_experiment (param i64) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $ml__take_future_training_handle (param i64 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    (if (call $at (i32.const 0)) (then
      (call $check (i32.const 90) (call $link_std))
      (call $check (i32.const 91) (call $start_std (i32.const 2) (i32.const 0x0A10)))
      (global.set $fut (i64.load (i32.const 0x0A10)))
      (return (call $next))))
    (if (call $at (i32.const 1)) (then
      (if (i32.eqz (call $th_ready (global.get $fut))) (then (return (i32.const 0))))
      (return (call $next))))
    (if (call $at (i32.const 2)) (then
      (call $check (i32.const 92) (call $take_th (global.get $fut)))
      (return (call $next))))  ;; the stop comes in a later step, after the runner's snapshot
    (call $check (i32.const 1) (call $ml__stop_experiment (global.get $th)))
    (i32.const 1)))
