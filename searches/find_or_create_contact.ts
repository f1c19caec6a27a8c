// Find or Create Contact: Zapier runs find_contact and, when it finds nothing, create_contact with
// the same input values (the two share the keys email, phone and defaultCountry).
import type { SearchOrCreate } from 'zapier-platform-core';

export default {
  key: 'find_contact',
  display: {
    label: 'Find or Create Contact',
    description: 'Finds a contact by email or phone, or creates one if none matches.',
  },
  search: 'find_contact',
  create: 'create_contact',
} satisfies SearchOrCreate;
