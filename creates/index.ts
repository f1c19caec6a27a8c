// Every action, registered by its public key (the keys are a contract with existing Zaps).
import createContact from './create_contact';
import updateContact from './update_contact';
import upsertContact from './upsert_contact';
import deleteContact from './delete_contact';
import addContactTags from './add_contact_tags';
import removeContactTags from './remove_contact_tags';
import bulkUpdateContactTags from './bulk_update_contact_tags';
import createTask from './create_task';
import updateTask from './update_task';
import completeTask from './complete_task';
import deleteTask from './delete_task';
import createNote from './create_note';
import updateNote from './update_note';
import deleteNote from './delete_note';
import addContactToCampaign from './add_contact_to_campaign';
import removeContactFromCampaign from './remove_contact_from_campaign';
import removeContactFromAllCampaigns from './remove_contact_from_all_campaigns';
import addContactToWorkflow from './add_contact_to_workflow';
import removeContactFromWorkflow from './remove_contact_from_workflow';
import addContactFollowers from './add_contact_followers';
import removeContactFollowers from './remove_contact_followers';
import bulkUpdateContactBusiness from './bulk_update_contact_business';
import apiRequest from './api_request';

export default {
  [createContact.key]: createContact,
  [updateContact.key]: updateContact,
  [upsertContact.key]: upsertContact,
  [deleteContact.key]: deleteContact,
  [addContactTags.key]: addContactTags,
  [removeContactTags.key]: removeContactTags,
  [bulkUpdateContactTags.key]: bulkUpdateContactTags,
  [createTask.key]: createTask,
  [updateTask.key]: updateTask,
  [completeTask.key]: completeTask,
  [deleteTask.key]: deleteTask,
  [createNote.key]: createNote,
  [updateNote.key]: updateNote,
  [deleteNote.key]: deleteNote,
  [addContactToCampaign.key]: addContactToCampaign,
  [removeContactFromCampaign.key]: removeContactFromCampaign,
  [removeContactFromAllCampaigns.key]: removeContactFromAllCampaigns,
  [addContactToWorkflow.key]: addContactToWorkflow,
  [removeContactFromWorkflow.key]: removeContactFromWorkflow,
  [addContactFollowers.key]: addContactFollowers,
  [removeContactFollowers.key]: removeContactFollowers,
  [bulkUpdateContactBusiness.key]: bulkUpdateContactBusiness,
  [apiRequest.key]: apiRequest,
};
