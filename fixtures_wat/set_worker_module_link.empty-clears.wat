;;@ id = "set_worker_module_link.empty-clears"
;;@ title = "An empty cid (Rust's ptr 1, len 0) clears the link: a start with remote workers is then InvalidArguments"
;;@ profile = "extended"
;;@ features = ["remote-workers"]
;;@ scenario = "empty"
;;@ clauses = ["ml-v2/set_worker_module_link/remembered", "abi/strings/empty-rust-style", "ml-v2/start_training/remote-workers-need-link", "ml-v1/take_future_training_handle/writes-handle"]
;;@ includes = ["start_std", "link_std", "th_ready", "take_th"]
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__set_worker_module_link"
;;@ clause = "ml-v2/set_worker_module_link/remembered"
;;@ code = "Success"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__set_worker_module_link"
;;@ clause = "ml-v2/set_worker_module_link/remembered"
;;@ code = "Success"
;;@ note = "empty cid"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/remote-workers-need-link"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@
;;@ [[check]]
;;@ id = 4
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/set_worker_module_link/remembered"
;;@ code = "Success"
;;@ note = "no remote workers: the request carries worker_module_cid null"
;;@
;;@ [[check]]
;;@ id = 5
;;@ call = "ml__take_future_training_handle"
;;@ clause = "ml-v1/take_future_training_handle/writes-handle"
;;@ code = "Success"
;;@
;;@ [[hive]]
;;@ route = "start"
;;@ count = 1
;;@ json = { num_remote_workers = 0 }
;;@ json_null = ["worker_module_cid"]
;;@ clause = "ml-v2/set_worker_module_link/remembered"
(module
  (import "ark-ml-v2" "ml__set_worker_module_link" (func $ml__set_worker_module_link (param i32 i32) (result i32)))
  (import "ark-ml-v2" "ml__start_training" (func $ml__start_training (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $ml__take_future_training_handle (param i64 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    (if (call $at (i32.const 0)) (then
      (call $check (i32.const 1) (call $link_std))
      (call $check (i32.const 2) (call $ml__set_worker_module_link (i32.const 1) (i32.const 0)))
      (call $window (i32.const 0x2000) (i32.const 16))
      (call $record (i32.const 3) (call $start_std (i32.const 1) (i32.const 0x2004)) (i32.const 0x2000) (i32.const 16))
      (call $check (i32.const 4) (call $start_std (i32.const 0) (i32.const 0x0A10)))
      (global.set $fut (i64.load (i32.const 0x0A10)))
      (return (call $next))))
    (if (call $at (i32.const 1)) (then
      (if (i32.eqz (call $th_ready (global.get $fut))) (then (return (i32.const 0))))
      (return (call $next))))
    (call $check (i32.const 5) (call $take_th (global.get $fut)))
    (i32.const 1)))
