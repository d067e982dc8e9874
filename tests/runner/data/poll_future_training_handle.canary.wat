;;@ id = "poll_future_training_handle.canary"
;;@ title = "poll_future_training_handle writes exactly one byte (0 or 1) and nothing around it"
;;@ profile = "core"
;;@ scenario = "one-run"
;;@ clauses = ["abi/memory/write-exactly-sizeof", "ml-v1/poll_future_training_handle/reports-readiness", "ml-v1/drop_future/releases"]
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__start_training"
;;@ clause = "abi/memory/write-exactly-sizeof"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 ???????????????? a5a5a5a5"   # the FutureHandle is 8 bytes: canaries stay
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__poll_future_training_handle"
;;@ clause = "ml-v1/poll_future_training_handle/reports-readiness"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 ?? a5a5a5a5"                  # PollSimple is 1 byte
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__drop_future"
;;@ clause = "ml-v1/drop_future/releases"
;;@ code = "Success"
;; Memory: params @0x100, journal @0x400, strings @0x1000, out slots @0x2000.
(module
  (import "ark-ml-v2" "ml__start_training"
    (func $start_training (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $poll_th (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__drop_future" (func $drop (param i64) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 0x1000) "pong")
  (data (i32.const 0x1010) "exp")
  (data (i32.const 0x1020) "{}")
  (global $state (mut i32) (i32.const 0))
  (func (export "conformance_protocol") (result i32) (i32.const 1))
  (func (export "conformance_params") (result i32) (i32.const 0x100))
  (func (export "conformance_journal") (result i32) (i32.const 0x400))
  (func $record (param $check i32) (param $code i32) (param $ptr i32) (param $len i32)
    (local $at i32)
    (local.set $at (i32.add (i32.const 0x404) (i32.mul (i32.load (i32.const 0x400)) (i32.const 16))))
    (i32.store (local.get $at) (local.get $check))
    (i32.store offset=4 (local.get $at) (local.get $code))
    (i32.store offset=8 (local.get $at) (local.get $ptr))
    (i32.store offset=12 (local.get $at) (local.get $len))
    (i32.store (i32.const 0x400) (i32.add (i32.load (i32.const 0x400)) (i32.const 1))))
  (func (export "conformance_step") (result i32)
    (memory.fill (i32.const 0x2000) (i32.const 0xa5) (i32.const 32))
    (call $record (i32.const 1)
      (call $start_training
        (i32.const 0x10c) (i32.load (i32.const 0x108)) (i32.load (i32.const 0x104))
        (i32.const 0x1000) (i32.const 4) (i32.const 0x1010) (i32.const 3)
        (i32.const 4) (i32.const 2) (i32.const 0)
        (i32.const 0x1020) (i32.const 2) (i32.const 0x2004))
      (i32.const 0x2000) (i32.const 16))
    (call $record (i32.const 2)
      (call $poll_th (i64.load (i32.const 0x2004)) (i32.const 0x2014)) (i32.const 0x2010) (i32.const 9))
    (call $record (i32.const 3) (call $drop (i64.load (i32.const 0x2004))) (i32.const 0) (i32.const 0))
    (i32.const 1))
)
