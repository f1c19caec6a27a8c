import findTask, { perform } from '../../searches/find_task';
import { bundleWith, expectInvalidInput, highLevel, testerFor } from '../support/app';

const appTester = testerFor('searches', findTask);

const task = (id: string, title: string, completed = false) => ({
  id,
  title,
  body: `Details of ${id}`,
  assignedTo: 'y0BeYjuRIlDwsDcOHOJo',
  dueDate: '2026-11-26T15:30:00.000Z',
  completed,
  contactId: 'c123',
});

const tasks = [
  task('t1', 'Call back about the invoice'),
  task('t2', 'Dentist follow-up'),
  task('t3', 'call BACK', true),
  task('t4', 'Call  back'),
];

describe('find_task', () => {
  it("lists the contact's tasks and returns exact titles first, then titles containing it", async () => {
    const scope = highLevel().get('/contacts/c123/tasks').reply(200, { tasks });

    const results = await appTester(perform, bundleWith({ contactId: 'c123', title: 'call back' }));

    expect(scope.isDone()).toBe(true);
    expect(results.map((r) => r.id)).toEqual(['t3', 't4', 't1']);
    expect(results[2]).toEqual({
      id: 't1',
      title: 'Call back about the invoice',
      body: 'Details of t1',
      dueDate: '2026-11-26T15:30:00.000Z',
      completed: false,
      assignedTo: 'y0BeYjuRIlDwsDcOHOJo',
      contactId: 'c123',
    });
  });

  it.each([
    ['open', ['t4', 't1']],
    ['completed', ['t3']],
    ['any', ['t3', 't4', 't1']],
    ['', ['t3', 't4', 't1']],
  ])('with status %j keeps %j', async (completed, ids) => {
    highLevel().get('/contacts/c123/tasks').reply(200, { tasks });
    const results = await appTester(
      perform,
      bundleWith({ contactId: 'c123', title: 'Call back', completed }),
    );
    expect(results.map((r) => r.id)).toEqual(ids);
  });

  it('returns no result when no title matches, when the contact has no tasks, and on a 404', async () => {
    highLevel().get('/contacts/c123/tasks').reply(200, { tasks });
    expect(
      await appTester(perform, bundleWith({ contactId: 'c123', title: 'Invoice paid' })),
    ).toEqual([]);

    highLevel().get('/contacts/c123/tasks').reply(200, { tasks: [] });
    expect(await appTester(perform, bundleWith({ contactId: 'c123', title: 'Call' }))).toEqual([]);

    highLevel()
      .get('/contacts/gone/tasks')
      .reply(404, { statusCode: 404, message: 'Contact not found' });
    expect(await appTester(perform, bundleWith({ contactId: 'gone', title: 'Call' }))).toEqual([]);
  });

  it.each([
    [{ contactId: 'c123', title: ' ' }, /Invalid Title: a value is required/],
    [{ contactId: '', title: 'Call' }, /Invalid Contact ID/],
    [
      { contactId: 'c1/tasks', title: 'Call' },
      /Invalid Contact ID: "c1\/tasks" is not a HighLevel ID/,
    ],
    [
      { contactId: 'c123', title: 'Call', completed: 'toString' },
      /Invalid Status: "toString" is not a status/,
    ],
    [
      { contactId: 'c123', title: 'Call', completed: 'done' },
      /Invalid Status: "done" is not a status \(expected any, open or completed\)/,
    ],
  ])('refuses %j before sending anything', async (inputData, message) => {
    await expectInvalidInput(appTester(perform, bundleWith(inputData)), message);
  });
});
