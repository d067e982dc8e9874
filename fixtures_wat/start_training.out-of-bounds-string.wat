;;@ id = "start_training.out-of-bounds-string"
;;@ title = "A string that runs past the end of memory returns InvalidArguments"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "empty"
;;@ clauses = ["abi/pointers/bounds-checked", "ml-v2/start_training/invalid-arguments"]
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__start_training"
;;@ clause = "abi/pointers/bounds-checked"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "experiment_name = (end - 2, 5)"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__start_training"
;;@ clause = "abi/pointers/bounds-checked"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "game_name = (end, 1)"
;;@
;;@ [[hive]]
;;@ route = "start"
;;@ count = 0
;;@ clause = "ml-v2/start_training/invalid-arguments"
(module
  (import "ark-ml-v2" "ml__start_training" (func $ml__start_training (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    (call $window (i32.const 0x2000) (i32.const 16))
    (call $record (i32.const 1) (call $ml__start_training (call $host_ptr) (call $host_len) (call $port) (i32.const 0x1000) (i32.const 4) (i32.sub (call $mem_end) (i32.const 2)) (i32.const 5) (i32.const 7) (i32.const 3) (i32.const 0) (i32.const 0x1010) (i32.const 0xa) (i32.const 0x2004)) (i32.const 0x2000) (i32.const 16))
    (call $window (i32.const 0x2040) (i32.const 16))
    (call $record (i32.const 2) (call $ml__start_training (call $host_ptr) (call $host_len) (call $port) (call $mem_end) (i32.const 1) (i32.const 0x1008) (i32.const 5) (i32.const 7) (i32.const 3) (i32.const 0) (i32.const 0x1010) (i32.const 0xa) (i32.const 0x2044)) (i32.const 0x2040) (i32.const 16))
    (i32.const 1)))
