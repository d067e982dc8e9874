;;@ imports = ["ml__set_worker_module_link"]
  ;; set_worker_module_link("bafy-worker-1")
  (func $link_std (result i32)
    (call $ml__set_worker_module_link (i32.const 0x1028) (i32.const 13)))
