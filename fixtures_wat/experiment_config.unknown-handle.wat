;;@ id = "experiment_config.unknown-handle"
;;@ title = "experiment_config of a TrainingHandle never issued (forged, 0) returns NotFound, writes nothing, sends nothing"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "one-run"
;;@ clauses = ["ml-v2/experiment_config/unknown-handle", "abi/memory/write-only-on-success", "abi/handles/unique"]
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__experiment_config"
;;@ clause = "ml-v2/experiment_config/unknown-handle"
;;@ code = "NotFound"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "forged large handle"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__experiment_config"
;;@ clause = "ml-v2/experiment_config/unknown-handle"
;;@ code = "NotFound"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "handle 0"
;;@
;;@ [[hive]]
;;@ route = "config"
;;@ count = 0
(module
  (import "ark-ml-v2" "ml__experiment_config" (func $ml__experiment_config (param i64 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    (call $window (i32.const 0x2000) (i32.const 24))
    (call $record (i32.const 1) (call $ml__experiment_config (i64.const 0x7fffffff00000001) (i32.const 0x2004)) (i32.const 0x2000) (i32.const 24))
    (call $window (i32.const 0x2040) (i32.const 24))
    (call $record (i32.const 2) (call $ml__experiment_config (i64.const 0) (i32.const 0x2044)) (i32.const 0x2040) (i32.const 24))
    (i32.const 1)))
