;;@ id = "futures.handles-unique"
;;@ title = "Live handles never repeat: pending futures, a TrainingHandle, and a future created after a drop all differ"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "empty"
;;@ clauses = ["abi/handles/unique", "ml-v2/start_training/returns-future", "ml-v1/take_future_training_handle/writes-handle", "ml-v1/drop_future/releases"]
;;@ includes = ["start_std", "th_ready", "take_th"]
;;@ notes = "Relation 1: the four FutureHandles (the fourth made after a drop while others are live) are pairwise different. The guest returns 3 if the TrainingHandle equals a live FutureHandle."
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/returns-future"
;;@ code = "Success"
;;@ bytes = "????????????????"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/returns-future"
;;@ code = "Success"
;;@ bytes = "????????????????"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/returns-future"
;;@ code = "Success"
;;@ bytes = "????????????????"
;;@
;;@ [[check]]
;;@ id = 4
;;@ call = "ml__take_future_training_handle"
;;@ clause = "ml-v1/take_future_training_handle/writes-handle"
;;@ code = "Success"
;;@
;;@ [[check]]
;;@ id = 5
;;@ call = "ml__drop_future"
;;@ clause = "ml-v1/drop_future/releases"
;;@ code = "Success"
;;@
;;@ [[check]]
;;@ id = 6
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/returns-future"
;;@ code = "Success"
;;@ bytes = "????????????????"
;;@ note = "a fourth future while the first and third are live"
;;@ [[relation]]
;;@ differ = [1, 2, 3, 6]
;;@ clause = "abi/handles/unique"
;;@ note = "no two FutureHandles are equal, the one made after a drop included"
(module
  (import "ark-ml-v2" "ml__start_training" (func $ml__start_training (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $ml__take_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__drop_future" (func $ml__drop_future (param i64) (result i32)))
  (func (export "conformance_step") (result i32)
    (if (call $at (i32.const 0)) (then
      (call $record (i32.const 1) (call $start_std (i32.const 0) (i32.const 0x3000)) (i32.const 0x3000) (i32.const 8))
      (call $record (i32.const 2) (call $start_std (i32.const 0) (i32.const 0x3008)) (i32.const 0x3008) (i32.const 8))
      (call $record (i32.const 3) (call $start_std (i32.const 0) (i32.const 0x3010)) (i32.const 0x3010) (i32.const 8))
      (global.set $fut (i64.load (i32.const 0x3000)))
      (call $check (i32.const 5) (call $ml__drop_future (i64.load (i32.const 0x3008))))
      (call $record (i32.const 6) (call $start_std (i32.const 0) (i32.const 0x3018)) (i32.const 0x3018) (i32.const 8))
      (return (call $next))))
    (if (call $at (i32.const 1)) (then
      (if (i32.eqz (call $th_ready (global.get $fut))) (then (return (i32.const 0))))
      (return (call $next))))
    (call $check (i32.const 4) (call $take_th (global.get $fut)))
    (if (i64.eq (global.get $th) (i64.load (i32.const 0x3008))) (then (return (i32.const 3))))
    (if (i64.eq (global.get $th) (i64.load (i32.const 0x3010))) (then (return (i32.const 3))))
    (i32.const 1)))
