;;@ id = "spin"
;;@ title = "a guest that never returns from a step: only a preempting adapter can end it"
;;@ scenario = "one-run"
;;@ clauses = ["abi/hostile-guest/no-crash"]
;;@ timeout_seconds = 1.0
;;@
;;@ [[hive]]
;;@ route = "start"
;;@ count = 0
;; Memory: params @0x100, journal @0x400, strings @0x1000, out slots @0x2000.
(module
  (import "ark-ml-v2" "ml__start_training"
    (func $start_training (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $poll_th (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $take_th (param i64 i32) (result i32)))
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
  (func (export "conformance_step") (result i32) (loop $l (br $l)) (i32.const 1))
)
