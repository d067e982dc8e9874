;; stop_experiment takes one TrainingHandle; this guest declares an extra out-pointer.
(module
  (import "ark-ml-v2" "ml__stop_experiment" (func (param i64 i32) (result i32)))
  (memory (export "memory") 1))
