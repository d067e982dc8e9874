;;@ id = "connect_to_experiment.empty-run-id"
;;@ title = "An empty run_id (len 0, at a real string or Rust's ptr 1) returns InvalidArguments with no request"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "one-run"
;;@ clauses = ["ml-v2/connect_to_experiment/invalid-arguments"]
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__connect_to_experiment"
;;@ clause = "ml-v2/connect_to_experiment/invalid-arguments"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__connect_to_experiment"
;;@ clause = "ml-v2/connect_to_experiment/invalid-arguments"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@
;;@ [[hive]]
;;@ route = "connect"
;;@ count = 0
(module
  (import "ark-ml-v2" "ml__connect_to_experiment" (func $ml__connect_to_experiment (param i32 i32 i32 i32 i32 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    (call $window (i32.const 0x2000) (i32.const 16))
    (call $record (i32.const 1) (call $ml__connect_to_experiment (call $host_ptr) (call $host_len) (call $port) (i32.const 1) (i32.const 0) (i32.const 0x2004)) (i32.const 0x2000) (i32.const 16))
    (call $window (i32.const 0x2040) (i32.const 16))
    (call $record (i32.const 2) (call $ml__connect_to_experiment (call $host_ptr) (call $host_len) (call $port) (i32.const 0x1020) (i32.const 0) (i32.const 0x2044)) (i32.const 0x2040) (i32.const 16))
    (i32.const 1)))
