// A Node client for the browser host's /api/call, as a browser tab talks to it: one kept-alive connection, the
// token header, JSON in and out. For the bench (figures "through the browser host") and scripts. Node's global
// fetch (undici) adds ~1 ms per call here on its own, so it would misstate what the host costs.
import http from 'node:http';
import type { Result } from '../../shared/result';

export interface HostClient {
  call(channel: string, input?: unknown): Promise<Result<unknown>>;
  close(): void;
}

export function hostClient(opts: { origin: string; token: string }): HostClient {
  const u = new URL(opts.origin);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const headers = { 'Content-Type': 'application/json', 'X-Ankang-Token': opts.token, Host: u.host };
  return {
    call(channel, input = {}) {
      const body = Buffer.from(JSON.stringify({ channel, input }));
      return new Promise((resolve, reject) => {
        const req = http.request(
          { host: u.hostname, port: Number(u.port), path: '/api/call', method: 'POST', agent, headers: { ...headers, 'Content-Length': body.length } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              try {
                resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Result<unknown>);
              } catch (e) {
                reject(new Error(`HTTP ${res.statusCode}: reply is not JSON (${(e as Error).message})`));
              }
            });
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}
