;;@ id = "futures.drop-ready-and-failed"
;;@ title = "drop_future of a ready and of a failed future both return Success"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "one-run"
;;@ clauses = ["ml-v1/drop_future/releases", "ml-v2/connect_to_experiment/returns-future"]
;;@ includes = ["connect_run1", "th_ready"]
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__connect_to_experiment"
;;@ clause = "ml-v2/connect_to_experiment/returns-future"
;;@ code = "Success"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__connect_to_experiment"
;;@ clause = "ml-v2/connect_to_experiment/returns-future"
;;@ code = "Success"
;;@ note = "run 'nope': fails"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__drop_future"
;;@ clause = "ml-v1/drop_future/releases"
;;@ code = "Success"
;;@ note = "ready"
;;@
;;@ [[check]]
;;@ id = 4
;;@ call = "ml__drop_future"
;;@ clause = "ml-v1/drop_future/releases"
;;@ code = "Success"
;;@ note = "failed"
(module
  (import "ark-ml-v2" "ml__connect_to_experiment" (func $ml__connect_to_experiment (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__drop_future" (func $ml__drop_future (param i64) (result i32)))
  (data (i32.const 0x1100) "nope")
  (func (export "conformance_step") (result i32)
    (if (call $at (i32.const 0)) (then
      (call $check (i32.const 1) (call $connect_run1 (i32.const 0x0A10)))
      (global.set $fut (i64.load (i32.const 0x0A10)))
      (call $check (i32.const 2) (call $ml__connect_to_experiment (call $host_ptr) (call $host_len) (call $port) (i32.const 0x1100) (i32.const 4) (i32.const 0x0A18)))
      (global.set $fut2 (i64.load (i32.const 0x0A18)))
      (return (call $next))))
    (if (call $at (i32.const 1)) (then
      (if (i32.eqz (call $th_ready (global.get $fut))) (then (return (i32.const 0))))
      (return (call $next))))
    (if (call $at (i32.const 2)) (then
      (if (i32.eqz (call $th_ready (global.get $fut2))) (then (return (i32.const 0))))
      (return (call $next))))
    (call $check (i32.const 3) (call $ml__drop_future (global.get $fut)))
    (call $check (i32.const 4) (call $ml__drop_future (global.get $fut2)))
    (i32.const 1)))
