// Find or Create Contact: find_contact, then create_contact when nothing matches.
import findOrCreateContact from './find_or_create_contact';

export default {
  [findOrCreateContact.key]: findOrCreateContact,
};
