;;@ imports = ["ml__poll_future_ark_experiment_config"]
  ;; the same for an ark_experiment_config future
  (func $cfg_ready (param $h i64) (result i32)
    (if (call $ml__poll_future_ark_experiment_config (local.get $h) (i32.const 0x0A00)) (then (return (i32.const 1))))
    (i32.ne (i32.load8_u (i32.const 0x0A00)) (i32.const 0)))
