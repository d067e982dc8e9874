;;@ id = "start_training.out-pointer-last-bytes"
;;@ title = "An out-pointer whose 8 bytes are exactly the last 8 bytes of memory is accepted"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "empty"
;;@ clauses = ["abi/pointers/bounds-checked", "abi/memory/write-exactly-sizeof", "ml-v2/start_training/returns-future", "ml-v1/drop_future/releases"]
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__start_training"
;;@ clause = "abi/pointers/bounds-checked"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 ????????????????"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__drop_future"
;;@ clause = "ml-v1/drop_future/releases"
;;@ code = "Success"
(module
  (import "ark-ml-v2" "ml__start_training" (func $ml__start_training (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v1" "ml__drop_future" (func $ml__drop_future (param i64) (result i32)))
  (func (export "conformance_step") (result i32)
    (call $window (i32.sub (call $mem_end) (i32.const 12)) (i32.const 12))
    (call $record (i32.const 1) (call $ml__start_training (call $host_ptr) (call $host_len) (call $port) (i32.const 0x1000) (i32.const 4) (i32.const 0x1008) (i32.const 5) (i32.const 7) (i32.const 3) (i32.const 0) (i32.const 0x1010) (i32.const 0xa) (i32.sub (call $mem_end) (i32.const 8))) (i32.sub (call $mem_end) (i32.const 12)) (i32.const 12))
    (call $check (i32.const 2) (call $ml__drop_future (i64.load (i32.sub (call $mem_end) (i32.const 8)))))
    (i32.const 1)))
