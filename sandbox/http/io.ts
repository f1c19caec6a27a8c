// Reading requests and writing responses with plain node:http.
import http from 'http';
import { ApiError } from './errors';

export interface ApiResult {
  status: number;
  /** JSON-serialised unless `raw` is given. */
  body?: unknown;
  /** Sent verbatim (HTML pages, malformed-JSON faults, empty bodies). */
  raw?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

const MAX_BODY_BYTES = 20 * 1024 * 1024;

export function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new ApiError(413, { statusCode: 413, message: 'request entity too large' }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** JSON or form-encoded, by Content-Type; an empty body is undefined. */
export function parseBody(raw: string, contentType: string | undefined): unknown {
  if (raw.trim() === '') return undefined;
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(raw));
  }
  try {
    return JSON.parse(raw) as unknown;
  } catch (error) {
    throw new ApiError(400, {
      statusCode: 400,
      message: `Unexpected token in JSON body: ${(error as Error).message}`,
      error: 'Bad Request',
    });
  }
}

/** Query string → object; repeated keys become arrays. */
export function parseQuery(params: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of params) {
    const existing = query[key];
    if (existing === undefined) query[key] = value;
    else query[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return query;
}

export function send(res: http.ServerResponse, result: ApiResult): void {
  const headers: Record<string, string> = { ...(result.headers ?? {}) };
  let payload = '';
  if (result.raw !== undefined) {
    payload = result.raw;
    if (result.contentType) headers['Content-Type'] = result.contentType;
  } else if (result.body !== undefined) {
    payload = JSON.stringify(result.body);
    headers['Content-Type'] = result.contentType ?? 'application/json; charset=utf-8';
  }
  headers['Content-Length'] = String(Buffer.byteLength(payload));
  res.writeHead(result.status, headers);
  res.end(payload);
}

export function errorResult(error: unknown): ApiResult {
  if (error instanceof ApiError) {
    return { status: error.status, body: error.body, headers: error.headers };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { status: 500, body: { statusCode: 500, message: `Internal server error: ${message}` } };
}
