;;@ id = "stop_training.unknown-handle"
;;@ title = "stop_training of a handle this instance does not hold is NotFound and sends no request"
;;@ profile = "core"
;;@ features = []
;;@ scenario = "empty"
;;@ clauses = ["ml-v1/stop_training/unknown-handle", "abi/handles/unique"]
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__stop_training"
;;@ clause = "ml-v1/stop_training/unknown-handle"
;;@ code = "NotFound"
;;@ note = "handle 0"
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__stop_training"
;;@ clause = "ml-v1/stop_training/unknown-handle"
;;@ code = "NotFound"
;;@ note = "forged large handle"
;;@
;;@ [[hive]]
;;@ route = "disconnect"
;;@ count = 0
(module
  (import "ark-ml-v1" "ml__stop_training" (func $ml__stop_training (param i64) (result i32)))
  (func (export "conformance_step") (result i32)
    (call $check (i32.const 1) (call $ml__stop_training (i64.const 0)))
    (call $check (i32.const 2) (call $ml__stop_training (i64.const 0x7fffffff00000001)))
    (i32.const 1)))
