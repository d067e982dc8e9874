;; Every import returns an ErrorCode (i32); this one declares no result.
(module
  (import "ark-ml-v2" "ml__set_worker_module_link" (func (param i32 i32)))
  (memory (export "memory") 1))
