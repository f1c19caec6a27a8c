// Tag dropdown: GET /locations/{locationId}/tags. Inputs use the tag's name as the value
// (`tag_choices.name.name`) because the Contacts API takes tag names, not tag ids.
import { dropdownTrigger, listChoices } from '../lib/inputs/dropdowns';

export const perform = listChoices({ path: '/locations/{locationId}/tags', listKey: 'tags' });

export default dropdownTrigger({ key: 'tag_choices' as const, noun: 'Tag', perform });
