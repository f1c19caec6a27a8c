import completedTask, { perform } from '../../triggers/completed_task';
import { bundleWith, failureOf, highLevel, testerFor } from '../support/app';
import { zapierDedupe } from '../support/contacts';

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

  it('fires once per task: re-opened and completed again, the task keeps its id, and the help says so', async () => {
    const dedupe = zapierDedupe();
    const tasks = `/contacts/${CONTACT_ID}/tasks`;
    highLevel()
      .get(tasks)
      .reply(200, { tasks: [task(1, true)] });
    highLevel()
      .get(tasks)
      .reply(200, { tasks: [task(1, false)] });
    highLevel()
      .get(tasks)
      .reply(200, { tasks: [task(1, true)] });

    const poll = async () =>
      dedupe(await appTester(perform, bundleWith({ contactId: CONTACT_ID })));

    expect((await poll()).map((r) => r.id)).toEqual(['task1']);
    expect(await poll()).toEqual([]); // re-opened
    expect(await poll()).toEqual([]); // completed again: Zapier has seen task1
    const { inputFields } = completedTask.operation as {
      inputFields: Array<{ helpText?: string }>;
    };
    expect(completedTask.display.description).toMatch(
      /^Triggers when one of a contact's tasks is first marked completed\. Task Completed \(Instant\)/,
    );
    expect(inputFields[0]!.helpText).toMatch(
      /a task re-opened and completed again does not fire again\./,
    );
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
