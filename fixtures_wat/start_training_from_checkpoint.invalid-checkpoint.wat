;;@ id = "start_training_from_checkpoint.invalid-checkpoint"
;;@ title = "A checkpoint that is not UTF-8 or out of bounds returns InvalidArguments with no request"
;;@ profile = "extended"
;;@ features = ["checkpoint"]
;;@ scenario = "empty"
;;@ clauses = ["ml-v2/start_training_from_checkpoint/invalid-arguments", "abi/strings/utf8", "abi/memory/write-only-on-success"]
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__start_training_from_checkpoint"
;;@ clause = "ml-v2/start_training_from_checkpoint/invalid-arguments"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "not UTF-8"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__start_training_from_checkpoint"
;;@ clause = "ml-v2/start_training_from_checkpoint/invalid-arguments"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "(0xFFFF_FFF0, 32)"
;;@
;;@ [[hive]]
;;@ route = "start"
;;@ count = 0
(module
  (import "ark-ml-v2" "ml__start_training_from_checkpoint" (func $ml__start_training_from_checkpoint (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    (call $window (i32.const 0x2000) (i32.const 16))
    (call $record (i32.const 1) (call $ml__start_training_from_checkpoint (call $host_ptr) (call $host_len) (call $port) (i32.const 0x1000) (i32.const 4) (i32.const 0x1008) (i32.const 5) (i32.const 7) (i32.const 3) (i32.const 0) (i32.const 0x1010) (i32.const 0xa) (i32.const 0x1040) (i32.const 2) (i32.const 0x2004)) (i32.const 0x2000) (i32.const 16))
    (call $window (i32.const 0x2040) (i32.const 16))
    (call $record (i32.const 2) (call $ml__start_training_from_checkpoint (call $host_ptr) (call $host_len) (call $port) (i32.const 0x1000) (i32.const 4) (i32.const 0x1008) (i32.const 5) (i32.const 7) (i32.const 3) (i32.const 0) (i32.const 0x1010) (i32.const 0xa) (i32.const 0xfffffff0) (i32.const 0x20) (i32.const 0x2044)) (i32.const 0x2040) (i32.const 16))
    (i32.const 1)))
