import updatedAppointmentInstant, {
  perform,
  performList,
  performSubscribe,
} from '../../triggers/updated_appointment_instant';
import { bundleWith, highLevel, LOCATION_ID, testerFor } from '../support/app';
import {
  apiContact,
  CONTACT_ID,
  deliveryBundle,
  envelope,
  expectSubscription,
  subscribeBundle,
} from '../support/instant';

const appTester = testerFor('triggers', updatedAppointmentInstant);
const apiAppointment = {
  id: 'appt1',
  calendarId: 'BqTwX8QFwXzpegMve9EQ',
  title: 'Cleaning',
  status: 'cancelled',
  appointmentStatus: 'cancelled',
  startTime: '2026-12-10 15:00:00',
  endTime: '2026-12-10 15:45:00',
  dateAdded: '2026-12-04T16:01:00.000Z',
  dateUpdated: '2026-12-04T16:05:00.000Z',
  contactId: CONTACT_ID,
  locationId: LOCATION_ID,
};
const appointmentUpdate = (dateUpdated: string) => ({
  type: 'AppointmentUpdate',
  locationId: LOCATION_ID,
  appointment: { ...apiAppointment, status: undefined, locationId: undefined, dateUpdated },
  ...envelope(),
});

describe('updated_appointment_instant', () => {
  it('subscribes to AppointmentUpdate', async () => {
    const scope = expectSubscription('AppointmentUpdate', { appointmentStatus: 'cancelled' });
    await appTester(performSubscribe, subscribeBundle({ appointmentStatus: 'cancelled' }));
    expect(scope.isDone()).toBe(true);
  });

  it('names each change by the update time the event carries, the appointment id kept', async () => {
    highLevel()
      .get(`/contacts/${CONTACT_ID}/appointments`)
      .reply(200, { events: [{ ...apiAppointment, dateUpdated: '2026-12-04T16:09:00.000Z' }] });

    const [change] = await appTester(
      perform,
      deliveryBundle(appointmentUpdate('2026-12-04T16:05:00.000Z')),
    );

    expect(change).toMatchObject({
      id: 'appt1:2026-12-04T16:05:00.000Z',
      appointmentId: 'appt1',
      appointmentStatus: 'cancelled',
      status: 'cancelled',
    });
    expect(Object.keys(change!).sort()).toEqual(
      Object.keys(updatedAppointmentInstant.operation.sample as object).sort(),
    );
  });

  it('lists recent appointments as changes for the editor', async () => {
    highLevel()
      .post('/contacts/search')
      .reply(200, { contacts: [apiContact] });
    highLevel()
      .get(`/contacts/${CONTACT_ID}/appointments`)
      .reply(200, { events: [apiAppointment] });
    const results = await appTester(performList, bundleWith());
    expect(results.map((change) => change.id)).toEqual(['appt1:2026-12-04T16:05:00.000Z']);
  });
});
