// Every registered operation of both builds, run by core against the sandbox over real HTTP, in
// the order of the `npm start` tour and with the demo's runner (core's app tester plus a stand-in
// for Zapier's cursor store); each step checks what it returned and, for writes, what it changed
// in the sandbox. The OAuth build connects with sandbox-issued OAuth tokens, the other with a
// Private Integration Token.
import { SEED } from '../../sandbox/seedData';
import { registeredKeys, runStep, stepsFor, tourSteps, type TourContext } from '../../scripts/tour';
import { createZapierRunner, type AppTester } from '../../scripts/zapierRunner';
import { BUILDS, useSandbox } from '../support/e2e';

describe.each(BUILDS)('the tour of the %s build', (kind) => {
  const e2e = useSandbox({ build: kind });
  const app = e2e.app;
  const steps = stepsFor(app);
  let ctx: TourContext;
  let run: AppTester;

  beforeAll(() => {
    ctx = {
      app,
      authData: e2e.authData,
      appointmentContactId: SEED.contacts.janeCooper,
      ids: {},
      sandbox: e2e.sandbox.store,
    };
    run = createZapierRunner(app, { rpcUrl: e2e.sandbox.zapierRpcUrl });
  });

  it('has an end-to-end step for every registered operation', () => {
    const covered = new Set(steps.map((step) => `${step.section}.${step.key}`));
    expect(registeredKeys(app).filter((key) => !covered.has(key))).toEqual([]);
  });

  if (kind === 'oauth') {
    it('runs every step of the tour: the OAuth build registers every operation', () => {
      expect(steps).toEqual(tourSteps);
    });
  }

  for (const step of steps) {
    it(`${step.section}.${step.key}: ${step.title}`, async () => {
      const result = await runStep(run, step, ctx);
      expect(step.check(result, ctx) ?? 'ok').toBe('ok');
    });
  }

  it('left nothing of the tour contact behind', async () => {
    const getContact = steps.find((step) => step.key === 'get_contact')!;
    expect(await runStep(run, getContact, ctx)).toEqual([]);
  });
});
