import { Writable } from 'node:stream';
import { createLogger, PinoNestLogger } from './logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(JSON.parse(chunk.toString()));
      callback();
    },
  });
  return { lines, logger: createLogger({ level: 'trace', destination }) };
}

describe('createLogger', () => {
  it('writes JSON lines with a string level and an ISO time', () => {
    const { lines, logger } = capture();
    logger.info({ requestId: 'r1' }, 'hello');
    expect(lines[0]).toMatchObject({ level: 'info', requestId: 'r1', msg: 'hello' });
    expect(lines[0].time).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('redacts credentials in request headers', () => {
    const { lines, logger } = capture();
    logger.info({ req: { headers: { authorization: 'Bearer x', cookie: 'sid=1', accept: '*/*' } } }, 'req');
    expect(lines[0].req).toEqual({ headers: { authorization: '[redacted]', cookie: '[redacted]', accept: '*/*' } });
  });

  it('never logs the secret segment of a customer link or calendar feed', () => {
    const { lines, logger } = capture();
    const fastifyRequest = { raw: {}, method: 'POST', url: '/api/v1/public/document-requests/s3cr3t-T0ken/items/1/uploads?x=1', host: 'h', ip: '10.0.0.1', headers: {}, socket: { remotePort: 4 } };
    logger.info({ req: fastifyRequest }, 'incoming request');
    logger.info({ req: { url: '/api/v1/public/calendar-feeds/feedT0ken' } }, 'plain');
    logger.info({ req: { url: '/api/v1/public/appointment-links/abc/response' } }, 'plain');
    logger.info({ req: { url: '/api/v1/public/forms/energieberatung-anfragen' } }, 'plain');
    expect(lines[0].req).toEqual({ method: 'POST', url: '/api/v1/public/document-requests/[redacted]/items/1/uploads?x=1', host: 'h', remoteAddress: '10.0.0.1', remotePort: 4 });
    expect(lines.slice(1).map((line) => (line.req as { url: string }).url)).toEqual([
      '/api/v1/public/calendar-feeds/[redacted]',
      '/api/v1/public/appointment-links/[redacted]/response',
      '/api/v1/public/forms/energieberatung-anfragen',
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/s3cr3t|feedT0ken/);
  });
});

describe('PinoNestLogger', () => {
  it('puts Nest\'s context (the last string argument) into a field', () => {
    const { lines, logger } = capture();
    new PinoNestLogger(logger).log('Mapped {/health/live, GET} route', 'RouterExplorer');
    expect(lines[0]).toMatchObject({ level: 'info', context: 'RouterExplorer', msg: 'Mapped {/health/live, GET} route' });
  });

  it('keeps the stack Nest passes to error() apart from the context', () => {
    const { lines, logger } = capture();
    const stack = new Error('x').stack;
    new PinoNestLogger(logger).error('failed', stack, 'ExceptionHandler');
    expect(lines[0]).toMatchObject({ level: 'error', context: 'ExceptionHandler', stack, msg: 'failed' });
  });

  it('logs an Error message with its err serialisation, and maps verbose to trace', () => {
    const { lines, logger } = capture();
    const nest = new PinoNestLogger(logger);
    nest.error(new Error('boom'));
    nest.verbose('details', 'Ctx');
    expect(lines[0]).toMatchObject({ level: 'error', msg: 'boom', err: { message: 'boom' } });
    expect(lines[1]).toMatchObject({ level: 'trace', context: 'Ctx' });
  });
});
