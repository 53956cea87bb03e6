/** A minimal Bot API client for the raw floor: node:http, JSON bodies, one keep-alive agent. */
import http from 'node:http';

export function createClient(apiRoot, token) {
  const url = new URL(apiRoot);
  const agent = new http.Agent({ keepAlive: true });
  const host = url.hostname;
  const port = Number(url.port || 80);
  const prefix = `${url.pathname.replace(/\/$/, '')}/bot${token}/`;
  return function call(method, params) {
    const body = JSON.stringify(params);
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host,
          port,
          agent,
          method: 'POST',
          path: prefix + method,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            try {
              const answer = JSON.parse(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
              if (answer.ok) resolve(answer.result);
              else reject(new Error(`${method}: ${answer.description}`));
            } catch (e) {
              reject(e);
            }
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  };
}
