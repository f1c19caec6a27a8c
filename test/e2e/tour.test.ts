// Every registered operation, run by core against the sandbox over real HTTP, in the order of the
// `npm start` tour and with the demo's runner (core's app tester plus a stand-in for Zapier's
// cursor store); each step checks what it returned and, for writes, what it changed in the sandbox.
import App from '../../index';
import { SEED } from '../../sandbox/seedData';
import { registeredKeys, runStep, tourSteps, type TourContext } from '../../scripts/tour';
import { createZapierRunner, type AppTester } from '../../scripts/zapierRunner';
import { useSandbox } from '../support/e2e';

const e2e = useSandbox();
const ctx = { appointmentContactId: SEED.contacts.janeCooper, ids: {} } as TourContext;
let run: AppTester;

describe('the tour of every operation against the sandbox', () => {
  beforeAll(() => {
    ctx.authData = e2e.authData;
    ctx.sandbox = e2e.sandbox.store;
    run = createZapierRunner(App, { rpcUrl: e2e.sandbox.zapierRpcUrl });
  });

  it('has an end-to-end step for every registered operation', () => {
    const covered = new Set(tourSteps.map((step) => `${step.section}.${step.key}`));
    expect(registeredKeys().filter((key) => !covered.has(key))).toEqual([]);
  });

  for (const step of tourSteps) {
    it(`${step.section}.${step.key}: ${step.title}`, async () => {
      const result = await runStep(run, step, ctx);
      expect(step.check(result, ctx) ?? 'ok').toBe('ok');
    });
  }

  it('left nothing of the tour contact behind', async () => {
    const getContact = tourSteps.find((step) => step.key === 'get_contact')!;
    expect(await runStep(run, getContact, ctx)).toEqual([]);
  });
});
