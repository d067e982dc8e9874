;;@ id = "connect_to_experiment.stopped-run"
;;@ title = "Connecting to a stopped run (409) fails the future"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "stopped-run"
;;@ clauses = ["ml-v2/connect_to_experiment/hive-request", "futures/failed", "ml-v2/connect_to_experiment/returns-future"]
;;@ includes = ["th_ready"]
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
;;@ clause = "futures/failed"
;;@ code = "HttpRequestFailed"
;;@ bytes = "a5a5a5a5 a5 a5a5a5a5"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__take_future_training_handle"
;;@ clause = "futures/failed"
;;@ code = "HttpRequestFailed"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@
;;@ [[hive]]
;;@ route = "connect"
;;@ count = 1
;;@ clause = "ml-v2/connect_to_experiment/hive-request"
(module
  (import "ark-ml-v2" "ml__connect_to_experiment" (func $ml__connect_to_experiment (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $ml__take_future_training_handle (param i64 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    (if (call $at (i32.const 0)) (then
      (call $window (i32.const 0x2000) (i32.const 16))
      (call $record (i32.const 1) (call $ml__connect_to_experiment (call $host_ptr) (call $host_len) (call $port) (i32.const 0x1020) (i32.const 5) (i32.const 0x2004)) (i32.const 0x2000) (i32.const 16))
      (global.set $fut (i64.load (i32.const 0x2004)))
      (return (call $next))))
    (if (call $at (i32.const 1)) (then
      (if (i32.eqz (call $th_ready (global.get $fut))) (then (return (i32.const 0))))
      (return (call $next))))
    (call $window (i32.const 0x2040) (i32.const 9))
    (call $record (i32.const 2) (call $ml__poll_future_training_handle (global.get $fut) (i32.const 0x2044)) (i32.const 0x2040) (i32.const 9))
    (call $window (i32.const 0x2080) (i32.const 16))
    (call $record (i32.const 3) (call $ml__take_future_training_handle (global.get $fut) (i32.const 0x2084)) (i32.const 0x2080) (i32.const 16))
    (i32.const 1)))
