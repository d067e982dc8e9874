;; A host harness described as a guest's import list: core ml-v1 future functions only, one of them mistyped
;; (drop_future's handle as i32). probe --imports must report the ml-v2 functions missing and drop_future mistyped.
(module
  (import "ark-ml-v1" "ml__poll_future_training_handle" (func (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_training_handle" (func (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__poll_future_vec_u8" (func (param i64 i32) (result i32)))
  (import "ark-ml-v1" "ml__take_future_vec_u8" (func (param i64 i32 i32) (result i32)))
  (import "ark-ml-v1" "ml__drop_future" (func (param i32) (result i32)))
  (import "ark-ml-v1" "ml__stop_training" (func (param i64) (result i32)))
  (import "ark-ml-v1" "ml__list_experiments" (func (param i32 i32 i32) (result i32)))
  (memory (export "memory") 1))
