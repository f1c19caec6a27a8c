// Business dropdown: GET /businesses/?locationId=…&limit&skip, one page per "load more".
import { DROPDOWN_PAGE_SIZE, dropdownTrigger, listChoices } from '../lib/inputs/dropdowns';

/** Businesses per dropdown page (the endpoint's own default). */

export const perform = listChoices({
  path: '/businesses/',
  listKey: 'businesses',
  pageSize: DROPDOWN_PAGE_SIZE,
});

export default dropdownTrigger({
  key: 'business_choices' as const,
  noun: 'Business',
  perform,
  canPaginate: true,
});
