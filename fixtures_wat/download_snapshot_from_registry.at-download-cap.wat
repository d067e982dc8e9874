;;@ id = "download_snapshot_from_registry.at-download-cap"
;;@ title = "A snapshot of exactly 16 MiB (the download cap) is not over it: the future becomes ready with len 16 MiB"
;;@ profile = "extended"
;;@ features = ["registry"]
;;@ scenario = "cap-size-snapshot"
;;@ clauses = ["ml-v2/download_snapshot_from_registry/hive-request", "futures/failed", "ml-v2/download_snapshot_from_registry/returns-bytes"]
;;@ includes = ["vec_ready"]
;;@ host_settings = { request_timeout_seconds = 10 }  # a hint: 16 MiB within the corpus timeout (1 s) is tight on a loaded machine
;;@ notes = "Assumes the manifest's default cap (limits.max_download_bytes = 16 MiB): the hive serves exactly 16 MiB, which a host must still accept (the cap is inclusive). A host with a smaller cap declares this fixture an expected fail in its expectations file, with its cap as the reason."
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
;;@ call = "ml__poll_future_vec_u8"
;;@ clause = "ml-v2/download_snapshot_from_registry/returns-bytes"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 01000000 00000001 a5a5a5a5"
;;@
;;@ [[hive]]
;;@ route = "registry_snapshot"
;;@ count = 1
(module
  (import "ark-ml-v2" "ml__download_snapshot_from_registry" (func $ml__download_snapshot_from_registry (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_vec_u8" (func $ml__poll_future_vec_u8 (param i64 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    (if (call $at (i32.const 0)) (then
      (call $window (i32.const 0x2000) (i32.const 16))
      (call $record (i32.const 1) (call $ml__download_snapshot_from_registry (call $host_ptr) (call $host_len) (call $port) (i32.const 0x1020) (i32.const 5) (i32.const 0x2004)) (i32.const 0x2000) (i32.const 16))
      (global.set $fut (i64.load (i32.const 0x2004)))
      (return (call $next))))
    (if (call $at (i32.const 1)) (then
      (if (i32.eqz (call $vec_ready (global.get $fut))) (then (return (i32.const 0))))
      (return (call $next))))
    (call $window (i32.const 0x2040) (i32.const 16))
    (call $record (i32.const 2) (call $ml__poll_future_vec_u8 (global.get $fut) (i32.const 0x2044)) (i32.const 0x2040) (i32.const 16))
    (i32.const 1)))
