// Workflow dropdown: GET /workflows/?locationId=… (the API pages nothing here).
import { dropdownTrigger, listChoices } from '../lib/inputs/dropdowns';

export const perform = listChoices({ path: '/workflows/', listKey: 'workflows' });

export default dropdownTrigger({ key: 'workflow_choices' as const, noun: 'Workflow', perform });
