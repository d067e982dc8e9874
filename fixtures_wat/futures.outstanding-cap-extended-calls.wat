;;@ id = "futures.outstanding-cap-extended-calls"
;;@ title = "At the cap, start_training_from_checkpoint and both registry calls return Unavailable, write nothing, send nothing"
;;@ profile = "extended"
;;@ features = ["checkpoint", "registry"]
;;@ scenario = "hold-start"
;;@ clauses = ["futures/outstanding-cap"]
;;@ includes = ["fill_cap"]
;;@ host_settings = { max_outstanding_futures = 16 }  # a hint: the guest finds the cap at run time
;;@ notes = "start requests are held by the hive, so the futures that fill the cap (at most 1024) stay pending."
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__start_training_from_checkpoint"
;;@ clause = "futures/outstanding-cap"
;;@ code = "Unavailable"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__experiment_config_from_registry"
;;@ clause = "futures/outstanding-cap"
;;@ code = "Unavailable"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__download_snapshot_from_registry"
;;@ clause = "futures/outstanding-cap"
;;@ code = "Unavailable"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@
;;@ [[hive]]
;;@ route = "registry_config"
;;@ count = 0
;;@ clause = "futures/outstanding-cap"
;;@
;;@ [[hive]]
;;@ route = "registry_snapshot"
;;@ count = 0
;;@ clause = "futures/outstanding-cap"
(module
  (import "ark-ml-v2" "ml__start_training" (func $ml__start_training (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v2" "ml__start_training_from_checkpoint" (func $ml__start_training_from_checkpoint (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v2" "ml__experiment_config_from_registry" (func $ml__experiment_config_from_registry (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v2" "ml__download_snapshot_from_registry" (func $ml__download_snapshot_from_registry (param i32 i32 i32 i32 i32 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    (drop (call $fill_cap))
    (call $window (i32.const 0x2040) (i32.const 16))
    (call $record (i32.const 1) (call $ml__start_training_from_checkpoint (call $host_ptr) (call $host_len) (call $port) (i32.const 0x1000) (i32.const 4) (i32.const 0x1008) (i32.const 5) (i32.const 7) (i32.const 3) (i32.const 0) (i32.const 0x1010) (i32.const 0xa) (i32.const 0x1038) (i32.const 7) (i32.const 0x2044)) (i32.const 0x2040) (i32.const 16))
    (call $window (i32.const 0x2080) (i32.const 24))
    (call $record (i32.const 2) (call $ml__experiment_config_from_registry (call $host_ptr) (call $host_len) (call $port) (i32.const 0x1020) (i32.const 5) (i32.const 0x2084)) (i32.const 0x2080) (i32.const 24))
    (call $window (i32.const 0x20c0) (i32.const 16))
    (call $record (i32.const 3) (call $ml__download_snapshot_from_registry (call $host_ptr) (call $host_len) (call $port) (i32.const 0x1020) (i32.const 5) (i32.const 0x20c4)) (i32.const 0x20c0) (i32.const 16))
    (i32.const 1)))
