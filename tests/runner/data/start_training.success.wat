;;@ id = "start_training.success"
;;@ title = "start_training returns Success and a FutureHandle at once; the future yields a TrainingHandle"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "one-run"
;;@ clauses = ["ml-v2/start_training/returns-future", "ml-v2/start_training/hive-request", "ml-v1/take_future_training_handle/writes-handle"]
;;@ expect = "pass"
;;@ timeout_seconds = 5
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/returns-future"
;;@ code = "Success"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__take_future_training_handle"
;;@ clause = "ml-v1/take_future_training_handle/writes-handle"
;;@ code = "Success"
;;@
;;@ [[hive]]
;;@ route = "start"
;;@ count = 1
;;@ clause = "ml-v2/start_training/hive-request"
;;@ json = { game_name = "pong", experiment_name = "exp", num_features = 4, num_actions = 2, num_remote_workers = 0, config = "{}" }
;;@ json_null = ["checkpoint", "worker_module_cid"]   # TOML has no null: these keys must be present and null
;; Memory: params @0x100, journal @0x400, strings @0x1000, out slots @0x2000.
(module
  (import "ark-ml-v2" "ml__start_training"
    (func $start_training (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $poll_th (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $take_th (param i64 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 0x1000) "pong")
  (data (i32.const 0x1010) "exp")
  (data (i32.const 0x1020) "{}")
  (global $state (mut i32) (i32.const 0))
  (func (export "conformance_protocol") (result i32) (i32.const 1))
  (func (export "conformance_params") (result i32) (i32.const 0x100))
  (func (export "conformance_journal") (result i32) (i32.const 0x400))
  (func $record (param $check i32) (param $code i32) (param $ptr i32) (param $len i32)
    (local $at i32)
    (local.set $at (i32.add (i32.const 0x404) (i32.mul (i32.load (i32.const 0x400)) (i32.const 16))))
    (i32.store (local.get $at) (local.get $check))
    (i32.store offset=4 (local.get $at) (local.get $code))
    (i32.store offset=8 (local.get $at) (local.get $ptr))
    (i32.store offset=12 (local.get $at) (local.get $len))
    (i32.store (i32.const 0x400) (i32.add (i32.load (i32.const 0x400)) (i32.const 1))))
  (func (export "conformance_step") (result i32)
    (local $code i32)
    (if (i32.eqz (global.get $state))
      (then
        (local.set $code
          (call $start_training
            (i32.const 0x10c) (i32.load (i32.const 0x108)) (i32.load (i32.const 0x104))
            (i32.const 0x1000) (i32.const 4) (i32.const 0x1010) (i32.const 3)
            (i32.const 4) (i32.const 2) (i32.const 0)
            (i32.const 0x1020) (i32.const 2) (i32.const 0x2000)))
        (call $record (i32.const 1) (local.get $code) (i32.const 0) (i32.const 0))
        (if (local.get $code) (then (return (i32.const 1))))
        (global.set $state (i32.const 1))
        (return (i32.const 0))))
    ;; state 1: poll until ready (a failed future ends the case: check 2 is then never recorded)
    (local.set $code (call $poll_th (i64.load (i32.const 0x2000)) (i32.const 0x2008)))
    (if (local.get $code) (then (return (i32.const 1))))
    (if (i32.eqz (i32.load8_u (i32.const 0x2008))) (then (return (i32.const 0))))
    (call $record (i32.const 2) (call $take_th (i64.load (i32.const 0x2000)) (i32.const 0x2010)) (i32.const 0) (i32.const 0))
    (i32.const 1))
)
