;;@ imports = ["ml__start_training"]
;;@ needs = ["start_std"]
  ;; start_training until a call fails: the instance is then at the host's outstanding-futures cap.
  ;; Handles at 0x4000 + 8*i, their count in $n; returns the failing call's code.
  (func $fill_cap (result i32) (local $code i32)
    (block $full (loop $more
      (call $window (i32.const 0x2000) (i32.const 16))
      (local.set $code (call $start_std (i32.const 0) (i32.const 0x2004)))
      (br_if $full (local.get $code))
      (i64.store (i32.add (i32.const 0x4000) (i32.shl (global.get $n) (i32.const 3))) (i64.load (i32.const 0x2004)))
      (global.set $n (i32.add (global.get $n) (i32.const 1)))
      (br_if $more (i32.lt_u (global.get $n) (i32.const 1024)))))
    (local.get $code))
