;;@ id = "connect_to_experiment.invalid-hive-address"
;;@ title = "An empty hive_url or a port above 65535 returns InvalidArguments with no request"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "one-run"
;;@ clauses = ["ml-v2/connect_to_experiment/invalid-arguments", "hive/address-valid"]
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__connect_to_experiment"
;;@ clause = "hive/address-valid"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "hive_url len 0"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__connect_to_experiment"
;;@ clause = "hive/address-valid"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "port 65536"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__connect_to_experiment"
;;@ clause = "hive/address-valid"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "port 0"
;;@
;;@ [[hive]]
;;@ route = "connect"
;;@ count = 0
;;@ clause = "ml-v2/connect_to_experiment/invalid-arguments"
(module
  (import "ark-ml-v2" "ml__connect_to_experiment" (func $ml__connect_to_experiment (param i32 i32 i32 i32 i32 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    (call $window (i32.const 0x2000) (i32.const 16))
    (call $record (i32.const 1) (call $ml__connect_to_experiment (call $host_ptr) (i32.const 0) (call $port) (i32.const 0x1020) (i32.const 5) (i32.const 0x2004)) (i32.const 0x2000) (i32.const 16))
    (call $window (i32.const 0x2040) (i32.const 16))
    (call $record (i32.const 2) (call $ml__connect_to_experiment (call $host_ptr) (call $host_len) (i32.const 0x10000) (i32.const 0x1020) (i32.const 5) (i32.const 0x2044)) (i32.const 0x2040) (i32.const 16))
    (call $window (i32.const 0x2080) (i32.const 16))
    (call $record (i32.const 3) (call $ml__connect_to_experiment (call $host_ptr) (call $host_len) (i32.const 0) (i32.const 0x1020) (i32.const 5) (i32.const 0x2084)) (i32.const 0x2080) (i32.const 16))
    (i32.const 1)))
