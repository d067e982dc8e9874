;;@ id = "download_snapshot_from_registry.invalid-arguments"
;;@ title = "download_snapshot_from_registry with port 0, a non-UTF-8 run_id or a wrapping run_id pointer is InvalidArguments"
;;@ profile = "extended"
;;@ features = ["registry"]
;;@ scenario = "stopped-run"
;;@ clauses = ["ml-v2/download_snapshot_from_registry/invalid-arguments", "hive/address-valid", "abi/strings/utf8", "abi/pointers/bounds-checked"]
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__download_snapshot_from_registry"
;;@ clause = "ml-v2/download_snapshot_from_registry/invalid-arguments"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "port 0"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__download_snapshot_from_registry"
;;@ clause = "ml-v2/download_snapshot_from_registry/invalid-arguments"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "run_id not UTF-8"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__download_snapshot_from_registry"
;;@ clause = "ml-v2/download_snapshot_from_registry/invalid-arguments"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "run_id = (0xFFFF_FFF0, 32)"
;;@
;;@ [[hive]]
;;@ route = "registry_snapshot"
;;@ count = 0
(module
  (import "ark-ml-v2" "ml__download_snapshot_from_registry" (func $ml__download_snapshot_from_registry (param i32 i32 i32 i32 i32 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    (call $window (i32.const 0x2000) (i32.const 16))
    (call $record (i32.const 1) (call $ml__download_snapshot_from_registry (call $host_ptr) (call $host_len) (i32.const 0) (i32.const 0x1020) (i32.const 5) (i32.const 0x2004)) (i32.const 0x2000) (i32.const 16))
    (call $window (i32.const 0x2040) (i32.const 16))
    (call $record (i32.const 2) (call $ml__download_snapshot_from_registry (call $host_ptr) (call $host_len) (call $port) (i32.const 0x1040) (i32.const 2) (i32.const 0x2044)) (i32.const 0x2040) (i32.const 16))
    (call $window (i32.const 0x2080) (i32.const 16))
    (call $record (i32.const 3) (call $ml__download_snapshot_from_registry (call $host_ptr) (call $host_len) (call $port) (i32.const 0xfffffff0) (i32.const 0x20) (i32.const 0x2084)) (i32.const 0x2080) (i32.const 16))
    (i32.const 1)))
