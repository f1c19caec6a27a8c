// Every API request the sandbox answered, so tests and the benchmark can count calls.

export interface RequestLogEntry {
  method: string;
  path: string;
  query: Record<string, unknown>;
  body: unknown;
  status: number;
  /** The token's location (or the request's locationId when unauthenticated). */
  locationId?: string;
  /** The spec operation, when the path matched one. */
  operationId?: string;
  durationMs: number;
  at: string;
}
