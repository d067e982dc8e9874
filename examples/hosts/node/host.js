#!/usr/bin/env node
'use strict';
// An ark-ml-v2 host for Node 20 that speaks the subprocess host protocol, version 2
// (docs/subprocess-protocol.md): JSON lines on stdin/stdout, one request at a time.
//
//   ark-conformance run --host 'subprocess:node examples/hosts/node/host.js'
//
// stdin is read asynchronously (readline), so the event loop runs between requests and the hive
// requests that guests started make progress while the runner sleeps between `call`s.

const fs = require('node:fs');
const readline = require('node:readline');
const { DEFAULT_LIMITS, IMPORTS, MAX_TRAINING_HANDLES, PROFILES, FEATURES } = require('./lib/abi.js');
const { GuestMemory } = require('./lib/guest_memory.js');
const { HandleCounter, InstanceFutures } = require('./lib/futures.js');
const { makeImports } = require('./lib/ml_imports.js');
const { SyncHttp } = require('./lib/sync_http.js');

const PROTOCOL = 2;
const NAME = 'ark-node-host';
const VERSION = '0.1.0';
const GUEST_MODULES = new Set(IMPORTS.map((i) => i.module));
const PROVIDED = new Map(IMPORTS.map((i) => [`${i.module}::${i.name}`, i]));

/** A failed request: `kind` is one of the protocol's error kinds. */
class HostError extends Error {
  constructor(kind, message) {
    super(message);
    this.kind = kind;
  }
}

const log = (message) => process.stderr.write(`node-host: ${message}\n`);

const state = {
  limits: { ...DEFAULT_LIMITS },
  counter: new HandleCounter(),
  sync: new SyncHttp(),
  /** @type {Map<number, {instance: WebAssembly.Instance, memory: GuestMemory, futures: InstanceFutures}>} */
  instances: new Map(),
  nextInstance: 1,
};

const sig = (params, results) => `(${params.join(', ')}) -> (${results.join(', ')})`;

/**
 * Refuse a guest whose imports this host does not provide with the same signature (`link`). Node's
 * WebAssembly.Module.imports() has no types and a JS function links under any signature, so the
 * types come from the request's `imports` list, which the runner fills from the binary.
 */
function checkImports(module, declared) {
  const names = WebAssembly.Module.imports(module);
  if (names.length === 0) return;
  if (!Array.isArray(declared) || declared.length !== names.length) {
    throw new HostError('bad_request', 'instantiate needs the module\'s `imports` list (protocol v2)');
  }
  for (const imp of declared) {
    const key = `${imp.module}::${imp.name}`;
    const provided = PROVIDED.get(key);
    if (provided === undefined) throw new HostError('link', `host provides no import ${key}`);
    if (imp.kind !== 'func') throw new HostError('link', `${key} is a function, imported as a ${imp.kind}`);
    const wanted = sig(imp.params, imp.results);
    const own = sig(provided.params, provided.results);
    if (wanted !== own) throw new HostError('link', `${key} imported as ${wanted}; this host provides ${own}`);
  }
}

function instanceOf(req) {
  const entry = state.instances.get(req.instance);
  if (entry === undefined) throw new HostError('bad_request', `unknown instance ${req.instance}`);
  return entry;
}

/** Validate an unsigned (ptr, len) range of an instance's memory for read_memory/write_memory. */
function memoryRange(entry, ptr, len) {
  if (!Number.isSafeInteger(ptr) || !Number.isSafeInteger(len) || ptr < 0 || len < 0) {
    throw new HostError('bad_request', 'ptr and len must be non-negative integers');
  }
  const size = entry.memory.size();
  if (ptr + len > size) throw new HostError('memory', `range [${ptr}, ${ptr + len}) is outside memory (${size} bytes)`);
}

/** A Wasm value for the reply: i64 (BigInt) as a decimal string, i32 as a JSON integer. */
function encodeValue(value) {
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'number') return value;
  throw new HostError('internal', `export returned a ${typeof value}, which the protocol cannot carry`);
}

// `instantiate` may carry `settings` (a fixture's host_settings): hints that let the case finish sooner.
// This host applies the three it knows to that instance only and ignores anything else.
const INSTANCE_SETTINGS = {
  request_timeout_seconds: (v) => typeof v === 'number' && v > 0,
  max_outstanding_futures: (v) => Number.isInteger(v) && v >= 1,
  max_training_handles: (v) => Number.isInteger(v) && v >= 1,
};

function instanceLimits(settings) {
  const limits = { ...state.limits, max_training_handles: MAX_TRAINING_HANDLES };
  if (settings && typeof settings === 'object') {
    for (const [name, valid] of Object.entries(INSTANCE_SETTINGS)) {
      if (valid(settings[name])) limits[name] = settings[name];
    }
  }
  return limits;
}

