;;@ id = "take_future_vec_u8.data-out-of-bounds"
;;@ title = "take_future_vec_u8 of a ready 10-byte value into a data range running 4 bytes past the end of memory, or wrapping past 2^32, is InvalidArguments and writes nothing"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "one-run"
;;@ clauses = ["abi/pointers/bounds-checked"]
;;@ includes = ["connect_run1", "th_ready", "take_th", "vec_ready"]
;;@ notes = "The other out-of-bounds fixtures try string inputs and fixed-size out-pointers; the Vec<u8> data range is the one output whose length the guest chooses. A host that copies the bytes one at a time until memory ends writes the first 6 of them before failing: the window over the last 16 bytes of memory shows it."
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__take_future_vec_u8"
;;@ clause = "abi/pointers/bounds-checked"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5"
;;@ note = "data_ptr = memory end - 6, data_len 10; the window is the last 16 bytes of memory"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__take_future_vec_u8"
;;@ clause = "abi/pointers/bounds-checked"
;;@ code = "InvalidArguments"
;;@ note = "data_ptr = 0xFFFF_FFFA, data_len 10: the end wraps past 2^32"
(module
  (import "ark-ml-v2" "ml__connect_to_experiment" (func $ml__connect_to_experiment (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v2" "ml__experiment_config" (func $ml__experiment_config (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $ml__take_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_vec_u8" (func $ml__poll_future_vec_u8 (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_vec_u8" (func $ml__take_future_vec_u8 (param i64 i32 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    (if (call $at (i32.const 0)) (then
      (if (call $connect_run1 (i32.const 0x0A10)) (then (return (i32.const 2))))
      (global.set $fut (i64.load (i32.const 0x0A10)))
      (return (call $next))))
    (if (call $at (i32.const 1)) (then
      (if (i32.eqz (call $th_ready (global.get $fut))) (then (return (i32.const 0))))
      (return (call $next))))
    (if (call $at (i32.const 2)) (then
      (if (call $take_th (global.get $fut)) (then (return (i32.const 3))))
      (if (call $ml__experiment_config (global.get $th) (i32.const 0x0A10)) (then (return (i32.const 4))))
      (global.set $fut2 (i64.load (i32.const 0x0A18)))
      (return (call $next))))
    (if (call $at (i32.const 3)) (then
      (if (i32.eqz (call $vec_ready (global.get $fut2))) (then (return (i32.const 0))))
      (return (call $next))))
    (call $window (i32.sub (call $mem_end) (i32.const 16)) (i32.const 16))
    (call $record (i32.const 1)
      (call $ml__take_future_vec_u8 (global.get $fut2) (i32.sub (call $mem_end) (i32.const 6)) (i32.const 10))
      (i32.sub (call $mem_end) (i32.const 16)) (i32.const 16))
    (call $check (i32.const 2) (call $ml__take_future_vec_u8 (global.get $fut2) (i32.const 0xFFFFFFFA) (i32.const 10)))
    (i32.const 1)))
