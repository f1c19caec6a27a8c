// The OAuth scope HighLevel's spec declares for each endpoint the app calls. A connection can lack
// one (installed from an older app version, or a scope left unapproved), and HighLevel's answer,
// a 401, is one that core turns into an endless refresh; knowing the scope lets the app say which
// permission is missing instead (see middleware.ts). test/lib/endpointScopes.test.ts holds this
// table to the spec.

/** Read-only lookups: only GET is called on these. */
const LOOKUP_SCOPES: Record<string, string> = {
  '/locations/{locationId}': 'locations.readonly',
  '/locations/{locationId}/tags': 'locations/tags.readonly',
  '/locations/{locationId}/customFields': 'locations/customFields.readonly',
  '/users/search': 'users.readonly',
  '/businesses/': 'businesses.readonly',
  '/campaigns/': 'campaigns.readonly',
  '/workflows/': 'workflows.readonly',
};

/** `requiredScope('PUT', '/contacts/{contactId}')` → `'contacts.write'`; undefined if none declared. */
export const requiredScope = (method: string, template: string): string | undefined => {
  if (template.startsWith('/contacts/bulk/')) return undefined; // the spec declares no security
  if (template.startsWith('/contacts/')) {
    // POST /contacts/search only reads.
    const reads = method.toUpperCase() === 'GET' || template === '/contacts/search';
    return reads ? 'contacts.readonly' : 'contacts.write';
  }
  return method.toUpperCase() === 'GET' ? LOOKUP_SCOPES[template] : undefined;
};
