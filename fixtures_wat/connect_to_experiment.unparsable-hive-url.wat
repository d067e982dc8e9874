;;@ id = "connect_to_experiment.unparsable-hive-url"
;;@ title = "hive_url that is not a bare host (scheme, port, path, userinfo, space, bad IPv6, non-ASCII, %-escape) is InvalidArguments with no request"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "one-run"
;;@ clauses = ["hive/url-grammar", "hive/address-valid", "ml-v2/connect_to_experiment/invalid-arguments", "abi/memory/write-only-on-success"]
;;@ notes = "Each value alone, with a valid port and run id. The hive is the simulator on 127.0.0.1, so a host that strips a scheme or a path would reach it: the request count shows it."
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__connect_to_experiment"
;;@ clause = "hive/url-grammar"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "a scheme"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__connect_to_experiment"
;;@ clause = "hive/url-grammar"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "a port"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__connect_to_experiment"
;;@ clause = "hive/url-grammar"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "a path"
;;@
;;@ [[check]]
;;@ id = 4
;;@ call = "ml__connect_to_experiment"
;;@ clause = "hive/url-grammar"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "userinfo"
;;@
;;@ [[check]]
;;@ id = 5
;;@ call = "ml__connect_to_experiment"
;;@ clause = "hive/url-grammar"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "a space (httpx would percent-encode it)"
;;@
;;@ [[check]]
;;@ id = 6
;;@ call = "ml__connect_to_experiment"
;;@ clause = "hive/url-grammar"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "an unclosed IPv6 bracket"
;;@
;;@ [[check]]
;;@ id = 7
;;@ call = "ml__connect_to_experiment"
;;@ clause = "hive/url-grammar"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "non-ASCII"
;;@
;;@ [[check]]
;;@ id = 8
;;@ call = "ml__connect_to_experiment"
;;@ clause = "hive/url-grammar"
;;@ code = "InvalidArguments"
;;@ bytes = "a5a5a5a5 a5a5a5a5a5a5a5a5 a5a5a5a5"
;;@ note = "percent-encoding"
;;@
;;@ [[hive]]
;;@ route = "connect"
;;@ count = 0
;;@ clause = "ml-v2/connect_to_experiment/invalid-arguments"
(module
  (import "ark-ml-v2" "ml__connect_to_experiment" (func $ml__connect_to_experiment (param i32 i32 i32 i32 i32 i32) (result i32)))
  (data (i32.const 0x1100) "http://127.0.0.1")
  (data (i32.const 0x1120) "127.0.0.1:80")
  (data (i32.const 0x1140) "127.0.0.1/x")
  (data (i32.const 0x1160) "u@127.0.0.1")
  (data (i32.const 0x1180) "a b")
  (data (i32.const 0x11a0) "[::1")
  (data (i32.const 0x11c0) "h\c3\b4te")
  (data (i32.const 0x11e0) "%41")
  (func (export "conformance_step") (result i32)
    (call $window (i32.const 0x2000) (i32.const 16))
    (call $record (i32.const 1) (call $ml__connect_to_experiment (i32.const 0x1100) (i32.const 16) (call $port) (i32.const 0x1020) (i32.const 5) (i32.const 0x2004)) (i32.const 0x2000) (i32.const 16))
    (call $window (i32.const 0x2040) (i32.const 16))
    (call $record (i32.const 2) (call $ml__connect_to_experiment (i32.const 0x1120) (i32.const 12) (call $port) (i32.const 0x1020) (i32.const 5) (i32.const 0x2044)) (i32.const 0x2040) (i32.const 16))
    (call $window (i32.const 0x2080) (i32.const 16))
    (call $record (i32.const 3) (call $ml__connect_to_experiment (i32.const 0x1140) (i32.const 11) (call $port) (i32.const 0x1020) (i32.const 5) (i32.const 0x2084)) (i32.const 0x2080) (i32.const 16))
    (call $window (i32.const 0x20c0) (i32.const 16))
    (call $record (i32.const 4) (call $ml__connect_to_experiment (i32.const 0x1160) (i32.const 11) (call $port) (i32.const 0x1020) (i32.const 5) (i32.const 0x20c4)) (i32.const 0x20c0) (i32.const 16))
    (call $window (i32.const 0x2100) (i32.const 16))
    (call $record (i32.const 5) (call $ml__connect_to_experiment (i32.const 0x1180) (i32.const 3) (call $port) (i32.const 0x1020) (i32.const 5) (i32.const 0x2104)) (i32.const 0x2100) (i32.const 16))
    (call $window (i32.const 0x2140) (i32.const 16))
    (call $record (i32.const 6) (call $ml__connect_to_experiment (i32.const 0x11a0) (i32.const 4) (call $port) (i32.const 0x1020) (i32.const 5) (i32.const 0x2144)) (i32.const 0x2140) (i32.const 16))
    (call $window (i32.const 0x2180) (i32.const 16))
    (call $record (i32.const 7) (call $ml__connect_to_experiment (i32.const 0x11c0) (i32.const 5) (call $port) (i32.const 0x1020) (i32.const 5) (i32.const 0x2184)) (i32.const 0x2180) (i32.const 16))
    (call $window (i32.const 0x21c0) (i32.const 16))
    (call $record (i32.const 8) (call $ml__connect_to_experiment (i32.const 0x11e0) (i32.const 3) (call $port) (i32.const 0x1020) (i32.const 5) (i32.const 0x21c4)) (i32.const 0x21c0) (i32.const 16))
    (i32.const 1)))
