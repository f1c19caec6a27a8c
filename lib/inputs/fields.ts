// Inputs that many operations share, each declared once with its parser (lib/inputs/declare.ts).
// Every id input is a dropdown fed by a hidden trigger (triggers/*_choices.ts) and can still be
// mapped from an earlier step; contact ids also offer a Find Contact search step. Also the id
// output fields of actions that change one contact.
import { defineInputField, type PlainOutputField } from 'zapier-platform-core';
import { requireId } from '../http/paths';
import { defineInput, type LabelledField } from './declare';
import {
  idList,
  isBlank,
  normalizeBoolean,
  normalizeCountry,
  normalizeDate,
  normalizeDateTime,
  normalizeEmail,
  normalizePhone,
  normalizePhoneCountry,
  DATE_FORMS,
  optionalText,
  requireItems,
  requireText,
  uniqueItems,
} from './normalise';

// --- parsers shared by many inputs -----------------------------------------------------------

/** A required id: named in errors by its key ("Contact ID"), as every path id is. */
export const requiredId = (value: unknown, field: LabelledField): string =>
  requireId(field.key, value);

/** An optional id in the body (a user id): checked like path ids when filled. */
export const optionalId = (value: unknown, field: LabelledField): string | undefined =>
  isBlank(value) ? undefined : requireId(field.label, value);

export const optionalTextOf = (value: unknown, field: LabelledField): string | undefined =>
  optionalText(field.label, value);

type Items = (label: string, value: unknown) => string[];

/** A list that needs at least one item. */
const requiredList =
  (items: Items) =>
  (value: unknown, field: LabelledField): string[] =>
    requireItems(field.label, items(field.label, value));

/** An optional list: left empty, it is not sent at all. */
const optionalList =
  (items: Items) =>
  (value: unknown, field: LabelledField): string[] | undefined => {
    const list = items(field.label, value);
    return list.length > 0 ? list : undefined;
  };

// --- text and yes/no -------------------------------------------------------------------------

/** An optional plain text input. */
export const textInput = <const K extends string, const L extends string>(
  key: K,
  label: L,
  helpText: string,
) => defineInput({ key, label, type: 'string', required: false, helpText }, optionalTextOf);

/**
 * A yes/no input. It is declared as text with Yes and No choices, not as `type: 'boolean'`:
 * Zapier converts a boolean field's value before the app sees it, and anything it does not
 * recognise as "no" becomes true ("maybe" arrives as `true`), so the app could not refuse it.
 * Source: zapier/zapier-platform packages/cli/src/oclif/commands/invoke/input-types.js, whose
 * parseBoolean "parses a string value to a boolean like how Zapier production does" (it returns
 * Boolean(text) for unknown words), written to match production's own function (pull request
 * 856, "PDE-5321 feat(cli): `zapier invoke` command", review thread: "nooo" → true); number fields
 * likewise become 0 when no digit is found (parseDecimal). Zapier's field docs add: "Zapier does
 * not validate the data to ensure users added the correct item for that field type"
 * (docs.zapier.com/platform/build/field-definitions). As text, the value arrives as typed, and
 * normalizeBoolean reads yes/no words or refuses the value naming the field.
 */
export const yesNoInput = <const K extends string, const L extends string>(
  key: K,
  label: L,
  helpText: string,
  defaultValue?: boolean,
) =>
  defineInput(
    {
      key,
      label,
      type: 'string',
      required: false,
      choices: [
        { value: 'true', label: 'Yes', sample: 'true' },
        { value: 'false', label: 'No', sample: 'false' },
      ],
      ...(defaultValue === undefined ? {} : { default: String(defaultValue) }),
      helpText,
    },
    (value, field) => normalizeBoolean(field.label, value),
  );

// --- dates -------------------------------------------------------------------------------------

/**
 * Date inputs are declared as text, not `type: 'datetime'`, for the reason yes/no inputs are:
 * Zapier converts a date-time field's value before the app sees it, and production's parser
 * (reproduced by zapier-platform-cli's invoke/input-types.js, parseDatetime) finds a date inside
 * any sentence ("I may come 12/25/2026 maybe" → 25 December) and turns what it cannot read, even
 * "31 Feb 2026", into the current time. As text, the value arrives as typed and the app's strict
 * reader (normalise.ts) takes it or refuses it, naming the field. Dates already saved in Zaps,
 * ISO 8601 and the other forms in the help text, read as before.
 */
const dateField = <const K extends string, const L extends string, const R extends boolean>(
  key: K,
  label: L,
  required: R,
  helpText: string,
) => ({ key, label, type: 'string', required, helpText }) as const;

/**
 * A date and time (a due date, a start time); `required` refuses it empty. Without an offset it is
 * read in the Zap's time zone, as Zapier's own date-time fields were (a date alone at 09:00).
 */
export const dateTimeInput = <
  const K extends string,
  const L extends string,
  const R extends boolean,
>(
  key: K,
  label: L,
  helpText: string,
  required: R,
) =>
  defineInput(
    dateField(
      key,
      label,
      required,
      `${helpText} E.g. ${DATE_FORMS}; a time is optional, in your Zapier time zone unless an offset is given.`,
    ),
    (value, field, { meta }) =>
      normalizeDateTime(
        field.label,
        required ? requireText(field.label, value) : value,
        meta?.timezone,
      ),
  );

/** A calendar date (date of birth): only the day is kept. */
export const dateInput = <const K extends string, const L extends string>(
  key: K,
  label: L,
  helpText: string,
) =>
  defineInput(
    dateField(key, label, false, `${helpText} E.g. ${DATE_FORMS}; only the day is saved.`),
    (value, field) => normalizeDate(field.label, value),
  );

