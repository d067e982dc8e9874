;;@ id = "start_training.config-one-json-text"
;;@ title = "config is one JSON text: any value at the top level, whitespace around it, and nothing after it"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "empty"
;;@ clauses = ["ml-v2/start_training/config-json-grammar", "ml-v2/start_training/hive-request", "ml-v2/start_training/returns-future", "ml-v1/take_future_training_handle/writes-handle"]
;;@ includes = ["th_ready", "take_th"]
;;@ notes = "RFC 8259: JSON-text = ws value ws. Rejected: an object followed by a word, two objects, an array with a stray ']' (a parser that stops after the first value accepts them). Accepted and sent unchanged: a top-level array, string and number, and an object with spaces, a tab and a newline around it (a host that requires an object, or trims, is caught)."
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/config-json-grammar"
;;@ code = "InvalidArguments"
;;@ note = "config = {\"a\":1}x"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/config-json-grammar"
;;@ code = "InvalidArguments"
;;@ note = "config = {} {}"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/config-json-grammar"
;;@ code = "InvalidArguments"
;;@ note = "config = [1]]"
;;@
;;@ [[check]]
;;@ id = 4
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/config-json-grammar"
;;@ code = "Success"
;;@ note = "config = [1,2]"
;;@
;;@ [[check]]
;;@ id = 5
;;@ call = "ml__take_future_training_handle"
;;@ clause = "ml-v1/take_future_training_handle/writes-handle"
;;@ code = "Success"
;;@
;;@ [[check]]
;;@ id = 6
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/config-json-grammar"
;;@ code = "Success"
;;@ note = "config = \"s\""
;;@
;;@ [[check]]
;;@ id = 7
;;@ call = "ml__take_future_training_handle"
;;@ clause = "ml-v1/take_future_training_handle/writes-handle"
;;@ code = "Success"
;;@
;;@ [[check]]
;;@ id = 8
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/config-json-grammar"
;;@ code = "Success"
;;@ note = "config = 7"
;;@
;;@ [[check]]
;;@ id = 9
;;@ call = "ml__take_future_training_handle"
;;@ clause = "ml-v1/take_future_training_handle/writes-handle"
;;@ code = "Success"
;;@
;;@ [[check]]
;;@ id = 10
;;@ call = "ml__start_training"
;;@ clause = "ml-v2/start_training/config-json-grammar"
;;@ code = "Success"
;;@ note = "config = ' \\t{\"a\":1}\\n '"
;;@
;;@ [[check]]
;;@ id = 11
;;@ call = "ml__take_future_training_handle"
;;@ clause = "ml-v1/take_future_training_handle/writes-handle"
;;@ code = "Success"
;;@
;;@ [[hive]]
;;@ route = "start"
;;@ count = 4
;;@ clause = "ml-v2/start_training/config-json-grammar"
;;@ note = "the three rejected configs sent nothing"
;;@
;;@ [[hive]]
;;@ route = "start"
;;@ nth = 1
;;@ json = { config = "[1,2]" }
;;@ clause = "ml-v2/start_training/hive-request"
;;@
;;@ [[hive]]
;;@ route = "start"
;;@ nth = 2
;;@ json = { config = "\"s\"" }
;;@ clause = "ml-v2/start_training/hive-request"
;;@
;;@ [[hive]]
;;@ route = "start"
;;@ nth = 3
;;@ json = { config = "7" }
;;@ clause = "ml-v2/start_training/hive-request"
;;@
;;@ [[hive]]
;;@ route = "start"
;;@ nth = 4
;;@ json = { config = " \t{\"a\":1}\n " }
;;@ clause = "ml-v2/start_training/hive-request"
(module
  (import "ark-ml-v2" "ml__start_training" (func $ml__start_training (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func $ml__take_future_training_handle (param i64 i32) (result i32)))
  (data (i32.const 0x1100) "{\"a\":1}x")   ;; 8
  (data (i32.const 0x1110) "{} {}")        ;; 5
  (data (i32.const 0x1120) "[1]]")         ;; 4
  (data (i32.const 0x1130) "[1,2]")        ;; 5
  (data (i32.const 0x1140) "\"s\"")        ;; 3
  (data (i32.const 0x1150) "7")            ;; 1
  (data (i32.const 0x1160) " \t{\"a\":1}\n ")  ;; 11
  ;; start_training with the standard arguments, 0 workers and the config (ptr, len); FutureHandle at 0x0A10
  (func $start_cfg (param $ptr i32) (param $len i32) (result i32)
    (call $ml__start_training (call $host_ptr) (call $host_len) (call $port)
      (i32.const 0x1000) (i32.const 4) (i32.const 0x1008) (i32.const 5)
      (i32.const 7) (i32.const 3) (i32.const 0)
      (local.get $ptr) (local.get $len) (i32.const 0x0A10)))
  (func (export "conformance_step") (result i32)
    (if (call $at (i32.const 0)) (then
      (call $check (i32.const 1) (call $start_cfg (i32.const 0x1100) (i32.const 8)))
      (call $check (i32.const 2) (call $start_cfg (i32.const 0x1110) (i32.const 5)))
      (call $check (i32.const 3) (call $start_cfg (i32.const 0x1120) (i32.const 4)))
      (call $check (i32.const 4) (call $start_cfg (i32.const 0x1130) (i32.const 5)))
      (global.set $fut (i64.load (i32.const 0x0A10)))
      (return (call $next))))
    (if (call $at (i32.const 1)) (then
      (if (i32.eqz (call $th_ready (global.get $fut))) (then (return (i32.const 0))))
      (call $check (i32.const 5) (call $take_th (global.get $fut)))
      (call $check (i32.const 6) (call $start_cfg (i32.const 0x1140) (i32.const 3)))
      (global.set $fut (i64.load (i32.const 0x0A10)))
      (return (call $next))))
    (if (call $at (i32.const 2)) (then
      (if (i32.eqz (call $th_ready (global.get $fut))) (then (return (i32.const 0))))
      (call $check (i32.const 7) (call $take_th (global.get $fut)))
      (call $check (i32.const 8) (call $start_cfg (i32.const 0x1150) (i32.const 1)))
      (global.set $fut (i64.load (i32.const 0x0A10)))
      (return (call $next))))
    (if (call $at (i32.const 3)) (then
      (if (i32.eqz (call $th_ready (global.get $fut))) (then (return (i32.const 0))))
      (call $check (i32.const 9) (call $take_th (global.get $fut)))
      (call $check (i32.const 10) (call $start_cfg (i32.const 0x1160) (i32.const 11)))
      (global.set $fut (i64.load (i32.const 0x0A10)))
      (return (call $next))))
    (if (i32.eqz (call $th_ready (global.get $fut))) (then (return (i32.const 0))))
    (call $check (i32.const 11) (call $take_th (global.get $fut)))
    (i32.const 1)))
