;;@ imports = ["ml__start_training"]
  ;; start_training with the standard arguments and `workers` remote workers; FutureHandle at `out`
  (func $start_std (param $workers i32) (param $out i32) (result i32)
    (call $ml__start_training (call $host_ptr) (call $host_len) (call $port)
      (i32.const 0x1000) (i32.const 4) (i32.const 0x1008) (i32.const 5)
      (i32.const 7) (i32.const 3) (local.get $workers)
      (i32.const 0x1010) (i32.const 10) (local.get $out)))
