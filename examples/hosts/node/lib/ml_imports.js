'use strict';
// The ark-ml-v2 and ark-ml-v1 imports of one guest instance. The rules are the manifest's clauses
// (conformance/manifest/ark-ml-v2.toml) as summarized in docs/design.md §2; the check order is
// always: bad pointer or string (InvalidArguments) -> handle lookup (NotFound) -> futures cap
// (Unavailable) -> work.

const { ErrorCode: E, ERROR_CODE_VALUES, MAX_TRAINING_HANDLES, SIZE, Kind } = require('./abi.js');
const { u32, u64, u64le, u32pair } = require('./guest_memory.js');
const { hiveOrigin, routeSpec } = require('./hive.js');

const isU32 = (v) => Number.isInteger(v) && v >= 0 && v <= 0xffffffff;

/** Arrays and objects may nest at most this deep (clause ml-v2/start_training/config-json-grammar). */
const MAX_JSON_DEPTH = 128;

/** The deepest nesting of arrays and objects in `text`; brackets inside strings do not count. */
function nestingDepth(text) {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return deepest;
}

/**
 * Is `text` valid config JSON: RFC 8259 (JSON.parse is exactly that: no NaN or Infinity) nested at
 * most MAX_JSON_DEPTH levels? The depth is measured first, in linear time, so a huge nesting never
 * reaches the parser.
 */
