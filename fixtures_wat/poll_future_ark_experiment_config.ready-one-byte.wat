;;@ id = "poll_future_ark_experiment_config.ready-one-byte"
;;@ title = "A ready ark_config poll writes exactly one byte, 1 (PollSimple is 1 byte)"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "one-run"
;;@ clauses = ["ml-v2/poll_future_ark_experiment_config/reports-readiness", "abi/memory/write-exactly-sizeof", "ml-v2/connect_to_experiment/returns-future", "ml-v1/take_future_training_handle/writes-handle", "ml-v2/experiment_config/returns-two-futures"]
;;@ includes = ["connect_run1", "th_ready", "cfg_ready", "vec_ready", "take_th"]
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
;;@ bytes = "a5a5a5a5 ???????????????? ???????????????? a5a5a5a5"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__poll_future_ark_experiment_config"
;;@ clause = "ml-v2/poll_future_ark_experiment_config/reports-readiness"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 01 a5a5a5a5"
(module
  (import "ark-ml-v2" "ml__connect_to_experiment" (func $ml__connect_to_experiment (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v2" "ml__experiment_config" (func $ml__experiment_config (param i64 i32) (result i32)))
  (import "ark-ml-v2" "ml__poll_future_ark_experiment_config" (func $ml__poll_future_ark_experiment_config (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $ml__take_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_vec_u8" (func $ml__poll_future_vec_u8 (param i64 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    (if (call $at (i32.const 0)) (then
      (call $check (i32.const 91) (call $connect_run1 (i32.const 0x0A10)))
      (global.set $fut (i64.load (i32.const 0x0A10)))
      (return (call $next))))
    (if (call $at (i32.const 1)) (then
      (if (i32.eqz (call $th_ready (global.get $fut))) (then (return (i32.const 0))))
      (return (call $next))))
    (if (call $at (i32.const 2)) (then
      (call $check (i32.const 92) (call $take_th (global.get $fut)))
      (return (call $next))))
    (if (call $at (i32.const 3)) (then
      (call $window (i32.const 0x2000) (i32.const 24))
      (call $record (i32.const 1) (call $ml__experiment_config (global.get $th) (i32.const 0x2004)) (i32.const 0x2000) (i32.const 24))
      (global.set $fut (i64.load (i32.const 0x2004)))
      (global.set $fut2 (i64.load (i32.const 0x200c)))
      (if (i64.eq (global.get $fut) (global.get $fut2)) (then (return (i32.const 2))))
      (return (call $next))))
    (if (call $at (i32.const 4)) (then
      (if (i32.eqz (call $cfg_ready (global.get $fut))) (then (return (i32.const 0))))
      (return (call $next))))
    (if (call $at (i32.const 5)) (then
      (if (i32.eqz (call $vec_ready (global.get $fut2))) (then (return (i32.const 0))))
      (return (call $next))))
    (call $window (i32.const 0x2040) (i32.const 9))
    (call $record (i32.const 2) (call $ml__poll_future_ark_experiment_config (global.get $fut) (i32.const 0x2044)) (i32.const 0x2040) (i32.const 9))
    (i32.const 1)))
