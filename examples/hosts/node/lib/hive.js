'use strict';
// Hive protocol v1 (docs/hive-protocol.md) from the host's side: address rules, paths, one HTTP
// request with a timeout, a body cap and cancellation, and the rule for what counts as an answer.
// Used on the main thread (futures) and in the sync-HTTP worker (stop_experiment, stop_training), so
// a request spec is plain data that survives postMessage.

const http = require('node:http');

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The hive's origin `http://{hive_url}:{hive_port}`, or null when the address is invalid
 * (clause hive/address-valid): empty hive_url, port 0 or above 65535, or a hive_url that is not a
 * bare host name (IPv6 in brackets): a path, query, fragment, userinfo, port, whitespace, or
 * anything the URL parser refuses.
 */
function hiveOrigin(hiveUrl, port) {
  if (hiveUrl.length === 0 || port < 1 || port > 65535) return null;
  // eslint-disable-next-line no-control-regex
  if (/[/?#@\\\s\x00-\x1f\x7f]/.test(hiveUrl)) return null;
  if (!/^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._~-]+)$/.test(hiveUrl)) return null; // hive/url-grammar: no %, no non-ASCII
  let url;
  try {
    url = new URL(`http://${hiveUrl}:${port}/`);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '' || url.pathname !== '/') return null;
  return url.origin;
}

/**
 * `{run_id}` in a path: every byte but A-Z a-z 0-9 - . _ ~ percent-encoded from UTF-8
 * (encodeURIComponent also leaves ! ' ( ) * alone; the hive decodes either way).
 */
function encodeRunId(runId) {
  return encodeURIComponent(runId).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The request spec of a hive route (plain data). `body` is a JSON text for POST routes, else null. */
function routeSpec(origin, route, runId, body, limits) {
  const run = runId === null ? '' : encodeRunId(runId);
  const paths = {
    start: ['POST', '/api/v1/experiments'],
    connect: ['POST', `/api/v1/runs/${run}/connect`],
    config: ['GET', `/api/v1/runs/${run}/config`],
    stop: ['POST', `/api/v1/runs/${run}/stop`],
    disconnect: ['POST', `/api/v1/runs/${run}/disconnect`],
    registry_config: ['GET', `/api/v1/registry/runs/${run}/config`],
    registry_snapshot: ['GET', `/api/v1/registry/runs/${run}/snapshot`],
  };
  const [method, path] = paths[route];
  return {
    origin,
    method,
    path,
    body: method === 'POST' ? JSON.stringify(body === null ? {} : body) : null,
    raw: route === 'registry_snapshot',
    timeoutMs: Math.max(1, Math.round(limits.request_timeout_seconds * 1000)),
    maxBytes: limits.max_download_bytes,
  };
}

/**
 * What a hive answer is worth: 2xx and a JSON object body (or, for `raw` routes, any bytes).
 * Anything else is a failure (HttpRequestFailed for the guest).
 */
function judgeAnswer(status, body, raw) {
  if (status < 200 || status > 299) return { ok: false, reason: `hive answered HTTP ${status}` };
  if (raw) return { ok: true, value: body };
  let value;
  try {
    value = JSON.parse(UTF8.decode(body));
  } catch {
    return { ok: false, reason: 'hive answer is not JSON' };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, reason: 'hive answer is not a JSON object' };
  }
  return { ok: true, value };
}

/**
 * Send one request; `done({ok, value} | {ok: false, reason})` is called exactly once, always
 * asynchronously, unless the returned cancel function is called first (then never). The timeout
 * covers the whole exchange; a body above `maxBytes` is abandoned as soon as it shows.
 */
function hiveRequest(spec, done) {
  let finished = false;
  let timer = null;
  const finish = (result) => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    done(result);
  };
  const fail = (reason) => finish({ ok: false, reason });
  const payload = spec.body === null ? null : Buffer.from(spec.body, 'utf8');
  const headers = { Connection: 'close' };
  if (payload !== null) {
    headers['Content-Type'] = 'application/json';
    headers['Content-Length'] = String(payload.length);
  }
  let req;
  try {
    req = http.request(new URL(spec.path, spec.origin), { method: spec.method, headers, agent: false }, (res) => {
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > spec.maxBytes) {
        req.destroy();
        fail(`hive body of ${declared} bytes is over the ${spec.maxBytes}-byte cap`);
        return;
      }
      const chunks = [];
      let total = 0;
      res.on('data', (chunk) => {
        total += chunk.length;
        if (total > spec.maxBytes) {
          req.destroy();
          fail(`hive body is over the ${spec.maxBytes}-byte cap`);
        } else {
          chunks.push(chunk);
        }
      });
      res.on('end', () => finish(judgeAnswer(res.statusCode, Buffer.concat(chunks), spec.raw)));
      res.on('error', (err) => fail(`hive answer broke off: ${err.message}`));
      res.on('close', () => fail('hive closed the connection before the answer ended'));
    });
  } catch (err) {
    setImmediate(() => fail(`cannot send the request: ${err.message}`));
    return () => { finished = true; };
  }
  req.on('error', (err) => fail(`hive request failed: ${err.message}`));
  timer = setTimeout(() => {
    fail(`no hive answer within ${spec.timeoutMs} ms`);
    req.destroy();
  }, spec.timeoutMs);
  req.end(payload === null ? undefined : payload);
  return () => {
    finished = true;
    clearTimeout(timer);
    req.destroy();
  };
}

module.exports = { hiveOrigin, routeSpec, judgeAnswer, hiveRequest };
