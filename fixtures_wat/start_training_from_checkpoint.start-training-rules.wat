;;@ id = "start_training_from_checkpoint.start-training-rules"
;;@ title = "start_training's argument rules apply: bad config JSON, workers without a link, port 0 are InvalidArguments"
;;@ profile = "extended"
;;@ features = ["checkpoint"]
;;@ scenario = "empty"
;;@ clauses = ["ml-v2/start_training_from_checkpoint/invalid-arguments", "ml-v2/start_training/config-json", "hive/address-valid"]
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__start_training_from_checkpoint"
;;@ clause = "ml-v2/start_training_from_checkpoint/invalid-arguments"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "config not JSON"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__start_training_from_checkpoint"
;;@ clause = "ml-v2/start_training_from_checkpoint/invalid-arguments"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "2 remote workers without a link"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__start_training_from_checkpoint"
;;@ clause = "ml-v2/start_training_from_checkpoint/invalid-arguments"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "port 0"
;;@
;;@ [[hive]]
;;@ route = "start"
;;@ count = 0
(module
  (import "ark-ml-v2" "ml__start_training_from_checkpoint" (func $ml__start_training_from_checkpoint (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    (call $window (i32.const 0x2000) (i32.const 16))
    (call $record (i32.const 1) (call $ml__start_training_from_checkpoint (call $host_ptr) (call $host_len) (call $port) (i32.const 0x1000) (i32.const 4) (i32.const 0x1008) (i32.const 5) (i32.const 7) (i32.const 3) (i32.const 0) (i32.const 0x1048) (i32.const 8) (i32.const 0x1038) (i32.const 7) (i32.const 0x2004)) (i32.const 0x2000) (i32.const 16))
    (call $window (i32.const 0x2040) (i32.const 16))
    (call $record (i32.const 2) (call $ml__start_training_from_checkpoint (call $host_ptr) (call $host_len) (call $port) (i32.const 0x1000) (i32.const 4) (i32.const 0x1008) (i32.const 5) (i32.const 7) (i32.const 3) (i32.const 2) (i32.const 0x1010) (i32.const 0xa) (i32.const 0x1038) (i32.const 7) (i32.const 0x2044)) (i32.const 0x2040) (i32.const 16))
    (call $window (i32.const 0x2080) (i32.const 16))
    (call $record (i32.const 3) (call $ml__start_training_from_checkpoint (call $host_ptr) (call $host_len) (i32.const 0) (i32.const 0x1000) (i32.const 4) (i32.const 0x1008) (i32.const 5) (i32.const 7) (i32.const 3) (i32.const 0) (i32.const 0x1010) (i32.const 0xa) (i32.const 0x1038) (i32.const 7) (i32.const 0x2084)) (i32.const 0x2080) (i32.const 16))
    (i32.const 1)))
