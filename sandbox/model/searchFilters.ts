// Compiles POST /contacts/search `filters` into a predicate. Field names and the operators each
// accepts follow the Contacts Search API doc; anything else is a 422, as HighLevel answers.
import type { Store } from '../store';
import { contactName } from './shapes';
import { normalizePhone, toEpochMs } from './normalize';
import { ContactRecord } from './types';

export type Predicate = (contact: ContactRecord) => boolean;

type Kind = 'id' | 'text' | 'phone' | 'list' | 'date' | 'bool' | 'number';
type Operator = 'eq' | 'not_eq' | 'contains' | 'not_contains' | 'exists' | 'not_exists' | 'range';

interface FieldSpec {
  kind: Kind;
  operators: Operator[];
  get: (contact: ContactRecord) => unknown;
}

const EQ_EXISTS: Operator[] = ['eq', 'not_eq', 'exists', 'not_exists'];
const TEXT_OPS: Operator[] = [...EQ_EXISTS, 'contains', 'not_contains'];
const DATE_OPS: Operator[] = ['range', 'exists', 'not_exists'];

const text = (get: FieldSpec['get']): FieldSpec => ({ kind: 'text', operators: TEXT_OPS, get });
const lowerOf = (value: string | null): string | null => (value ? value.toLowerCase() : null);

const FIELDS: Record<string, FieldSpec> = {
  id: { kind: 'id', operators: ['eq', 'not_eq'], get: (c) => c.id },
  contactName: { kind: 'text', operators: EQ_EXISTS, get: contactName },
  firstNameLowerCase: text((c) => lowerOf(c.firstName)),
  lastNameLowerCase: text((c) => lowerOf(c.lastName)),
  address: text((c) => c.address1),
  businessName: text((c) => c.companyName),
  companyName: text((c) => c.companyName),
  city: text((c) => c.city),
  state: text((c) => c.state),
  postalCode: text((c) => c.postalCode),
  source: text((c) => c.source),
  phone: { kind: 'phone', operators: TEXT_OPS, get: (c) => c.phone },
  tags: { kind: 'list', operators: TEXT_OPS, get: (c) => c.tags },
  email: { kind: 'text', operators: EQ_EXISTS, get: (c) => c.email },
  website: { kind: 'text', operators: EQ_EXISTS, get: (c) => c.website },
  country: { kind: 'text', operators: EQ_EXISTS, get: (c) => c.country },
  timezone: { kind: 'text', operators: EQ_EXISTS, get: (c) => c.timezone },
  type: { kind: 'text', operators: EQ_EXISTS, get: (c) => c.type },
  assignedTo: { kind: 'id', operators: EQ_EXISTS, get: (c) => c.assignedTo },
  businessId: { kind: 'id', operators: EQ_EXISTS, get: (c) => c.businessId },
  followers: { kind: 'list', operators: EQ_EXISTS, get: (c) => c.followers },
  activeWorkflows: { kind: 'list', operators: EQ_EXISTS, get: (c) => c.workflowIds },
  dnd: { kind: 'bool', operators: EQ_EXISTS, get: (c) => c.dnd },
  validEmail: { kind: 'bool', operators: EQ_EXISTS, get: (c) => (c.email ? true : null) },
  dateAdded: { kind: 'date', operators: DATE_OPS, get: (c) => Date.parse(c.dateAdded) },
  dateUpdated: { kind: 'date', operators: DATE_OPS, get: (c) => Date.parse(c.dateUpdated) },
  dateOfBirth: {
    kind: 'date',
    operators: DATE_OPS,
    get: (c) => (c.dateOfBirth ? Date.parse(c.dateOfBirth) : null),
  },
};

interface RawFilter {
  field?: string;
  operator?: Operator;
  value?: unknown;
  group?: 'AND' | 'OR';
  filters?: RawFilter[];
}

/** Throws nothing: returns the predicate and every problem found, for one 422 response. */
export function compileFilters(
  raw: RawFilter[],
  store: Store,
  locationId: string,
): { predicate: Predicate; errors: string[] } {
  const errors: string[] = [];
  const predicates = raw.map((filter, i) =>
    compileOne(filter, `filters.${i}`, store, locationId, errors),
  );
  return { predicate: (c) => predicates.every((p) => p(c)), errors };
}

