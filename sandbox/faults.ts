// Injected failures for the next N matching requests: a status with a body (JSON, 'malformed'
// truncated JSON, or 'empty'), extra headers, and/or a delay. A fault with only `delayMs` slows
// the request down and then lets it through; any other fault answers instead of the handler.
import { ApiResult } from './http/io';
import { matchTemplate, splitPath } from './spec/operations';

export interface Fault {
  method?: string;
  /** Exact path (`/contacts/abc`) or a template (`/contacts/{contactId}`, `/contacts/search`). */
  path: string;
  status?: number;
  body?: unknown | 'malformed' | 'empty';
  headers?: Record<string, string>;
  delayMs?: number;
  /** How many matching requests it applies to (default 1). */
  times?: number;
}

interface ActiveFault extends Fault {
  remaining: number;
}

export class FaultRegistry {
  private faults: ActiveFault[] = [];

  add(fault: Fault): void {
    if (!fault || typeof fault.path !== 'string') throw new Error('A fault needs a path');
    this.faults.push({ ...fault, remaining: fault.times ?? 1 });
  }

  clear(): void {
    this.faults = [];
  }

  list(): Fault[] {
    return this.faults.map(({ remaining, ...fault }) => ({ ...fault, times: remaining }));
  }

  /** Finds and consumes the first fault matching this request, oldest first. */
  take(method: string, path: string): Fault | undefined {
    const segments = splitPath(path);
    const index = this.faults.findIndex(
      (fault) =>
        (!fault.method || fault.method.toUpperCase() === method.toUpperCase()) &&
        matchTemplate(splitPath(fault.path), segments) !== undefined,
    );
    if (index < 0) return undefined;
    const fault = this.faults[index]!;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults.splice(index, 1);
    return fault;
  }
}

/** The response a fault answers with, or undefined when it only delays. */
export function faultResponse(fault: Fault): ApiResult | undefined {
  if (fault.status === undefined && fault.body === undefined) return undefined;
  const status = fault.status ?? 500;
  const headers = fault.headers ?? {};
  if (fault.body === 'malformed') {
    return { status, raw: '{"contacts":[{"id":"trunc', contentType: 'application/json', headers };
  }
  if (fault.body === 'empty') return { status, raw: '', headers };
  const body = fault.body ?? { statusCode: status, message: defaultMessage(status) };
  return { status, body, headers };
}

function defaultMessage(status: number): string {
  if (status === 429) return 'Too many requests';
  if (status === 401) return 'Invalid JWT';
  if (status === 502) return 'Bad Gateway';
  if (status === 503) return 'Service Unavailable';
  if (status === 504) return 'Gateway Timeout';
  return 'Internal server error';
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
