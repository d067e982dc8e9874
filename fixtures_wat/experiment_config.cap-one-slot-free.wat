;;@ id = "experiment_config.cap-one-slot-free"
;;@ title = "experiment_config creates two futures: with one free slot under the cap it is Unavailable (nothing written, no request); with two it succeeds"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "one-run-hold-start"
;;@ clauses = ["futures/outstanding-cap-counts-futures", "futures/outstanding-cap", "ml-v2/experiment_config/returns-two-futures", "ml-v1/drop_future/releases", "ml-v2/connect_to_experiment/returns-future", "ml-v1/take_future_training_handle/writes-handle", "abi/memory/write-only-on-success"]
;;@ includes = ["fill_cap", "connect_run1", "th_ready", "take_th", "cfg_ready"]
;;@ host_settings = { max_outstanding_futures = 16 }  # a hint: the guest finds the cap at run time
;;@ notes = "The guest fills the cap with held starts (finding the cap at run time), drops one, tries experiment_config, drops another and tries again; then it drops the remaining starts (ml-v1/drop_future/releases cancels them) so that the config request can be served."
;;@
;;@ [[check]]
;;@ id = 91
;;@ call = "ml__connect_to_experiment"
;;@ clause = "ml-v2/connect_to_experiment/returns-future"
;;@ code = "Success"
;;@
;;@ [[check]]
;;@ id = 92
;;@ call = "ml__take_future_training_handle"
;;@ clause = "ml-v1/take_future_training_handle/writes-handle"
;;@ code = "Success"
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__drop_future"
;;@ clause = "ml-v1/drop_future/releases"
;;@ code = "Success"
;;@ note = "one slot free"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__experiment_config"
;;@ clause = "futures/outstanding-cap-counts-futures"
;;@ code = "Unavailable"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__drop_future"
;;@ clause = "ml-v1/drop_future/releases"
;;@ code = "Success"
;;@ note = "two slots free"
;;@
;;@ [[check]]
;;@ id = 4
;;@ call = "ml__experiment_config"
;;@ clause = "ml-v2/experiment_config/returns-two-futures"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 ???????????????????????????????? a5a5a5a5"
;;@
;;@ [[hive]]
;;@ route = "config"
;;@ count = 1
;;@ clause = "futures/outstanding-cap-counts-futures"
;;@ note = "only the second call sends its request"
(module
  (import "ark-ml-v2" "ml__connect_to_experiment" (func $ml__connect_to_experiment (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v2" "ml__start_training" (func $ml__start_training (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v2" "ml__experiment_config" (func $ml__experiment_config (param i64 i32) (result i32)))
  (import "ark-ml-v2" "ml__poll_future_ark_experiment_config" (func $ml__poll_future_ark_experiment_config (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $ml__take_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__drop_future" (func $ml__drop_future (param i64) (result i32)))
  (func (export "conformance_step") (result i32)
    (if (call $at (i32.const 0)) (then
      (call $check (i32.const 91) (call $connect_run1 (i32.const 0x0A10)))
      (global.set $fut (i64.load (i32.const 0x0A10)))
      (return (call $next))))
    (if (call $at (i32.const 1)) (then
      (if (i32.eqz (call $th_ready (global.get $fut))) (then (return (i32.const 0))))
      (return (call $next))))
    (if (call $at (i32.const 2)) (then
      (call $check (i32.const 92) (call $take_th (global.get $fut)))
      (drop (call $fill_cap))
      (call $check (i32.const 1) (call $ml__drop_future (i64.load (i32.const 0x4000))))
      (call $window (i32.const 0x2040) (i32.const 24))
      (call $record (i32.const 2) (call $ml__experiment_config (global.get $th) (i32.const 0x2044)) (i32.const 0x2040) (i32.const 24))
      (call $check (i32.const 3) (call $ml__drop_future (i64.load (i32.const 0x4008))))
      (call $window (i32.const 0x2080) (i32.const 24))
      (call $record (i32.const 4) (call $ml__experiment_config (global.get $th) (i32.const 0x2084)) (i32.const 0x2080) (i32.const 24))
      (global.set $fut (i64.load (i32.const 0x2084)))
      ;; drop the other held starts: their requests may occupy every worker the host has for this instance
      (global.set $n (i32.sub (global.get $n) (i32.const 1)))
      (block $done (loop $each
        (br_if $done (i32.lt_u (global.get $n) (i32.const 2)))
        (drop (call $ml__drop_future (i64.load (i32.add (i32.const 0x4000) (i32.shl (global.get $n) (i32.const 3))))))
        (global.set $n (i32.sub (global.get $n) (i32.const 1)))
        (br $each)))
      (return (call $next))))
    (call $cfg_ready (global.get $fut))))  ;; done once the config request has been answered
