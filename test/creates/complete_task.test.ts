import completeTask, { perform } from '../../creates/complete_task';
import { asZapierSendsIt } from '../support/zapierProduction';
import { bundleWith, expectInvalidInput, highLevel, testerFor } from '../support/app';

const appTester = testerFor('creates', completeTask);

const taskWith = (completed: boolean) => ({
  task: {
    id: 't123',
    title: 'Send the quote',
    dueDate: '2026-12-01T09:00:00.000Z',
    completed,
    contactId: 'c123',
  },
});

describe('complete_task', () => {
  it('marks the task as completed by default and returns it', async () => {
    const scope = highLevel()
      .put('/contacts/c123/tasks/t123/completed', { completed: true })
      .matchHeader('content-type', /^application\/json/)
      .reply(200, taskWith(true));

    const result = await appTester(perform, bundleWith({ contactId: 'c123', taskId: 't123' }));

    expect(scope.isDone()).toBe(true);
    expect(result).toEqual({
      id: 't123',
      title: 'Send the quote',
      body: '',
      dueDate: '2026-12-01T09:00:00.000Z',
      completed: true,
      assignedTo: '',
      contactId: 'c123',
    });
  });

  it.each([false, 'no', 'false'])(
    'reopens the task when Mark as Completed is %j',
    async (value) => {
      highLevel()
        .put('/contacts/c123/tasks/t123/completed', { completed: false })
        .reply(200, taskWith(false));
      const result = await appTester(
        perform,
        bundleWith({ contactId: 'c123', taskId: 't123', completed: value }),
      );
      expect(result.completed).toBe(false);
    },
  );

  it.each([
    [{ contactId: 'c123', taskId: 't123', completed: 'maybe' }, /Invalid Mark as Completed/],
    [{ contactId: 'c123', taskId: '' }, /Invalid Task ID/],
    [{ contactId: '', taskId: 't123' }, /Invalid Contact ID/],
  ])('refuses %j before sending anything', async (inputData, message) => {
    await expectInvalidInput(appTester(perform, bundleWith(inputData)), message);
  });

  it('refuses "maybe" for Mark as Completed as Zapier passes it on', async () => {
    const input = asZapierSendsIt(completeTask.operation.inputFields, {
      contactId: 'c123',
      taskId: 't1',
      completed: 'maybe',
    });
    await expectInvalidInput(
      appTester(perform, bundleWith(input)),
      /^Invalid Mark as Completed: "maybe" is not yes\/no/,
    );
  });
});
