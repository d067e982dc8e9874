;;@ imports = ["ml__take_future_training_handle"]
  ;; take a TrainingHandle into the scratch slot; on Success it is kept in $th
  (func $take_th (param $h i64) (result i32)
    (local $code i32)
    (local.set $code (call $ml__take_future_training_handle (local.get $h) (i32.const 0x0A08)))
    (if (i32.eqz (local.get $code)) (then (global.set $th (i64.load (i32.const 0x0A08)))))
    (local.get $code))
