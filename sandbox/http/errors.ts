// Errors carry the exact status and JSON body HighLevel would answer with.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body.message === 'string' ? body.message : JSON.stringify(body.message));
  }
}

export function badRequest(message: string, extra: Record<string, unknown> = {}): ApiError {
  return new ApiError(400, { statusCode: 400, message, ...extra });
}

export function unauthorized(message = 'Invalid JWT'): ApiError {
  return new ApiError(401, { statusCode: 401, message, error: 'Unauthorized' });
}

export function forbiddenLocation(): ApiError {
  return new ApiError(403, {
    statusCode: 403,
    message: 'The token does not have access to this location.',
  });
}

export function forbiddenCompany(): ApiError {
  return new ApiError(403, {
    statusCode: 403,
    message: 'The token does not have access to this company.',
  });
}

/** `kind` is the object's display name: "Contact", "Task", "Note", ... */
export function notFound(kind: string): ApiError {
  return new ApiError(404, { statusCode: 404, message: `${kind} not found` });
}

export function routeNotFound(method: string, path: string): ApiError {
  return new ApiError(404, {
    statusCode: 404,
    message: `Cannot ${method.toUpperCase()} ${path}`,
    error: 'Not Found',
  });
}

export function unprocessable(messages: string[]): ApiError {
  return new ApiError(422, {
    statusCode: 422,
    message: messages,
    error: 'Unprocessable Entity',
  });
}

export function tooManyRequests(): ApiError {
  return new ApiError(429, { statusCode: 429, message: 'Too many requests' });
}
