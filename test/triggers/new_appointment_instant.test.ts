import newAppointment, { perform as pollNewAppointments } from '../../triggers/new_appointment';
import newAppointmentInstant, {
  perform,
  performList,
  performSubscribe,
} from '../../triggers/new_appointment_instant';
import { bundleWith, highLevel, LOCATION_ID, testerFor } from '../support/app';
import {
  apiContact,
  CONTACT_ID,
  deliveryBundle,
  envelope,
  expectSubscription,
  subscribeBundle,
} from '../support/instant';

const appTester = testerFor('triggers', newAppointmentInstant, newAppointment);
const apiAppointment = {
  id: 'appt1',
  calendarId: 'BqTwX8QFwXzpegMve9EQ',
  title: 'Cleaning',
  status: 'booked',
  appointmentStatus: 'confirmed',
  assignedUserId: 'YlWd2wuCAZQzh2cH1fVZ',
  notes: '',
  address: 'Room 2',
  startTime: '2026-12-10 15:00:00',
  endTime: '2026-12-10 15:45:00',
  dateAdded: '2026-12-04T16:01:00.000Z',
  dateUpdated: '2026-12-04T16:01:00.000Z',
  contactId: CONTACT_ID,
  locationId: LOCATION_ID,
};
/** The event nests the appointment and carries no `status` or `locationId` inside it. */
const appointmentCreate = () => {
  const { status: _status, locationId: _location, ...appointment } = apiAppointment;
  return {
    type: 'AppointmentCreate',
    locationId: LOCATION_ID,
    appointment: { ...appointment, groupId: '', users: [], source: 'booking_widget' },
    ...envelope(),
  };
};

describe('new_appointment_instant', () => {
  it('subscribes to AppointmentCreate with the calendar and status filters', async () => {
    const scope = expectSubscription('AppointmentCreate', {
      calendarId: 'BqTwX8QFwXzpegMve9EQ',
      appointmentStatus: 'confirmed',
    });
    await appTester(
      performSubscribe,
      subscribeBundle({ calendarId: 'BqTwX8QFwXzpegMve9EQ', appointmentStatus: 'confirmed' }),
    );
    expect(scope.isDone()).toBe(true);
  });

  it("returns what New Appointment returns, its read filling the event's missing status", async () => {
    highLevel()
      .get(`/contacts/${CONTACT_ID}/appointments`)
      .times(2)
      .reply(200, { events: [apiAppointment] });

    const [instant] = await appTester(perform, deliveryBundle(appointmentCreate()));
    const [polled] = await appTester(pollNewAppointments, bundleWith({ contactId: CONTACT_ID }));

    expect(instant).toMatchObject({ status: 'booked', startTime: '2026-12-10T15:00:00.000Z' });
    expect(instant).toEqual(polled);
  });

  it('keeps the event’s fields for an appointment deleted since', async () => {
    highLevel().get(`/contacts/${CONTACT_ID}/appointments`).reply(200, { events: [] });
    const [appointment] = await appTester(perform, deliveryBundle(appointmentCreate()));
    expect(appointment).toMatchObject({ id: 'appt1', status: '', locationId: LOCATION_ID });
  });

  it("lists recent appointments matching the Zap's filters for the editor", async () => {
    highLevel()
      .post('/contacts/search')
      .reply(200, { contacts: [apiContact] });
    highLevel()
      .get(`/contacts/${CONTACT_ID}/appointments`)
      .reply(200, {
        events: [
          apiAppointment,
          { ...apiAppointment, id: 'appt2', appointmentStatus: 'cancelled' },
        ],
      });

    const results = await appTester(performList, bundleWith({ appointmentStatus: 'confirmed' }));

    expect(results.map((appointment) => appointment.id)).toEqual(['appt1']);
  });
});
