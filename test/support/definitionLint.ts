// What Zapier's publishing checks reject but `zapier-platform validate --without-style` cannot see
// offline (D006 hooks without performList, D007 https, D008 links, D010/D012 samples, D011 help
// text, D013–D015 references, D016/D017 static webhooks, D018 Title Case, D021 trigger
// descriptions, D024 sample vs outputFields). Returns the problems.

type Field = {
  key?: string;
  label?: string;
  helpText?: string;
  type?: string;
  list?: boolean;
  dynamic?: string;
  search?: string;
  children?: Field[];
};
type Operation = {
  key: string;
  noun?: string;
  display?: { label?: string; description?: string; hidden?: boolean };
  operation?: {
    type?: string;
    performList?: unknown;
    performSubscribe?: unknown;
    performUnsubscribe?: unknown;
    sample?: Record<string, unknown>;
    inputFields?: unknown[];
    outputFields?: unknown[];
  };
};
type AppLike = {
  triggers?: Record<string, Operation>;
  creates?: Record<string, Operation>;
  searches?: Record<string, Operation>;
  searchOrCreates?: Record<
    string,
    { key: string; search: string; create: string; display?: { label?: string } }
  >;
};

const SMALL_WORDS = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'to',
  'from',
  'in',
  'of',
  'on',
  'by',
  'for',
  'with',
  'as',
  'at',
]);

export const isTitleCase = (label: string): boolean =>
  label.split(/\s+/).every((word, index) => {
    const letters = word.replace(/^[^A-Za-z]+/, '');
    if (!letters) return true;
    if (index > 0 && SMALL_WORDS.has(letters.toLowerCase().replace(/[^a-z]/g, ''))) return true;
    return /^[A-Z]/.test(letters);
  });

// A URL has a host after its scheme: "without http:// or https://" names schemes, links nowhere.
const URL_PATTERN = /https?:\/\/[\w-]/;
const HTTP_URL_PATTERN = /\bhttp:\/\/[\w-]/i;

/** A bare http(s) URL: not the target of a markdown link and not in backticks. */
export const hasBareUrl = (text: string): boolean =>
  URL_PATTERN.test(text.replace(/\]\((https?:\/\/[^)\s]+)\)/g, '](link)').replace(/`[^`]*`/g, ''));

const staticFields = (fields: unknown[] | undefined): Field[] =>
  (fields ?? []).filter((field): field is Field => typeof field === 'object' && field !== null);

const typeMatches = (type: string | undefined, value: unknown): boolean => {
  if (value === undefined || value === null || value === '') return true;
  switch (type) {
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'datetime':
      return (
        typeof value === 'string' &&
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)
      );
    case 'string':
    case 'text':
      return typeof value === 'string';
    default:
      return true;
  }
};

const valueAt = (sample: Record<string, unknown>, key: string): unknown =>
  key
    .split('__')
    .reduce<unknown>(
      (at, part) =>
        at && typeof at === 'object' ? (at as Record<string, unknown>)[part] : undefined,
      sample,
    );

const walkStrings = (
  value: unknown,
  visit: (text: string, path: string) => void,
  path = 'App',
): void => {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value))
    value.forEach((item, i) => walkStrings(item, visit, `${path}[${i}]`));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) walkStrings(item, visit, `${path}.${key}`);
  }
};

export const lintDefinition = (app: AppLike): string[] => {
  const problems: string[] = [];
  const sections = {
    triggers: app.triggers ?? {},
    creates: app.creates ?? {},
    searches: app.searches ?? {},
  };

  for (const [section, operations] of Object.entries(sections)) {
    for (const [key, op] of Object.entries(operations)) {
      const where = `${section}.${key}`;
      const label = op.display?.label ?? '';
      const description = op.display?.description ?? '';
      if (op.key !== key)
        problems.push(`${where}: registered under a key other than its own (${op.key})`);
      const visible = !op.display?.hidden;
      if (visible) {
        if (!isTitleCase(label)) problems.push(`${where}: label "${label}" is not in Title Case`);
        if (section === 'triggers' && !description.startsWith('Triggers when '))
          problems.push(`${where}: description must start with "Triggers when "`);
        if (!description.endsWith('.')) problems.push(`${where}: description must end with "."`);
        const sample = op.operation?.sample;
        if (!sample) problems.push(`${where}: visible operation without a sample`);
        else if (!('id' in sample)) problems.push(`${where}: sample without an id`);
        for (const field of staticFields(op.operation?.outputFields)) {
          if (!sample || !field.key || field.key.includes('[]')) continue;
          const value = valueAt(sample, field.key);
          const ok = field.list
            ? value === undefined ||
              (Array.isArray(value) && value.every((item) => typeMatches(field.type, item)))
            : typeMatches(field.type, value);
          if (!ok)
            problems.push(
              `${where}: sample value of ${field.key} contradicts its type ${field.list ? 'list of ' : ''}${field.type}`,
            );
        }
      }
      if (section === 'triggers' && op.operation?.type === 'hook') {
        if (!op.operation.performList)
          problems.push(`${where}: a hook trigger needs performList (real items for the editor)`);
        if (!op.operation.performSubscribe || !op.operation.performUnsubscribe)
          problems.push(
            `${where}: a static webhook (a hook without performSubscribe and performUnsubscribe)`,
          );
      }
      if (
        section === 'searches' &&
        staticFields(op.operation?.inputFields).length === 0 &&
        visible
      ) {
        problems.push(`${where}: a search needs at least one input field`);
      }
      for (const field of staticFields(op.operation?.inputFields)) {
        const fieldWhere = `${where}.inputFields.${field.key}`;
        if (field.label && !isTitleCase(field.label))
          problems.push(`${fieldWhere}: label "${field.label}" is not in Title Case`);
        if (field.helpText && field.label && field.helpText.trim() === field.label.trim()) {
          problems.push(`${fieldWhere}: help text repeats the label`);
        }
        if (field.helpText && hasBareUrl(field.helpText))
          problems.push(`${fieldWhere}: bare URL in help text`);
        if (field.dynamic) {
          const [trigger] = field.dynamic.split('.');
          if (!trigger || !sections.triggers[trigger])
            problems.push(`${fieldWhere}: dynamic points at missing trigger ${trigger}`);
        }
        if (field.search) {
          const [search] = field.search.split('.');
          if (!search || !sections.searches[search])
            problems.push(`${fieldWhere}: search points at missing search ${search}`);
          if (!field.dynamic)
            problems.push(`${fieldWhere}: a search link needs a dynamic dropdown too`);
        }
      }
    }
  }

  for (const [key, pair] of Object.entries(app.searchOrCreates ?? {})) {
    if (pair.key !== key || pair.search !== key)
      problems.push(`searchOrCreates.${key}: key must equal its search key`);
    if (!sections.searches[pair.search])
      problems.push(`searchOrCreates.${key}: missing search ${pair.search}`);
    if (!sections.creates[pair.create])
      problems.push(`searchOrCreates.${key}: missing create ${pair.create}`);
    if (pair.display?.label && !isTitleCase(pair.display.label))
      problems.push(`searchOrCreates.${key}: label not in Title Case`);
  }

  walkStrings(app, (text, path) => {
    if (HTTP_URL_PATTERN.test(text)) problems.push(`${path}: non-https URL ${text}`);
    if (/\bjavascript:/i.test(text)) problems.push(`${path}: dangerous URI`);
  });
  return problems;
};
