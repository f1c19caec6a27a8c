// The sandbox's public surface, for the app's tests, the benchmark and scripts.
export {
  startSandbox,
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_REDIRECT_URI,
} from './server';
export type { Sandbox, SandboxOptions, SandboxTokens } from './server';
export { validateRequest, findOperation, listOperations, API_VERSION } from './spec';
export type { SpecCheck, SpecOperation, SpecRequest } from './spec';
export { SEED } from './seedData';
export { Store } from './store';
export type { Fault } from './faults';
export type { RateLimitConfig } from './rateLimit';
export type { RequestLogEntry } from './requestLog';
export { Webhooks } from './webhooks/webhooks';
export type { WebhookOptions, WebhookSettings } from './webhooks/webhooks';
export type { WebhookFault, WebhookFaultKind } from './webhooks/faults';
export type { WebhookLogEntry } from './webhooks/delivery';
export type { WebhookPublicKeys } from './webhooks/signing';
export type { WebhookEvent, WebhookEventType } from './webhooks/payloads';
export type { AppointmentInput } from './model/appointmentWrites';
