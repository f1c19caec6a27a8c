// Test harness: an app tester with one operation registered on the real connection and pipeline,
// so core's checks (arrays, ids, unique primary keys, create returns an object) run on it.
import zapier, { type Bundle, type ZObject } from 'zapier-platform-core';
import nock from 'nock';
import authentication from '../../authentication';
import { httpPipeline } from '../../lib/http/pipeline';
import { checkAgainstSpec } from './specConformance';

export const API = 'https://services.leadconnectorhq.com';
export const LOCATION_ID = 've9EPM428h8vShlRW1KT';
export const COMPANY_ID = 'UAXssdawIWAWD';
export const USER_ID = 'y0BeYjuRIlDwsDcOHOJo';
export const ACCESS_TOKEN = 'test-access-token-4f1a9c';
export const REFRESH_TOKEN = 'test-refresh-token-77b0e2';

export const authData = {
  access_token: ACCESS_TOKEN,
  refresh_token: REFRESH_TOKEN,
  locationId: LOCATION_ID,
  companyId: COMPANY_ID,
  userId: USER_ID,
};

type Section = 'triggers' | 'creates' | 'searches';
type Operation = { key: string };

/**
 * `testerFor('creates', addContactTags)(perform, bundle)`: runs a registered perform. Each call
 * starts with an empty z.cache unless `keepCache` is set (to test caching across runs).
 */
export const testerFor = (section: Section, ...operations: Operation[]) => {
  const tester = zapier.createAppTester({
    version: '0.0.0-test',
    platformVersion: zapier.version,
    authentication,
    ...httpPipeline,
    [section]: Object.fromEntries(operations.map((operation) => [operation.key, operation])),
  });
  // A perform typed by its input fields (InferInputData) takes any test bundle, as on Zapier.
  return <T, D extends Record<string, unknown>>(
    perform: (z: ZObject, bundle: Bundle<D>) => T | Promise<T>,
    bundle: Partial<Bundle>,
    { keepCache = false }: { keepCache?: boolean } = {},
  ): Promise<T> =>
    tester(perform as (z: ZObject, bundle: Bundle) => T, bundle as Bundle, !keepCache);
};

/** A bundle for the connected test location; `meta` defaults to an ordinary poll or run. */
export const bundleWith = (
  inputData: Record<string, unknown> = {},
  meta: Partial<Bundle['meta']> = {},
): Partial<Bundle> => ({
  authData,
  inputData,
  meta: {
    isLoadingSample: false,
    isFillingDynamicDropdown: false,
    isPopulatingDedupe: false,
    limit: -1,
    page: 0,
    ...meta,
  } as Bundle['meta'],
});

/** HighLevel's API as nock sees it: every request must carry the bearer and the Version header. */
export const highLevel = () =>
  nock(API, {
    reqheaders: { authorization: `Bearer ${ACCESS_TOKEN}`, version: '2021-07-28' },
  }).on('request', checkAgainstSpec);

/** The custom-field definitions request most contact operations make once (then cached). */
export const customFieldsReply = (customFields: unknown[]) =>
  highLevel()
    .get(`/locations/${LOCATION_ID}/customFields`)
    .query({ model: 'contact' })
    .reply(200, { customFields });

/** The same request, for a location without custom fields. */
export const noCustomFields = () => customFieldsReply([]);

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  if (pending.length > 0)
    throw new Error(`Expected requests were not made:\n${pending.join('\n')}`);
});

export type ZapierFailure = {
  name: string;
  message: string;
  code?: string;
  status?: number;
  delay?: number;
};

/** Awaits a run that must fail and returns the error as the user sees it (AppError JSON unwrapped). */
export const failureOf = async (run: Promise<unknown>): Promise<ZapierFailure> => {
  try {
    await run;
  } catch (error) {
    const { name, message } = error as Error;
    try {
      const parsed = JSON.parse(message) as Omit<ZapierFailure, 'name'>;
      return { name, ...parsed, message: parsed.message ?? '' };
    } catch {
      return { name, message };
    }
  }
  throw new Error('Expected the run to fail, but it succeeded');
};

/** A run refused for bad input, with a message matching `message`, before any request was sent. */
export const expectInvalidInput = async (run: Promise<unknown>, message: RegExp): Promise<void> => {
  const failure = await failureOf(run);
  expect(failure).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(message) });
  expect(nock.isDone()).toBe(true);
};
