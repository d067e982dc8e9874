;;@ id = "abi.hostile-arguments"
;;@ title = "All-ones arguments everywhere get an ErrorCode from the closed set (InvalidArguments), never a host crash"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "empty"
;;@ clauses = ["abi/hostile-guest/no-crash", "abi/error-codes/closed-set", "abi/pointers/unsigned", "abi/pointers/bounds-checked"]
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__start_training"
;;@ clause = "abi/hostile-guest/no-crash"
;;@ code = "InvalidArguments"
;;@ note = "every i32 argument 0xFFFF_FFFF"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__connect_to_experiment"
;;@ clause = "abi/error-codes/closed-set"
;;@ code = "InvalidArguments"
;;@ note = "every i32 argument 0xFFFF_FFFF"
;;@
;;@ [[check]]
;;@ id = 3
;;@ call = "ml__start_training"
;;@ clause = "abi/hostile-guest/no-crash"
;;@ code = "InvalidArguments"
;;@ note = "lengths 0x8000_0000 (negative as i32)"
;;@
;;@ [[hive]]
;;@ route = "start"
;;@ count = 0
;;@
;;@ [[hive]]
;;@ route = "connect"
;;@ count = 0
(module
  (import "ark-ml-v2" "ml__connect_to_experiment" (func $ml__connect_to_experiment (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "ark-ml-v2" "ml__start_training" (func $ml__start_training (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (func (export "conformance_step") (result i32)
    (call $check (i32.const 1) (call $ml__start_training (i32.const 0xffffffff) (i32.const 0xffffffff) (i32.const 0xffffffff) (i32.const 0xffffffff) (i32.const 0xffffffff) (i32.const 0xffffffff) (i32.const 0xffffffff) (i32.const 0xffffffff) (i32.const 0xffffffff) (i32.const 0xffffffff) (i32.const 0xffffffff) (i32.const 0xffffffff) (i32.const 0xffffffff)))
    (call $check (i32.const 2) (call $ml__connect_to_experiment (i32.const 0xffffffff) (i32.const 0xffffffff) (i32.const 0xffffffff) (i32.const 0xffffffff) (i32.const 0xffffffff) (i32.const 0xffffffff)))
    (call $check (i32.const 3) (call $ml__start_training (call $host_ptr) (call $host_len) (call $port) (i32.const 0x1000) (i32.const 0x80000000) (i32.const 0x1008) (i32.const 0x80000000) (i32.const 7) (i32.const 3) (i32.const 0) (i32.const 0x1010) (i32.const 0x80000000) (i32.const 0x3000)))
    (i32.const 1)))
