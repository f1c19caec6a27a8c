import newTask, { perform } from '../../triggers/new_task';
import { bundleWith, failureOf, highLevel, testerFor } from '../support/app';

const appTester = testerFor('triggers', newTask);
const CONTACT_ID = 'seD4PfOuKoVMLkEZqohJ';

const task = (n: number, completed = false) => ({
  id: `task${n}`,
  title: `Task ${n}`,
  body: `Details ${n}`,
  assignedTo: 'y0BeYjuRIlDwsDcOHOJo',
  dueDate: `2026-11-2${n}T15:30:00.000Z`,
  completed,
  contactId: CONTACT_ID,
});

describe('new_task', () => {
  it("lists the contact's tasks, the latest created (last listed) first", async () => {
    highLevel()
      .get(`/contacts/${CONTACT_ID}/tasks`)
      .reply(200, { tasks: [task(1), task(2, true), task(3)] });

    const results = await appTester(perform, bundleWith({ contactId: CONTACT_ID }));

    expect(results.map((r) => r.id)).toEqual(['task3', 'task2', 'task1']);
    expect(results[0]).toEqual({
      id: 'task3',
      title: 'Task 3',
      body: 'Details 3',
      dueDate: '2026-11-23T15:30:00.000Z',
      completed: false,
      assignedTo: 'y0BeYjuRIlDwsDcOHOJo',
      contactId: CONTACT_ID,
    });
  });

  it('returns nothing for a contact without tasks', async () => {
    highLevel().get(`/contacts/${CONTACT_ID}/tasks`).reply(200, { tasks: [] });
    expect(await appTester(perform, bundleWith({ contactId: CONTACT_ID }))).toEqual([]);
  });

  it('requires a safe contact id, before any request', async () => {
    expect((await failureOf(appTester(perform, bundleWith({})))).message).toMatch(
      /Invalid Contact ID/,
    );
    expect((await failureOf(appTester(perform, bundleWith({ contactId: 'a/b' })))).message).toMatch(
      /not a HighLevel ID/,
    );
  });
});