// --- email and phone ---------------------------------------------------------------------------

export const emailInput = (helpText: string) =>
  defineInput(
    { key: 'email', label: 'Email', type: 'string', required: false, helpText },
    (value, field) => normalizeEmail(field.label, value),
  );

export const DEFAULT_COUNTRY_LABEL = 'Default Country for Phone Numbers';

/** The country local phone numbers are read in (it is not saved on the contact). */
export const defaultCountryInput = (helpText: string) =>
  defineInput(
    {
      key: 'defaultCountry',
      label: DEFAULT_COUNTRY_LABEL,
      type: 'string',
      required: false,
      helpText,
    },
    (value, field) => normalizePhoneCountry(field.label, value),
  );

/** A phone number, read with the Default Country input of the same step. */
export const phoneInput = (helpText: string) =>
  defineInput(
    { key: 'phone', label: 'Phone', type: 'string', required: false, helpText },
    (value, field, { inputData }) =>
      normalizePhone(
        field.label,
        value,
        normalizePhoneCountry(DEFAULT_COUNTRY_LABEL, inputData.defaultCountry),
      ),
  );

export const countryInput = (helpText: string) =>
  defineInput(
    { key: 'country', label: 'Country', type: 'string', required: false, helpText },
    (value, field) => normalizeCountry(field.label, value),
  );

// --- ids ---------------------------------------------------------------------------------------

type IdFieldOptions = { required?: boolean; helpText?: string; label?: string };

export const contactIdField = ({ required = true, helpText, label }: IdFieldOptions = {}) =>
  defineInputField({
    key: 'contactId',
    label: label ?? 'Contact',
    type: 'string',
    required,
    dynamic: 'contact_choices.id.label',
    search: 'find_contact.id',
    // Changing the contact reloads dropdowns that depend on it (its tasks, its notes).
    altersDynamicFields: true,
    helpText:
      helpText ??
      'The contact to use. Choose one, map a contact ID from an earlier step, or add a Find Contact search step.',
  });

/** The contact an action or search works on (required). */
export const contactIdInput = (helpText?: string) =>
  defineInput({ ...contactIdField({ helpText }), required: true }, requiredId);

/** A task of the chosen contact; `more` is added to its help text. */
export const taskIdInput = (more = '') =>
  defineInput(
    {
      key: 'taskId',
      label: 'Task',
      type: 'string',
      required: true,
      dynamic: 'task_choices.id.title',
      helpText: `One of the chosen contact's tasks, or a task ID mapped from an earlier step.${more}`,
    },
    requiredId,
  );

/** A note of the chosen contact; `more` is added to its help text. */
export const noteIdInput = (more = '') =>
  defineInput(
    {
      key: 'noteId',
      label: 'Note',
      type: 'string',
      required: true,
      dynamic: 'note_choices.id.label',
      helpText: `One of the chosen contact's notes, or a note ID mapped from an earlier step.${more}`,
    },
    requiredId,
  );

/** An optional user of the sub-account (assigned user, author). */
export const userIdInput = <const K extends string, const L extends string>(
  key: K,
  label: L,
  helpText: string,
) =>
  defineInput(
    { key, label, type: 'string', required: false, dynamic: 'user_choices.id.name', helpText },
    optionalId,
  );

export const followersInput = (helpText: string) =>
  defineInput(
    {
      key: 'followers',
      label: 'Followers',
      type: 'string',
      list: true,
      required: true,
      dynamic: 'user_choices.id.name',
      helpText,
    },
    requiredList(idList),
  );

/**
 * Tag names. Each list item is one tag, kept whole: a comma belongs to the tag ("Smith, John"),
 * since a list field already separates its items.
 */
const tagsField = <const R extends boolean>(helpText: string, required: R) =>
  ({
    key: 'tags',
    label: 'Tags',
    type: 'string',
    list: true,
    required,
    dynamic: 'tag_choices.name.name',
    helpText: `${helpText} Each item is one tag, commas included.`,
  }) as const;

/** Tags to add or remove: at least one. */
export const tagsInput = (helpText: string) =>
  defineInput(tagsField(helpText, true), requiredList(uniqueItems));

/** Tags that may be left empty (then not sent). */
export const optionalTagsInput = (helpText: string) =>
  defineInput(tagsField(helpText, false), optionalList(uniqueItems));

export const campaignIdInput = defineInput(
  {
    key: 'campaignId',
    label: 'Campaign',
    type: 'string',
    required: true,
    dynamic: 'campaign_choices.id.name',
    helpText: 'A campaign of the sub-account, or a campaign ID mapped from an earlier step.',
  },
  requiredId,
);

export const workflowIdInput = defineInput(
  {
    key: 'workflowId',
    label: 'Workflow',
    type: 'string',
    required: true,
    dynamic: 'workflow_choices.id.name',
    helpText: 'A workflow of the sub-account, or a workflow ID mapped from an earlier step.',
  },
  requiredId,
);

export const businessIdField = (required = true, helpText?: string) =>
  defineInputField({
    key: 'businessId',
    label: 'Business',
    type: 'string',
    required,
    dynamic: 'business_choices.id.name',
    helpText:
      helpText ?? 'A business of the sub-account, or a business ID mapped from an earlier step.',
  });

/**
 * The ids of an action that changes one contact (tags, followers, campaigns, workflows): Zapier
 * wants an `id`, which is the contact's, and `contactId` says so by name. Labels stay distinct so
 * that the editor never offers two fields called the same.
 */
export const changedContactIdOutputFields: PlainOutputField[] = [
  { key: 'id', label: 'ID (Same as Contact ID)', type: 'string' },
  { key: 'contactId', label: 'Contact ID', type: 'string' },
];
