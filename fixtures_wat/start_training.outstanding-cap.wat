;;@ id = "start_training.outstanding-cap"
;;@ title = "At the host's outstanding-futures cap a new start returns Unavailable; dropping one frees a slot"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "hold-start"
;;@ clauses = ["futures/outstanding-cap", "ml-v1/drop_future/releases"]
;;@ includes = ["fill_cap"]
;;@ host_settings = { max_outstanding_futures = 16 }  # a hint: the guest finds the cap at run time
;;@ notes = "Requests are held by the hive (hold), so every future stays pending; the case ends with them pending. The guest tries at most 1024 starts, so a host whose cap is above 1024 fails this case."
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__start_training"
;;@ clause = "futures/outstanding-cap"
;;@ code = "Unavailable"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "the first start that does not succeed (the guest finds the cap by trying, up to 1024)"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__drop_future"
;;@ clause = "ml-v1/drop_future/releases"
;;@ code = "Success"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__start_training"
;;@ clause = "ml-v1/drop_future/releases"
;;@ code = "Success"
;;@ note = "the dropped future's slot is free again"
(module
  (import "ark-ml-v2" "ml__start_training" (func $ml__start_training (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v1" "ml__drop_future" (func $ml__drop_future (param i64) (result i32)))
  (func (export "conformance_step") (result i32) (local $code i32)
    (local.set $code (call $fill_cap))
    (call $record (i32.const 1) (local.get $code) (i32.const 0x2000) (i32.const 16))
    (call $check (i32.const 2) (call $ml__drop_future (i64.load (i32.const 0x4000))))
    (call $check (i32.const 3) (call $start_std (i32.const 0) (i32.const 0x0A10)))
    (i32.const 1)))
