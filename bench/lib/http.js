'use strict';
/** HTTP requests to a server on 127.0.0.1 (the app, a baseline). */
const http = require('node:http');

/**
 * One request with an optional JSON body; resolves { status, headers, body (parsed JSON when
 * possible) }, or null when nothing answers (connection refused, or no answer within `timeout` ms).
 * `agent`: false (a new connection, the default) or an http.Agent (e.g. keep-alive).
 */
function request(port, method, pathname, { headers = {}, body, agent = false, timeout = 5000 } = {}) {
  return new Promise((resolve) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      { host: '127.0.0.1', port, method, path: pathname, agent, timeout, headers: { ...headers, ...(payload && { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }) } },
      (res) => {
        let data = '';
        res.on('data', (c) => (data += c));
        res.on('end', () => {
          let parsed = data;
          try {
            parsed = JSON.parse(data);
          } catch {
            /* text */
          }
          resolve({ status: res.statusCode, headers: res.headers, body: parsed });
        });
      },
    );
    req.once('timeout', () => req.destroy());
    req.once('error', () => resolve(null));
    if (payload) req.write(payload);
    req.end();
  });
}

module.exports = { request };
