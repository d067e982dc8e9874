;;@ id = "abi.memory-grow-between-start-and-take"
;;@ title = "memory.grow between start and take: the TrainingHandle lands in the new page at the right offset"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "empty"
;;@ clauses = ["abi/memory/no-cached-base", "ml-v1/take_future_training_handle/writes-handle", "ml-v2/start_training/returns-future"]
;;@ includes = ["start_std", "th_ready"]
;;@ notes = "The guest returns 2 if memory.grow fails."
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/returns-future"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 ???????????????? a5a5a5a5"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__take_future_training_handle"
;;@ clause = "abi/memory/no-cached-base"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 ???????????????? a5a5a5a5"
;;@ note = "out-pointer 0x1_1004, in the grown page"
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
      (if (i32.eq (memory.grow (i32.const 1)) (i32.const -1)) (then (return (i32.const 2))))
      (return (call $next))))
    (if (call $at (i32.const 2)) (then
      (if (i32.eqz (call $th_ready (global.get $fut))) (then (return (i32.const 0))))
      (return (call $next))))
    (call $window (i32.const 0x11000) (i32.const 16))
    (call $record (i32.const 2) (call $ml__take_future_training_handle (global.get $fut) (i32.const 0x11004)) (i32.const 0x11000) (i32.const 16))
    (i32.const 1)))
