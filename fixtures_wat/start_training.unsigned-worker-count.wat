;;@ id = "start_training.unsigned-worker-count"
;;@ title = "num_remote_workers of 2^31 and 2^32 - 1 is a u32: without a link it is InvalidArguments, with one the hive receives it unsigned"
;;@ profile = "extended"
;;@ features = ["remote-workers"]
;;@ scenario = "empty"
;;@ clauses = ["ml-v2/start_training/remote-workers-need-link", "ml-v2/start_training/hive-request", "abi/pointers/unsigned", "ml-v2/set_worker_module_link/remembered", "ml-v2/start_training/returns-future"]
;;@ includes = ["start_std", "link_std", "th_ready", "take_th"]
;;@ notes = "A host that reads the count as i32 sees -2^31 'workers', which is not > 0, so it skips the link check and sends a negative count. The simulator refuses more than max_remote_workers (default 64) with 422 too_many_workers (docs/hive-protocol.md), so the linked starts fail at the hive (HttpRequestFailed) after their body was recorded, instead of spawning 2^31 workers."
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/remote-workers-need-link"
;;@ code = "InvalidArguments"
;;@ note = "2^31 workers, no link: a signed read sees a negative count"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__set_worker_module_link"
;;@ clause = "ml-v2/set_worker_module_link/remembered"
;;@ code = "Success"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/returns-future"
;;@ code = "Success"
;;@ note = "2^31 workers"
;;@
;;@ [[check]]
;;@ id = 4
;;@ call = "ml__take_future_training_handle"
;;@ clause = "ml-v2/start_training/hive-request"
;;@ code = "HttpRequestFailed"
;;@ note = "422 too_many_workers"
;;@
;;@ [[check]]
;;@ id = 5
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/returns-future"
;;@ code = "Success"
;;@ note = "2^32 - 1 workers"
;;@
;;@ [[check]]
;;@ id = 6
;;@ call = "ml__take_future_training_handle"
;;@ clause = "ml-v2/start_training/hive-request"
;;@ code = "HttpRequestFailed"
;;@
;;@ [[hive]]
;;@ route = "start"
;;@ count = 2
;;@ clause = "ml-v2/start_training/remote-workers-need-link"
;;@ note = "the start without a link sent nothing"
;;@
;;@ [[hive]]
;;@ route = "start"
;;@ nth = 1
;;@ json = { num_remote_workers = 2147483648, worker_module_cid = "bafy-worker-1" }
;;@ clause = "abi/pointers/unsigned"
;;@
;;@ [[hive]]
;;@ route = "start"
;;@ nth = 2
;;@ json = { num_remote_workers = 4294967295, worker_module_cid = "bafy-worker-1" }
;;@ clause = "abi/pointers/unsigned"
(module
  (import "ark-ml-v2" "ml__set_worker_module_link" (func $ml__set_worker_module_link (param i32 i32) (result i32)))
  (import "ark-ml-v2" "ml__start_training" (func $ml__start_training (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $ml__take_future_training_handle (param i64 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    (if (call $at (i32.const 0)) (then
      (call $check (i32.const 1) (call $start_std (i32.const 0x8000_0000) (i32.const 0x0A10)))
      (call $check (i32.const 2) (call $link_std))
      (call $check (i32.const 3) (call $start_std (i32.const 0x8000_0000) (i32.const 0x0A10)))
      (global.set $fut (i64.load (i32.const 0x0A10)))
      (return (call $next))))
    (if (call $at (i32.const 1)) (then
      (if (i32.eqz (call $th_ready (global.get $fut))) (then (return (i32.const 0))))
      (call $check (i32.const 4) (call $take_th (global.get $fut)))
      (call $check (i32.const 5) (call $start_std (i32.const 0xFFFF_FFFF) (i32.const 0x0A10)))
      (global.set $fut (i64.load (i32.const 0x0A10)))
      (return (call $next))))
    (if (i32.eqz (call $th_ready (global.get $fut))) (then (return (i32.const 0))))
    (call $check (i32.const 6) (call $take_th (global.get $fut)))
    (i32.const 1)))
