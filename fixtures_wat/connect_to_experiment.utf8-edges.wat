;;@ id = "connect_to_experiment.utf8-edges"
;;@ title = "A run_id with a UTF-8-encoded surrogate, an overlong form or a code point above U+10FFFF is InvalidArguments; U+10FFFF itself is accepted"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "one-run"
;;@ clauses = ["abi/strings/utf8", "ml-v2/connect_to_experiment/invalid-arguments"]
;;@ includes = ["th_ready"]
;;@ notes = "abi.* and *.invalid-utf8-* try FF FE and a lone continuation byte, which a validator that only checks lead and continuation bytes rejects too. These byte sequences are well-formed in shape but not UTF-8 (RFC 3629 section 3): a decoder that checks the structure only, or accepts CESU-8/WTF-8, lets them through."
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__connect_to_experiment"
;;@ clause = "abi/strings/utf8"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "ED A0 80: the surrogate U+D800 encoded as UTF-8"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__connect_to_experiment"
;;@ clause = "abi/strings/utf8"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "C0 AF: an overlong two-byte '/'"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__connect_to_experiment"
;;@ clause = "abi/strings/utf8"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "E0 80 AF: an overlong three-byte '/'"
;;@
;;@ [[check]]
;;@ id = 4
;;@ call = "ml__connect_to_experiment"
;;@ clause = "abi/strings/utf8"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "F4 90 80 80: U+110000, above the last code point"
;;@
;;@ [[check]]
;;@ id = 5
;;@ call = "ml__connect_to_experiment"
;;@ clause = "abi/strings/utf8"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 ???????????????? a5a5a5a5"
;;@ note = "F4 8F BF BF: U+10FFFF, the last code point, is valid (the hive knows no such run, so the future fails later)"
;;@
;;@ [[hive]]
;;@ route = "connect"
;;@ count = 1
;;@ clause = "abi/strings/utf8"
;;@ note = "only the valid run_id reaches the hive"
(module
  (import "ark-ml-v2" "ml__connect_to_experiment" (func $ml__connect_to_experiment (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle (param i64 i32) (result i32)))
  (data (i32.const 0x1100) "\ed\a0\80")
  (data (i32.const 0x1108) "\c0\af")
  (data (i32.const 0x1110) "\e0\80\af")
  (data (i32.const 0x1118) "\f4\90\80\80")
  (data (i32.const 0x1120) "\f4\8f\bf\bf")
  (func $connect (param $id i32) (param $run i32) (param $len i32) (param $w i32)
    (call $window (local.get $w) (i32.const 16))
    (call $record (local.get $id)
      (call $ml__connect_to_experiment (call $host_ptr) (call $host_len) (call $port)
        (local.get $run) (local.get $len) (i32.add (local.get $w) (i32.const 4)))
      (local.get $w) (i32.const 16)))
  (func (export "conformance_step") (result i32)
    (if (call $at (i32.const 0)) (then
      (call $connect (i32.const 1) (i32.const 0x1100) (i32.const 3) (i32.const 0x2000))
      (call $connect (i32.const 2) (i32.const 0x1108) (i32.const 2) (i32.const 0x2040))
      (call $connect (i32.const 3) (i32.const 0x1110) (i32.const 3) (i32.const 0x2080))
      (call $connect (i32.const 4) (i32.const 0x1118) (i32.const 4) (i32.const 0x20c0))
      (call $connect (i32.const 5) (i32.const 0x1120) (i32.const 4) (i32.const 0x2100))
      (global.set $fut (i64.load (i32.const 0x2104)))
      (return (call $next))))
    ;; wait until the valid connect has been answered, so the hive has seen it before the case ends
    (if (i32.eqz (call $th_ready (global.get $fut))) (then (return (i32.const 0))))
    (i32.const 1)))
