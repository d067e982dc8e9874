;;@ id = "start_training.invalid-utf8-experiment-name"
;;@ title = "An experiment_name that is not UTF-8 (a lone continuation byte) returns InvalidArguments"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "empty"
;;@ clauses = ["ml-v2/start_training/invalid-arguments", "abi/strings/utf8"]
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__start_training"
;;@ clause = "abi/strings/utf8"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@
;;@ [[hive]]
;;@ route = "start"
;;@ count = 0
;;@ clause = "ml-v2/start_training/invalid-arguments"
(module
  (import "ark-ml-v2" "ml__start_training" (func $ml__start_training (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (data (i32.const 0x1100) "a\80b")
  (func (export "conformance_step") (result i32)
    (call $window (i32.const 0x2000) (i32.const 16))
    (call $record (i32.const 1) (call $ml__start_training (call $host_ptr) (call $host_len) (call $port) (i32.const 0x1000) (i32.const 4) (i32.const 0x1100) (i32.const 3) (i32.const 7) (i32.const 3) (i32.const 0) (i32.const 0x1010) (i32.const 0xa) (i32.const 0x2004)) (i32.const 0x2000) (i32.const 16))
    (i32.const 1)))
