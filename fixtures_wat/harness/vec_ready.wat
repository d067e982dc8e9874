;;@ imports = ["ml__poll_future_vec_u8"]
  ;; the same for a Vec<u8> future; PollVec.len is then at 0x0A04
  (func $vec_ready (param $h i64) (result i32)
    (if (call $ml__poll_future_vec_u8 (local.get $h) (i32.const 0x0A00)) (then (return (i32.const 1))))
    (i32.ne (i32.load8_u (i32.const 0x0A00)) (i32.const 0)))
