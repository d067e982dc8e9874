;;@ id = "futures.instance-teardown"
;;@ title = "A case that ends with three futures pending on held requests: the host must cancel them when the instance goes"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "hold-start"
;;@ clauses = ["futures/instance-teardown", "ml-v2/start_training/returns-future"]
;;@ includes = ["start_std"]
;;@ teardown = { route = "start", held = 3, clause = "futures/instance-teardown" }
;;@ notes = "The guest can only leave work behind: whether the host cancels it when the instance is dropped is observable only after the case. The start requests are held by the hive, so they are pending at teardown; the runner's teardown check closes the instance and requires the host to hang up on all three within 0.5 s."
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/returns-future"
;;@ code = "Success"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/returns-future"
;;@ code = "Success"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/returns-future"
;;@ code = "Success"
(module
  (import "ark-ml-v2" "ml__start_training" (func $ml__start_training (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    (call $check (i32.const 1) (call $start_std (i32.const 0) (i32.const 0x3000)))
    (call $check (i32.const 2) (call $start_std (i32.const 0) (i32.const 0x3008)))
    (call $check (i32.const 3) (call $start_std (i32.const 0) (i32.const 0x3010)))
    (i32.const 1)))
