;;@ id = "take_future_training_handle.at-training-handle-cap"
;;@ title = "At the host's TrainingHandle cap, take_future_training_handle is Unavailable, writes nothing and keeps the future; a stop frees a slot"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "one-run"
;;@ clauses = ["futures/training-handle-cap", "ml-v2/connect_to_experiment/returns-future", "ml-v1/stop_training/disconnects-only", "ml-v1/poll_future_training_handle/reports-readiness", "ml-v1/take_future_training_handle/writes-handle", "abi/memory/write-only-on-success"]
;;@ includes = ["connect_run1", "th_ready"]
;;@ host_settings = { max_training_handles = 16 }  # a hint: the guest finds the cap at run time
;;@ timeout_seconds = 30
;;@ max_steps = 200000
;;@ notes = "The guest connects to run-1 in batches of 16 and takes every TrainingHandle until a take is Unavailable (the cap, found at run time, at most 4,096). It returns 2 if a connect fails and 3 if no cap is found."
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__take_future_training_handle"
;;@ clause = "futures/training-handle-cap"
;;@ code = "Unavailable"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__poll_future_training_handle"
;;@ clause = "futures/training-handle-cap"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 01 a5a5a5a5"
;;@ note = "the future is still live and ready"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__stop_training"
;;@ clause = "ml-v1/stop_training/disconnects-only"
;;@ code = "Success"
;;@
;;@ [[check]]
;;@ id = 4
;;@ call = "ml__take_future_training_handle"
;;@ clause = "futures/training-handle-cap"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 ???????????????? a5a5a5a5"
;;@ note = "after the stop freed a slot"
(module
  (import "ark-ml-v2" "ml__connect_to_experiment" (func $ml__connect_to_experiment (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $ml__take_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__stop_training" (func $ml__stop_training (param i64) (result i32)))
  (global $taken (mut i32) (i32.const 0))
  (func $slot (param $i i32) (result i32) (i32.add (i32.const 0x4000) (i32.shl (local.get $i) (i32.const 3))))
  (func (export "conformance_step") (result i32) (local $i i32) (local $code i32)
    (if (call $at (i32.const 0)) (then  ;; a batch of 16 connects
      (local.set $i (i32.const 0))
      (loop $each
        (if (call $connect_run1 (call $slot (local.get $i))) (then (return (i32.const 2))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $each (i32.lt_u (local.get $i) (i32.const 16))))
      (return (call $next))))
    (if (call $at (i32.const 1)) (then  ;; wait for the batch, then take each until one is Unavailable
      (local.set $i (i32.const 0))
      (loop $wait
        (if (i32.eqz (call $th_ready (i64.load (call $slot (local.get $i))))) (then (return (i32.const 0))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $wait (i32.lt_u (local.get $i) (i32.const 16))))
      (local.set $i (i32.const 0))
      (loop $take
        (call $window (i32.const 0x2000) (i32.const 16))
        (local.set $code (call $ml__take_future_training_handle (i64.load (call $slot (local.get $i))) (i32.const 0x2004)))
        (if (i32.eq (local.get $code) (i32.const 7)) (then
          (call $record (i32.const 1) (local.get $code) (i32.const 0x2000) (i32.const 16))
          (global.set $fut (i64.load (call $slot (local.get $i))))
          (global.set $phase (i32.const 2))
          (return (i32.const 0))))
        (if (local.get $code) (then (return (i32.const 2))))
        (global.set $th (i64.load (i32.const 0x2004)))
        (global.set $taken (i32.add (global.get $taken) (i32.const 1)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $take (i32.lt_u (local.get $i) (i32.const 16))))
      (if (i32.ge_u (global.get $taken) (i32.const 4096)) (then (return (i32.const 3))))
      (global.set $phase (i32.const 0))
      (return (i32.const 0))))
    (call $window (i32.const 0x2040) (i32.const 9))
    (call $record (i32.const 2) (call $ml__poll_future_training_handle (global.get $fut) (i32.const 0x2044)) (i32.const 0x2040) (i32.const 9))
    (call $check (i32.const 3) (call $ml__stop_training (global.get $th)))
    (call $window (i32.const 0x2080) (i32.const 16))
    (call $record (i32.const 4) (call $ml__take_future_training_handle (global.get $fut) (i32.const 0x2084)) (i32.const 0x2080) (i32.const 16))
    (i32.const 1)))
