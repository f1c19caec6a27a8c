// The webhook relay as nock sees it, the bundles Zapier gives a hook trigger (subscribe, delivery,
// unsubscribe) and HighLevel's event bodies in their documented shapes, for the instant triggers.
import nock from 'nock';
import type { Bundle } from 'zapier-platform-core';
import { ACCESS_TOKEN, bundleWith, LOCATION_ID, USER_ID } from './app';

export const RELAY = 'https://relay.example.com';
export const TARGET_URL = 'https://hooks.zapier.com/hooks/standard/1234/5678/abcd';
export const CONTACT_ID = 'seD4PfOuKoVMLkEZqohJ';

beforeEach(() => {
  process.env.RELAY_URL = RELAY;
});
afterEach(() => {
  delete process.env.RELAY_URL;
});

/** The relay: every request must carry the connection's HighLevel token as its bearer. */
export const relay = () => nock(RELAY, { reqheaders: { authorization: `Bearer ${ACCESS_TOKEN}` } });

/** The relay's answer to a subscription. */
export const subscriptionOf = (event: string, filters: Record<string, string> = {}) => ({
  id: `sub_${event}`,
  event,
  locationId: LOCATION_ID,
  filters,
  targetUrl: TARGET_URL,
  createdAt: '2026-12-04T16:00:00.000Z',
});

/** Expects one subscription of the Zap's hook URL to `event` with `filters`, and answers it. */
export const expectSubscription = (event: string, filters: Record<string, string> = {}) =>
  relay()
    .post('/subscriptions', { targetUrl: TARGET_URL, event, locationId: LOCATION_ID, filters })
    .reply(201, subscriptionOf(event, filters));

export const subscribeBundle = (inputData: Record<string, unknown> = {}): Partial<Bundle> => ({
  ...bundleWith(inputData),
  targetUrl: TARGET_URL,
});

export const unsubscribeBundle = (subscribeData: Record<string, unknown>): Partial<Bundle> => ({
  ...bundleWith(),
  subscribeData: subscribeData as Bundle['subscribeData'],
});

export const deliveryBundle = (
  body: Record<string, unknown>,
  inputData: Record<string, unknown> = {},
): Partial<Bundle> => ({ ...bundleWith(inputData), cleanedRequest: body });

let deliveries = 0;
/** What HighLevel adds to every event: a fresh webhookId each call, and the event's time. */
export const envelope = (timestamp = '2026-12-04T16:01:02.000Z') => {
  deliveries += 1;
  return { webhookId: `wh_${deliveries}`, timestamp, appId: 'app1', versionId: 'v1' };
};

/** A contact as GET /contacts/{contactId} returns it. */
export const apiContact = {
  id: CONTACT_ID,
  locationId: LOCATION_ID,
  firstName: 'Rosan',
  lastName: 'Deo',
  email: 'rosan@deos.com',
  phone: '+18888888888',
  companyName: 'DGS VolMAX',
  address1: '3535 1st St N',
  city: 'Dolomite',
  state: 'AL',
  postalCode: '35061',
  country: 'US',
  website: 'https://www.tesla.com',
  timezone: 'America/Chihuahua',
  source: 'public api',
  type: 'lead',
  dnd: false,
  assignedTo: USER_ID,
  businessId: '641c094001436dbc2081e642',
  dateOfBirth: '1990-09-25T00:00:00.000Z',
  dateAdded: '2026-12-04T16:00:58.000Z',
  dateUpdated: '2026-12-04T16:01:01.000Z',
  tags: ['vip', 'lead'],
  followers: ['sx6wyHhbFdRXh302Lunr'],
  customFields: [{ id: 'cfPet', value: 'Rex' }],
};

/** The same contact as a contact event carries it (no dateUpdated, timezone, type, business…). */
export const contactEvent = (type: string, extra: Record<string, unknown> = {}) => ({
  type,
  locationId: LOCATION_ID,
  id: CONTACT_ID,
  address1: apiContact.address1,
  city: apiContact.city,
  state: apiContact.state,
  companyName: apiContact.companyName,
  country: apiContact.country,
  source: apiContact.source,
  dateAdded: apiContact.dateAdded,
  dateOfBirth: apiContact.dateOfBirth,
  dnd: false,
  email: apiContact.email,
  name: 'Rosan Deo',
  firstName: 'Rosan',
  lastName: 'Deo',
  phone: apiContact.phone,
  postalCode: apiContact.postalCode,
  tags: apiContact.tags,
  website: apiContact.website,
  attachments: [],
  assignedTo: USER_ID,
  customFields: apiContact.customFields,
  ...envelope(),
  ...extra,
});

/** The custom field of apiContact, as the definitions list returns it. */
export const petNameField = {
  id: 'cfPet',
  name: 'Pet Name',
  fieldKey: 'contact.pet_name',
  dataType: 'TEXT',
};
