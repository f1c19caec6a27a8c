// What every action that changes only the fields filled shares (Update Contact, Update Task,
// Update Note): the sentence its help texts end with, and the error when nothing was filled.
import { invalidInput } from '../http/errors';

/** Ends the help text of a field on an update action. */
export const KEEP = ' Left empty, the current value is kept.';

/** An update with no field filled: refused, since empty fields never blank out data. */
export const nothingToChange = (action: string): Error =>
  invalidInput(
    action,
    'no field was filled, so there is nothing to change. Fill at least one field (empty fields never blank out data).',
  );

/** `body` if it changes something; `action` names the step in the error. */
export const requireChanges = <T extends Record<string, unknown>>(action: string, body: T): T => {
  if (Object.keys(body).length === 0) throw nothingToChange(action);
  return body;
};
