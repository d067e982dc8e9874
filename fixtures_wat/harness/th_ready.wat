;;@ imports = ["ml__poll_future_training_handle"]
  ;; 1 when the training-handle future is ready or its poll fails (then the take reports why), else 0
  (func $th_ready (param $h i64) (result i32)
    (if (call $ml__poll_future_training_handle (local.get $h) (i32.const 0x0A00)) (then (return (i32.const 1))))
    (i32.ne (i32.load8_u (i32.const 0x0A00)) (i32.const 0)))
