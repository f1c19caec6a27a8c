// Which scope each part of HighLevel's API needs, from HighLevel's scope list
// (vendor/ghl-openapi/docs/oauth/Scopes.md). The API Request action uses it so that a connection
// without the scope is told which one to add, and the README lists it for both connections.

/** A part of the API: the first path that matches names its scopes for reading and writing. */
export type ApiArea = { name: string; path: RegExp; read?: string; write?: string };

export const API_AREAS: ApiArea[] = [
  {
    name: 'Contacts, their tasks, notes, tags',
    path: /^\/contacts\//,
    read: 'contacts.readonly',
    write: 'contacts.write',
  },
  {
    name: 'Appointments, blocked slots',
    path: /^\/calendars\/(events|blocked-slots|appointments)\b/,
    read: 'calendars/events.readonly',
    write: 'calendars/events.write',
  },
  {
    name: 'Calendar groups',
    path: /^\/calendars\/groups\b/,
    read: 'calendars/groups.readonly',
    write: 'calendars/groups.write',
  },
  {
    name: 'Calendar resources',
    path: /^\/calendars\/resources\b/,
    read: 'calendars/resources.readonly',
    write: 'calendars/resources.write',
  },
  {
    name: 'Calendar notifications',
    path: /^\/calendars\/[^/]+\/notifications\b/,
    read: 'calendars/events.readonly',
    write: 'calendars/events.write',
  },
  {
    name: 'Calendars',
    path: /^\/calendars\//,
    read: 'calendars.readonly',
    write: 'calendars.write',
  },
  {
    name: 'Conversation messages',
    path: /^\/conversations\/(locations\/[^/]+\/)?messages\b/,
    read: 'conversations/message.readonly',
    write: 'conversations/message.write',
  },
  {
    name: 'Live chat typing indicator',
    path: /^\/conversations\/providers\/live-chat\b/,
    write: 'conversations/livechat.write',
  },
  {
    name: 'Conversations',
    path: /^\/conversations\//,
    read: 'conversations.readonly',
    write: 'conversations.write',
  },
  {
    name: 'Opportunities, pipelines',
    path: /^\/opportunities\//,
    read: 'opportunities.readonly',
    write: 'opportunities.write',
  },
  {
    name: 'Businesses',
    path: /^\/businesses\//,
    read: 'businesses.readonly',
    write: 'businesses.write',
  },
  { name: 'Campaigns', path: /^\/campaigns\//, read: 'campaigns.readonly' },
  { name: 'Workflows', path: /^\/workflows\//, read: 'workflows.readonly' },
  { name: 'Users', path: /^\/users\//, read: 'users.readonly', write: 'users.write' },
  { name: 'Forms and their submissions', path: /^\/forms\//, read: 'forms.readonly' },
  { name: 'Surveys and their submissions', path: /^\/surveys\//, read: 'surveys.readonly' },
  {
    name: 'Invoice schedules',
    path: /^\/invoices\/schedule\b/,
    read: 'invoices/schedule.readonly',
    write: 'invoices/schedule.write',
  },
  {
    name: 'Invoice templates',
    path: /^\/invoices\/template\b/,
    read: 'invoices/template.readonly',
    write: 'invoices/template.write',
  },
  { name: 'Invoices', path: /^\/invoices\b/, read: 'invoices.readonly', write: 'invoices.write' },
  { name: 'Trigger links', path: /^\/links\//, read: 'links.readonly', write: 'links.write' },
  {
    name: 'Custom values',
    path: /^\/locations\/[^/]+\/customValues\b/,
    read: 'locations/customValues.readonly',
    write: 'locations/customValues.write',
  },
  {
    name: 'Custom fields',
    path: /^\/locations\/[^/]+\/customFields\b/,
    read: 'locations/customFields.readonly',
    write: 'locations/customFields.write',
  },
  {
    name: 'Location tags',
    path: /^\/locations\/[^/]+\/tags\b/,
    read: 'locations/tags.readonly',
    write: 'locations/tags.write',
  },
  {
    name: 'Location templates',
    path: /^\/locations\/[^/]+\/templates\b/,
    read: 'locations/templates.readonly',
  },
  {
    name: 'Location tasks search',
    path: /^\/locations\/[^/]+\/tasks\/search$/,
    read: 'locations/tasks.readonly',
  },
  { name: 'The sub-account', path: /^\/locations\/[^/]+$/, read: 'locations.readonly' },
  { name: 'Media library', path: /^\/medias\//, read: 'medias.readonly', write: 'medias.write' },
  {
    name: 'Custom object records',
    path: /^\/objects\/[^/]+\/records\b/,
    read: 'objects/record.readonly',
    write: 'objects/record.write',
  },
  {
    name: 'Custom object schemas',
    path: /^\/objects\b/,
    read: 'objects/schema.readonly',
    write: 'objects/schema.write',
  },
  {
    name: 'Orders',
    path: /^\/payments\/orders\b/,
    read: 'payments/orders.readonly',
    write: 'payments/orders.write',
  },
  {
    name: 'Transactions',
    path: /^\/payments\/transactions\b/,
    read: 'payments/transactions.readonly',
  },
  {
    name: 'Subscriptions',
    path: /^\/payments\/subscriptions\b/,
    read: 'payments/subscriptions.readonly',
  },
  {
    name: 'Product prices',
    path: /^\/products\/[^/]+\/price\b/,
    read: 'products/prices.readonly',
    write: 'products/prices.write',
  },
  { name: 'Products', path: /^\/products\//, read: 'products.readonly', write: 'products.write' },
];

/** A POST that only reads: HighLevel's searches and lists. */
const READS_BY_POST = /\/(search|list)$/;

/** `scopeForRequest('POST', '/opportunities/')` → `'opportunities.write'`; undefined if unknown. */
export const scopeForRequest = (method: string, path: string): string | undefined => {
  const area = API_AREAS.find((candidate) => candidate.path.test(path));
  if (!area) return undefined;
  const reads = method.toUpperCase() === 'GET' || READS_BY_POST.test(path.replace(/\/+$/, ''));
  return reads ? area.read : area.write;
};
