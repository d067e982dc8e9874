;; An export named memory that is not a memory.
(module
  (memory 1)
  (func (export "memory")))
