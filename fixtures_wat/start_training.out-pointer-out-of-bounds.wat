;;@ id = "start_training.out-pointer-out-of-bounds"
;;@ title = "An out-pointer with fewer than 8 bytes of memory behind it returns InvalidArguments and writes nothing"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "empty"
;;@ clauses = ["abi/pointers/bounds-checked", "ml-v2/start_training/invalid-arguments", "abi/memory/write-only-on-success"]
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__start_training"
;;@ clause = "abi/pointers/bounds-checked"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5a5a5a5a5"
;;@ note = "out = end - 4: the last 8 bytes of memory stay canaries"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__start_training"
;;@ clause = "abi/pointers/bounds-checked"
;;@ code = "InvalidArguments"
;;@ note = "out = 0xFFFF_FFFC"
;;@
;;@ [[hive]]
;;@ route = "start"
;;@ count = 0
(module
  (import "ark-ml-v2" "ml__start_training" (func $ml__start_training (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    (call $window (i32.sub (call $mem_end) (i32.const 8)) (i32.const 8))
    (call $record (i32.const 1) (call $ml__start_training (call $host_ptr) (call $host_len) (call $port) (i32.const 0x1000) (i32.const 4) (i32.const 0x1008) (i32.const 5) (i32.const 7) (i32.const 3) (i32.const 0) (i32.const 0x1010) (i32.const 0xa) (i32.sub (call $mem_end) (i32.const 4))) (i32.sub (call $mem_end) (i32.const 8)) (i32.const 8))
    (call $check (i32.const 2) (call $ml__start_training (call $host_ptr) (call $host_len) (call $port) (i32.const 0x1000) (i32.const 4) (i32.const 0x1008) (i32.const 5) (i32.const 7) (i32.const 3) (i32.const 0) (i32.const 0x1010) (i32.const 0xa) (i32.const 0xfffffffc)))
    (i32.const 1)))
