// Business dropdown: GET /businesses/?locationId=…&limit&skip, one page per "load more".
import { dropdownTrigger, listChoices } from '../lib/inputs/dropdowns';

/** Businesses per dropdown page (the endpoint's own default). */
export const PAGE_SIZE = 100;

export const perform = listChoices({
  path: '/businesses/',
  listKey: 'businesses',
  pageSize: PAGE_SIZE,
});

export default dropdownTrigger({
  key: 'business_choices' as const,
  noun: 'Business',
  perform,
  canPaginate: true,
});
