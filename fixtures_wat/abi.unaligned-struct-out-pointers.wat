;;@ id = "abi.unaligned-struct-out-pointers"
;;@ title = "Struct out-pointers off their alignment are written byte-wise: ExperimentConfigFuture (16 bytes, align 8) at 8k+7, PollVec at 4k+1, ArkExperimentConfig at 4k+2"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "one-run"
;;@ clauses = ["abi/memory/unaligned-out-pointer"]
;;@ includes = ["connect_run1", "th_ready", "take_th", "cfg_ready", "vec_ready"]
;;@ notes = "start_training.unaligned-out-pointer tries the 8-byte handles only; a host that writes struct fields through aligned views (or rounds the pointer down) passes it. Each window's 4 canary bytes on either side pin where the struct landed."
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__experiment_config"
;;@ clause = "abi/memory/unaligned-out-pointer"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 ???????????????? ???????????????? a5a5a5a5"
;;@ note = "ExperimentConfigFuture at 0x2007 (8k+7)"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__poll_future_vec_u8"
;;@ clause = "abi/memory/unaligned-out-pointer"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 01000000 0a000000 a5a5a5a5"
;;@ note = "PollVec at 4k+1: ready 1, pad 0, len 10"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__take_future_ark_experiment_config"
;;@ clause = "abi/memory/unaligned-out-pointer"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 07000000 03000000 a5a5a5a5"
;;@ note = "ArkExperimentConfig at 4k+2: 7 features, 3 actions"
(module
  (import "ark-ml-v2" "ml__connect_to_experiment" (func $ml__connect_to_experiment (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v2" "ml__experiment_config" (func $ml__experiment_config (param i64 i32) (result i32)))
  (import "ark-ml-v2" "ml__poll_future_ark_experiment_config" (func $ml__poll_future_ark_experiment_config (param i64 i32) (result i32)))
  (import "ark-ml-v2" "ml__take_future_ark_experiment_config" (func $ml__take_future_ark_experiment_config (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $ml__take_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_vec_u8" (func $ml__poll_future_vec_u8 (param i64 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    (if (call $at (i32.const 0)) (then
      (if (call $connect_run1 (i32.const 0x0A10)) (then (return (i32.const 2))))
      (global.set $fut (i64.load (i32.const 0x0A10)))
      (return (call $next))))
    (if (call $at (i32.const 1)) (then
      (if (i32.eqz (call $th_ready (global.get $fut))) (then (return (i32.const 0))))
      (return (call $next))))
    (if (call $at (i32.const 2)) (then
      (if (call $take_th (global.get $fut)) (then (return (i32.const 3))))
      (call $window (i32.const 0x2003) (i32.const 24))
      (call $record (i32.const 1) (call $ml__experiment_config (global.get $th) (i32.const 0x2007)) (i32.const 0x2003) (i32.const 24))
      (global.set $fut (i64.load (i32.const 0x2007)))
      (global.set $fut2 (i64.load (i32.const 0x200f)))
      (return (call $next))))
    (if (call $at (i32.const 3)) (then
      (if (i32.eqz (call $cfg_ready (global.get $fut))) (then (return (i32.const 0))))
      (if (i32.eqz (call $vec_ready (global.get $fut2))) (then (return (i32.const 0))))
      (return (call $next))))
    (call $window (i32.const 0x2041) (i32.const 16))
    (call $record (i32.const 2) (call $ml__poll_future_vec_u8 (global.get $fut2) (i32.const 0x2045)) (i32.const 0x2041) (i32.const 16))
    (call $window (i32.const 0x2082) (i32.const 16))
    (call $record (i32.const 3) (call $ml__take_future_ark_experiment_config (global.get $fut) (i32.const 0x2086)) (i32.const 0x2082) (i32.const 16))
    (i32.const 1)))
