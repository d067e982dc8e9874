;;@ id = "start_training.config-depth-128"
;;@ title = "A config nested exactly 128 levels (the limit, an object innermost) is accepted and sent unchanged"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "empty"
;;@ clauses = ["ml-v2/start_training/config-json-grammar", "ml-v2/start_training/hive-request", "ml-v2/start_training/returns-future", "ml-v1/take_future_training_handle/writes-handle"]
;;@ includes = ["th_ready", "take_th"]
;;@ notes = "127 nested arrays around one object: 128 levels, the most config-json-grammar allows (start_training.config-json-grammar rejects 129). A host whose limit is exclusive (depth < 128), or that does not count an object as a level, gets this boundary wrong on one side or the other."
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/config-json-grammar"
;;@ code = "Success"
;;@ note = "config = 127 arrays around {\"k\":0}: 128 levels"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__take_future_training_handle"
;;@ clause = "ml-v1/take_future_training_handle/writes-handle"
;;@ code = "Success"
;;@
;;@ [[hive]]
;;@ route = "start"
;;@ json = { config = "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[{\"k\":0}]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]" }
;;@ clause = "ml-v2/start_training/hive-request"
(module
  (import "ark-ml-v2" "ml__start_training" (func $ml__start_training (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $ml__take_future_training_handle (param i64 i32) (result i32)))
  (data (i32.const 0x1100) "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[{\"k\":0}]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]")
  (func (export "conformance_step") (result i32)
    (if (call $at (i32.const 0)) (then
      (call $check (i32.const 1)
        (call $ml__start_training (call $host_ptr) (call $host_len) (call $port)
          (i32.const 0x1000) (i32.const 4) (i32.const 0x1008) (i32.const 5)
          (i32.const 7) (i32.const 3) (i32.const 0)
          (i32.const 0x1100) (i32.const 261) (i32.const 0x0A10)))
      (global.set $fut (i64.load (i32.const 0x0A10)))
      (return (call $next))))
    (if (i32.eqz (call $th_ready (global.get $fut))) (then (return (i32.const 0))))
    (call $check (i32.const 2) (call $take_th (global.get $fut)))
    (i32.const 1)))
