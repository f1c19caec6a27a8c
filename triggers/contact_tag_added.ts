// Tag Added to Contact: POST /contacts/search for contacts with the chosen tag, newest dateUpdated
// first (adding a tag updates the contact). Dedupe id = contact id + tag: each contact fires once
// when it gains the tag, however often it changes afterwards, and never again for that tag (the
// search cannot tell a re-added tag from one that stayed). Because that id never changes, turning
// the Zap on records every contact that has the tag, not only the recently updated ones.
import { defineInputFields, defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { contactSample } from '../lib/contacts/shape';
import { requireText } from '../lib/inputs/normalise';
import {
  contactChangeOutputFields,
  contactFilters,
  recentContactOutputs,
} from '../lib/polling/contacts';

const inputFields = defineInputFields([
  {
    key: 'tag',
    label: 'Tag',
    type: 'string',
    required: true,
    dynamic: 'tag_choices.name.name',
    helpText:
      'Fires once for each contact that gets this tag. A contact whose tag is removed and added again later does not fire again. Tag names are matched exactly.',
  },
]);

export const perform = async (z: ZObject, bundle: Bundle) => {
  const tag = requireText('Tag', bundle.inputData.tag);
  const contacts = await recentContactOutputs(z, bundle, {
    sortField: 'dateUpdated',
    filters: contactFilters({ tag }),
    recordAllWhenTurnedOn: true,
  });
  return contacts.map((contact) => ({
    ...contact,
    id: `${contact.id}:${tag}`,
    contactId: contact.id,
    tag,
  }));
};

const SAMPLE_TAG = 'vip';

export default defineTrigger({
  key: 'contact_tag_added' as const,
  noun: 'Contact',
  display: {
    label: 'Tag Added to Contact',
    description:
      'Triggers when a tag is first added to a contact. Checked every few minutes; Tag Added to Contact (Instant) fires within seconds.',
  },
  operation: {
    type: 'polling',
    // Gives the Zap its own z.cursor, where it keeps its polling progress (lib/polling/zapMemory.ts).
    canPaginate: true,
    perform,
    inputFields,
    sample: {
      ...contactSample,
      id: `${contactSample.id}:${SAMPLE_TAG}`,
      contactId: contactSample.id,
      tag: SAMPLE_TAG,
      tags: [...contactSample.tags, SAMPLE_TAG],
      tagsText: [...contactSample.tags, SAMPLE_TAG].join(', '),
    },
    outputFields: [
      ...contactChangeOutputFields('Tag Event ID'),
      { key: 'tag', label: 'Tag Added', type: 'string' },
    ],
  },
});
