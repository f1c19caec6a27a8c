// What the custom-field tests share: one field of every data type, HighLevel's replies, and the
// contact actions and Find Contact by ID registered on the real connection and pipeline.
import createContact from '../../../creates/create_contact';
import updateContact from '../../../creates/update_contact';
import upsertContact from '../../../creates/upsert_contact';
import getContact from '../../../searches/get_contact';
import { customFieldsReply, LOCATION_ID, testerFor } from '../../support/app';

export const contactActions = testerFor('creates', createContact, updateContact, upsertContact);
export const contactSearches = testerFor('searches', getContact);

/** Silences and records z.console.log for one test. */
export const captureLog = () => jest.spyOn(console, 'log').mockImplementation(() => undefined);

/** One custom field of every data type HighLevel offers for contacts. */
export const definitions = [
  { id: 'cfText', name: 'Pet Name', fieldKey: 'contact.pet_name', dataType: 'TEXT' },
  { id: 'cfLarge', name: 'Notes', fieldKey: 'contact.notes', dataType: 'LARGE_TEXT' },
  { id: 'cfNum', name: 'Visits', fieldKey: 'contact.visits', dataType: 'NUMERICAL' },
  { id: 'cfMoney', name: 'Budget', fieldKey: 'contact.budget', dataType: 'MONETORY' },
  { id: 'cfPhone', name: 'Work Phone', fieldKey: 'contact.work_phone', dataType: 'PHONE' },
  { id: 'cfDate', name: 'Renewal Date', fieldKey: 'contact.renewal_date', dataType: 'DATE' },
  { id: 'cfEmail', name: 'Billing Email', fieldKey: 'contact.billing_email', dataType: 'EMAIL' },
  {
    id: 'cfCheck',
    name: 'Interests',
    fieldKey: 'contact.interests',
    dataType: 'CHECKBOX',
    picklistOptions: ['Yoga', 'Running'],
  },
  {
    id: 'cfSingle',
    name: 'Plan',
    fieldKey: 'contact.plan',
    dataType: 'SINGLE_OPTIONS',
    picklistOptions: ['Basic', 'Pro'],
  },
  {
    id: 'cfMulti',
    name: 'Channels',
    fieldKey: 'contact.channels',
    dataType: 'MULTIPLE_OPTIONS',
    picklistOptions: ['Email', 'SMS'],
  },
  {
    id: 'cfRadio',
    name: 'Size',
    fieldKey: 'contact.size',
    dataType: 'RADIO',
    picklistOptions: ['S', 'M', 'L'],
  },
  {
    id: 'cfBoxes',
    name: 'References',
    fieldKey: 'contact.references',
    dataType: 'TEXTBOX_LIST',
    picklistOptions: [{ label: 'First' }, { label: 'Second' }],
  },
  { id: 'cfFile', name: 'Contract', fieldKey: 'contact.contract', dataType: 'FILE_UPLOAD' },
  { id: 'cfSign', name: 'Signature', fieldKey: 'contact.signature', dataType: 'SIGNATURE' },
];

export const definitionsReply = (customFields: unknown[] = definitions) =>
  customFieldsReply(customFields);

export const contactReply = (customFields: unknown[] = []) => ({
  contact: { id: 'c1', locationId: LOCATION_ID, firstName: 'Ann', customFields },
});
