import completedTask, { perform } from '../../triggers/completed_task';
import { bundleWith, failureOf, highLevel, testerFor } from '../support/app';

const appTester = testerFor('triggers', completedTask);
const CONTACT_ID = 'seD4PfOuKoVMLkEZqohJ';

const task = (n: number, completed: boolean | undefined) => ({
  id: `task${n}`,
  title: `Task ${n}`,
  dueDate: `2026-11-2${n}T15:30:00.000Z`,
  ...(completed === undefined ? {} : { completed }),
});

describe('completed_task', () => {
  it("returns only the contact's completed tasks, the latest created first", async () => {
    highLevel()
      .get(`/contacts/${CONTACT_ID}/tasks`)
      .reply(200, {
        tasks: [task(1, true), task(2, false), task(3, true), task(4, undefined)],
      });

    const results = await appTester(perform, bundleWith({ contactId: CONTACT_ID }));

    expect(results.map((r) => r.id)).toEqual(['task3', 'task1']);
    expect(results[0]).toMatchObject({
      title: 'Task 3',
      completed: true,
      body: '',
      contactId: CONTACT_ID,
    });
  });

  it('returns nothing while no task is completed', async () => {
    highLevel()
      .get(`/contacts/${CONTACT_ID}/tasks`)
      .reply(200, { tasks: [task(1, false)] });
    expect(await appTester(perform, bundleWith({ contactId: CONTACT_ID }))).toEqual([]);
  });

  it('requires a contact, before any request', async () => {
    expect((await failureOf(appTester(perform, bundleWith({})))).message).toMatch(
      /Invalid Contact ID/,
    );
  });
});
