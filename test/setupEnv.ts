// Every test runs offline against the default base URLs unless it points them elsewhere itself.
process.env.CLIENT_ID = process.env.CLIENT_ID || 'test-client-id';
process.env.CLIENT_SECRET = process.env.CLIENT_SECRET || 'test-client-secret';
delete process.env.HIGHLEVEL_API_BASE_URL;
delete process.env.HIGHLEVEL_MARKETPLACE_URL;
// index.ts is the OAuth build under test whatever the shell exports; tests load the token build
// with appFor('private-token').
delete process.env.HIGHLEVEL_AUTH;
