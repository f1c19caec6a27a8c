// Subscribing and unsubscribing at the webhook relay, as every instant trigger does it. The
// relay's answers read as sentences about the relay, never as HighLevel's errors.
import nock from 'nock';
import { SCOPES } from '../../../lib/http/config';
import newAppointmentInstant, {
  performSubscribe as subscribeAppointments,
} from '../../../triggers/new_appointment_instant';
import newContactInstant, {
  performSubscribe,
  performUnsubscribe,
} from '../../../triggers/new_contact_instant';
import { authData, failureOf, testerFor, USER_ID } from '../../support/app';
import {
  expectSubscription,
  relay,
  RELAY,
  subscribeBundle,
  subscriptionOf,
  unsubscribeBundle,
} from '../../support/instant';

const appTester = testerFor('triggers', newContactInstant, newAppointmentInstant);

describe('subscribing at the relay', () => {
  it("sends the Zap's hook URL, the event, the sub-account and the filled filters, with the connection's token", async () => {
    const scope = expectSubscription('ContactCreate', { tag: 'vip', assignedTo: USER_ID });

    const subscribeData = await appTester(
      performSubscribe,
      subscribeBundle({ tag: ' vip ', assignedTo: USER_ID, query: 'ignored' }),
    );

    expect(scope.isDone()).toBe(true);
    // Kept by Zapier as bundle.subscribeData, for unsubscribing.
    expect(subscribeData).toEqual(
      subscriptionOf('ContactCreate', { tag: 'vip', assignedTo: USER_ID }),
    );
  });

  it('sends no filters when none is filled', async () => {
    expectSubscription('ContactCreate', {});
    await appTester(performSubscribe, subscribeBundle({ tag: '', assignedTo: '  ' }));
  });

  it('says how to set RELAY_URL when the app has none, before anything is sent', async () => {
    delete process.env.RELAY_URL;
    const failure = await failureOf(appTester(performSubscribe, subscribeBundle()));
    expect(failure).toMatchObject({ code: 'relay_not_configured' });
    expect(failure.message).toMatch(/no RELAY_URL setting/);
    expect(failure.message).toMatch(/zapier-platform env:set <app version> RELAY_URL=https:\/\//);
    expect(nock.isDone()).toBe(true);
  });

  it('refuses a relay reached over plain http, except on this machine', async () => {
    process.env.RELAY_URL = 'http://relay.example.com';
    expect((await failureOf(appTester(performSubscribe, subscribeBundle()))).message).toMatch(
      /must be an https URL/,
    );
    process.env.RELAY_URL = 'not a url';
    expect((await failureOf(appTester(performSubscribe, subscribeBundle()))).message).toMatch(
      /is not a URL/,
    );
    process.env.RELAY_URL = 'http://127.0.0.1:8790/';
    nock('http://127.0.0.1:8790')
      .post('/subscriptions')
      .reply(201, subscriptionOf('ContactCreate'));
    await appTester(performSubscribe, subscribeBundle());
  });

  it('keeps a path in RELAY_URL', async () => {
    process.env.RELAY_URL = `${RELAY}/highlevel/`;
    relay().post('/highlevel/subscriptions').reply(201, subscriptionOf('ContactCreate'));
    await appTester(performSubscribe, subscribeBundle());
  });

  it('tells a connection without the scope an event needs which scope, before anything is sent', async () => {
    const withoutCalendars = SCOPES.filter((scope) => scope !== 'calendars/events.readonly').join(
      ' ',
    );
    const failure = await failureOf(
      appTester(subscribeAppointments, {
        ...subscribeBundle(),
        authData: { ...authData, grantedScopes: withoutCalendars },
      }),
    );
    expect(failure).toMatchObject({ code: 'missing_scope', status: 403 });
    expect(failure.message).toMatch(/"calendars\/events\.readonly"/);
    expect(nock.isDone()).toBe(true);
  });

  it('subscribes a connection that has the scope', async () => {
    expectSubscription('AppointmentCreate', { appointmentStatus: 'confirmed' });
    await appTester(subscribeAppointments, {
      ...subscribeBundle({ appointmentStatus: 'confirmed' }),
      authData: { ...authData, grantedScopes: SCOPES.join(' ') },
    });
  });

  it('refuses a filter value that is not one of its choices, naming the field, before anything is sent', async () => {
    const failure = await failureOf(
      appTester(subscribeAppointments, subscribeBundle({ appointmentStatus: 'maybe' })),
    );
    expect(failure).toMatchObject({ code: 'invalid_input' });
    expect(failure.message).toMatch(
      /Invalid Only Appointments With Status: "maybe" is not an appointment status/,
    );
    expect(nock.isDone()).toBe(true);
  });

  it('refuses a filter mapped as a list, naming the field, before anything is sent', async () => {
    const failure = await failureOf(
      appTester(performSubscribe, subscribeBundle({ tag: ['vip', 'lead'] })),
    );
    expect(failure).toMatchObject({ code: 'invalid_input' });
    expect(failure.message).toMatch(/^Invalid Only Contacts With Tag: it takes one value, but 2/);
    expect(nock.isDone()).toBe(true);
  });

  it('says the connection cannot see the sub-account when the relay answers 403', async () => {
    relay().post('/subscriptions').reply(403, { message: 'Forbidden' });
    const failure = await failureOf(appTester(performSubscribe, subscribeBundle()));
    expect(failure).toMatchObject({ code: 'forbidden', status: 403 });
    expect(failure.message).toMatch(/cannot see the sub-account ve9EPM428h8vShlRW1KT/);
    expect(failure.message).not.toMatch(/HighLevel rejected/);
  });

  it("passes on the relay's reason for a 400", async () => {
    relay().post('/subscriptions').reply(400, { message: 'targetUrl must be an https URL' });
    const failure = await failureOf(appTester(performSubscribe, subscribeBundle()));
    expect(failure).toMatchObject({ code: 'relay_rejected', status: 400 });
    expect(failure.message).toBe(
      'The webhook relay refused the subscription: targetUrl must be an https URL.',
    );
  });

  it("reads the relay's reason from `error` too", async () => {
    relay().post('/subscriptions').reply(400, { error: 'Deliveries go only to hooks.zapier.com.' });
    const failure = await failureOf(appTester(performSubscribe, subscribeBundle()));
    expect(failure.message).toBe(
      'The webhook relay refused the subscription: Deliveries go only to hooks.zapier.com.',
    );
  });

  it('asks to try again later when the relay fails or is unreachable', async () => {
    relay().post('/subscriptions').reply(503, 'upstream down');
    const failure = await failureOf(appTester(performSubscribe, subscribeBundle()));
    expect(failure).toMatchObject({ code: 'relay_unavailable', status: 503 });
    expect(failure.message).toMatch(/webhook relay could not complete this step \(HTTP 503\)/);

    relay()
      .post('/subscriptions')
      .replyWithError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' });
    const unreachable = await failureOf(appTester(performSubscribe, subscribeBundle()));
    expect(unreachable).toMatchObject({ code: 'network_error' });
    expect(unreachable.message).toMatch(
      /Could not reach the webhook relay at https:\/\/relay\.example\.com/,
    );
  });

  it('lets Zapier refresh the token when the relay answers 401', async () => {
    relay().post('/subscriptions').reply(401, { message: 'Unauthorized' });
    const failure = await failureOf(appTester(performSubscribe, subscribeBundle()));
    expect(failure.name).toBe('RefreshAuthError');
  });

  it('refuses an answer without a subscription id', async () => {
    relay().post('/subscriptions').reply(201, { ok: true });
    const failure = await failureOf(appTester(performSubscribe, subscribeBundle()));
    expect(failure).toMatchObject({ code: 'unexpected_response' });
  });
});

describe('unsubscribing at the relay', () => {
  it('deletes the subscription kept in subscribeData', async () => {
    const scope = relay().delete('/subscriptions/sub_ContactCreate').reply(200, {});
    const result = await appTester(
      performUnsubscribe,
      unsubscribeBundle(subscriptionOf('ContactCreate')),
    );
    expect(scope.isDone()).toBe(true);
    expect(result).toEqual({ id: 'sub_ContactCreate' });
  });

  it('treats a subscription the relay no longer knows as gone', async () => {
    relay().delete('/subscriptions/sub_ContactCreate').reply(404, { message: 'Not found' });
    await expect(
      appTester(performUnsubscribe, unsubscribeBundle(subscriptionOf('ContactCreate'))),
    ).resolves.toEqual({ id: 'sub_ContactCreate' });
  });

  it('sends nothing when no subscription was recorded', async () => {
    await expect(appTester(performUnsubscribe, unsubscribeBundle({}))).resolves.toEqual({});
    expect(nock.isDone()).toBe(true);
  });

  it('fails readably when the relay cannot delete it, so Zapier retries', async () => {
    relay().delete('/subscriptions/sub_ContactCreate').reply(500, { message: 'database locked' });
    const failure = await failureOf(
      appTester(performUnsubscribe, unsubscribeBundle(subscriptionOf('ContactCreate'))),
    );
    expect(failure.message).toMatch(/HTTP 500\): database locked\. Try again/);
  });
});
