;;@ id = "start_training.cid-without-workers"
;;@ title = "With a worker module link set, the start request carries worker_module_cid even with 0 remote workers (and with 2)"
;;@ profile = "extended"
;;@ features = ["remote-workers"]
;;@ scenario = "empty"
;;@ clauses = ["ml-v2/start_training/hive-request", "ml-v2/set_worker_module_link/remembered", "ml-v2/start_training/remote-workers-started", "ml-v2/start_training/returns-future", "ml-v1/take_future_training_handle/writes-handle"]
;;@ includes = ["start_std", "link_std", "th_ready", "take_th"]
;;@ notes = "Two starts after one link: 0 workers, then 2. The hive assertions pick each start request (nth) and the run each start created (started)."
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__set_worker_module_link"
;;@ clause = "ml-v2/set_worker_module_link/remembered"
;;@ code = "Success"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/returns-future"
;;@ code = "Success"
;;@ note = "0 remote workers"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__take_future_training_handle"
;;@ clause = "ml-v1/take_future_training_handle/writes-handle"
;;@ code = "Success"
;;@
;;@ [[check]]
;;@ id = 4
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/returns-future"
;;@ code = "Success"
;;@ note = "2 remote workers"
;;@
;;@ [[check]]
;;@ id = 5
;;@ call = "ml__take_future_training_handle"
;;@ clause = "ml-v1/take_future_training_handle/writes-handle"
;;@ code = "Success"
;;@
;;@ [[hive]]
;;@ route = "start"
;;@ nth = 1
;;@ json = { num_remote_workers = 0, worker_module_cid = "bafy-worker-1" }
;;@ clause = "ml-v2/start_training/hive-request"
;;@
;;@ [[hive]]
;;@ route = "start"
;;@ nth = 2
;;@ json = { num_remote_workers = 2, worker_module_cid = "bafy-worker-1" }
;;@ clause = "ml-v2/start_training/hive-request"
;;@
;;@ [[hive]]
;;@ started = 1
;;@ workers = { running = 0 }
;;@ clause = "ml-v2/start_training/remote-workers-started"
;;@
;;@ [[hive]]
;;@ started = 2
;;@ workers = { running = 2 }
;;@ clause = "ml-v2/start_training/remote-workers-started"
(module
  (import "ark-ml-v2" "ml__set_worker_module_link" (func $ml__set_worker_module_link (param i32 i32) (result i32)))
  (import "ark-ml-v2" "ml__start_training" (func $ml__start_training (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $ml__take_future_training_handle (param i64 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    (if (call $at (i32.const 0)) (then
      (call $check (i32.const 1) (call $link_std))
      (call $check (i32.const 2) (call $start_std (i32.const 0) (i32.const 0x0A10)))
      (global.set $fut (i64.load (i32.const 0x0A10)))
      (return (call $next))))
    (if (call $at (i32.const 1)) (then
      (if (i32.eqz (call $th_ready (global.get $fut))) (then (return (i32.const 0))))
      (call $check (i32.const 3) (call $take_th (global.get $fut)))
      (call $check (i32.const 4) (call $start_std (i32.const 2) (i32.const 0x0A10)))
      (global.set $fut (i64.load (i32.const 0x0A10)))
      (return (call $next))))
    (if (i32.eqz (call $th_ready (global.get $fut))) (then (return (i32.const 0))))
    (call $check (i32.const 5) (call $take_th (global.get $fut)))
    (i32.const 1)))
