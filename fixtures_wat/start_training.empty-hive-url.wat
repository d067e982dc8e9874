;;@ id = "start_training.empty-hive-url"
;;@ title = "An empty hive_url (len 0, also Rust's dangling ptr 1) returns InvalidArguments with no request"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "empty"
;;@ clauses = ["hive/address-valid", "ml-v2/start_training/invalid-arguments"]
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__start_training"
;;@ clause = "hive/address-valid"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__start_training"
;;@ clause = "hive/address-valid"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@
;;@ [[hive]]
;;@ route = "start"
;;@ count = 0
;;@ clause = "ml-v2/start_training/invalid-arguments"
(module
  (import "ark-ml-v2" "ml__start_training" (func $ml__start_training (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    (call $window (i32.const 0x2000) (i32.const 16))
    (call $record (i32.const 1) (call $ml__start_training (call $host_ptr) (i32.const 0) (call $port) (i32.const 0x1000) (i32.const 4) (i32.const 0x1008) (i32.const 5) (i32.const 7) (i32.const 3) (i32.const 0) (i32.const 0x1010) (i32.const 0xa) (i32.const 0x2004)) (i32.const 0x2000) (i32.const 16))
    (call $window (i32.const 0x2040) (i32.const 16))
    (call $record (i32.const 2) (call $ml__start_training (i32.const 1) (i32.const 0) (call $port) (i32.const 0x1000) (i32.const 4) (i32.const 0x1008) (i32.const 5) (i32.const 7) (i32.const 3) (i32.const 0) (i32.const 0x1010) (i32.const 0xa) (i32.const 0x2044)) (i32.const 0x2040) (i32.const 16))
    (i32.const 1)))
