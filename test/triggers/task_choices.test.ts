import taskChoices, { perform } from '../../triggers/task_choices';
import { bundleWith, failureOf, highLevel, testerFor } from '../support/app';

const appTester = testerFor('triggers', taskChoices);
const CONTACT_ID = 'seD4PfOuKoVMLkEZqohJ';

describe('task_choices', () => {
  it('is hidden', () => {
    expect(taskChoices.display.hidden).toBe(true);
  });

  it("lists the chosen contact's tasks, latest created first, marking done ones", async () => {
    highLevel()
      .get(`/contacts/${CONTACT_ID}/tasks`)
      .reply(200, {
        tasks: [
          { id: 'task1', title: 'Call back', completed: true },
          { id: 'task2', title: 'Send x-rays', completed: false },
          { id: 'task3' },
        ],
      });

    const results = await appTester(perform, bundleWith({ contactId: CONTACT_ID }));

    expect(results.map((t) => [t.id, t.title, t.label])).toEqual([
      ['task3', 'task3', 'task3'],
      ['task2', 'Send x-rays', 'Send x-rays'],
      ['task1', 'Call back', 'Call back (done)'],
    ]);
    expect(results[2]).toMatchObject({ completed: true, contactId: CONTACT_ID });
  });

  it('returns an empty list for a contact without tasks', async () => {
    highLevel().get(`/contacts/${CONTACT_ID}/tasks`).reply(200, { tasks: [] });
    expect(await appTester(perform, bundleWith({ contactId: CONTACT_ID }))).toEqual([]);
  });

  it('lists nothing, without a request, until a contact is chosen', async () => {
    expect(await appTester(perform, bundleWith({}))).toEqual([]);
    expect(await appTester(perform, bundleWith({ contactId: '  ' }))).toEqual([]);
  });

  it('refuses an unsafe contact id, before any request', async () => {
    const failure = await failureOf(appTester(perform, bundleWith({ contactId: '../x' })));
    expect(failure.message).toMatch(/not a HighLevel ID/);
  });
});
