// /__sandbox/ routes for webhooks, and the writes that exist only to make them: appointments and
// uninstalling the app from a location. Same style as routes/admin.ts, which calls this first.
import { ApiResult } from '../http/io';
import { AppointmentInput } from '../model/appointmentWrites';
import { appointmentResponse } from '../model/shapes';
import { AppointmentRecord } from '../model/types';
import { WebhookSettings, Webhooks } from './webhooks';

export interface WebhookControls {
  webhooks: Webhooks;
  createAppointment(input: AppointmentInput): AppointmentRecord;
  updateAppointment(id: string, patch: AppointmentInput): AppointmentRecord;
  deleteAppointment(id: string): AppointmentRecord;
  uninstall(locationId: string): void;
}

type Body = Record<string, unknown>;

const APPOINTMENT_PATH = /^\/__sandbox\/appointments\/([^/]+)$/;

/** undefined when the route is not one of these, so admin.ts can answer 404. */
export function webhookAdminRoute(
  controls: WebhookControls,
  method: string,
  route: string,
  body: Body,
): ApiResult | Promise<ApiResult> | undefined {
  const { webhooks } = controls;
  switch (`${method} ${route}`) {
    case 'GET /__sandbox/webhooks':
      return json(200, {
        url: webhooks.url ?? null,
        settings: webhooks.settings,
        appId: webhooks.appId,
        versionId: webhooks.versionId,
        pending: webhooks.pending,
        faults: webhooks.listFaults(),
        publicKeys: webhooks.publicKeys,
      });
    case 'GET /__sandbox/webhooks/public-keys':
      return json(200, webhooks.publicKeys);
    case 'PUT /__sandbox/webhooks/url':
    case 'POST /__sandbox/webhooks/url':
      if (body.url !== null && typeof body.url !== 'string') {
        throw new Error('url must be an absolute URL, or null to stop sending');
      }
      webhooks.setUrl(body.url);
      return json(200, { url: webhooks.url ?? null });
    case 'DELETE /__sandbox/webhooks/url':
      webhooks.setUrl(undefined);
      return json(200, { url: null });
    case 'PUT /__sandbox/webhooks/settings':
    case 'POST /__sandbox/webhooks/settings':
      webhooks.configure(parseSettings(body));
      return json(200, { settings: webhooks.settings });
    case 'GET /__sandbox/webhooks/log':
      return json(200, { count: webhooks.log.length, entries: webhooks.log });
    case 'DELETE /__sandbox/webhooks/log':
      webhooks.clearLog();
      return json(200, { count: 0 });
    case 'GET /__sandbox/webhooks/faults':
      return json(200, { faults: webhooks.listFaults() });
    case 'POST /__sandbox/webhooks/faults': {
      const faults = Array.isArray(body.faults) ? body.faults : [body];
      faults.forEach((fault) => webhooks.injectFault(fault as never));
      return json(201, { faults: webhooks.listFaults() });
    }
    case 'DELETE /__sandbox/webhooks/faults':
      webhooks.clearFaults();
      return json(200, { faults: [] });
    case 'POST /__sandbox/webhooks/idle':
      return webhooks.idle().then(() => json(200, { pending: 0, count: webhooks.log.length }));
    case 'POST /__sandbox/uninstall':
      controls.uninstall(String(body.locationId ?? ''));
      return json(200, { uninstalled: body.locationId });
    case 'POST /__sandbox/appointments':
      return json(201, {
        appointment: appointmentResponse(controls.createAppointment(body as AppointmentInput)),
      });
  }
  const appointmentId = APPOINTMENT_PATH.exec(route)?.[1];
  if (appointmentId && method === 'PUT') {
    const updated = controls.updateAppointment(appointmentId, body as AppointmentInput);
    return json(200, { appointment: appointmentResponse(updated) });
  }
  if (appointmentId && method === 'DELETE') {
    controls.deleteAppointment(appointmentId);
    return json(200, { succeded: true });
  }
  return undefined;
}

const NUMBER_SETTINGS = ['retries', 'retryDelayMs', 'retryJitterMs', 'timeoutMs'] as const;

function parseSettings(body: Body): Partial<WebhookSettings> {
  const settings: Partial<WebhookSettings> = {};
  for (const name of NUMBER_SETTINGS) {
    if (body[name] === undefined) continue;
    const value = body[name];
    if (typeof value !== 'number' || !(value >= 0)) {
      throw new Error(`${name} must be a number >= 0; got ${JSON.stringify(value)}`);
    }
    settings[name] = value;
  }
  if (body.taskCreateGap !== undefined) {
    if (typeof body.taskCreateGap !== 'boolean')
      throw new Error('taskCreateGap must be true or false');
    settings.taskCreateGap = body.taskCreateGap;
  }
  return settings;
}

function json(status: number, body: unknown): ApiResult {
  return { status, body };
}
