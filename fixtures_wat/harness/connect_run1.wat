;;@ imports = ["ml__connect_to_experiment"]
  ;; connect_to_experiment("run-1"); FutureHandle at `out`
  (func $connect_run1 (param $out i32) (result i32)
    (call $ml__connect_to_experiment (call $host_ptr) (call $host_len) (call $port)
      (i32.const 0x1020) (i32.const 5) (local.get $out)))
