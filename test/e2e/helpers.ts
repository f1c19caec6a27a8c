// What the e2e auth and fault tests share: running one registered operation the way Zapier would,
// and the rule that no message ever shows a token.
import type zapier from 'zapier-platform-core';
import type { Bundle } from 'zapier-platform-core';
import App from '../../index';

type Section = 'triggers' | 'creates' | 'searches';
type AppTester = ReturnType<typeof zapier.createAppTester>;
type Performable = { operation: { perform: unknown } };

/** Runs `section.key` of the registered app (not a copy of it), as one Zap step. */
export const runOperation = <T = unknown>(
  appTester: AppTester,
  section: Section,
  key: string,
  authData: Record<string, string>,
  inputData: Record<string, unknown> = {},
): Promise<T> => {
  const operation = (App[section] as Record<string, Performable> | undefined)?.[key];
  if (!operation) throw new Error(`${section}.${key} is not registered`);
  const bundle: Partial<Bundle> = {
    authData,
    inputData,
    meta: {
      isLoadingSample: false,
      isFillingDynamicDropdown: false,
      isPopulatingDedupe: false,
      limit: -1,
      page: 0,
    } as Bundle['meta'],
  };
  return appTester(operation.operation.perform as never, bundle as never) as Promise<T>;
};

/** A message a user (or Zapier's logs) sees must not carry any token of the connection. */
export const expectNoTokens = (text: string, authData: Record<string, string>): void => {
  for (const token of [authData.access_token, authData.refresh_token]) {
    expect(token).toBeTruthy();
    expect(text).not.toContain(token);
  }
};

/** An email no seeded or earlier contact has, so a duplicate rule can never be what fails. */
export const uniqueEmail = (label: string): string =>
  `${label.replace(/\W+/g, '-').toLowerCase()}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;

/** A due date two days ahead, as an ISO-8601 string. */
export const dueSoon = (): string => new Date(Date.now() + 2 * 86_400_000).toISOString();
