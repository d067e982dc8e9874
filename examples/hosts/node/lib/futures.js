'use strict';
// Futures and training handles of one guest instance, and the background hive work behind them.
//
// Handle values come from one counter per host process (starting at 1, never reused) shared by
// FutureHandle and TrainingHandle, so another instance's handle is never live here (NotFound).

const { hiveRequest } = require('./hive.js');

/** The process-wide handle counter. */
class HandleCounter {
  constructor() {
    this.next = 1n;
  }

  issue() {
    const handle = this.next;
    this.next += 1n;
    return handle;
  }
}

/** One hive request feeding one or more futures (experiment_config feeds two). */
class Work {
  constructor(users) {
    this.users = users;
    this.done = false;
    this.cancel = () => {};
  }
}

class Future {
  constructor(kind, work) {
    this.kind = kind;
    this.work = work;
    this.state = 'pending'; // 'pending' | 'ready' | 'failed'
    this.value = undefined;
    this.reason = '';
    this.live = true;
  }
}

/** The futures, trainings and in-flight work of one instance. */
class InstanceFutures {
  constructor(counter, limits, log) {
    this.counter = counter;
    this.limits = limits;
    this.log = log;
    /** @type {Map<bigint, Future>} live futures (pending, ready or failed, until taken or dropped) */
    this.futures = new Map();
    /** @type {Map<bigint, {runId: string, origin: string}>} */
    this.trainings = new Map();
    /** @type {Set<Work>} */
    this.inflight = new Set();
  }

  /** Would `count` more futures exceed the outstanding-futures cap (futures/outstanding-cap)? */
  wouldExceedCap(count) {
    return this.futures.size + count > this.limits.max_outstanding_futures;
  }

  /**
   * Start a hive request and create one future per kind in `kinds`; `parse(answer)` turns the hive's
   * answer into one value per future, or null when the answer is unusable (the futures fail).
   * Returns the new handles.
   */
  launch(kinds, spec, parse) {
    const work = new Work(kinds.length);
    const created = kinds.map((kind) => [this.counter.issue(), new Future(kind, work)]);
    for (const [handle, future] of created) this.futures.set(handle, future);
    this.inflight.add(work);
    work.cancel = hiveRequest(spec, (result) => {
      work.done = true;
      this.inflight.delete(work);
      let values = null;
      try {
        values = result.ok ? parse(result.value) : null;
      } catch (err) {
        this.log(`parsing the answer to ${spec.method} ${spec.path} failed: ${err.message}`);
      }
      const reason = result.ok ? `unusable hive answer on ${spec.method} ${spec.path}` : result.reason;
      if (values === null) this.log(`${spec.method} ${spec.path}: ${reason}`);
      created.forEach(([, future], i) => {
        if (!future.live) return;
        if (values === null) {
          future.state = 'failed';
          future.reason = reason;
        } else {
          future.state = 'ready';
          future.value = values[i];
        }
      });
    });
    return created.map(([handle]) => handle);
  }

  /** Forget a future (taken or dropped); its request is cancelled when no live future needs it. */
  release(handle) {
    const future = this.futures.get(handle);
    this.futures.delete(handle);
    future.live = false;
    const work = future.work;
    work.users -= 1;
    if (work.users === 0 && !work.done) {
      work.cancel();
      this.inflight.delete(work);
    }
  }

  /** A new TrainingHandle for a run on the hive at origin. */
  addTraining(training) {
    const handle = this.counter.issue();
    this.trainings.set(handle, training);
    return handle;
  }

  /** Instance teardown: cancel every request (the hive sees the connection close), free everything. */
  close() {
    for (const work of this.inflight) work.cancel();
    this.inflight.clear();
    this.futures.clear();
    this.trainings.clear();
  }
}

module.exports = { HandleCounter, InstanceFutures };
