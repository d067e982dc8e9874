;;@ id = "start_training.config-json-grammar"
;;@ title = "Strict JSON nested at most 128 levels: NaN, 129 and 1 Mi nested arrays return InvalidArguments with no request"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "empty"
;;@ clauses = ["ml-v2/start_training/config-json-grammar", "abi/memory/write-only-on-success"]
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/config-json-grammar"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = 'config = "[NaN]"'
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/config-json-grammar"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "config = 129 nested arrays (valid JSON, one level too deep)"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/config-json-grammar"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "config = 1 Mi nested arrays (2 MiB, built with memory.fill after memory.grow): not InternalError"
;;@
;;@ [[hive]]
;;@ route = "start"
;;@ count = 0
(module
  (import "ark-ml-v2" "ml__start_training" (func $ml__start_training (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (data (i32.const 0x1100) "[NaN]")
  (data (i32.const 0x1200) "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]")
  (func (export "conformance_step") (result i32)
    (call $window (i32.const 0x2000) (i32.const 16))
    (call $record (i32.const 1) (call $ml__start_training (call $host_ptr) (call $host_len) (call $port) (i32.const 0x1000) (i32.const 4) (i32.const 0x1008) (i32.const 5) (i32.const 7) (i32.const 3) (i32.const 0) (i32.const 0x1100) (i32.const 5) (i32.const 0x2004)) (i32.const 0x2000) (i32.const 16))
    (call $window (i32.const 0x2040) (i32.const 16))
    (call $record (i32.const 2) (call $ml__start_training (call $host_ptr) (call $host_len) (call $port) (i32.const 0x1000) (i32.const 4) (i32.const 0x1008) (i32.const 5) (i32.const 7) (i32.const 3) (i32.const 0) (i32.const 0x1200) (i32.const 258) (i32.const 0x2044)) (i32.const 0x2040) (i32.const 16))
    ;; 1 Mi "[" then 1 Mi "]" at 0x10000 (memory grows from 1 to 41 pages)
    (drop (memory.grow (i32.const 40)))
    (memory.fill (i32.const 0x10000) (i32.const 0x5b) (i32.const 0x100000))
    (memory.fill (i32.const 0x110000) (i32.const 0x5d) (i32.const 0x100000))
    (call $window (i32.const 0x2080) (i32.const 16))
    (call $record (i32.const 3) (call $ml__start_training (call $host_ptr) (call $host_len) (call $port) (i32.const 0x1000) (i32.const 4) (i32.const 0x1008) (i32.const 5) (i32.const 7) (i32.const 3) (i32.const 0) (i32.const 0x10000) (i32.const 0x200000) (i32.const 0x2084)) (i32.const 0x2080) (i32.const 16))
    (i32.const 1)))
