import deleteTask, { perform } from '../../creates/delete_task';
import { bundleWith, expectInvalidInput, failureOf, highLevel, testerFor } from '../support/app';

const appTester = testerFor('creates', deleteTask);

describe('delete_task', () => {
  it('deletes the task and returns the ids involved', async () => {
    const scope = highLevel().delete('/contacts/c123/tasks/t123').reply(200, { succeded: true });

    const result = await appTester(perform, bundleWith({ contactId: 'c123', taskId: 't123' }));

    expect(scope.isDone()).toBe(true);
    expect(result).toEqual({ id: 't123', contactId: 'c123', taskId: 't123', deleted: true });
  });

  it('fails the step when HighLevel answers succeded: false', async () => {
    highLevel().delete('/contacts/c123/tasks/t123').reply(200, { succeded: false });
    const failure = await failureOf(
      appTester(perform, bundleWith({ contactId: 'c123', taskId: 't123' })),
    );
    expect(failure).toMatchObject({
      code: 'not_succeeded',
      message: expect.stringMatching(/could not delete the task/),
    });
  });

  it.each([
    [{ contactId: 'c123' }, /Invalid Task ID: a HighLevel ID is required/],
    [{ contactId: 'c123', taskId: 't1/../t2' }, /Invalid Task ID: "t1\/..\/t2"/],
    [{ taskId: 't123' }, /Invalid Contact ID/],
  ])('refuses %j before sending anything', async (inputData, message) => {
    await expectInvalidInput(appTester(perform, bundleWith(inputData)), message);
  });
});
