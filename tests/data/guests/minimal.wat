;; The smallest useful guest: one ark-ml-v1 import (drop_future) and the memory export.
(module
  (import "ark-ml-v1" "ml__drop_future" (func $drop_future (param i64) (result i32)))
  (memory (export "memory") 1)
  (func (export "conformance_step") (result i32)
    (call $drop_future (i64.const 1))))
