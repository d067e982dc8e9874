;; drop_future belongs to ark-ml-v1; ml-v2 re-exports only its types.
(module
  (import "ark-ml-v2" "ml__drop_future" (func (param i64) (result i32)))
  (memory (export "memory") 1))
