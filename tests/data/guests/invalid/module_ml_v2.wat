;; The Wasm import module is "ark-ml-v2"; "ml-v2" is the API's name, not its module.
(module
  (import "ml-v2" "ml__stop_experiment" (func (param i64) (result i32)))
  (memory (export "memory") 1))
