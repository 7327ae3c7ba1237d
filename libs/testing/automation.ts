// Test helpers of the automation context: making its jobs due, a real SMTP server and an HTTP
// receiver in-process (libs/testing is not part of the build). Running the jobs: test/support/automation-jobs.ts.
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';

/** Makes every waiting step job due now (a retry's backoff, a wait step): time passing, without sleeping. */
export async function makeAutomationJobsDue(adminUrl: string): Promise<number> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const result = await client.query(`update pgboss.job set start_after = now() - interval '1 second' where name = 'automation-step' and state in ('created', 'retry')`);
    return result.rowCount ?? 0;
  } finally {
    await client.end();
  }
}

export interface TestSmtpServer {
  url: string;
  messages: ParsedMail[];
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 (no TLS, no auth) that keeps every message it accepts, parsed. */
export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = (server as unknown as { server: Server }).server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, messages, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface ReceivedRequest {
  headers: IncomingMessage['headers'];
  body: string;
  status: number;
}

export interface TestHttpReceiver {
  url: string;
  requests: ReceivedRequest[];
  /** The status the next requests get, in order; afterwards 200. `0`: never answer (the caller is killed meanwhile). */
  respondWith(statuses: number[]): void;
  /** Resolves once `count` requests have arrived. */
  waitForRequests(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 recording every request (a webhook's receiving end). */
export async function startTestHttpReceiver(): Promise<TestHttpReceiver> {
  const requests: ReceivedRequest[] = [];
  let script: number[] = [];
  const waiters: Array<{ count: number; resolve(): void }> = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const status = script.shift() ?? 200;
      requests.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), status });
      for (const waiter of waiters.filter((w) => requests.length >= w.count)) waiter.resolve();
      if (status === 0) return;
      response.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'failing on purpose');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/renewa`,
    requests,
    respondWith: (statuses) => (script = [...statuses]),
    waitForRequests: (count, timeoutMs = 30_000) =>
      requests.length >= count
        ? Promise.resolve()
        : new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`${requests.length} of ${count} requests arrived in ${timeoutMs} ms`)), timeoutMs);
            waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
          }),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
