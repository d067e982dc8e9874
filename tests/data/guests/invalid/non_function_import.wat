;; Ark API modules provide functions only; the guest owns its memory.
(module
  (import "ark-ml-v2" "memory" (memory 1))
  (export "memory" (memory 0)))
