;;@ id = "start_training.config-exact-string"
;;@ title = "The hive receives config as the exact string the guest passed: spacing, key order, number spelling and escapes kept"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "empty"
;;@ clauses = ["ml-v2/start_training/hive-request", "ml-v2/start_training/returns-future", "ml-v1/take_future_training_handle/writes-handle"]
;;@ includes = ["th_ready", "take_th"]
;;@ notes = "A host that parses and re-encodes the JSON (to validate it) sends {\"b\": [1, 2.5, 100.0], \"a\": \"\\u00e9/\\t\"} or similar: every choice a re-encoder makes (spaces, key order, 2.50, 1E2, \\u00e9, \\/, \\t) differs from the text here."
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/returns-future"
;;@ code = "Success"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__take_future_training_handle"
;;@ clause = "ml-v1/take_future_training_handle/writes-handle"
;;@ code = "Success"
;;@
;;@ [[hive]]
;;@ route = "start"
;;@ count = 1
;;@ json = { config = '{ "b": [1, 2.50, 1E2],  "a" : "\u00e9\/\t" }' }
;;@ clause = "ml-v2/start_training/hive-request"
(module
  (import "ark-ml-v2" "ml__start_training" (func $ml__start_training (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $ml__take_future_training_handle (param i64 i32) (result i32)))
  (data (i32.const 0x1100) "{ \"b\": [1, 2.50, 1E2],  \"a\" : \"\\u00e9\\/\\t\" }")
  (func (export "conformance_step") (result i32)
    (if (call $at (i32.const 0)) (then
      (call $check (i32.const 1) (call $ml__start_training (call $host_ptr) (call $host_len) (call $port)
        (i32.const 0x1000) (i32.const 4) (i32.const 0x1008) (i32.const 5)
        (i32.const 7) (i32.const 3) (i32.const 0)
        (i32.const 0x1100) (i32.const 44) (i32.const 0x0A10)))
      (global.set $fut (i64.load (i32.const 0x0A10)))
      (return (call $next))))
    (if (i32.eqz (call $th_ready (global.get $fut))) (then (return (i32.const 0))))
    (call $check (i32.const 2) (call $take_th (global.get $fut)))
    (i32.const 1)))
