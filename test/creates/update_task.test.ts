import updateTask, { perform } from '../../creates/update_task';
import {
  bundleWith,
  expectInvalidInput,
  failureOf,
  highLevel,
  testerFor,
  USER_ID,
} from '../support/app';
import { asZapierSendsIt } from '../support/zapierProduction';

const appTester = testerFor('creates', updateTask);

const storedTask = {
  id: 't123',
  title: 'Call back about the quote',
  body: 'Ask about the second location.',
  dueDate: '2026-12-01T09:00:00.000Z',
  completed: false,
  assignedTo: USER_ID,
  contactId: 'c123',
};

describe('update_task', () => {
  it('sends only the filled fields, so empty ones never blank out data', async () => {
    const scope = highLevel()
      .put('/contacts/c123/tasks/t123', { dueDate: '2026-12-01T09:00:00.000Z', completed: false })
      .matchHeader('content-type', /^application\/json/)
      .reply(200, { task: storedTask });

    const result = await appTester(
      perform,
      bundleWith({
        contactId: 'c123',
        taskId: 't123',
        title: '',
        body: '  ',
        dueDate: '2026-12-01T10:00:00+01:00',
        assignedTo: '',
        completed: false,
      }),
    );

    expect(scope.isDone()).toBe(true);
    expect(result).toEqual(storedTask);
  });

  it('sends every field when all are filled', async () => {
    highLevel()
      .put('/contacts/c123/tasks/t123', {
        title: 'New title',
        body: 'New details',
        dueDate: '2026-12-01T09:00:00.000Z',
        completed: true,
        assignedTo: 'u2',
      })
      .reply(200, { task: { ...storedTask, title: 'New title', completed: true } });

    const result = await appTester(
      perform,
      bundleWith({
        contactId: 'c123',
        taskId: 't123',
        title: 'New title',
        body: 'New details',
        dueDate: '2026-12-01T09:00:00Z',
        assignedTo: 'u2',
        completed: 'true',
      }),
    );
    expect(result).toMatchObject({ id: 't123', title: 'New title', completed: true });
  });

  it.each([
    [{ contactId: 'c123', taskId: 't123' }, /Invalid Update Task: no field was filled/],
    [{ contactId: 'c123', taskId: 't123', title: ' ', body: '' }, /Invalid Update Task/],
    [{ contactId: 'c123', title: 'x' }, /Invalid Task ID: a HighLevel ID is required/],
    [{ taskId: 't123', title: 'x' }, /Invalid Contact ID/],
    [{ contactId: 'c123', taskId: 't123', dueDate: '31/31/2026' }, /Invalid Due Date/],
  ])('refuses %j before sending anything', async (inputData, message) => {
    await expectInvalidInput(appTester(perform, bundleWith(inputData)), message);
  });

  it('names the task and its contact when HighLevel does not know the task', async () => {
    highLevel()
      .put('/contacts/c123/tasks/gone9', { title: 'x' })
      .reply(404, { statusCode: 404, message: 'Task not found' });
    const failure = await failureOf(
      appTester(perform, bundleWith({ contactId: 'c123', taskId: 'gone9', title: 'x' })),
    );
    expect(failure).toMatchObject({
      code: 'not_found',
      message:
        'HighLevel could not find the task "gone9" on contact "c123". It may have been deleted, or it belongs to another sub-account.',
    });
  });

  it.each(['31 Feb 2026', 'I may come 12/25/2026 maybe'])(
    'refuses the due date "%s" as Zapier passes it on, naming the field',
    async (dueDate) => {
      const input = asZapierSendsIt(updateTask.operation.inputFields, {
        contactId: 'c123',
        taskId: 't123',
        dueDate,
      });
      await expectInvalidInput(
        appTester(perform, bundleWith(input)),
        /^Invalid Due Date: ".*" is not a date and time that exists/,
      );
    },
  );
});
