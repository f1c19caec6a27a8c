// Every search, registered by its public key (the keys are a contract with existing Zaps).
import findContact from './find_contact';
import searchContacts from './search_contacts';
import getContact from './get_contact';
import findTask from './find_task';
import getTask from './get_task';
import findNote from './find_note';
import getNote from './get_note';

export default {
  [findContact.key]: findContact,
  [searchContacts.key]: searchContacts,
  [getContact.key]: getContact,
  [findTask.key]: findTask,
  [getTask.key]: getTask,
  [findNote.key]: findNote,
  [getNote.key]: getNote,
};
