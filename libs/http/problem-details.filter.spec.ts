import type { ArgumentsHost, HttpServer } from '@nestjs/common';
import { AppError } from './app-error';
import { ProblemDetailsFilter } from './problem-details.filter';

interface FakeResponse {
  headers: Record<string, string>;
  status?: number;
  body?: unknown;
  sent: boolean;
}

function fakeAdapter(): HttpServer {
  return {
    isHeadersSent: (res: FakeResponse) => res.sent,
    setHeader: (res: FakeResponse, name: string, value: string) => (res.headers[name] = value),
    reply: (res: FakeResponse, body: unknown, status: number) => Object.assign(res, { body, status, sent: true }),
  } as unknown as HttpServer;
}

function httpHost(request: object, response: FakeResponse): ArgumentsHost {
  return {
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response, getNext: () => undefined }),
  } as unknown as ArgumentsHost;
}

const newResponse = (): FakeResponse => ({ headers: {}, sent: false });

describe('ProblemDetailsFilter', () => {
  const log = { error: jest.fn(), debug: jest.fn() };
  const filter = new ProblemDetailsFilter(fakeAdapter(), { error: jest.fn(), debug: jest.fn() });

  beforeEach(() => jest.clearAllMocks());

  it('sends problem+json with the request id and the path (without the query) as instance', () => {
    const response = newResponse();
    const request = { id: 'req-1', url: '/api/v1/leads/42?include=contacts', log };
    filter.catch(AppError.notFound('CRM_LEAD_NOT_FOUND', 'Lead 42 does not exist.'), httpHost(request, response));

    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(response.headers['x-request-id']).toBe('req-1');
    expect(response.body).toEqual({
      type: 'https://renewa.dev/problems/crm-lead-not-found',
      title: 'Not Found',
      status: 404,
      detail: 'Lead 42 does not exist.',
      code: 'CRM_LEAD_NOT_FOUND',
      requestId: 'req-1',
      instance: '/api/v1/leads/42',
    });
    expect(log.error).not.toHaveBeenCalled();
  });

  it('lists field errors last, after instance', () => {
    const response = newResponse();
    filter.catch(AppError.validation([{ path: 'items[0].name', message: 'name must be a string' }]), httpHost({ id: 'r', url: '/x', log }, response));
    expect(Object.keys(response.body as object)).toEqual(['type', 'title', 'status', 'detail', 'code', 'requestId', 'instance', 'errors']);
  });

  it('logs an unexpected error with the error object (stack) and answers a generic 500', () => {
    const response = newResponse();
    const error = new Error('connection to 10.0.0.3 refused');
    filter.catch(error, httpHost({ id: 'req-2', url: '/api/v1/x', log }, response));

    expect(response.status).toBe(500);
    expect(JSON.stringify(response.body)).not.toContain('10.0.0.3');
    expect(JSON.stringify(response.body)).not.toContain('at ');
    expect(log.error).toHaveBeenCalledWith(expect.objectContaining({ err: error }), expect.any(String));
  });

  it('falls back to the X-Request-Id header (or a new id) for a raw Node request', () => {
    const withHeader = newResponse();
    filter.catch(new Error('x'), httpHost({ url: '/a', headers: { 'x-request-id': 'from-header' } }, withHeader));
    expect((withHeader.body as { requestId: string }).requestId).toBe('from-header');

    const without = newResponse();
    filter.catch(new Error('x'), httpHost({ url: '/a', headers: {} }, without));
    expect((without.body as { requestId: string }).requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('does not write a response whose headers are already sent', () => {
    const response = { ...newResponse(), sent: true };
    filter.catch(new Error('late'), httpHost({ id: 'r', url: '/a', log }, response));
    expect(response.body).toBeUndefined();
    expect(log.error).toHaveBeenCalled();
  });
});
