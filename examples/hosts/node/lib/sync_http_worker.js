'use strict';
// The worker side of lib/sync_http.js: run each request it is sent, write the outcome into the
// shared block, and wake the blocked main thread with Atomics.notify.

const { parentPort } = require('node:worker_threads');
const { hiveRequest } = require('./hive.js');
const { STATE, OUTCOME, REASON_LEN, HEADER_BYTES, REASON_BYTES } = require('./sync_http.js');

parentPort.on('message', ({ spec, shared }) => {
  hiveRequest(spec, (result) => {
    const header = new Int32Array(shared, 0, 3);
    if (!result.ok) {
      const reason = Buffer.from(result.reason, 'utf8').subarray(0, REASON_BYTES);
      new Uint8Array(shared, HEADER_BYTES, reason.length).set(reason);
      Atomics.store(header, REASON_LEN, reason.length);
    }
    Atomics.store(header, OUTCOME, result.ok ? 1 : 2);
    Atomics.store(header, STATE, 1);
    Atomics.notify(header, STATE);
  });
});
