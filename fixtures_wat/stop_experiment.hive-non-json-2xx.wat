;;@ id = "stop_experiment.hive-non-json-2xx"
;;@ title = "A 2xx stop answer whose body is not JSON is a failed request: HttpRequestFailed, the handle kept (the retry succeeds)"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "one-run-stop-malformed-once"
;;@ clauses = ["hive/answers-json-object", "ml-v2/stop_experiment/hive-failure", "ml-v2/connect_to_experiment/returns-future", "ml-v1/take_future_training_handle/writes-handle", "ml-v2/stop_experiment/invalidates-handle"]
;;@ includes = ["connect_run1", "th_ready", "take_th"]
;;@
;;@ [[check]]
;;@ id = 91
;;@ call = "ml__connect_to_experiment"
;;@ clause = "ml-v2/connect_to_experiment/returns-future"
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
;;@ clause = "ml-v2/stop_experiment/hive-failure"
;;@ code = "HttpRequestFailed"
;;@ note = "200 with a body that is not JSON"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__stop_experiment"
;;@ clause = "ml-v2/stop_experiment/invalidates-handle"
;;@ code = "Success"
;;@ note = "the handle was kept; the second answer is the normal one"
;;@
;;@ [[hive]]
;;@ route = "stop"
;;@ count = 2
;;@ clause = "hive/answers-json-object"
(module
  (import "ark-ml-v2" "ml__connect_to_experiment" (func $ml__connect_to_experiment (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v2" "ml__stop_experiment" (func $ml__stop_experiment (param i64) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $ml__take_future_training_handle (param i64 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    (if (call $at (i32.const 0)) (then
      (call $check (i32.const 91) (call $connect_run1 (i32.const 0x0A10)))
      (global.set $fut (i64.load (i32.const 0x0A10)))
      (return (call $next))))
    (if (i32.eqz (call $th_ready (global.get $fut))) (then (return (i32.const 0))))
    (call $check (i32.const 92) (call $take_th (global.get $fut)))
    (call $check (i32.const 1) (call $ml__stop_experiment (global.get $th)))
    (call $check (i32.const 2) (call $ml__stop_experiment (global.get $th)))
    (i32.const 1)))
