;;@ id = "stop_experiment.stops-remote-workers"
;;@ title = "stop_experiment of a run with two remote workers stops both on the hive"
;;@ profile = "extended"
;;@ features = ["remote-workers"]
;;@ scenario = "one-run"
;;@ clauses = ["ml-v2/stop_experiment/stops-remote-workers", "ml-v2/start_training/remote-workers-started", "ml-v2/set_worker_module_link/remembered"]
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
;;@ clause = "ml-v2/start_training/remote-workers-started"
;;@ code = "Success"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__take_future_training_handle"
;;@ clause = "ml-v2/start_training/remote-workers-started"
;;@ code = "Success"
;;@
;;@ [[check]]
;;@ id = 4
;;@ call = "ml__stop_experiment"
;;@ clause = "ml-v2/stop_experiment/stops-remote-workers"
;;@ code = "Success"
;;@
;;@ [[hive]]
;;@ route = "start"
;;@ count = 1
;;@ json = { num_remote_workers = 2, worker_module_cid = "bafy-worker" }
;;@ clause = "ml-v2/set_worker_module_link/remembered"
;;@
;;@ [[hive]]
;;@ route = "stop"
;;@ count = 1
;;@ clause = "ml-v2/stop_experiment/stops-remote-workers"
;;@
;;@ [[hive]]
;;@ workers = { running = 0, stopped = 2 }   # on the run this guest started
;;@ clause = "ml-v2/stop_experiment/stops-remote-workers"
;; Memory: params @0x100, journal @0x400, strings @0x1000, out slots @0x2000.
(module
  (import "ark-ml-v2" "ml__start_training"
    (func $start_training (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $poll_th (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $take_th (param i64 i32) (result i32)))
  (import "ark-ml-v2" "ml__set_worker_module_link" (func $link (param i32 i32) (result i32)))
  (import "ark-ml-v2" "ml__stop_experiment" (func $stop (param i64) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 0x1030) "bafy-worker")
  (data (i32.const 0x1000) "pong")
  (data (i32.const 0x1010) "exp")
  (data (i32.const 0x1020) "{}")
  (global $state (mut i32) (i32.const 0))
  (func (export "conformance_protocol") (result i32) (i32.const 1))
  (func (export "conformance_params") (result i32) (i32.const 0x100))
  (func (export "conformance_journal") (result i32) (i32.const 0x400))
  (func $record (param $check i32) (param $code i32) (param $ptr i32) (param $len i32)
    (local $at i32)
    (local.set $at (i32.add (i32.const 0x404) (i32.mul (i32.load (i32.const 0x400)) (i32.const 16))))
    (i32.store (local.get $at) (local.get $check))
    (i32.store offset=4 (local.get $at) (local.get $code))
    (i32.store offset=8 (local.get $at) (local.get $ptr))
    (i32.store offset=12 (local.get $at) (local.get $len))
    (i32.store (i32.const 0x400) (i32.add (i32.load (i32.const 0x400)) (i32.const 1))))
  (func (export "conformance_step") (result i32)
    (local $code i32)
    (if (i32.eqz (global.get $state))
      (then
        (call $record (i32.const 1) (call $link (i32.const 0x1030) (i32.const 11)) (i32.const 0) (i32.const 0))
        (local.set $code
          (call $start_training
            (i32.const 0x10c) (i32.load (i32.const 0x108)) (i32.load (i32.const 0x104))
            (i32.const 0x1000) (i32.const 4) (i32.const 0x1010) (i32.const 3)
            (i32.const 4) (i32.const 2) (i32.const 2)
            (i32.const 0x1020) (i32.const 2) (i32.const 0x2000)))
        (call $record (i32.const 2) (local.get $code) (i32.const 0) (i32.const 0))
        (if (local.get $code) (then (return (i32.const 1))))
        (global.set $state (i32.const 1))
        (return (i32.const 0))))
    (local.set $code (call $poll_th (i64.load (i32.const 0x2000)) (i32.const 0x2008)))
    (if (local.get $code) (then (return (i32.const 1))))
    (if (i32.eqz (i32.load8_u (i32.const 0x2008))) (then (return (i32.const 0))))
    (local.set $code (call $take_th (i64.load (i32.const 0x2000)) (i32.const 0x2010)))
    (call $record (i32.const 3) (local.get $code) (i32.const 0) (i32.const 0))
    (if (local.get $code) (then (return (i32.const 1))))
    (call $record (i32.const 4) (call $stop (i64.load (i32.const 0x2010))) (i32.const 0) (i32.const 0))
    (i32.const 1))
)
