;;@ id = "futures.wrong-kind"
;;@ title = "poll/take of a live future of another kind is InvalidArguments, writes nothing and does not consume it"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "one-run"
;;@ clauses = ["futures/wrong-kind", "abi/memory/write-only-on-success", "futures/unknown-handle", "ml-v2/connect_to_experiment/returns-future", "ml-v1/take_future_training_handle/writes-handle", "ml-v2/experiment_config/returns-two-futures"]
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
;;@ bytes = "a5a5a5a5 ???????????????????????????????? a5a5a5a5"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__take_future_training_handle"
;;@ clause = "futures/wrong-kind"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "an ark_config future"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__poll_future_vec_u8"
;;@ clause = "futures/wrong-kind"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "an ark_config future"
;;@
;;@ [[check]]
;;@ id = 4
;;@ call = "ml__take_future_ark_experiment_config"
;;@ clause = "futures/wrong-kind"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "a module_config (Vec<u8>) future"
;;@
;;@ [[check]]
;;@ id = 5
;;@ call = "ml__poll_future_training_handle"
;;@ clause = "futures/wrong-kind"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5 a5a5a5a5"
;;@ note = "a module_config (Vec<u8>) future"
;;@
;;@ [[check]]
;;@ id = 6
;;@ call = "ml__take_future_ark_experiment_config"
;;@ clause = "futures/wrong-kind"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 07000000 03000000 a5a5a5a5"
;;@ note = "still live after the wrong calls"
;;@
;;@ [[check]]
;;@ id = 7
;;@ call = "ml__take_future_vec_u8"
;;@ clause = "futures/wrong-kind"
;;@ code = "Success"
;;@ note = "still live after the wrong calls"
;;@
;;@ [[check]]
;;@ id = 8
;;@ call = "ml__drop_future"
;;@ clause = "futures/unknown-handle"
;;@ code = "NotFound"
;;@ note = "a TrainingHandle is not a FutureHandle"
;;@
;;@ [[check]]
;;@ id = 9
;;@ call = "ml__poll_future_ark_experiment_config"
;;@ clause = "abi/memory/write-only-on-success"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5 a5a5a5a5"
;;@ note = "a module_config (Vec<u8>) future"
(module
  (import "ark-ml-v2" "ml__connect_to_experiment" (func $ml__connect_to_experiment (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v2" "ml__experiment_config" (func $ml__experiment_config (param i64 i32) (result i32)))
  (import "ark-ml-v2" "ml__poll_future_ark_experiment_config" (func $ml__poll_future_ark_experiment_config (param i64 i32) (result i32)))
  (import "ark-ml-v2" "ml__take_future_ark_experiment_config" (func $ml__take_future_ark_experiment_config (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $ml__take_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_vec_u8" (func $ml__poll_future_vec_u8 (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_vec_u8" (func $ml__take_future_vec_u8 (param i64 i32 i32) (result i32)))
  (import "ark-ml-v1" "ml__drop_future" (func $ml__drop_future (param i64) (result i32)))
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
      (call $window (i32.const 0x2000) (i32.const 24))
      (call $record (i32.const 1) (call $ml__experiment_config (global.get $th) (i32.const 0x2004)) (i32.const 0x2000) (i32.const 24))
      (global.set $fut (i64.load (i32.const 0x2004)))
      (global.set $fut2 (i64.load (i32.const 0x200c)))
      (return (call $next))))
    (if (call $at (i32.const 3)) (then
      (if (i32.eqz (call $cfg_ready (global.get $fut))) (then (return (i32.const 0))))
      (return (call $next))))
    (if (call $at (i32.const 4)) (then
      (if (i32.eqz (call $vec_ready (global.get $fut2))) (then (return (i32.const 0))))
      (return (call $next))))
    (call $window (i32.const 0x2040) (i32.const 16))
    (call $record (i32.const 2) (call $ml__take_future_training_handle (global.get $fut) (i32.const 0x2044)) (i32.const 0x2040) (i32.const 16))
    (call $window (i32.const 0x2080) (i32.const 16))
    (call $record (i32.const 3) (call $ml__poll_future_vec_u8 (global.get $fut) (i32.const 0x2084)) (i32.const 0x2080) (i32.const 16))
    (call $window (i32.const 0x20c0) (i32.const 16))
    (call $record (i32.const 4) (call $ml__take_future_ark_experiment_config (global.get $fut2) (i32.const 0x20c4)) (i32.const 0x20c0) (i32.const 16))
    (call $window (i32.const 0x2100) (i32.const 9))
    (call $record (i32.const 5) (call $ml__poll_future_training_handle (global.get $fut2) (i32.const 0x2104)) (i32.const 0x2100) (i32.const 9))
    (call $window (i32.const 0x2180) (i32.const 9))
    (call $record (i32.const 9) (call $ml__poll_future_ark_experiment_config (global.get $fut2) (i32.const 0x2184)) (i32.const 0x2180) (i32.const 9))
    (call $window (i32.const 0x2140) (i32.const 16))
    (call $record (i32.const 6) (call $ml__take_future_ark_experiment_config (global.get $fut) (i32.const 0x2144)) (i32.const 0x2140) (i32.const 16))
    (call $check (i32.const 7) (call $ml__take_future_vec_u8 (global.get $fut2) (i32.const 0x3000) (i32.load (i32.const 0x0A04))))
    (call $check (i32.const 8) (call $ml__drop_future (global.get $th)))
    (i32.const 1)))
