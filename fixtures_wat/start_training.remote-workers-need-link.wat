;;@ id = "start_training.remote-workers-need-link"
;;@ title = "num_remote_workers > 0 without set_worker_module_link returns InvalidArguments with no request"
;;@ profile = "core"
;;@ features = ["remote-workers"]
;;@ scenario = "empty"
;;@ clauses = ["ml-v2/start_training/remote-workers-need-link"]
;;@ includes = ["start_std"]
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/remote-workers-need-link"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@
;;@ [[hive]]
;;@ route = "start"
;;@ count = 0
(module
  (import "ark-ml-v2" "ml__start_training" (func $ml__start_training (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    (call $window (i32.const 0x2000) (i32.const 16))
    (call $record (i32.const 1) (call $start_std (i32.const 2) (i32.const 0x2004)) (i32.const 0x2000) (i32.const 16))
    (i32.const 1)))
