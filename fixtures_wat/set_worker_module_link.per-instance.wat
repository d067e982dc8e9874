;;@ id = "set_worker_module_link.per-instance"
;;@ title = "A worker module link set by another instance on the same host is not this instance's: no cid is sent, and remote workers need a link here"
;;@ profile = "extended"
;;@ features = ["remote-workers"]
;;@ scenario = "empty"
;;@ clauses = ["ml-v2/set_worker_module_link/remembered", "ml-v2/start_training/remote-workers-need-link", "ml-v2/start_training/hive-request", "ml-v2/start_training/returns-future", "ml-v1/take_future_training_handle/writes-handle"]
;;@ includes = ["start_std", "link_std", "th_ready", "take_th"]
;;@ instances = 2
;;@ notes = "The peer instance (Params instance = 2) sets the link bafy-worker-1, journals the call's code and stays open. This instance never sets one: a host that keeps the link host-wide sends the peer's cid with 0 workers and accepts 1 remote worker."
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/returns-future"
;;@ code = "Success"
;;@ note = "0 remote workers"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__take_future_training_handle"
;;@ clause = "ml-v1/take_future_training_handle/writes-handle"
;;@ code = "Success"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/remote-workers-need-link"
;;@ code = "InvalidArguments"
;;@ note = "1 remote worker, the link only in the peer"
;;@
;;@ [[hive]]
;;@ route = "start"
;;@ count = 1
;;@ clause = "ml-v2/start_training/remote-workers-need-link"
;;@
;;@ [[hive]]
;;@ route = "start"
;;@ json_null = ["worker_module_cid"]
;;@ clause = "ml-v2/set_worker_module_link/remembered"
;;@ note = "the peer's link is not sent for this instance"
(module
  (import "ark-ml-v2" "ml__set_worker_module_link" (func $ml__set_worker_module_link (param i32 i32) (result i32)))
  (import "ark-ml-v2" "ml__start_training" (func $ml__start_training (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $ml__take_future_training_handle (param i64 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    ;; the peer: set the link, journal the code, done (it stays open while this instance runs)
    (if (i32.eq (i32.load (i32.const 0x84)) (i32.const 2)) (then
      (call $check (i32.const 1) (call $link_std))
      (return (i32.const 1))))
    (if (call $at (i32.const 0)) (then
      (call $check (i32.const 1) (call $start_std (i32.const 0) (i32.const 0x0A10)))
      (global.set $fut (i64.load (i32.const 0x0A10)))
      (return (call $next))))
    (if (i32.eqz (call $th_ready (global.get $fut))) (then (return (i32.const 0))))
    (call $check (i32.const 2) (call $take_th (global.get $fut)))
    (call $check (i32.const 3) (call $start_std (i32.const 1) (i32.const 0x0A10)))
    (i32.const 1)))