function isJson(text) {
  if (nestingDepth(text) > MAX_JSON_DEPTH) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Build the import object for one instance.
 * @param {object} ctx {memory: GuestMemory, futures: InstanceFutures, limits, sync: SyncHttp, log}
 *   and the mutable per-instance `workerCid` (string or null).
 */
function makeImports(ctx) {
  const { memory, futures, limits, sync, log } = ctx;
  const str = (ptr, len) => memory.readStr(u32(ptr), u32(len));

  /** Validate (hive_url, hive_port) and return the origin, or null (hive/address-valid). */
  const origin = (urlPtr, urlLen, port) => {
    const url = str(urlPtr, urlLen);
    return url === null ? null : hiveOrigin(url, u32(port));
  };

  /** Write a new future's handle(s) at out (already bounds-checked). */
  const writeHandles = (out, handles) => {
    const bytes = new Uint8Array(8 * handles.length);
    handles.forEach((h, i) => bytes.set(u64le(h), 8 * i));
    memory.write(out, bytes);
  };

  const trainingFrom = (hive) => (answer) =>
    typeof answer.run_id === 'string' ? [{ runId: answer.run_id, origin: hive }] : null;

  const configFrom = (answer) =>
    isU32(answer.num_features) && isU32(answer.num_actions) && typeof answer.config === 'string'
      ? [{ numFeatures: answer.num_features, numActions: answer.num_actions }, Buffer.from(answer.config, 'utf8')]
      : null;

  /** start_training and start_training_from_checkpoint (checkpoint: [ptr, len] or null). */
  function start(urlPtr, urlLen, port, gamePtr, gameLen, expPtr, expLen, nf, na, nw, cfgPtr, cfgLen, checkpoint, out) {
    const hive = origin(urlPtr, urlLen, port);
    const game = str(gamePtr, gameLen);
    const experiment = str(expPtr, expLen);
    const config = str(cfgPtr, cfgLen);
    const cp = checkpoint === null ? '' : str(checkpoint[0], checkpoint[1]);
    if (hive === null || game === null || experiment === null || config === null || cp === null) return E.InvalidArguments;
    if (!isJson(config)) return E.InvalidArguments;
    const workers = u32(nw);
    if (workers > 0 && ctx.workerCid === null) return E.InvalidArguments;
    const outPtr = u32(out);
    if (!memory.inBounds(outPtr, SIZE.FutureHandle)) return E.InvalidArguments;
    if (futures.wouldExceedCap(1)) return E.Unavailable;
    const body = {
      game_name: game,
      experiment_name: experiment,
      num_features: u32(nf),
      num_actions: u32(na),
      num_remote_workers: workers,
      config,
      checkpoint: cp === '' ? null : cp,
      worker_module_cid: ctx.workerCid,
    };
    const handles = futures.launch([Kind.training_handle], routeSpec(hive, 'start', null, body, limits), trainingFrom(hive));
    writeHandles(outPtr, handles);
    return E.Success;
  }

  /** connect_to_experiment, experiment_config_from_registry, download_snapshot_from_registry. */
  function byRunId(urlPtr, urlLen, port, runPtr, runLen, out, outSize, route, kinds, parse) {
    const hive = origin(urlPtr, urlLen, port);
    const runId = str(runPtr, runLen);
    if (hive === null || runId === null || runId === '') return E.InvalidArguments;
    const outPtr = u32(out);
    if (!memory.inBounds(outPtr, outSize)) return E.InvalidArguments;
    if (futures.wouldExceedCap(kinds.length)) return E.Unavailable;
    const handles = futures.launch(kinds, routeSpec(hive, route, runId, null, limits), parse(hive, runId));
    writeHandles(outPtr, handles);
    return E.Success;
  }

  /** Look up a live future of this instance: [code, future]; code is NotFound or InvalidArguments (wrong kind). */
  function lookup(handle, kind) {
    const future = futures.futures.get(u64(handle));
    if (future === undefined) return [E.NotFound, null];
    if (future.kind !== kind) return [E.InvalidArguments, null];
    return [E.Success, future];
  }

  /** poll_future_ark_experiment_config, poll_future_training_handle: PollSimple. */
  function pollSimple(kind) {
    return (handle, out) => {
      const outPtr = u32(out);
      if (!memory.inBounds(outPtr, SIZE.PollSimple)) return E.InvalidArguments;
      const [code, future] = lookup(handle, kind);
      if (code !== E.Success) return code;
      if (future.state === 'failed') return E.HttpRequestFailed;
      memory.write(outPtr, Uint8Array.of(future.state === 'ready' ? 1 : 0));
      return E.Success;
    };
  }

  /**
   * take_future_ark_experiment_config, take_future_training_handle: fixed-size value. `refuse()` may
   * return an ErrorCode that refuses a ready future without consuming it.
   */
  function takeFixed(kind, size, encode, refuse = () => E.Success) {
    return (handle, dataPtr) => {
      const outPtr = u32(dataPtr);
      if (!memory.inBounds(outPtr, size)) return E.InvalidArguments;
      const [code, future] = lookup(handle, kind);
      if (code !== E.Success) return code;
      if (future.state === 'pending') return E.Unavailable;
      if (future.state === 'failed') {
        futures.release(u64(handle));
        return E.HttpRequestFailed;
      }
      const refused = refuse();
      if (refused !== E.Success) return refused;
      futures.release(u64(handle));
      memory.write(outPtr, encode(future.value));
      return E.Success;
    };
  }

  /** stop_experiment (route stop) and stop_training (route disconnect): synchronous, see lib/sync_http.js. */
  function stop(route) {
    return (context) => {
      const handle = u64(context);
      const training = futures.trainings.get(handle);
      if (training === undefined) return E.NotFound;
      const result = sync.request(routeSpec(training.origin, route, training.runId, {}, limits));
      if (!result.ok) {
        log(`${route} ${training.runId}: ${result.reason}`);
        return E.HttpRequestFailed;
      }
      futures.trainings.delete(handle);
      return E.Success;
    };
  }

  const v2 = {
    ml__set_worker_module_link(cidPtr, cidLen) {
      const cid = str(cidPtr, cidLen);
      if (cid === null) return E.InvalidArguments;
      ctx.workerCid = cid === '' ? null : cid;
      return E.Success;
    },
    ml__connect_to_experiment(urlPtr, urlLen, port, runPtr, runLen, out) {
      const parse = (hive, runId) => () => [{ runId, origin: hive }];
      return byRunId(urlPtr, urlLen, port, runPtr, runLen, out, SIZE.FutureHandle, 'connect', [Kind.training_handle], parse);
    },
    ml__start_training(urlPtr, urlLen, port, gP, gL, eP, eL, nf, na, nw, cP, cL, out) {
      return start(urlPtr, urlLen, port, gP, gL, eP, eL, nf, na, nw, cP, cL, null, out);
    },
    ml__start_training_from_checkpoint(urlPtr, urlLen, port, gP, gL, eP, eL, nf, na, nw, cP, cL, kP, kL, out) {
      return start(urlPtr, urlLen, port, gP, gL, eP, eL, nf, na, nw, cP, cL, [kP, kL], out);
    },
    ml__stop_experiment: stop('stop'),
    ml__experiment_config(context, out) {
      const outPtr = u32(out);
      if (!memory.inBounds(outPtr, SIZE.ExperimentConfigFuture)) return E.InvalidArguments;
      const training = futures.trainings.get(u64(context));
      if (training === undefined) return E.NotFound;
      if (futures.wouldExceedCap(2)) return E.Unavailable;
      const spec = routeSpec(training.origin, 'config', training.runId, null, limits);
      writeHandles(outPtr, futures.launch([Kind.ark_experiment_config, Kind.vec_u8], spec, configFrom));
      return E.Success;
    },
    ml__experiment_config_from_registry(urlPtr, urlLen, port, runPtr, runLen, out) {
      const kinds = [Kind.ark_experiment_config, Kind.vec_u8];
      return byRunId(urlPtr, urlLen, port, runPtr, runLen, out, SIZE.ExperimentConfigFuture, 'registry_config', kinds, () => configFrom);
    },
    ml__download_snapshot_from_registry(urlPtr, urlLen, port, runPtr, runLen, out) {
      const parse = () => (bytes) => [bytes];
      return byRunId(urlPtr, urlLen, port, runPtr, runLen, out, SIZE.FutureHandle, 'registry_snapshot', [Kind.vec_u8], parse);
    },
    ml__poll_future_ark_experiment_config: pollSimple(Kind.ark_experiment_config),
    ml__take_future_ark_experiment_config: takeFixed(Kind.ark_experiment_config, SIZE.ArkExperimentConfig, (v) =>
      u32pair(v.numFeatures, v.numActions),
    ),
  };

  const v1 = {
    ml__poll_future_training_handle: pollSimple(Kind.training_handle),
    ml__take_future_training_handle: takeFixed(
      Kind.training_handle,
      SIZE.TrainingHandle,
      (training) => u64le(futures.addTraining(training)),
      () => (futures.trainings.size >= (limits.max_training_handles ?? MAX_TRAINING_HANDLES) ? E.Unavailable : E.Success),
    ),
    ml__poll_future_vec_u8(handle, out) {
      const outPtr = u32(out);
      if (!memory.inBounds(outPtr, SIZE.PollVec)) return E.InvalidArguments;
      const [code, future] = lookup(handle, Kind.vec_u8);
      if (code !== E.Success) return code;
      if (future.state === 'failed') return E.HttpRequestFailed;
      const ready = future.state === 'ready';
      const bytes = u32pair(0, ready ? future.value.length : 0);
      bytes[0] = ready ? 1 : 0;
      memory.write(outPtr, bytes);
      return E.Success;
    },
    ml__take_future_vec_u8(handle, dataPtr, dataLen) {
      const ptr = u32(dataPtr);
      const len = u32(dataLen);
      if (len !== 0 && !memory.inBounds(ptr, len)) return E.InvalidArguments;
      const [code, future] = lookup(handle, Kind.vec_u8);
      if (code !== E.Success) return code;
      if (future.state === 'pending') return E.Unavailable;
      if (future.state === 'failed') {
        futures.release(u64(handle));
        return E.HttpRequestFailed;
      }
      if (future.value.length !== len) return E.InvalidArguments;
      futures.release(u64(handle));
      if (len !== 0) memory.write(ptr, future.value);
      return E.Success;
    },
    ml__drop_future(handle) {
      const key = u64(handle);
      if (!futures.futures.has(key)) return E.NotFound;
      futures.release(key);
      return E.Success;
    },
    ml__stop_training: stop('disconnect'),
  };

  return { 'ark-ml-v2': guardAll(v2, log), 'ark-ml-v1': guardAll(v1, log) };
}

/**
 * Wrap every import so that nothing escapes into the guest: an exception becomes InternalError
 * (abi/hostile-guest/no-crash) and no value outside the ErrorCodes is ever returned
 * (abi/error-codes/closed-set).
 */
function guardAll(functions, log) {
  const guarded = {};
  for (const [name, fn] of Object.entries(functions)) {
    guarded[name] = (...args) => {
      try {
        const code = fn(...args);
        if (ERROR_CODE_VALUES.has(code)) return code;
        log(`${name} returned ${code}, not an ErrorCode: InternalError`);
      } catch (err) {
        log(`${name} raised ${err && err.stack ? err.stack : err}: InternalError`);
      }
      return E.InternalError;
    };
  }
  return guarded;
}

module.exports = { makeImports };
