// What the two bulk contact actions share: the list of contacts they apply to, checked before the
// request, and an id for a run (a bulk request creates no record of its own to take an id from).
import type { ZObject } from 'zapier-platform-core';
import { invalidInput } from '../http/errors';
import { defineInput } from '../inputs/declare';
import { idList, requireItems } from '../inputs/normalise';

/** Contact ids for a bulk request: at least one, at most `max`, each a plausible HighLevel id. */
export const contactIdsInput = (
  helpText: string,
  { max, maxLength }: { max?: number; maxLength?: number } = {},
) =>
  defineInput(
    {
      key: 'contactIds',
      label: 'Contacts',
      type: 'string',
      list: true,
      required: true,
      dynamic: 'contact_choices.id.label',
      helpText,
    },
    (value, { label }) => {
      const ids = requireItems(label, idList(label, value));
      if (max !== undefined && ids.length > max) {
        throw invalidInput(
          label,
          `HighLevel takes at most ${max} contacts per request, but ${ids.length} were given. Split them over several steps (for example with Looping by Zapier).`,
        );
      }
      for (const id of ids) {
        if (/[\s/?#\\]/.test(id) || (maxLength !== undefined && id.length > maxLength)) {
          throw invalidInput(
            label,
            `"${id}" is not a HighLevel contact ID (IDs have no spaces or slashes${maxLength ? ` and at most ${maxLength} characters` : ''}).`,
          );
        }
      }
      return ids;
    },
  );

/** A stable id for one bulk run: the same request always gets the same id. */
export const bulkRunId = (z: ZObject, parts: unknown[]): string =>
  z.hash('sha256', JSON.stringify(parts)).slice(0, 24);
