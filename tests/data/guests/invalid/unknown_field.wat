;; ark-ml-v2 has no start_inference (that is ml-v1/v3).
(module
  (import "ark-ml-v2" "ml__start_inference" (func (param i32 i32) (result i32)))
  (memory (export "memory") 1))
