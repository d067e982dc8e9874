;;@ id = "experiment_config_from_registry.invalid-arguments"
;;@ title = "experiment_config_from_registry with a non-UTF-8 run_id, an empty hive_url or a short out-pointer is InvalidArguments"
;;@ profile = "extended"
;;@ features = ["registry"]
;;@ scenario = "stopped-run"
;;@ clauses = ["ml-v2/experiment_config_from_registry/invalid-arguments", "abi/strings/utf8", "hive/address-valid", "abi/pointers/bounds-checked"]
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__experiment_config_from_registry"
;;@ clause = "ml-v2/experiment_config_from_registry/invalid-arguments"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "run_id not UTF-8"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__experiment_config_from_registry"
;;@ clause = "ml-v2/experiment_config_from_registry/invalid-arguments"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "hive_url empty"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__experiment_config_from_registry"
;;@ clause = "ml-v2/experiment_config_from_registry/invalid-arguments"
;;@ code = "InvalidArguments"
;;@ note = "out = end - 15"
;;@
;;@ [[hive]]
;;@ route = "registry_config"
;;@ count = 0
(module
  (import "ark-ml-v2" "ml__experiment_config_from_registry" (func $ml__experiment_config_from_registry (param i32 i32 i32 i32 i32 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    (call $window (i32.const 0x2000) (i32.const 24))
    (call $record (i32.const 1) (call $ml__experiment_config_from_registry (call $host_ptr) (call $host_len) (call $port) (i32.const 0x1040) (i32.const 2) (i32.const 0x2004)) (i32.const 0x2000) (i32.const 24))
    (call $window (i32.const 0x2040) (i32.const 24))
    (call $record (i32.const 2) (call $ml__experiment_config_from_registry (i32.const 1) (i32.const 0) (call $port) (i32.const 0x1020) (i32.const 5) (i32.const 0x2044)) (i32.const 0x2040) (i32.const 24))
    (call $check (i32.const 3) (call $ml__experiment_config_from_registry (call $host_ptr) (call $host_len) (call $port) (i32.const 0x1020) (i32.const 5) (i32.sub (call $mem_end) (i32.const 15))))
    (i32.const 1)))
