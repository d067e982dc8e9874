;; ark-ml-v3 is a different API this suite does not cover.
(module
  (import "ark-ml-v3" "ml__stop_training" (func (param i64) (result i32)))
  (memory (export "memory") 1))
