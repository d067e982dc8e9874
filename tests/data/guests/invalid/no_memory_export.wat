;; Correct import, but the host has no memory to read strings from or write outputs to.
(module
  (import "ark-ml-v1" "ml__drop_future" (func (param i64) (result i32)))
  (memory 1))
