;;@ id = "connect_to_experiment.invalid-utf8-run-id"
;;@ title = "A run_id that is not UTF-8 returns InvalidArguments with no request"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "one-run"
;;@ clauses = ["ml-v2/connect_to_experiment/invalid-arguments", "abi/strings/utf8", "abi/memory/write-only-on-success"]
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__connect_to_experiment"
;;@ clause = "abi/strings/utf8"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@
;;@ [[hive]]
;;@ route = "connect"
;;@ count = 0
;;@ clause = "ml-v2/connect_to_experiment/invalid-arguments"
(module
  (import "ark-ml-v2" "ml__connect_to_experiment" (func $ml__connect_to_experiment (param i32 i32 i32 i32 i32 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    (call $window (i32.const 0x2000) (i32.const 16))
    (call $record (i32.const 1) (call $ml__connect_to_experiment (call $host_ptr) (call $host_len) (call $port) (i32.const 0x1040) (i32.const 2) (i32.const 0x2004)) (i32.const 0x2000) (i32.const 16))
    (i32.const 1)))
