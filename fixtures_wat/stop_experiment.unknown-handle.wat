;;@ id = "stop_experiment.unknown-handle"
;;@ title = "stop_experiment of a handle this instance does not hold (0, forged, all ones, a FutureHandle) is NotFound, no request"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "empty"
;;@ clauses = ["ml-v2/stop_experiment/unknown-handle", "abi/handles/unique", "abi/pointers/unsigned", "ml-v2/start_training/returns-future"]
;;@ includes = ["start_std"]
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__stop_experiment"
;;@ clause = "ml-v2/stop_experiment/unknown-handle"
;;@ code = "NotFound"
;;@ note = "handle 0"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__stop_experiment"
;;@ clause = "ml-v2/stop_experiment/unknown-handle"
;;@ code = "NotFound"
;;@ note = "a forged large handle, standing in for another instance's"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__stop_experiment"
;;@ clause = "abi/pointers/unsigned"
;;@ code = "NotFound"
;;@ note = "0xFFFF_FFFF_FFFF_FFFF"
;;@
;;@ [[check]]
;;@ id = 4
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/returns-future"
;;@ code = "Success"
;;@
;;@ [[check]]
;;@ id = 5
;;@ call = "ml__stop_experiment"
;;@ clause = "abi/handles/unique"
;;@ code = "NotFound"
;;@ note = "a live FutureHandle is not a TrainingHandle"
;;@
;;@ [[hive]]
;;@ route = "stop"
;;@ count = 0
(module
  (import "ark-ml-v2" "ml__start_training" (func $ml__start_training (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v2" "ml__stop_experiment" (func $ml__stop_experiment (param i64) (result i32)))
  (func (export "conformance_step") (result i32)
    (call $check (i32.const 1) (call $ml__stop_experiment (i64.const 0)))
    (call $check (i32.const 2) (call $ml__stop_experiment (i64.const 0x7fffffff00000001)))
    (call $check (i32.const 3) (call $ml__stop_experiment (i64.const -1)))
    (call $check (i32.const 4) (call $start_std (i32.const 0) (i32.const 0x0A10)))
    (call $check (i32.const 5) (call $ml__stop_experiment (i64.load (i32.const 0x0A10))))
    (i32.const 1)))
