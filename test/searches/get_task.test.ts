import getTask, { perform } from '../../searches/get_task';
import { bundleWith, expectInvalidInput, highLevel, testerFor } from '../support/app';

const appTester = testerFor('searches', getTask);

describe('get_task', () => {
  it('gets the task of the contact and returns it flat', async () => {
    const scope = highLevel()
      .get('/contacts/c123/tasks/t456')
      .reply(200, {
        task: {
          id: 't456',
          title: 'Call the patient',
          body: 'About the follow-up visit.',
          dueDate: '2026-11-26T15:30:00Z',
          completed: true,
        },
      });

    const results = await appTester(perform, bundleWith({ contactId: 'c123', taskId: 't456' }));

    expect(scope.isDone()).toBe(true);
    expect(results).toEqual([
      {
        id: 't456',
        title: 'Call the patient',
        body: 'About the follow-up visit.',
        dueDate: '2026-11-26T15:30:00.000Z',
        completed: true,
        assignedTo: '',
        contactId: 'c123',
      },
    ]);
  });

  it('returns no result for an unknown task', async () => {
    highLevel()
      .get('/contacts/c123/tasks/gone')
      .reply(404, { statusCode: 404, message: 'Task not found' });
    expect(await appTester(perform, bundleWith({ contactId: 'c123', taskId: 'gone' }))).toEqual([]);
  });

  it.each([
    [{ contactId: 'c123', taskId: '' }, /Invalid Task ID: a HighLevel ID is required/],
    [{ contactId: 'c123', taskId: '../t1' }, /Invalid Task ID/],
    [{ taskId: 't456' }, /Invalid Contact ID/],
  ])('refuses %j before sending anything', async (inputData, message) => {
    await expectInvalidInput(appTester(perform, bundleWith(inputData)), message);
  });
});
