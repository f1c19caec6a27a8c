// Contact dropdown: POST /contacts/search, newest first, 100 per page. "Load more" continues from
// the searchAfter of the previous page's last contact (kept in z.cursor), which unlike page numbers
// reaches past HighLevel's 10,000-record limit for page-based paging.
import type { Bundle, ZObject } from 'zapier-platform-core';
import * as zod from 'zod';
import { callHighLevel, locationIdOf } from '../lib/http/client';
import { contactOutput, contactSchema } from '../lib/contacts/shape';
import {
  DROPDOWN_PAGE_SIZE,
  dropdownTrigger,
  personLabel,
  readCursor,
  writeCursor,
} from '../lib/inputs/dropdowns';
import { uniqueById } from '../lib/uniqueById';

const responseSchema = zod.looseObject({ contacts: zod.array(contactSchema).default([]) });

export const perform = async (z: ZObject, bundle: Bundle) => {
  const locationId = locationIdOf(bundle);
  const cursor = await readCursor(z, bundle);
  if ('done' in cursor) return [];
  const { contacts } = await callHighLevel(
    z,
    {
      method: 'POST',
      path: '/contacts/search',
      body: {
        locationId,
        pageLimit: DROPDOWN_PAGE_SIZE,
        sort: [{ field: 'dateAdded', direction: 'desc' }],
        ...('searchAfter' in cursor ? { searchAfter: cursor.searchAfter } : {}),
      },
    },
    responseSchema,
  );
  const last = contacts[contacts.length - 1];
  await writeCursor(z, contacts.length === DROPDOWN_PAGE_SIZE ? last?.searchAfter : undefined);
  return uniqueById(
    contacts.map((contact) => {
      // A dropdown shows names, not custom fields: no definitions request for each page.
      const output = contactOutput(contact, []);
      const { fullName: name, email, phone, id } = output;
      return { ...output, label: personLabel({ name, email, phone, id }) };
    }),
  );
};

export default dropdownTrigger({
  key: 'contact_choices' as const,
  noun: 'Contact',
  perform,
  canPaginate: true,
});
