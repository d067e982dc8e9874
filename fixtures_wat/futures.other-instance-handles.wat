;;@ id = "futures.other-instance-handles"
;;@ title = "A live FutureHandle of another instance on the same host is NotFound here, and differs from this instance's own handle"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "hold-start"
;;@ clauses = ["abi/handles/unique", "futures/unknown-handle", "ml-v2/start_training/returns-future", "abi/memory/write-only-on-success"]
;;@ includes = ["start_std"]
;;@ instances = 2
;;@ notes = "The peer instance (Params instance = 2) starts a training (held: pending) and journals its FutureHandle; the runner passes it to this instance (Params peer_data at 0x8C) while the peer stays open. This instance first makes its own future, so a host with a per-instance counter finds its own future under the peer's value, and a host-wide table finds the peer's."
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/returns-future"
;;@ code = "Success"
;;@ bytes = "????????????????"
;;@ note = "this instance's own FutureHandle"
;;@
;;@ [[check]]
;;@ id = 2
;;@ observe = "the peer instance's live FutureHandle, as the runner passed it in Params"
;;@ clause = "abi/handles/unique"
;;@ bytes = "????????????????"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__poll_future_training_handle"
;;@ clause = "abi/handles/unique"
;;@ code = "NotFound"
;;@ bytes = "a5a5a5a5 a5 a5a5a5a5"
;;@
;;@ [[check]]
;;@ id = 4
;;@ call = "ml__take_future_training_handle"
;;@ clause = "futures/unknown-handle"
;;@ code = "NotFound"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@
;;@ [[check]]
;;@ id = 5
;;@ call = "ml__drop_future"
;;@ clause = "abi/handles/unique"
;;@ code = "NotFound"
;;@
;;@ [[relation]]
;;@ differ = [1, 2]
;;@ clause = "abi/handles/unique"
;;@ note = "handle values are unique per host process (design.md 2), not per instance"
(module
  (import "ark-ml-v2" "ml__start_training" (func $ml__start_training (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $ml__take_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__drop_future" (func $ml__drop_future (param i64) (result i32)))
  (func (export "conformance_step") (result i32)
    ;; both instances: a pending future of their own, its handle journaled first (the peer's goes to Params)
    (call $record (i32.const 1) (call $start_std (i32.const 0) (i32.const 0x2004)) (i32.const 0x2004) (i32.const 8))
    (if (i32.eq (i32.load (i32.const 0x84)) (i32.const 2)) (then (return (i32.const 1))))
    (call $record (i32.const 2) (i32.const 0) (i32.const 0x8C) (i32.load (i32.const 0x88)))
    (global.set $fut (i64.load (i32.const 0x8C)))
    (call $window (i32.const 0x2040) (i32.const 9))
    (call $record (i32.const 3) (call $ml__poll_future_training_handle (global.get $fut) (i32.const 0x2044)) (i32.const 0x2040) (i32.const 9))
    (call $window (i32.const 0x2080) (i32.const 16))
    (call $record (i32.const 4) (call $ml__take_future_training_handle (global.get $fut) (i32.const 0x2084)) (i32.const 0x2080) (i32.const 16))
    (call $check (i32.const 5) (call $ml__drop_future (global.get $fut)))
    (i32.const 1)))
