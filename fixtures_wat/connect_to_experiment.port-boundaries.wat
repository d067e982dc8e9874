;;@ id = "connect_to_experiment.port-boundaries"
;;@ title = "hive_port 1 and 65535 are accepted (Success, a FutureHandle); 0 and 65536, one past each end, are InvalidArguments"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "one-run"
;;@ clauses = ["hive/address-valid", "ml-v2/connect_to_experiment/returns-future"]
;;@ includes = ["th_ready"]
;;@ notes = "The other fixtures accept only the simulator's ephemeral port and reject 0, 65536 and 0xFFFF_FFFF, so an off-by-one at either end of 1..=65535 passes them. Nothing listens on ports 1 and 65535 of the hive's address (the futures fail later; only the synchronous code is judged); the guest waits for them so their requests end before the case does."
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__connect_to_experiment"
;;@ clause = "hive/address-valid"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 ???????????????? a5a5a5a5"
;;@ note = "port 1"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__connect_to_experiment"
;;@ clause = "hive/address-valid"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 ???????????????? a5a5a5a5"
;;@ note = "port 65535"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__connect_to_experiment"
;;@ clause = "hive/address-valid"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "port 0"
;;@
;;@ [[check]]
;;@ id = 4
;;@ call = "ml__connect_to_experiment"
;;@ clause = "hive/address-valid"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "port 65536"
(module
  (import "ark-ml-v2" "ml__connect_to_experiment" (func $ml__connect_to_experiment (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (func $connect (param $id i32) (param $port i32) (param $w i32)
    (call $window (local.get $w) (i32.const 16))
    (call $record (local.get $id)
      (call $ml__connect_to_experiment (call $host_ptr) (call $host_len) (local.get $port)
        (i32.const 0x1020) (i32.const 5) (i32.add (local.get $w) (i32.const 4)))
      (local.get $w) (i32.const 16)))
  (func (export "conformance_step") (result i32)
    (if (call $at (i32.const 0)) (then
      (call $connect (i32.const 1) (i32.const 1) (i32.const 0x2000))
      (call $connect (i32.const 2) (i32.const 65535) (i32.const 0x2040))
      (call $connect (i32.const 3) (i32.const 0) (i32.const 0x2080))
      (call $connect (i32.const 4) (i32.const 65536) (i32.const 0x20c0))
      (global.set $fut (i64.load (i32.const 0x2004)))
      (global.set $fut2 (i64.load (i32.const 0x2044)))
      (return (call $next))))
    (if (i32.eqz (call $th_ready (global.get $fut))) (then (return (i32.const 0))))
    (if (i32.eqz (call $th_ready (global.get $fut2))) (then (return (i32.const 0))))
    (i32.const 1)))
