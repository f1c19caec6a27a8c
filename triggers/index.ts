// Every trigger, registered by its public key: the visible polling triggers, then the hidden
// ones that feed the dropdowns of id inputs.
import newContact from './new_contact';
import updatedContact from './updated_contact';
import contactTagAdded from './contact_tag_added';
import newBusinessContact from './new_business_contact';
import newTask from './new_task';
import completedTask from './completed_task';
import newNote from './new_note';
import newAppointment from './new_appointment';
import contactChoices from './contact_choices';
import userChoices from './user_choices';
import tagChoices from './tag_choices';
import campaignChoices from './campaign_choices';
import workflowChoices from './workflow_choices';
import businessChoices from './business_choices';
import taskChoices from './task_choices';
import noteChoices from './note_choices';

export default {
  [newContact.key]: newContact,
  [updatedContact.key]: updatedContact,
  [contactTagAdded.key]: contactTagAdded,
  [newBusinessContact.key]: newBusinessContact,
  [newTask.key]: newTask,
  [completedTask.key]: completedTask,
  [newNote.key]: newNote,
  [newAppointment.key]: newAppointment,
  [contactChoices.key]: contactChoices,
  [userChoices.key]: userChoices,
  [tagChoices.key]: tagChoices,
  [campaignChoices.key]: campaignChoices,
  [workflowChoices.key]: workflowChoices,
  [businessChoices.key]: businessChoices,
  [taskChoices.key]: taskChoices,
  [noteChoices.key]: noteChoices,
};
