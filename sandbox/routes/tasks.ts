// Tasks of a contact: list, create (title, dueDate and completed required), read, update,
// mark (in)complete, delete. A task write does not touch() its contact: nothing HighLevel
// documents (spec, docs, integrators' reports) says it moves the contact's dateUpdated, and if it
// did, every new task would also fire the Updated Contact trigger. Tasks are their own records.
import { newId } from '../model/ids';
import { taskResponse } from '../model/shapes';
import { nowIso } from '../model/timestamps';
import { TaskRecord } from '../model/types';
import { taskEvent } from '../webhooks/payloads';
import { created, Handler, HandlerContext, loadContact, loadOwned, ok } from './context';

interface TaskBody {
  title?: string;
  body?: string;
  dueDate?: string;
  completed?: boolean;
  assignedTo?: string;
}

function loadTask(ctx: HandlerContext): TaskRecord {
  const contact = loadContact(ctx, ctx.params.contactId);
  const task = ctx.store.tasks.get(ctx.params.taskId ?? '');
  return loadOwned(
    ctx,
    task?.contactId === contact.id ? task : undefined,
    'Task',
    contact.locationId,
  );
}

const listTasks: Handler = (ctx) => {
  const contact = loadContact(ctx, ctx.params.contactId);
  const tasks = ctx.store.tasksByContact.of(contact.id).map((id) => ctx.store.tasks.get(id)!);
  return ok({ tasks: tasks.map(taskResponse) });
};

const createTask: Handler = (ctx) => {
  const contact = loadContact(ctx, ctx.params.contactId);
  const body = ctx.body as TaskBody;
  const task: TaskRecord = {
    id: newId(),
    contactId: contact.id,
    locationId: contact.locationId,
    title: body.title!,
    body: body.body ?? null,
    assignedTo: body.assignedTo ?? null,
    dueDate: body.dueDate!,
    completed: body.completed!,
    dateAdded: nowIso(),
  };
  ctx.store.putTask(task);
  ctx.store.changed();
  ctx.webhooks.emit(taskEvent('TaskCreate', task));
  if (task.completed) ctx.webhooks.emit(taskEvent('TaskComplete', task));
  return created({ task: taskResponse(task) });
};

const getTask: Handler = (ctx) => ok({ task: taskResponse(loadTask(ctx)) });

const updateTask: Handler = (ctx) => {
  const task = loadTask(ctx);
  const wasCompleted = task.completed;
  const body = ctx.body as TaskBody;
  if (body.title !== undefined) task.title = body.title;
  if (body.body !== undefined) task.body = body.body;
  if (body.dueDate !== undefined) task.dueDate = body.dueDate;
  if (body.completed !== undefined) task.completed = body.completed;
  if (body.assignedTo !== undefined) task.assignedTo = body.assignedTo;
  ctx.store.changed();
  if (task.completed && !wasCompleted) ctx.webhooks.emit(taskEvent('TaskComplete', task));
  return ok({ task: taskResponse(task) });
};

const completeTask: Handler = (ctx) => {
  const task = loadTask(ctx);
  const wasCompleted = task.completed;
  task.completed = (ctx.body as TaskBody).completed!;
  ctx.store.changed();
  if (task.completed && !wasCompleted) ctx.webhooks.emit(taskEvent('TaskComplete', task));
  return ok({ task: taskResponse(task) });
};

const deleteTask: Handler = (ctx) => {
  const task = loadTask(ctx);
  ctx.store.tasks.delete(task.id);
  ctx.store.tasksByContact.remove(task.contactId, task.id);
  ctx.store.changed();
  ctx.webhooks.emit(taskEvent('TaskDelete', task));
  return ok({ succeded: true });
};

export const taskRoutes: Record<string, Handler> = {
  'get-all-tasks': listTasks,
  'create-task': createTask,
  'get-task': getTask,
  'update-task': updateTask,
  'update-task-completed': completeTask,
  'delete-task': deleteTask,
};
