;;@ id = "start_training.success"
;;@ title = "start_training returns Success and a FutureHandle at once; the future resolves to a TrainingHandle"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "empty"
;;@ clauses = ["ml-v2/start_training/returns-future", "ml-v2/start_training/hive-request", "hive/request-shape", "ml-v1/take_future_training_handle/writes-handle", "abi/memory/write-exactly-sizeof", "abi/error-codes/closed-set"]
;;@ includes = ["start_std", "th_ready"]
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/returns-future"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 ???????????????? a5a5a5a5"
;;@ note = "a FutureHandle (8 bytes) and not one byte more"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__take_future_training_handle"
;;@ clause = "ml-v1/take_future_training_handle/writes-handle"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 ???????????????? a5a5a5a5"
;;@
;;@ [[hive]]
;;@ route = "start"
;;@ count = 1
;;@ json = { game_name = "pong", experiment_name = "exp-1", num_features = 7, num_actions = 3, num_remote_workers = 0, config = '{"lr":0.5}' }
;;@ json_null = ["checkpoint", "worker_module_cid"]
;;@ clause = "ml-v2/start_training/hive-request"
(module
  (import "ark-ml-v2" "ml__start_training" (func $ml__start_training (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $ml__take_future_training_handle (param i64 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    (if (call $at (i32.const 0)) (then
      (call $window (i32.const 0x2000) (i32.const 16))
      (call $record (i32.const 1) (call $start_std (i32.const 0) (i32.const 0x2004)) (i32.const 0x2000) (i32.const 16))
      (global.set $fut (i64.load (i32.const 0x2004)))
      (return (call $next))))
    (if (call $at (i32.const 1)) (then
      (if (i32.eqz (call $th_ready (global.get $fut))) (then (return (i32.const 0))))
      (return (call $next))))
    (call $window (i32.const 0x2040) (i32.const 16))
    (call $record (i32.const 2) (call $ml__take_future_training_handle (global.get $fut) (i32.const 0x2044)) (i32.const 0x2040) (i32.const 16))
    (i32.const 1)))
