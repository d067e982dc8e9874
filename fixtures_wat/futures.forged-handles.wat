;;@ id = "futures.forged-handles"
;;@ title = "poll/take/drop of handles never issued (0, all ones, a forged large value standing in for another instance's) are NotFound"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "empty"
;;@ clauses = ["futures/unknown-handle", "abi/handles/unique", "abi/pointers/unsigned", "abi/memory/write-only-on-success", "abi/error-codes/closed-set"]
;;@ notes = "A guest cannot hold another instance's handle; design.md 2 makes handles unique per host process, so a never-issued large value is the same case."
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__poll_future_training_handle"
;;@ clause = "futures/unknown-handle"
;;@ code = "NotFound"
;;@ bytes = "a5a5a5a5 a5 a5a5a5a5"
;;@ note = "forged"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__take_future_training_handle"
;;@ clause = "futures/unknown-handle"
;;@ code = "NotFound"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "forged"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__poll_future_ark_experiment_config"
;;@ clause = "futures/unknown-handle"
;;@ code = "NotFound"
;;@ bytes = "a5a5a5a5 a5 a5a5a5a5"
;;@ note = "0"
;;@
;;@ [[check]]
;;@ id = 4
;;@ call = "ml__take_future_ark_experiment_config"
;;@ clause = "futures/unknown-handle"
;;@ code = "NotFound"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "0"
;;@
;;@ [[check]]
;;@ id = 5
;;@ call = "ml__poll_future_vec_u8"
;;@ clause = "futures/unknown-handle"
;;@ code = "NotFound"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "0xFFFF_FFFF_FFFF_FFFF"
;;@
;;@ [[check]]
;;@ id = 6
;;@ call = "ml__take_future_vec_u8"
;;@ clause = "abi/memory/write-only-on-success"
;;@ code = "NotFound"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "0xFFFF_FFFF_FFFF_FFFF"
;;@
;;@ [[check]]
;;@ id = 7
;;@ call = "ml__drop_future"
;;@ clause = "futures/unknown-handle"
;;@ code = "NotFound"
;;@ note = "forged"
;;@
;;@ [[check]]
;;@ id = 8
;;@ call = "ml__drop_future"
;;@ clause = "futures/unknown-handle"
;;@ code = "NotFound"
;;@ note = "0"
(module
  (import "ark-ml-v2" "ml__poll_future_ark_experiment_config" (func $ml__poll_future_ark_experiment_config (param i64 i32) (result i32)))
  (import "ark-ml-v2" "ml__take_future_ark_experiment_config" (func $ml__take_future_ark_experiment_config (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $ml__take_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_vec_u8" (func $ml__poll_future_vec_u8 (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_vec_u8" (func $ml__take_future_vec_u8 (param i64 i32 i32) (result i32)))
  (import "ark-ml-v1" "ml__drop_future" (func $ml__drop_future (param i64) (result i32)))
  (func (export "conformance_step") (result i32)
    (call $window (i32.const 0x2000) (i32.const 9))
    (call $record (i32.const 1) (call $ml__poll_future_training_handle (i64.const 0x7fffffff00000001) (i32.const 0x2004)) (i32.const 0x2000) (i32.const 9))
    (call $window (i32.const 0x2040) (i32.const 16))
    (call $record (i32.const 2) (call $ml__take_future_training_handle (i64.const 0x7fffffff00000001) (i32.const 0x2044)) (i32.const 0x2040) (i32.const 16))
    (call $window (i32.const 0x2080) (i32.const 9))
    (call $record (i32.const 3) (call $ml__poll_future_ark_experiment_config (i64.const 0) (i32.const 0x2084)) (i32.const 0x2080) (i32.const 9))
    (call $window (i32.const 0x20c0) (i32.const 16))
    (call $record (i32.const 4) (call $ml__take_future_ark_experiment_config (i64.const 0) (i32.const 0x20c4)) (i32.const 0x20c0) (i32.const 16))
    (call $window (i32.const 0x2100) (i32.const 16))
    (call $record (i32.const 5) (call $ml__poll_future_vec_u8 (i64.const -1) (i32.const 0x2104)) (i32.const 0x2100) (i32.const 16))
    (call $window (i32.const 0x2140) (i32.const 16))
    (call $record (i32.const 6) (call $ml__take_future_vec_u8 (i64.const -1) (i32.const 0x2144) (i32.const 8)) (i32.const 0x2140) (i32.const 16))
    (call $check (i32.const 7) (call $ml__drop_future (i64.const 0x7fffffff00000001)))
    (call $check (i32.const 8) (call $ml__drop_future (i64.const 0)))
    (i32.const 1)))
