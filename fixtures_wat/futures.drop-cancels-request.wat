;;@ id = "futures.drop-cancels-request"
;;@ title = "drop_future of a pending future cancels its work: the host hangs up on the held hive request while the instance is still open"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "hold-start"
;;@ clauses = ["ml-v1/drop_future/releases", "ml-v2/start_training/returns-future"]
;;@ includes = ["start_std"]
;;@ notes = "The hive holds the start request; the runner waits until it is held after check 1 (a barrier), then the guest drops the future. The runner requires the host to hang up on it within 0.5 s, before it closes the instance (closing would cancel it too: futures.instance-teardown)."
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/returns-future"
;;@ code = "Success"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__drop_future"
;;@ clause = "ml-v1/drop_future/releases"
;;@ code = "Success"
;;@
;;@ [[hive]]
;;@ route = "start"
;;@ after_check = 1
;;@ held = 1
;;@ clause = "ml-v2/start_training/returns-future"
;;@ note = "a barrier: the request is held before the guest drops its future"
;;@
;;@ [[hive]]
;;@ route = "start"
;;@ abandoned = 1
;;@ clause = "ml-v1/drop_future/releases"
(module
  (import "ark-ml-v2" "ml__start_training" (func $ml__start_training (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v1" "ml__drop_future" (func $ml__drop_future (param i64) (result i32)))
  (func (export "conformance_step") (result i32)
    (if (call $at (i32.const 0)) (then
      (call $check (i32.const 1) (call $start_std (i32.const 0) (i32.const 0x0A10)))
      (global.set $fut (i64.load (i32.const 0x0A10)))
      (return (call $next))))
    (call $check (i32.const 2) (call $ml__drop_future (global.get $fut)))
    (i32.const 1)))
