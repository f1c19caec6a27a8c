import newTask, { perform as pollNewTasks } from '../../triggers/new_task';
import newTaskInstant, {
  perform,
  performList,
  performSubscribe,
} from '../../triggers/new_task_instant';
import { bundleWith, highLevel, LOCATION_ID, testerFor, USER_ID } from '../support/app';
import {
  apiContact,
  CONTACT_ID,
  deliveryBundle,
  envelope,
  expectSubscription,
  subscribeBundle,
} from '../support/instant';

const appTester = testerFor('triggers', newTaskInstant, newTask);
const apiTask = {
  id: 'task1',
  title: 'Call back',
  body: 'About the invoice',
  assignedTo: USER_ID,
  dueDate: '2026-12-05T15:30:00.000Z',
  completed: false,
  contactId: CONTACT_ID,
};
const taskCreate = (fields: Record<string, unknown> = apiTask) => ({
  type: 'TaskCreate',
  locationId: LOCATION_ID,
  ...fields,
  completed: undefined,
  dateAdded: '2026-12-04T16:01:00.000Z',
  ...envelope(),
});

describe('new_task_instant', () => {
  it('subscribes to TaskCreate with the assigned-user filter', async () => {
    const scope = expectSubscription('TaskCreate', { assignedTo: USER_ID });
    await appTester(performSubscribe, subscribeBundle({ assignedTo: USER_ID }));
    expect(scope.isDone()).toBe(true);
  });

  it('returns the task as New Task returns it, without a request when the event is complete', async () => {
    highLevel()
      .get(`/contacts/${CONTACT_ID}/tasks`)
      .reply(200, { tasks: [apiTask] });

    const [instant] = await appTester(perform, deliveryBundle(taskCreate()));
    const [polled] = await appTester(pollNewTasks, bundleWith({ contactId: CONTACT_ID }));

    expect(instant).toEqual(polled);
  });

  it('reads the description back when the event left it out but named the contact', async () => {
    highLevel().get(`/contacts/${CONTACT_ID}/tasks/task1`).reply(200, { task: apiTask });
    const { body: _left, ...withoutBody } = apiTask;

    const [task] = await appTester(perform, deliveryBundle(taskCreate(withoutBody)));

    expect(task).toMatchObject({ body: 'About the invoice', contactId: CONTACT_ID });
  });

  it('leaves contact and description empty when HighLevel sends neither (nothing can read them)', async () => {
    const { body: _body, contactId: _contact, ...bare } = apiTask;
    const [task] = await appTester(perform, deliveryBundle(taskCreate(bare)));
    expect(task).toEqual({ ...apiTask, body: '', contactId: '' });
  });

  it("lists recent tasks of recently changed contacts for the editor, with the Zap's filter", async () => {
    highLevel()
      .post('/contacts/search', (body) => body.pageLimit === 5)
      .reply(200, { contacts: [apiContact, { ...apiContact, id: 'other1' }] });
    highLevel()
      .get(`/contacts/${CONTACT_ID}/tasks`)
      .reply(200, { tasks: [apiTask, { ...apiTask, id: 'task2', assignedTo: 'someoneElse' }] });
    highLevel().get('/contacts/other1/tasks').reply(200, { tasks: [] });

    const results = await appTester(performList, bundleWith({ assignedTo: USER_ID }));

    expect(results.map((task) => task.id)).toEqual(['task1']);
  });
});
