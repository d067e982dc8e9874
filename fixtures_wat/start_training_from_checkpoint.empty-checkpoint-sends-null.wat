;;@ id = "start_training_from_checkpoint.empty-checkpoint-sends-null"
;;@ title = "An empty checkpoint (Rust's ptr 1, len 0) starts without a checkpoint: the request carries checkpoint null"
;;@ profile = "extended"
;;@ features = ["checkpoint"]
;;@ scenario = "empty"
;;@ clauses = ["ml-v2/start_training_from_checkpoint/sends-checkpoint", "ml-v2/start_training_from_checkpoint/returns-future", "abi/strings/empty-rust-style", "ml-v1/take_future_training_handle/writes-handle"]
;;@ includes = ["th_ready", "take_th"]
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__start_training_from_checkpoint"
;;@ clause = "ml-v2/start_training_from_checkpoint/returns-future"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 ???????????????? a5a5a5a5"
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
;;@ json = { game_name = "pong" }
;;@ json_null = ["checkpoint"]
;;@ clause = "ml-v2/start_training_from_checkpoint/sends-checkpoint"
(module
  (import "ark-ml-v2" "ml__start_training_from_checkpoint" (func $ml__start_training_from_checkpoint (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $ml__take_future_training_handle (param i64 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    (if (call $at (i32.const 0)) (then
      (call $window (i32.const 0x2000) (i32.const 16))
      (call $record (i32.const 1) (call $ml__start_training_from_checkpoint (call $host_ptr) (call $host_len) (call $port) (i32.const 0x1000) (i32.const 4) (i32.const 0x1008) (i32.const 5) (i32.const 7) (i32.const 3) (i32.const 0) (i32.const 0x1010) (i32.const 0xa) (i32.const 1) (i32.const 0) (i32.const 0x2004)) (i32.const 0x2000) (i32.const 16))
      (global.set $fut (i64.load (i32.const 0x2004)))
      (return (call $next))))
    (if (call $at (i32.const 1)) (then
      (if (i32.eqz (call $th_ready (global.get $fut))) (then (return (i32.const 0))))
      (return (call $next))))
    (call $check (i32.const 2) (call $take_th (global.get $fut)))
    (i32.const 1)))
