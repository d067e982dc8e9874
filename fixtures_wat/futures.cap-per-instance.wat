;;@ id = "futures.cap-per-instance"
;;@ title = "The outstanding-futures cap counts one instance's futures: with another instance at its cap, this one still reaches the same cap of its own"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "hold-start"
;;@ clauses = ["futures/outstanding-cap"]
;;@ includes = ["fill_cap"]
;;@ instances = 2
;;@ notes = "Every other cap fixture has one instance, so a host that counts all instances' futures against one cap passes them. Both instances fill their cap with held starts (up to 1024) and journal the count they reached first; the runner passes the peer's count to this instance (Params 0x8C) while the peer, still holding its futures, stays open."
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__start_training"
;;@ clause = "futures/outstanding-cap"
;;@ code = "Unavailable"
;;@ bytes = "????????"
;;@ note = "the first start that does not succeed; the bytes are how many did (u32)"
;;@
;;@ [[check]]
;;@ id = 2
;;@ observe = "how many starts the peer instance made before its cap, as the runner passed it in Params"
;;@ clause = "futures/outstanding-cap"
;;@ bytes = "????????"
;;@
;;@ [[relation]]
;;@ equal = [1, 2]
;;@ clause = "futures/outstanding-cap"
;;@ note = "the peer's futures take none of this instance's slots"
(module
  (import "ark-ml-v2" "ml__start_training" (func $ml__start_training (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (func (export "conformance_step") (result i32) (local $code i32)
    (local.set $code (call $fill_cap))
    (i32.store (i32.const 0x3000) (global.get $n))
    (call $record (i32.const 1) (local.get $code) (i32.const 0x3000) (i32.const 4))
    (if (i32.eq (i32.load (i32.const 0x84)) (i32.const 2)) (then (return (i32.const 1))))
    (call $record (i32.const 2) (i32.const 0) (i32.const 0x8C) (i32.load (i32.const 0x88)))
    (i32.const 1)))
