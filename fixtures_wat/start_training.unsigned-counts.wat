;;@ id = "start_training.unsigned-counts"
;;@ title = "num_features and num_actions of 2^31 and more are u32: the hive receives them unsigned, each tried alone"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "empty"
;;@ clauses = ["abi/pointers/unsigned", "ml-v2/start_training/hive-request", "ml-v2/start_training/returns-future", "ml-v1/take_future_training_handle/writes-handle"]
;;@ includes = ["th_ready", "take_th"]
;;@ notes = "One hard value per call (num_features = 0x8000_0007 with 3 actions, then 7 features with num_actions = 0xFFFF_FFFF), so a host that reads either count as i32 is caught on that count alone."
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/returns-future"
;;@ code = "Success"
;;@ note = "num_features = 2147483655"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__take_future_training_handle"
;;@ clause = "ml-v1/take_future_training_handle/writes-handle"
;;@ code = "Success"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/returns-future"
;;@ code = "Success"
;;@ note = "num_actions = 4294967295"
;;@
;;@ [[check]]
;;@ id = 4
;;@ call = "ml__take_future_training_handle"
;;@ clause = "ml-v1/take_future_training_handle/writes-handle"
;;@ code = "Success"
;;@
;;@ [[hive]]
;;@ route = "start"
;;@ count = 2
;;@ clause = "abi/pointers/unsigned"
;;@
;;@ [[hive]]
;;@ route = "start"
;;@ nth = 1
;;@ json = { num_features = 2147483655, num_actions = 3 }
;;@ clause = "abi/pointers/unsigned"
;;@
;;@ [[hive]]
;;@ route = "start"
;;@ nth = 2
;;@ json = { num_features = 7, num_actions = 4294967295 }
;;@ clause = "abi/pointers/unsigned"
(module
  (import "ark-ml-v2" "ml__start_training" (func $ml__start_training (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $ml__take_future_training_handle (param i64 i32) (result i32)))
  ;; start_training with the standard strings and these counts; FutureHandle kept in $fut
  (func $start_counts (param $features i32) (param $actions i32) (result i32)
    (local $code i32)
    (local.set $code (call $ml__start_training (call $host_ptr) (call $host_len) (call $port)
      (i32.const 0x1000) (i32.const 4) (i32.const 0x1008) (i32.const 5)
      (local.get $features) (local.get $actions) (i32.const 0)
      (i32.const 0x1010) (i32.const 10) (i32.const 0x0A10)))
    (global.set $fut (i64.load (i32.const 0x0A10)))
    (local.get $code))
  (func (export "conformance_step") (result i32)
    (if (call $at (i32.const 0)) (then
      (call $check (i32.const 1) (call $start_counts (i32.const 0x80000007) (i32.const 3)))
      (return (call $next))))
    (if (call $at (i32.const 1)) (then
      (if (i32.eqz (call $th_ready (global.get $fut))) (then (return (i32.const 0))))
      (call $check (i32.const 2) (call $take_th (global.get $fut)))
      (call $check (i32.const 3) (call $start_counts (i32.const 7) (i32.const 0xFFFFFFFF)))
      (return (call $next))))
    (if (i32.eqz (call $th_ready (global.get $fut))) (then (return (i32.const 0))))
    (call $check (i32.const 4) (call $take_th (global.get $fut)))
    (i32.const 1)))
