;;@ id = "connect_to_experiment.out-pointer-out-of-bounds"
;;@ title = "An out-pointer 7 bytes before the end of memory, or wrapping, returns InvalidArguments and writes nothing"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "one-run"
;;@ clauses = ["ml-v2/connect_to_experiment/invalid-arguments", "abi/pointers/bounds-checked", "abi/memory/write-only-on-success"]
;;@ includes = ["connect_run1"]
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__connect_to_experiment"
;;@ clause = "abi/pointers/bounds-checked"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5a5a5a5a5"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__connect_to_experiment"
;;@ clause = "abi/pointers/bounds-checked"
;;@ code = "InvalidArguments"
;;@ note = "out = 0xFFFF_FFF8"
;;@
;;@ [[hive]]
;;@ route = "connect"
;;@ count = 0
;;@ clause = "ml-v2/connect_to_experiment/invalid-arguments"
(module
  (import "ark-ml-v2" "ml__connect_to_experiment" (func $ml__connect_to_experiment (param i32 i32 i32 i32 i32 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    (call $window (i32.sub (call $mem_end) (i32.const 8)) (i32.const 8))
    (call $record (i32.const 1) (call $connect_run1 (i32.sub (call $mem_end) (i32.const 7))) (i32.sub (call $mem_end) (i32.const 8)) (i32.const 8))
    (call $check (i32.const 2) (call $connect_run1 (i32.const 0xfffffff8)))
    (i32.const 1)))
