;;@ id = "connect_to_experiment.pending"
;;@ title = "connect_to_experiment returns a FutureHandle at once while the hive holds its request: the future is pending, not resolved in the call"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "one-run-hold-connect"
;;@ clauses = ["ml-v2/connect_to_experiment/returns-future", "futures/take/before-ready", "ml-v1/poll_future_training_handle/reports-readiness"]
;;@ notes = "The hive holds POST .../connect until the case ends. The runner waits until it is held after check 1 (a barrier); only then does the guest poll (ready 0) and take (Unavailable). A host that connects inside the call blocks in it until its request timeout, then fails."
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__connect_to_experiment"
;;@ clause = "ml-v2/connect_to_experiment/returns-future"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 ???????????????? a5a5a5a5"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__poll_future_training_handle"
;;@ clause = "ml-v1/poll_future_training_handle/reports-readiness"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 00 a5a5a5a5"
;;@ note = "pending: the connect answer has not come"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__take_future_training_handle"
;;@ clause = "futures/take/before-ready"
;;@ code = "Unavailable"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@
;;@ [[hive]]
;;@ route = "connect"
;;@ after_check = 1
;;@ held = 1
;;@ clause = "ml-v2/connect_to_experiment/returns-future"
;;@ note = "a barrier: the request is held at the hive after the call returned"
(module
  (import "ark-ml-v2" "ml__connect_to_experiment" (func $ml__connect_to_experiment (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $ml__take_future_training_handle (param i64 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    (if (call $at (i32.const 0)) (then
      (call $window (i32.const 0x2000) (i32.const 16))
      (call $record (i32.const 1)
        (call $ml__connect_to_experiment (call $host_ptr) (call $host_len) (call $port)
          (i32.const 0x1020) (i32.const 5) (i32.const 0x2004))
        (i32.const 0x2000) (i32.const 16))
      (global.set $fut (i64.load (i32.const 0x2004)))
      (return (call $next))))
    (call $window (i32.const 0x2040) (i32.const 9))
    (call $record (i32.const 2) (call $ml__poll_future_training_handle (global.get $fut) (i32.const 0x2044)) (i32.const 0x2040) (i32.const 9))
    (call $window (i32.const 0x2080) (i32.const 16))
    (call $record (i32.const 3) (call $ml__take_future_training_handle (global.get $fut) (i32.const 0x2084)) (i32.const 0x2080) (i32.const 16))
    (i32.const 1)))