const ops = {
  hello(req) {
    if (req.protocol < PROTOCOL) {
      throw new HostError('bad_request', `this host speaks subprocess protocol ${PROTOCOL} only`);
    }
    const timeout = req.settings && req.settings.request_timeout_seconds;
    if (typeof timeout === 'number' && timeout > 0) state.limits.request_timeout_seconds = timeout;
    return { protocol: PROTOCOL, name: NAME, version: VERSION, profiles: PROFILES, features: FEATURES, limits: state.limits };
  },

  imports() {
    return { imports: IMPORTS.map((i) => ({ module: i.module, name: i.name, params: i.params, results: i.results })) };
  },

  instantiate(req) {
    const bytes = typeof req.wasm_b64 === 'string' ? Buffer.from(req.wasm_b64, 'base64') : fs.readFileSync(req.wasm_path);
    let module;
    try {
      module = new WebAssembly.Module(bytes);
    } catch (err) {
      throw new HostError('link', `not a valid Wasm module: ${err.message}`);
    }
    checkImports(module, req.imports);
    const limits = instanceLimits(req.settings);
    const memory = new GuestMemory();
    const futures = new InstanceFutures(state.counter, limits, log);
    const imports = makeImports({ memory, futures, limits, sync: state.sync, log, workerCid: null });
    const importObject = {};
    for (const { module: name } of WebAssembly.Module.imports(module)) {
      if (!GUEST_MODULES.has(name)) throw new HostError('link', `host provides no module ${name}`);
      importObject[name] = imports[name];
    }
    let instance;
    try {
      instance = new WebAssembly.Instance(module, importObject);
    } catch (err) {
      futures.close();
      const kind = err instanceof WebAssembly.RuntimeError ? 'trap' : 'link';
      throw new HostError(kind, `instantiate failed: ${err.message}`);
    }
    if (!(instance.exports.memory instanceof WebAssembly.Memory)) {
      futures.close();
      throw new HostError('link', 'the guest exports no memory named `memory`');
    }
    memory.memory = instance.exports.memory;
    const id = state.nextInstance++;
    state.instances.set(id, { instance, memory, futures });
    return { instance: id };
  },

  call(req) {
    const entry = instanceOf(req);
    const fn = entry.instance.exports[req.export];
    if (typeof fn !== 'function') throw new HostError('bad_request', `no exported function ${JSON.stringify(req.export)}`);
    if (!Array.isArray(req.args)) throw new HostError('bad_request', '`args` must be a list');
    // v2 writes i64 as decimal strings and i32 as numbers, so the JSON type says which is which.
    const args = req.args.map((a) => (typeof a === 'string' ? BigInt(a) : a));
    let result;
    try {
      result = fn(...args);
    } catch (err) {
      const name = err && err.constructor ? err.constructor.name : 'Error';
      throw new HostError('trap', `trap ${name}: ${err && err.message ? err.message : err}`);
    }
    const values = result === undefined ? [] : Array.isArray(result) ? result : [result];
    return { results: values.map(encodeValue) };
  },

  read_memory(req) {
    const entry = instanceOf(req);
    memoryRange(entry, req.ptr, req.len);
    return { data_b64: Buffer.from(entry.memory.memory.buffer, req.ptr, req.len).toString('base64') };
  },

  write_memory(req) {
    const entry = instanceOf(req);
    const data = Buffer.from(String(req.data_b64), 'base64');
    memoryRange(entry, req.ptr, data.length);
    new Uint8Array(entry.memory.memory.buffer).set(data, req.ptr);
    return {};
  },

  memory_size(req) {
    return { size: instanceOf(req).memory.size() };
  },

  close_instance(req) {
    instanceOf(req).futures.close();
    state.instances.delete(req.instance);
    return {};
  },
};

function reply(message) {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

function shutdown() {
  for (const entry of state.instances.values()) entry.futures.close();
  state.instances.clear();
  state.sync.close();
  process.exit(0);
}

function handle(line) {
  if (line.trim() === '') return;
  let req;
  try {
    req = JSON.parse(line);
  } catch {
    log(`ignoring a line that is not JSON: ${line.slice(0, 80)}`);
    return;
  }
  if (req === null || typeof req !== 'object' || !Number.isSafeInteger(req.id)) {
    log('ignoring a request without an integer id');
    return;
  }
  if (req.op === 'shutdown') shutdown();
  const op = Object.hasOwn(ops, req.op) ? ops[req.op] : null;
  try {
    if (op === null) throw new HostError('bad_request', `unknown op ${JSON.stringify(req.op)}`);
    reply({ id: req.id, ok: true, ...op(req) });
  } catch (err) {
    const kind = err instanceof HostError ? err.kind : 'internal';
    const message = String(err && err.message ? err.message : err).split('\n')[0];
    if (!(err instanceof HostError)) log(err && err.stack ? err.stack : String(err));
    reply({ id: req.id, ok: false, error: { kind, message } });
  }
}

// A bug in a background callback must not end the process with the guest's instances in it: log it.
process.on('uncaughtException', (err) => log(`uncaught: ${err && err.stack ? err.stack : err}`));

/**
 * Mutant ARK_NODE_HOST_MUTANT=blocking-stdin (tests/examples): read stdin with blocking reads, the
 * way README.md says not to. The event loop never runs, so no hive request a guest starts is ever sent.
 */
function blockingLoop() {
  const chunk = Buffer.alloc(65536);
  let pending = '';
  for (;;) {
    let n;
    try {
      n = fs.readSync(0, chunk, 0, chunk.length, null);
    } catch (err) {
      if (err.code === 'EAGAIN') continue;
      throw err;
    }
    if (n === 0) shutdown();
    pending += chunk.toString('utf8', 0, n);
    let end;
    while ((end = pending.indexOf('\n')) >= 0) {
      handle(pending.slice(0, end));
      pending = pending.slice(end + 1);
    }
  }
}

if (process.env.ARK_NODE_HOST_MUTANT === 'blocking-stdin') {
  blockingLoop();
} else {
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on('line', handle);
  lines.on('close', shutdown);
}