function compileOne(
  filter: RawFilter,
  path: string,
  store: Store,
  locationId: string,
  errors: string[],
): Predicate {
  if (filter.group) {
    const children = (filter.filters ?? []).map((child, i) =>
      compileOne(child, `${path}.filters.${i}`, store, locationId, errors),
    );
    return filter.group === 'OR'
      ? (c) => children.some((p) => p(c))
      : (c) => children.every((p) => p(c));
  }
  const name = filter.field ?? '';
  const spec = FIELDS[name] ?? customFieldSpec(name, store, locationId);
  if (!spec) {
    errors.push(`${path}.field ${name} is not a supported filter field`);
    return () => false;
  }
  const operator = filter.operator as Operator;
  if (!spec.operators.includes(operator)) {
    errors.push(`${path}.operator ${operator} is not supported for field ${name}`);
    return () => false;
  }
  const test = compileTest(spec.kind, operator, filter.value, `${path}.value`, errors);
  return (c) => test(spec.get(c));
}

function customFieldSpec(name: string, store: Store, locationId: string): FieldSpec | undefined {
  const match = /^customFields\.([^.]+)$/.exec(name);
  const field = match ? store.customFields.get(match[1]!) : undefined;
  if (!field || field.locationId !== locationId) return undefined;
  const get = (c: ContactRecord): unknown => c.customFields.find((v) => v.id === field.id)?.value;
  switch (field.dataType) {
    case 'NUMERICAL':
    case 'MONETORY':
      return { kind: 'number', operators: [...EQ_EXISTS, 'range'], get };
    case 'DATE':
      return { kind: 'date', operators: DATE_OPS, get: (c) => toEpochMs(get(c)) ?? null };
    case 'CHECKBOX':
    case 'MULTIPLE_OPTIONS':
      return { kind: 'list', operators: EQ_EXISTS, get };
    default:
      return { kind: 'text', operators: TEXT_OPS, get };
  }
}

function isPresent(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return false;
  return !Array.isArray(value) || value.length > 0;
}

function compileTest(
  kind: Kind,
  operator: Operator,
  value: unknown,
  path: string,
  errors: string[],
): (actual: unknown) => boolean {
  if (operator === 'exists') return isPresent;
  if (operator === 'not_exists') return (actual) => !isPresent(actual);
  if (value === undefined || value === null || value === '') {
    errors.push(`${path} should not be empty`);
    return () => false;
  }
  if (operator === 'range') return rangeTest(kind, value, path, errors);
  const wanted = (Array.isArray(value) ? value : [value]).map((v) => normalizeForKind(kind, v));
  const matches = (actual: unknown): boolean => {
    const values = kind === 'list' ? ((actual as unknown[] | undefined) ?? []) : [actual];
    const normalized = values.map((v) => normalizeForKind(kind, v));
    if (operator === 'eq' || operator === 'not_eq') {
      return normalized.some((v) => v !== null && wanted.includes(v));
    }
    return normalized.some(
      (v) =>
        typeof v === 'string' &&
        wanted.some((w) => typeof w === 'string' && v.includes(containsForm(kind, w))),
    );
  };
  return operator === 'eq' || operator === 'contains' ? matches : (actual) => !matches(actual);
}

function containsForm(kind: Kind, wanted: string): string {
  return kind === 'phone' ? wanted.replace(/\D/g, '') : wanted;
}

function normalizeForKind(kind: Kind, value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'id':
      return String(value);
    case 'phone':
      return normalizePhone(String(value))?.replace(/\D/g, '') ?? null;
    case 'bool':
      return value === true || value === 'true';
    case 'number':
      return Number(value);
    default:
      return String(value).toLowerCase();
  }
}

function rangeTest(
  kind: Kind,
  value: unknown,
  path: string,
  errors: string[],
): (actual: unknown) => boolean {
  const bounds = value as Record<string, unknown>;
  const keys = Object.keys(bounds ?? {});
  const parse = kind === 'date' ? toEpochMs : (v: unknown) => (v === '' ? undefined : Number(v));
  const limits: Partial<Record<'gte' | 'gt' | 'lte' | 'lt', number>> = {};
  if (typeof value !== 'object' || keys.length === 0) {
    errors.push(`${path} must be an object with gte, gt, lte or lt`);
  }
  for (const key of keys) {
    if (!['gte', 'gt', 'lte', 'lt'].includes(key)) {
      errors.push(`property ${path}.${key} should not exist`);
      continue;
    }
    const parsed = parse(bounds[key]);
    if (parsed === undefined || Number.isNaN(parsed))
      errors.push(`${path}.${key} must be a valid ${kind === 'date' ? 'date' : 'number'}`);
    else limits[key as 'gte'] = parsed;
  }
  return (actual) => {
    if (actual === null || actual === undefined) return false;
    const n = Number(actual);
    if (limits.gte !== undefined && !(n >= limits.gte)) return false;
    if (limits.gt !== undefined && !(n > limits.gt)) return false;
    if (limits.lte !== undefined && !(n <= limits.lte)) return false;
    if (limits.lt !== undefined && !(n < limits.lt)) return false;
    return true;
  };
}
