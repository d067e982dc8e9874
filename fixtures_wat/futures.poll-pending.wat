;;@ id = "futures.poll-pending"
;;@ title = "Polls of pending futures return at once with ready 0 (PollSimple 1 byte; PollVec 8 zero bytes), 200 times"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "one-run-hold-config"
;;@ clauses = ["futures/poll/never-blocks", "ml-v2/poll_future_ark_experiment_config/reports-readiness", "ml-v1/poll_future_vec_u8/reports-length", "ml-v2/connect_to_experiment/returns-future", "ml-v1/take_future_training_handle/writes-handle", "ml-v2/experiment_config/returns-two-futures"]
;;@ includes = ["connect_run1", "th_ready", "take_th"]
;;@ notes = "GET .../config is held by the hive for the whole case, so the futures stay pending."
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
;;@ bytes = "a5a5a5a5 00 a5a5a5a5"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__poll_future_vec_u8"
;;@ clause = "ml-v1/poll_future_vec_u8/reports-length"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 00000000 00000000 a5a5a5a5"
;;@
;;@ [[check]]
;;@ id = 4
;;@ call = "ml__poll_future_vec_u8"
;;@ clause = "futures/poll/never-blocks"
;;@ code = "Success"
;;@ note = "the last of 200 polls in one step"
(module
  (import "ark-ml-v2" "ml__connect_to_experiment" (func $ml__connect_to_experiment (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v2" "ml__experiment_config" (func $ml__experiment_config (param i64 i32) (result i32)))
  (import "ark-ml-v2" "ml__poll_future_ark_experiment_config" (func $ml__poll_future_ark_experiment_config (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $ml__take_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_vec_u8" (func $ml__poll_future_vec_u8 (param i64 i32) (result i32)))
  (global $code (mut i32) (i32.const -1))
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
      (call $window (i32.const 0x2040) (i32.const 9))
      (call $record (i32.const 2) (call $ml__poll_future_ark_experiment_config (global.get $fut) (i32.const 0x2044)) (i32.const 0x2040) (i32.const 9))
      (call $window (i32.const 0x2080) (i32.const 16))
      (call $record (i32.const 3) (call $ml__poll_future_vec_u8 (global.get $fut2) (i32.const 0x2084)) (i32.const 0x2080) (i32.const 16))
      (global.set $n (i32.const 0))
      (return (call $next))))
    (if (call $at (i32.const 3)) (then
      ;; 10 polls per step, 20 steps: a poll that waits at all exhausts the case deadline
      (loop $again
        (global.set $code (call $ml__poll_future_vec_u8 (global.get $fut2) (i32.const 0x0A00)))
        (global.set $n (i32.add (global.get $n) (i32.const 1)))
        (br_if $again (i32.rem_u (global.get $n) (i32.const 10))))
      (if (i32.lt_u (global.get $n) (i32.const 200)) (then (return (i32.const 0))))
      (return (call $next))))
    (call $check (i32.const 4) (global.get $code))
    (i32.const 1)))
