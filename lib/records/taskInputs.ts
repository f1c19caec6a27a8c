// What Create Task and Update Task share: the task inputs (HighLevel's own names), each declared
// once with its parser, and the request body built from them. Everything is checked before any
// request; on update only filled fields are sent, so an empty field never blanks out data.
import { KEEP, requireChanges } from '../inputs/changes';
import { defineInput, parseInputs, type InputSource } from '../inputs/declare';
import { dateTimeInput, optionalTextOf, userIdInput, yesNoInput } from '../inputs/fields';
import { compact, requireText } from '../inputs/normalise';

export type TaskWriteMode = 'create' | 'update';

export const taskInputs = (mode: TaskWriteMode) => {
  const create = mode === 'create';
  const keep = create ? '' : KEEP;
  return [
    defineInput(
      {
        key: 'title',
        label: 'Title',
        type: 'string',
        required: create,
        helpText: `What needs doing, as shown in the contact's task list.${keep}`,
      },
      (value, field) => (create ? requireText(field.label, value) : optionalTextOf(value, field)),
    ),
    dateTimeInput('dueDate', 'Due Date', `When the task is due.${keep}`, create),
    defineInput(
      {
        key: 'body',
        label: 'Description',
        type: 'text',
        required: false,
        helpText: `Details or instructions for the task.${keep}`,
      },
      optionalTextOf,
    ),
    userIdInput(
      'assignedTo',
      'Assigned To',
      `The user of the sub-account responsible for the task.${keep}`,
    ),
    create
      ? yesNoInput(
          'completed',
          'Completed',
          'Usually No: set Yes to record a task already done.',
          false,
        )
      : yesNoInput(
          'completed',
          'Completed',
          `Yes marks the task as completed, No reopens it.${keep}`,
        ),
  ] as const;
};

/** The CreateTaskParams / UpdateTaskBody for the filled fields, or a clear error. */
export const taskWriteBody = (mode: TaskWriteMode, bundle: InputSource) => {
  const body = compact(parseInputs(taskInputs(mode), bundle));
  // HighLevel requires `completed` on create; a new task is open unless the user says otherwise.
  return mode === 'create' ? { completed: false, ...body } : requireChanges('Update Task', body);
};
