// Reads the fixture server's request log from a test (the server runs in the global setup).
import { request } from 'node:https';
import { inject } from 'vitest';
import type { LoggedRequest } from '../fixture-server';
import { FIXTURE_IP } from './paths';

function call(method: 'GET' | 'POST', path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: FIXTURE_IP, port: inject('fixturePort'), method, path, servername: 'example.org', headers: { host: 'example.org' }, rejectUnauthorized: false },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString('utf8')));
        res.on('end', () => resolve(body));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

export const fixtureRequests = async (): Promise<LoggedRequest[]> => JSON.parse(await call('GET', '/__fixtures/requests'));
export const resetFixtureRequests = async () => void (await call('POST', '/__fixtures/reset'));
