;;@ id = "huge-journal-record"
;;@ title = "a journal whose records declare 4 GiB of data each: the runner must not read them"
;;@ scenario = "one-run"
;;@ clauses = ["abi/memory/write-exactly-sizeof"]
;;@
;;@ [[check]]
;;@ id = 1
;;@ call = "ml__start_training"
;;@ clause = "abi/memory/write-exactly-sizeof"
;;@ code = "Success"
;;@ bytes = "a5a5a5a5 ???????????????? a5a5a5a5"   # judged: only its 16 bytes (and a few more) may be read
;;@
;;@ [[check]]
;;@ id = 2
;;@ call = "ml__start_training"
;;@ clause = "abi/memory/write-exactly-sizeof"
;;@ code = "Success"                       # not judged by bytes: its data is never read
;; A 4 GiB memory (65536 pages: reserved, never touched) lets each record's range pass the bounds check.
(module
  (memory (export "memory") 65536)
  (func (export "conformance_protocol") (result i32) (i32.const 1))
  (func (export "conformance_params") (result i32) (i32.const 0x100))
  (func (export "conformance_journal") (result i32) (i32.const 0x400))
  (func (export "conformance_step") (result i32)
    (i32.store (i32.const 0x400) (i32.const 2))
    ;; record 0: check 1, Success, data at 1, 0xffffffff bytes (to the very end of memory)
    (i32.store (i32.const 0x404) (i32.const 1))
    (i32.store (i32.const 0x408) (i32.const 0))
    (i32.store (i32.const 0x40c) (i32.const 1))
    (i32.store (i32.const 0x410) (i32.const -1))
    ;; record 1: check 2, Success, the same 4 GiB range
    (i32.store (i32.const 0x414) (i32.const 2))
    (i32.store (i32.const 0x418) (i32.const 0))
    (i32.store (i32.const 0x41c) (i32.const 1))
    (i32.store (i32.const 0x420) (i32.const -1))
    (i32.const 1))
)
