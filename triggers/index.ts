// Every trigger, registered by its public key: the visible polling triggers, their instant twins
// (REST hooks through the webhook relay), then the hidden ones that feed the dropdowns of id inputs.
import newContact from './new_contact';
import updatedContact from './updated_contact';
import contactTagAdded from './contact_tag_added';
import newBusinessContact from './new_business_contact';
import newTask from './new_task';
import completedTask from './completed_task';
import newNote from './new_note';
import newAppointment from './new_appointment';
import newContactInstant from './new_contact_instant';
import updatedContactInstant from './updated_contact_instant';
import contactDeletedInstant from './contact_deleted_instant';
import contactTagAddedInstant from './contact_tag_added_instant';
import newTaskInstant from './new_task_instant';
import completedTaskInstant from './completed_task_instant';
import newNoteInstant from './new_note_instant';
import newAppointmentInstant from './new_appointment_instant';
import updatedAppointmentInstant from './updated_appointment_instant';
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
  [newContactInstant.key]: newContactInstant,
  [updatedContactInstant.key]: updatedContactInstant,
  [contactDeletedInstant.key]: contactDeletedInstant,
  [contactTagAddedInstant.key]: contactTagAddedInstant,
  [newTaskInstant.key]: newTaskInstant,
  [completedTaskInstant.key]: completedTaskInstant,
  [newNoteInstant.key]: newNoteInstant,
  [newAppointmentInstant.key]: newAppointmentInstant,
  [updatedAppointmentInstant.key]: updatedAppointmentInstant,
  [contactChoices.key]: contactChoices,
  [userChoices.key]: userChoices,
  [tagChoices.key]: tagChoices,
  [campaignChoices.key]: campaignChoices,
  [workflowChoices.key]: workflowChoices,
  [businessChoices.key]: businessChoices,
  [taskChoices.key]: taskChoices,
  [noteChoices.key]: noteChoices,
};
