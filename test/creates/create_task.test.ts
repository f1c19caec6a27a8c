import createTask, { perform } from '../../creates/create_task';
import { asZapierSendsIt } from '../support/zapierProduction';
import {
  bundleWith,
  expectInvalidInput,
  failureOf,
  highLevel,
  testerFor,
  USER_ID,
} from '../support/app';

const appTester = testerFor('creates', createTask);

const createdTask = (fields: Record<string, unknown>) => ({
  task: { id: 't123', contactId: 'c123', completed: false, ...fields },
});

describe('create_task', () => {
  it('posts the task with its due date in ISO 8601 and returns the flat task', async () => {
    const scope = highLevel()
      .post('/contacts/c123/tasks', {
        title: 'Call back about the quote',
        body: 'Ask about the second location.',
        dueDate: '2026-11-26T15:30:00.000Z',
        completed: false,
        assignedTo: USER_ID,
      })
      .matchHeader('content-type', /^application\/json/)
      .reply(
        201,
        createdTask({
          title: 'Call back about the quote',
          body: 'Ask about the second location.',
          dueDate: '2026-11-26T15:30:00.000Z',
          assignedTo: USER_ID,
        }),
      );

    const result = await appTester(
      perform,
      bundleWith({
        contactId: ' c123 ',
        title: ' Call back about the quote ',
        body: 'Ask about the second location.',
        dueDate: '2026-11-26T10:30:00-05:00',
        assignedTo: USER_ID,
      }),
    );

    expect(scope.isDone()).toBe(true);
    expect(result).toEqual({
      id: 't123',
      title: 'Call back about the quote',
      body: 'Ask about the second location.',
      dueDate: '2026-11-26T15:30:00.000Z',
      completed: false,
      assignedTo: USER_ID,
      contactId: 'c123',
    });
  });

  it('sends only the required fields when the optional ones are empty, and honours Completed', async () => {
    highLevel()
      .post('/contacts/c123/tasks', {
        title: 'Already done',
        dueDate: '2026-11-26T15:30:00.000Z',
        completed: true,
      })
      .reply(
        201,
        createdTask({ title: 'Already done', dueDate: '2026-11-26T15:30:00Z', completed: true }),
      );

    const result = await appTester(
      perform,
      bundleWith({
        contactId: 'c123',
        title: 'Already done',
        dueDate: '2026-11-26T15:30:00Z',
        body: '',
        assignedTo: '',
        completed: 'yes',
      }),
    );

    expect(result).toMatchObject({ id: 't123', completed: true, body: '', assignedTo: '' });
  });

  it.each([
    [{ title: 'Call', dueDate: '2026-11-26' }, /Invalid Contact ID: a HighLevel ID is required/],
    [
      { contactId: 'c123', title: ' ', dueDate: '2026-11-26' },
      /Invalid Title: a value is required/,
    ],
    [{ contactId: 'c123', title: 'Call' }, /Invalid Due Date: a value is required/],
    [{ contactId: 'c123', title: 'Call', dueDate: 'next week' }, /Invalid Due Date: "next week"/],
    [
      { contactId: 'c123', title: 'Call', dueDate: '2026-11-26', completed: 'maybe' },
      /Invalid Completed: "maybe" is not yes\/no/,
    ],
    [
      { contactId: 'c123', title: 'Call', dueDate: '2026-11-26', assignedTo: 'a b' },
      /Invalid Assigned To: "a b" is not a HighLevel ID/,
    ],
  ])('refuses %j before sending anything', async (inputData, message) => {
    await expectInvalidInput(appTester(perform, bundleWith(inputData)), message);
  });

  it('names the contact when HighLevel does not know it', async () => {
    highLevel()
      .post('/contacts/gone1/tasks')
      .reply(404, { statusCode: 404, message: 'Contact not found' });
    const failure = await failureOf(
      appTester(perform, bundleWith({ contactId: 'gone1', title: 'Call', dueDate: '2026-11-26' })),
    );
    expect(failure.message).toMatch(/^HighLevel could not find the contact "gone1"\./);
  });

  it('refuses completed: "maybe" as Zapier passes it on, instead of completing the task', async () => {
    const input = asZapierSendsIt(createTask.operation.inputFields, {
      contactId: 'c123',
      title: 'Call back',
      dueDate: '2026-07-08T14:30:00Z',
      completed: 'maybe',
    });
    await expectInvalidInput(
      appTester(perform, bundleWith(input)),
      /^Invalid Completed: "maybe" is not yes\/no/,
    );
  });

  it.each(['31 Feb 2026', 'I may come 12/25/2026 maybe', '2026-02-29T10:00:00Z', '13/25/2026'])(
    'refuses the due date "%s" as Zapier passes it on, naming the field',
    async (dueDate) => {
      const input = asZapierSendsIt(createTask.operation.inputFields, {
        contactId: 'c123',
        title: 'Call back',
        dueDate,
      });
      await expectInvalidInput(
        appTester(perform, bundleWith(input)),
        /^Invalid Due Date: ".*" is not a date and time that exists \(expected e\.g\. 2026-12-25/,
      );
    },
  );

  it.each([
    ['2026-12-25T14:30:00Z', '2026-12-25T14:30:00.000Z'],
    ['2026-12-25T09:30:00-05:00', '2026-12-25T14:30:00.000Z'],
    ['2026-12-25', '2026-12-25T09:00:00.000Z'],
    ['Fri, 25 Dec 2026 14:30:00 +0000', '2026-12-25T14:30:00.000Z'],
    ['Fri, 25 Dec 2026 14:30:00 GMT', '2026-12-25T14:30:00.000Z'],
    ['12/25/2026 2:30 pm', '2026-12-25T14:30:00.000Z'],
    ['25 Dec 2026 14:30', '2026-12-25T14:30:00.000Z'],
  ])('sends the due date "%s" as Zapier passes it on as %s', async (dueDate, sent) => {
    const scope = highLevel()
      .post('/contacts/c123/tasks', { title: 'Call back', dueDate: sent, completed: false })
      .reply(201, createdTask({ title: 'Call back', dueDate: sent }));
    const input = asZapierSendsIt(createTask.operation.inputFields, {
      contactId: 'c123',
      title: 'Call back',
      dueDate,
    });
    await appTester(perform, bundleWith(input));
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    ['12/25/2026 14:30', '2026-12-25T19:30:00.000Z'],
    ['07/08/2026 14:30', '2026-07-08T18:30:00.000Z'],
    ['2026-12-25', '2026-12-25T14:00:00.000Z'],
    ['2026-12-25T14:30:00-08:00', '2026-12-25T22:30:00.000Z'],
    ['Fri, 25 Dec 2026 14:30:00 GMT', '2026-12-25T14:30:00.000Z'],
  ])(
    'reads the due date "%s" in the Zap\'s time zone (New York) unless it has an offset: %s',
    async (dueDate, sent) => {
      const scope = highLevel()
        .post('/contacts/c123/tasks', { title: 'Call back', dueDate: sent, completed: false })
        .reply(201, createdTask({ title: 'Call back', dueDate: sent }));
      const input = asZapierSendsIt(
        createTask.operation.inputFields,
        { contactId: 'c123', title: 'Call back', dueDate },
        'America/New_York',
      );
      await appTester(perform, bundleWith(input, { timezone: 'America/New_York' }));
      expect(scope.isDone()).toBe(true);
    },
  );

  it("reads the due date in UTC when the Zap's time zone is not one the runtime knows", async () => {
    const sent = '2026-12-25T14:30:00.000Z';
    const scope = highLevel()
      .post('/contacts/c123/tasks', { title: 'Call back', dueDate: sent, completed: false })
      .reply(201, createdTask({ title: 'Call back', dueDate: sent }));
    const input = { contactId: 'c123', title: 'Call back', dueDate: '12/25/2026 14:30' };
    await appTester(perform, bundleWith(input, { timezone: 'Nowhere/Atlantis' }));
    expect(scope.isDone()).toBe(true);
  });

  it.each(['Mon, 25 Dec 2026 10:00:00 +0000', 'Fri, 31 Feb 2026 10:00:00 GMT'])(
    'refuses the email date "%s" (wrong weekday, no such day) as Zapier passes it on',
    async (dueDate) => {
      const input = asZapierSendsIt(
        createTask.operation.inputFields,
        { contactId: 'c123', title: 'Call back', dueDate },
        'America/New_York',
      );
      await expectInvalidInput(
        appTester(perform, bundleWith(input, { timezone: 'America/New_York' })),
        /^Invalid Due Date: ".*" is not a date and time that exists/,
      );
    },
  );
});
