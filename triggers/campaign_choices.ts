// Campaign dropdown: GET /campaigns/?locationId=… (every status; the API pages nothing here).
import { dropdownTrigger, listChoices } from '../lib/inputs/dropdowns';

export const perform = listChoices({ path: '/campaigns/', listKey: 'campaigns' });

export default dropdownTrigger({ key: 'campaign_choices' as const, noun: 'Campaign', perform });
