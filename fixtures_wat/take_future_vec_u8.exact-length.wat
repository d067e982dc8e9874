;;@ id = "take_future_vec_u8.exact-length"
;;@ title = "take_future_vec_u8 with data_len 7 or 9 for an 8-byte result is InvalidArguments and keeps the future; 8 succeeds"
;;@ profile = "extended"
;;@ features = ["registry"]
;;@ scenario = "stopped-run"
;;@ clauses = ["ml-v1/take_future_vec_u8/exact-length", "ml-v2/download_snapshot_from_registry/returns-bytes", "abi/memory/write-only-on-success"]
;;@ includes = ["vec_ready"]
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__download_snapshot_from_registry"
;;@ clause = "ml-v2/download_snapshot_from_registry/returns-bytes"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 ???????????????? a5a5a5a5"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__take_future_vec_u8"
;;@ clause = "ml-v1/take_future_vec_u8/exact-length"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "data_len 7"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__take_future_vec_u8"
;;@ clause = "ml-v1/take_future_vec_u8/exact-length"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "data_len 9"
;;@
;;@ [[check]]
;;@ id = 4
;;@ call = "ml__take_future_vec_u8"
;;@ clause = "ml-v1/take_future_vec_u8/exact-length"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 0001020304050607 a5a5a5a5"
;;@ note = "data_len 8"
(module
  (import "ark-ml-v2" "ml__download_snapshot_from_registry" (func $ml__download_snapshot_from_registry (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_vec_u8" (func $ml__poll_future_vec_u8 (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_vec_u8" (func $ml__take_future_vec_u8 (param i64 i32 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    (if (call $at (i32.const 0)) (then
      (call $window (i32.const 0x2000) (i32.const 16))
      (call $record (i32.const 1) (call $ml__download_snapshot_from_registry (call $host_ptr) (call $host_len) (call $port) (i32.const 0x1020) (i32.const 5) (i32.const 0x2004)) (i32.const 0x2000) (i32.const 16))
      (global.set $fut (i64.load (i32.const 0x2004)))
      (return (call $next))))
    (if (call $at (i32.const 1)) (then
      (if (i32.eqz (call $vec_ready (global.get $fut))) (then (return (i32.const 0))))
      (return (call $next))))
    (call $window (i32.const 0x2040) (i32.const 15))
    (call $record (i32.const 2) (call $ml__take_future_vec_u8 (global.get $fut) (i32.const 0x2044) (i32.const 7)) (i32.const 0x2040) (i32.const 15))
    (call $window (i32.const 0x2080) (i32.const 17))
    (call $record (i32.const 3) (call $ml__take_future_vec_u8 (global.get $fut) (i32.const 0x2084) (i32.const 9)) (i32.const 0x2080) (i32.const 17))
    (call $window (i32.const 0x20c0) (i32.const 16))
    (call $record (i32.const 4) (call $ml__take_future_vec_u8 (global.get $fut) (i32.const 0x20c4) (i32.const 8)) (i32.const 0x20c0) (i32.const 16))
    (i32.const 1)))
