;;@ id = "experiment_config_from_registry.stopped-run"
;;@ title = "experiment_config_from_registry of a stopped run resolves to its ArkExperimentConfig and config bytes"
;;@ profile = "extended"
;;@ features = ["registry"]
;;@ scenario = "stopped-run"
;;@ clauses = ["ml-v2/experiment_config_from_registry/returns-two-futures", "ml-v2/experiment_config_from_registry/hive-request", "ml-v2/take_future_ark_experiment_config/writes-config", "hive/request-shape"]
;;@ includes = ["cfg_ready", "vec_ready"]
;;@ notes = "The guest returns 2 if the two handles are equal."
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__experiment_config_from_registry"
;;@ clause = "ml-v2/experiment_config_from_registry/returns-two-futures"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 ???????????????? ???????????????? a5a5a5a5"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__take_future_ark_experiment_config"
;;@ clause = "ml-v2/take_future_ark_experiment_config/writes-config"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 07000000 03000000 a5a5a5a5"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__take_future_vec_u8"
;;@ clause = "ml-v2/experiment_config_from_registry/returns-two-futures"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 7b226c72223a302e357d a5a5a5a5"
;;@
;;@ [[hive]]
;;@ route = "registry_config"
;;@ count = 1
;;@ clause = "ml-v2/experiment_config_from_registry/hive-request"
;;@
;;@ [[hive]]
;;@ route = "connect"
;;@ count = 0
;;@
;;@ [[hive]]
;;@ route = "config"
;;@ count = 0
(module
  (import "ark-ml-v2" "ml__experiment_config_from_registry" (func $ml__experiment_config_from_registry (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v2" "ml__poll_future_ark_experiment_config" (func $ml__poll_future_ark_experiment_config (param i64 i32) (result i32)))
  (import "ark-ml-v2" "ml__take_future_ark_experiment_config" (func $ml__take_future_ark_experiment_config (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_vec_u8" (func $ml__poll_future_vec_u8 (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_vec_u8" (func $ml__take_future_vec_u8 (param i64 i32 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    (if (call $at (i32.const 0)) (then
      (call $window (i32.const 0x2000) (i32.const 24))
      (call $record (i32.const 1) (call $ml__experiment_config_from_registry (call $host_ptr) (call $host_len) (call $port) (i32.const 0x1020) (i32.const 5) (i32.const 0x2004)) (i32.const 0x2000) (i32.const 24))
      (global.set $fut (i64.load (i32.const 0x2004)))
      (global.set $fut2 (i64.load (i32.const 0x200c)))
      (if (i64.eq (global.get $fut) (global.get $fut2)) (then (return (i32.const 2))))
      (return (call $next))))
    (if (call $at (i32.const 1)) (then
      (if (i32.eqz (call $cfg_ready (global.get $fut))) (then (return (i32.const 0))))
      (return (call $next))))
    (if (call $at (i32.const 2)) (then
      (if (i32.eqz (call $vec_ready (global.get $fut2))) (then (return (i32.const 0))))
      (return (call $next))))
    (call $window (i32.const 0x2040) (i32.const 16))
    (call $record (i32.const 2) (call $ml__take_future_ark_experiment_config (global.get $fut) (i32.const 0x2044)) (i32.const 0x2040) (i32.const 16))
    (call $window (i32.const 0x2080) (i32.const 18))
    (call $record (i32.const 3) (call $ml__take_future_vec_u8 (global.get $fut2) (i32.const 0x2084) (i32.load (i32.const 0x0A04))) (i32.const 0x2080) (i32.const 18))
    (i32.const 1)))
