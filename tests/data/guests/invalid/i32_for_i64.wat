;; drop_future's handle is a FutureHandle (u64): i64, not i32.
(module
  (import "ark-ml-v1" "ml__drop_future" (func (param i32) (result i32)))
  (memory (export "memory") 1))
