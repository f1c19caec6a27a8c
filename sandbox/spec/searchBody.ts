// The spec's SearchBodyV2DTO is an empty object; this is the body HighLevel actually accepts for
// POST /contacts/search, written from the Contacts Search API doc (see shared notes §4.2).

export const SEARCH_SORT_FIELDS = [
  'dateAdded',
  'dateUpdated',
  'firstNameLowerCase',
  'lastNameLowerCase',
  'businessName',
  'email',
  'dnd',
  'source',
] as const;

export const FILTER_OPERATORS = [
  'eq',
  'not_eq',
  'contains',
  'not_contains',
  'exists',
  'not_exists',
  'range',
] as const;

export const MAX_PAGE_LIMIT = 500;

export const searchBodySchema = {
  type: 'object',
  $defs: {
    filter: {
      type: 'object',
      properties: {
        field: { type: 'string', minLength: 1 },
        operator: { type: 'string', enum: [...FILTER_OPERATORS] },
        value: {},
        group: { type: 'string', enum: ['AND', 'OR'] },
        filters: { type: 'array', items: { $ref: '#/$defs/filter' } },
      },
      additionalProperties: false,
      // Either a leaf `{field, operator, value?}` or a nested `{group, filters}`.
      if: { required: ['group'] },
      then: { required: ['filters'] },
      else: { required: ['field', 'operator'] },
    },
  },
  properties: {
    locationId: { type: 'string', minLength: 1 },
    page: { type: 'integer', minimum: 1 },
    pageLimit: { type: 'integer', minimum: 1, maximum: MAX_PAGE_LIMIT },
    searchAfter: {
      type: 'array',
      minItems: 1,
      items: { type: ['string', 'number', 'boolean', 'null'] },
    },
    filters: { type: 'array', items: { $ref: '#/$defs/filter' } },
    sort: {
      type: 'array',
      maxItems: 2,
      items: {
        type: 'object',
        properties: {
          field: { type: 'string', enum: [...SEARCH_SORT_FIELDS] },
          direction: { type: 'string', enum: ['asc', 'desc'] },
        },
        required: ['field', 'direction'],
        additionalProperties: false,
      },
    },
    query: { type: 'string', maxLength: 75 },
  },
  required: ['locationId', 'pageLimit'],
  additionalProperties: false,
};
