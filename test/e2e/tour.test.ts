// Every registered operation, run through Zapier's app tester against the sandbox over real HTTP,
// in the order of the `npm start` tour; each step checks what it returned.
import { SEED } from '../../sandbox/seed-data';
import { registeredKeys, runStep, tourSteps, type TourContext } from '../../scripts/tour';
import { useSandbox } from './support';

const e2e = useSandbox();
const ctx: TourContext = { authData: {}, appointmentContactId: SEED.contacts.janeCooper, ids: {} };

describe('the tour of every operation against the sandbox', () => {
  beforeAll(() => {
    ctx.authData = e2e.authData;
  });

  it('has an end-to-end step for every registered operation', () => {
    const covered = new Set(tourSteps.map((step) => `${step.section}.${step.key}`));
    expect(registeredKeys().filter((key) => !covered.has(key))).toEqual([]);
  });

  for (const step of tourSteps) {
    it(`${step.section}.${step.key}: ${step.title}`, async () => {
      const result = await runStep(e2e.appTester, step, ctx);
      expect(step.check(result, ctx) ?? 'ok').toBe('ok');
    });
  }

  it('left nothing of the tour contact behind', async () => {
    const getContact = tourSteps.find((step) => step.key === 'get_contact')!;
    expect(await runStep(e2e.appTester, getContact, ctx)).toEqual([]);
  });
});
