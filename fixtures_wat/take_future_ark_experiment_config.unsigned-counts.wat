;;@ id = "take_future_ark_experiment_config.unsigned-counts"
;;@ title = "A run's num_features 2^31 + 7 and num_actions 2^32 - 1 are u32s: the take writes them as they are"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "one-run-u32-counts"
;;@ clauses = ["ml-v2/take_future_ark_experiment_config/writes-config", "ml-v2/experiment_config/returns-two-futures", "ml-v2/connect_to_experiment/returns-future", "ml-v1/take_future_training_handle/writes-handle"]
;;@ includes = ["connect_run1", "th_ready", "cfg_ready", "take_th"]
;;@ notes = "The hive's config answer carries num_features 2147483655 and num_actions 4294967295, both in u32 range (docs/hive-protocol.md). A host that reads them into i32 (or checks them against the i32 range) fails the future or writes other bytes."
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
;;@ call = "ml__experiment_config"
;;@ clause = "ml-v2/experiment_config/returns-two-futures"
;;@ code = "Success"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__take_future_ark_experiment_config"
;;@ clause = "ml-v2/take_future_ark_experiment_config/writes-config"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 07000080 ffffffff a5a5a5a5"
(module
  (import "ark-ml-v2" "ml__connect_to_experiment" (func $ml__connect_to_experiment (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v2" "ml__experiment_config" (func $ml__experiment_config (param i64 i32) (result i32)))
  (import "ark-ml-v2" "ml__poll_future_ark_experiment_config" (func $ml__poll_future_ark_experiment_config (param i64 i32) (result i32)))
  (import "ark-ml-v2" "ml__take_future_ark_experiment_config" (func $ml__take_future_ark_experiment_config (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $ml__take_future_training_handle (param i64 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    (if (call $at (i32.const 0)) (then
      (call $check (i32.const 91) (call $connect_run1 (i32.const 0x0A10)))
      (global.set $fut (i64.load (i32.const 0x0A10)))
      (return (call $next))))
    (if (call $at (i32.const 1)) (then
      (if (i32.eqz (call $th_ready (global.get $fut))) (then (return (i32.const 0))))
      (call $check (i32.const 92) (call $take_th (global.get $fut)))
      (call $check (i32.const 1) (call $ml__experiment_config (global.get $th) (i32.const 0x0A10)))
      (global.set $fut (i64.load (i32.const 0x0A10)))
      (return (call $next))))
    (if (i32.eqz (call $cfg_ready (global.get $fut))) (then (return (i32.const 0))))
    (call $window (i32.const 0x2000) (i32.const 16))
    (call $record (i32.const 2) (call $ml__take_future_ark_experiment_config (global.get $fut) (i32.const 0x2004)) (i32.const 0x2000) (i32.const 16))
    (i32.const 1)))
