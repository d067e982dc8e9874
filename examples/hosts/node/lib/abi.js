'use strict';
// The ark-ml-v2 ABI facts this host needs, copied from conformance/manifest/ark-ml-v2.toml
// (ErrorCodes, limits, struct sizes, the lowered signature of every import it provides).

/** ErrorCode values (#[repr(u32)]); an import never returns anything else. */
const ErrorCode = Object.freeze({
  Success: 0,
  ApiNotAvailable: 2,
  InternalError: 4,
  InvalidArguments: 5,
  NotFound: 6,
  Unavailable: 7,
  HttpRequestFailed: 8,
});
const ERROR_CODE_VALUES = new Set(Object.values(ErrorCode));

/** Manifest [limits]: the defaults; `request_timeout_seconds` is replaced by the hello settings. */
const DEFAULT_LIMITS = Object.freeze({
  max_outstanding_futures: 64,
  max_download_bytes: 16 * 1024 * 1024,
  request_timeout_seconds: 10.0,
});

/**
 * The TrainingHandles one instance may hold (project-defined, no manifest limit yet: the reference
 * host's HostConfig.max_training_handles); take_future_training_handle beyond it is Unavailable.
 */
const MAX_TRAINING_HANDLES = 1024;

/** size_of::<T>() on wasm32 for every out type (manifest [[structs]] and [[aliases]]). */
const SIZE = Object.freeze({
  FutureHandle: 8,
  TrainingHandle: 8,
  ArkExperimentConfig: 8,
  ExperimentConfigFuture: 16,
  PollSimple: 1,
  PollVec: 8,
});

/** Future kinds (manifest [[future_kinds]]). */
const Kind = Object.freeze({
  training_handle: 'training_handle',
  ark_experiment_config: 'ark_experiment_config',
  vec_u8: 'vec_u8',
});

const V2 = 'ark-ml-v2';
const V1 = 'ark-ml-v1';
const i32s = (n) => Array(n).fill('i32');

/** Every import this host provides: module, field, lowered params, results (manifest [[imports]]). */
const IMPORTS = Object.freeze([
  { module: V2, name: 'ml__set_worker_module_link', params: i32s(2), results: ['i32'] },
  { module: V2, name: 'ml__connect_to_experiment', params: i32s(6), results: ['i32'] },
  { module: V2, name: 'ml__start_training', params: i32s(13), results: ['i32'] },
  { module: V2, name: 'ml__start_training_from_checkpoint', params: i32s(15), results: ['i32'] },
  { module: V2, name: 'ml__stop_experiment', params: ['i64'], results: ['i32'] },
  { module: V2, name: 'ml__experiment_config', params: ['i64', 'i32'], results: ['i32'] },
  { module: V2, name: 'ml__experiment_config_from_registry', params: i32s(6), results: ['i32'] },
  { module: V2, name: 'ml__download_snapshot_from_registry', params: i32s(6), results: ['i32'] },
  { module: V2, name: 'ml__poll_future_ark_experiment_config', params: ['i64', 'i32'], results: ['i32'] },
  { module: V2, name: 'ml__take_future_ark_experiment_config', params: ['i64', 'i32'], results: ['i32'] },
  { module: V1, name: 'ml__poll_future_training_handle', params: ['i64', 'i32'], results: ['i32'] },
  { module: V1, name: 'ml__take_future_training_handle', params: ['i64', 'i32'], results: ['i32'] },
  { module: V1, name: 'ml__poll_future_vec_u8', params: ['i64', 'i32'], results: ['i32'] },
  { module: V1, name: 'ml__take_future_vec_u8', params: ['i64', 'i32', 'i32'], results: ['i32'] },
  { module: V1, name: 'ml__drop_future', params: ['i64'], results: ['i32'] },
  { module: V1, name: 'ml__stop_training', params: ['i64'], results: ['i32'] },
]);

/** Profiles and manifest feature names this host implements (hello). */
const PROFILES = Object.freeze(['core', 'extended']);
const FEATURES = Object.freeze(['checkpoint', 'registry', 'remote-workers']);

module.exports = { MAX_TRAINING_HANDLES, ErrorCode, ERROR_CODE_VALUES, DEFAULT_LIMITS, SIZE, Kind, IMPORTS, PROFILES, FEATURES };
