'use strict';
// Synchronous hive requests for imports that must answer before they return (stop_experiment,
// ml-v1 stop_training). A Wasm import is a plain synchronous JS function, so it cannot await a
// Promise; instead the request runs on a worker thread while this thread blocks in Atomics.wait on
// a SharedArrayBuffer the worker fills in. The worker has its own event loop, so the request makes
// progress although the main loop is blocked. See README.md, "Synchronous imports".

const path = require('node:path');
const { Worker } = require('node:worker_threads');

/** Int32 slots of the shared block: state (0 waiting, 1 answered), outcome (1 ok, 2 failed), reason length. */
const STATE = 0;
const OUTCOME = 1;
const REASON_LEN = 2;
const HEADER_BYTES = 12;
const REASON_BYTES = 500;
/** How long past the request's own timeout the main thread waits for a worker that went silent. */
const GRACE_MS = 1000;

class SyncHttp {
  constructor() {
    this.worker = null;
  }

  /** The worker, started on first use; unref'd so it never keeps the process alive. */
  _worker() {
    if (this.worker === null) {
      const worker = new Worker(path.join(__dirname, 'sync_http_worker.js'));
      worker.unref();
      worker.on('error', (err) => process.stderr.write(`node-host: sync-http worker failed: ${err.message}\n`));
      worker.on('exit', () => {
        if (this.worker === worker) this.worker = null;
      });
      this.worker = worker;
    }
    return this.worker;
  }

  /**
   * Run one hive request spec (lib/hive.js routeSpec) to completion, blocking this thread.
   * Returns {ok: true} or {ok: false, reason}; never throws for a hive failure.
   */
  request(spec) {
    const shared = new SharedArrayBuffer(HEADER_BYTES + REASON_BYTES);
    const header = new Int32Array(shared, 0, 3);
    const worker = this._worker();
    worker.postMessage({ spec, shared });
    // A fresh block per request: an answer that arrives after we gave up lands in a block nobody reads.
    const waited = Atomics.wait(header, STATE, 0, spec.timeoutMs + GRACE_MS);
    if (waited === 'timed-out') {
      this.worker = null;
      worker.terminate();
      return { ok: false, reason: 'sync-http worker did not answer in time' };
    }
    if (Atomics.load(header, OUTCOME) === 1) return { ok: true };
    const reason = Buffer.from(new Uint8Array(shared, HEADER_BYTES, Atomics.load(header, REASON_LEN))).toString('utf8');
    return { ok: false, reason };
  }

  close() {
    if (this.worker !== null) this.worker.terminate();
    this.worker = null;
  }
}

module.exports = { SyncHttp, STATE, OUTCOME, REASON_LEN, HEADER_BYTES, REASON_BYTES };
