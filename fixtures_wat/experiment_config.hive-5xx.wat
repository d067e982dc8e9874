;;@ id = "experiment_config.hive-5xx"
;;@ title = "A 503 on GET .../config fails both futures: HttpRequestFailed from poll and take, nothing written"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "one-run-config-503"
;;@ clauses = ["ml-v2/experiment_config/hive-request", "futures/failed", "futures/take/consumes", "abi/memory/write-only-on-success", "ml-v2/connect_to_experiment/returns-future", "ml-v1/take_future_training_handle/writes-handle", "ml-v2/experiment_config/returns-two-futures"]
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
;;@ clause = "futures/failed"
;;@ code = "HttpRequestFailed"
;;@ bytes = "a5a5a5a5 a5 a5a5a5a5"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__poll_future_vec_u8"
;;@ clause = "futures/failed"
;;@ code = "HttpRequestFailed"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@
;;@ [[check]]
;;@ id = 4
;;@ call = "ml__take_future_ark_experiment_config"
;;@ clause = "futures/failed"
;;@ code = "HttpRequestFailed"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@
;;@ [[check]]
;;@ id = 5
;;@ call = "ml__take_future_vec_u8"
;;@ clause = "abi/memory/write-only-on-success"
;;@ code = "HttpRequestFailed"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@
;;@ [[check]]
;;@ id = 6
;;@ call = "ml__take_future_ark_experiment_config"
;;@ clause = "futures/take/consumes"
;;@ code = "NotFound"
;;@
;;@ [[hive]]
;;@ route = "config"
;;@ count = 1
;;@ clause = "ml-v2/experiment_config/hive-request"
(module
  (import "ark-ml-v2" "ml__connect_to_experiment" (func $ml__connect_to_experiment (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v2" "ml__experiment_config" (func $ml__experiment_config (param i64 i32) (result i32)))
  (import "ark-ml-v2" "ml__poll_future_ark_experiment_config" (func $ml__poll_future_ark_experiment_config (param i64 i32) (result i32)))
  (import "ark-ml-v2" "ml__take_future_ark_experiment_config" (func $ml__take_future_ark_experiment_config (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $ml__take_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_vec_u8" (func $ml__poll_future_vec_u8 (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_vec_u8" (func $ml__take_future_vec_u8 (param i64 i32 i32) (result i32)))
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
    (call $window (i32.const 0x2080) (i32.const 16))
    (call $record (i32.const 3) (call $ml__poll_future_vec_u8 (global.get $fut2) (i32.const 0x2084)) (i32.const 0x2080) (i32.const 16))
    (call $window (i32.const 0x20c0) (i32.const 16))
    (call $record (i32.const 4) (call $ml__take_future_ark_experiment_config (global.get $fut) (i32.const 0x20c4)) (i32.const 0x20c0) (i32.const 16))
    (call $window (i32.const 0x2100) (i32.const 18))
    (call $record (i32.const 5) (call $ml__take_future_vec_u8 (global.get $fut2) (i32.const 0x2104) (i32.const 10)) (i32.const 0x2100) (i32.const 18))
    (call $check (i32.const 6) (call $ml__take_future_ark_experiment_config (global.get $fut) (i32.const 0x0A10)))
    (i32.const 1)))
