;;@ id = "poll_future_training_handle.canary"
;;@ title = "poll_future_training_handle writes exactly one byte (0 or 1) and nothing around it"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "one-run"
;;@ clauses = ["abi/memory/write-exactly-sizeof", "ml-v1/poll_future_training_handle/reports-readiness", "ml-v1/drop_future/releases"]
;;@ includes = ["start_std"]
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__start_training"
;;@ clause = "abi/memory/write-exactly-sizeof"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 ???????????????? a5a5a5a5"
;;@ note = "the FutureHandle is 8 bytes: canaries stay"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__poll_future_training_handle"
;;@ clause = "ml-v1/poll_future_training_handle/reports-readiness"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 ?? a5a5a5a5"
;;@ note = "PollSimple is 1 byte"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__drop_future"
;;@ clause = "ml-v1/drop_future/releases"
;;@ code = "Success"
(module
  (import "ark-ml-v2" "ml__start_training" (func $ml__start_training (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__drop_future" (func $ml__drop_future (param i64) (result i32)))
  (func (export "conformance_step") (result i32)
    (call $window (i32.const 0x2000) (i32.const 16))
    (call $record (i32.const 1) (call $start_std (i32.const 0) (i32.const 0x2004)) (i32.const 0x2000) (i32.const 16))
    (global.set $fut (i64.load (i32.const 0x2004)))
    (call $window (i32.const 0x2040) (i32.const 9))
    (call $record (i32.const 2) (call $ml__poll_future_training_handle (global.get $fut) (i32.const 0x2044)) (i32.const 0x2040) (i32.const 9))
    (call $check (i32.const 3) (call $ml__drop_future (global.get $fut)))
    (i32.const 1)))
