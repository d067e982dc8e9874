;;@ id = "start_training.unsigned-lengths"
;;@ title = "A string length of 2^31 + n is a huge u32, out of bounds: InvalidArguments, each length tried alone with every other argument valid"
;;@ profile = "extended"
;;@ features = ["remote-workers"]
;;@ scenario = "empty"
;;@ clauses = ["abi/pointers/unsigned", "abi/pointers/bounds-checked", "ml-v2/start_training/invalid-arguments", "ml-v2/set_worker_module_link/invalid-string", "abi/memory/write-only-on-success", "ml-v2/start_training/returns-future"]
;;@ includes = ["start_std", "th_ready"]
;;@ notes = "abi.hostile-arguments makes every length hostile at once, so a host that reads lengths as i32 is rejected for the config instead. Here the config, the address and the other strings are valid: a host that reads 0x8000_0004 as a negative length (and so an empty string) returns Success and is caught."
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__start_training"
;;@ clause = "abi/pointers/unsigned"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "game_name_len = 0x8000_0004"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__start_training"
;;@ clause = "abi/pointers/unsigned"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "experiment_name_len = 0x8000_0005"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__set_worker_module_link"
;;@ clause = "ml-v2/set_worker_module_link/invalid-string"
;;@ code = "InvalidArguments"
;;@ note = "cid_len = 0x8000_000D"
;;@
;;@ [[check]]
;;@ id = 4
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/returns-future"
;;@ code = "Success"
;;@ note = "the same call with the real lengths: only the length was wrong"
;;@
;;@ [[hive]]
;;@ route = "start"
;;@ count = 1
;;@ clause = "ml-v2/start_training/invalid-arguments"
;;@ note = "only the valid start is sent"
(module
  (import "ark-ml-v2" "ml__set_worker_module_link" (func $ml__set_worker_module_link (param i32 i32) (result i32)))
  (import "ark-ml-v2" "ml__start_training" (func $ml__start_training (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  ;; start_training with the standard arguments but these two name lengths; FutureHandle at `out`
  (func $start_lengths (param $game_len i32) (param $exp_len i32) (param $out i32) (result i32)
    (call $ml__start_training (call $host_ptr) (call $host_len) (call $port)
      (i32.const 0x1000) (local.get $game_len) (i32.const 0x1008) (local.get $exp_len)
      (i32.const 7) (i32.const 3) (i32.const 0)
      (i32.const 0x1010) (i32.const 10) (local.get $out)))
  (func (export "conformance_step") (result i32)
    (if (call $at (i32.const 1)) (then
      (return (call $th_ready (i64.load (i32.const 0x0A10))))))  ;; 1 (done) once the valid start has reached the hive
    (call $window (i32.const 0x2000) (i32.const 16))
    (call $record (i32.const 1) (call $start_lengths (i32.const 0x80000004) (i32.const 5) (i32.const 0x2004)) (i32.const 0x2000) (i32.const 16))
    (call $window (i32.const 0x2040) (i32.const 16))
    (call $record (i32.const 2) (call $start_lengths (i32.const 4) (i32.const 0x80000005) (i32.const 0x2044)) (i32.const 0x2040) (i32.const 16))
    (call $check (i32.const 3) (call $ml__set_worker_module_link (i32.const 0x1028) (i32.const 0x8000000D)))
    (call $check (i32.const 4) (call $start_std (i32.const 0) (i32.const 0x0A10)))
    (call $next)))
