;;@ id = "futures.take-frees-cap-slot"
;;@ title = "At the outstanding-futures cap, a successful take frees its future's slot: the next start succeeds"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "empty"
;;@ clauses = ["futures/outstanding-cap", "futures/take/consumes"]
;;@ includes = ["fill_cap", "th_ready", "take_th"]
;;@ notes = "start_training.outstanding-cap frees a slot with drop_future only; a host that releases the slot on drop but not on take passes it. The guest finds the cap by trying (up to 1024 starts), waits for the first future and takes it."
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__start_training"
;;@ clause = "futures/outstanding-cap"
;;@ code = "Unavailable"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "the first start that does not succeed"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__take_future_training_handle"
;;@ clause = "futures/take/consumes"
;;@ code = "Success"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__start_training"
;;@ clause = "futures/outstanding-cap"
;;@ code = "Success"
;;@ note = "the taken future's slot is free again"
;;@
;;@ [[check]]
;;@ id = 4
;;@ call = "ml__start_training"
;;@ clause = "futures/outstanding-cap"
;;@ code = "Unavailable"
;;@ note = "and only that one slot"
(module
  (import "ark-ml-v2" "ml__start_training" (func $ml__start_training (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $ml__take_future_training_handle (param i64 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    (if (call $at (i32.const 0)) (then
      (call $record (i32.const 1) (call $fill_cap) (i32.const 0x2000) (i32.const 16))
      (return (call $next))))
    (if (call $at (i32.const 1)) (then
      (if (i32.eqz (call $th_ready (i64.load (i32.const 0x4000)))) (then (return (i32.const 0))))
      (return (call $next))))
    (call $check (i32.const 2) (call $take_th (i64.load (i32.const 0x4000))))
    (call $check (i32.const 3) (call $start_std (i32.const 0) (i32.const 0x0A10)))
    (call $check (i32.const 4) (call $start_std (i32.const 0) (i32.const 0x0A10)))
    (i32.const 1)))
