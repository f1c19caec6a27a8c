// The app definition as Zapier's publishing checks see it.
import App from '../index';
import { hasBareUrl, isTitleCase, lintDefinition } from './support/definitionLint';

describe('the app definition', () => {
  it('passes every publishing check that can be run offline', () => {
    expect(lintDefinition(App as Parameters<typeof lintDefinition>[0])).toEqual([]);
  });

  it('registers the visible operations the issues name, by their public keys', () => {
    expect(
      Object.keys(App.triggers ?? {})
        .filter((key) => !key.endsWith('_choices'))
        .sort(),
    ).toEqual(
      [
        'completed_task',
        'contact_tag_added',
        'new_appointment',
        'new_business_contact',
        'new_contact',
        'new_note',
        'new_task',
        'updated_contact',
      ].sort(),
    );
    expect(Object.keys(App.creates ?? {}).sort()).toEqual(
      [
        'create_contact',
        'update_contact',
        'upsert_contact',
        'delete_contact',
        'add_contact_tags',
        'remove_contact_tags',
        'bulk_update_contact_tags',
        'create_task',
        'update_task',
        'complete_task',
        'delete_task',
        'create_note',
        'update_note',
        'delete_note',
        'add_contact_to_campaign',
        'remove_contact_from_campaign',
        'remove_contact_from_all_campaigns',
        'add_contact_to_workflow',
        'remove_contact_from_workflow',
        'add_contact_followers',
        'remove_contact_followers',
        'bulk_update_contact_business',
      ].sort(),
    );
    expect(Object.keys(App.searches ?? {}).sort()).toEqual(
      [
        'find_contact',
        'search_contacts',
        'get_contact',
        'find_task',
        'get_task',
        'find_note',
        'get_note',
      ].sort(),
    );
    expect(App.searchOrCreates?.find_contact).toMatchObject({
      search: 'find_contact',
      create: 'create_contact',
    });
  });

  it('links every contactId input to Find Contact as its search step', () => {
    const operations = [App.triggers, App.creates, App.searches].flatMap((section) =>
      Object.values(section ?? {}),
    );
    const contactInputs = operations.flatMap((operation) =>
      ((operation.operation as { inputFields?: unknown[] }).inputFields ?? []).filter(
        (field): field is { key: string; search?: string } =>
          typeof field === 'object' &&
          field !== null &&
          (field as { key?: string }).key === 'contactId',
      ),
    );
    expect(contactInputs.length).toBeGreaterThan(20);
    expect(contactInputs.filter((field) => field.search !== 'find_contact.id')).toEqual([]);
  });
});

describe('the definition lint itself', () => {
  it('knows Title Case', () => {
    expect(isTitleCase('Add Tags to Contact')).toBe(true);
    expect(isTitleCase('Find Contact by Name or Filter')).toBe(true);
    expect(isTitleCase('Add tags to contact')).toBe(false);
  });

  it('finds bare URLs but accepts markdown links', () => {
    expect(hasBareUrl('See https://example.com for more')).toBe(true);
    expect(hasBareUrl('See [the docs](https://example.com).')).toBe(false);
  });

  it('reports each kind of problem', () => {
    const problems = lintDefinition({
      triggers: {
        bad_trigger: {
          key: 'bad_trigger',
          display: { label: 'bad trigger', description: 'Fires sometimes' },
          operation: {
            sample: { name: 'x', when: 'yesterday' },
            outputFields: [{ key: 'when', type: 'datetime' }],
            inputFields: [
              {
                key: 'a',
                label: 'Thing',
                helpText: 'Thing',
                dynamic: 'missing_choices.id.name',
                search: 'nope.id',
              },
              { key: 'b', label: 'Other', helpText: 'Go to http://example.com' },
            ],
          },
        },
      },
      searchOrCreates: { x: { key: 'x', search: 'x', create: 'y' } },
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/label "bad trigger" is not in Title Case/),
        expect.stringMatching(/must start with "Triggers when "/),
        expect.stringMatching(/sample without an id/),
        expect.stringMatching(/sample value of when contradicts its type datetime/),
        expect.stringMatching(/help text repeats the label/),
        expect.stringMatching(/dynamic points at missing trigger missing_choices/),
        expect.stringMatching(/search points at missing search nope/),
        expect.stringMatching(/bare URL in help text/),
        expect.stringMatching(/non-https URL/),
        expect.stringMatching(/missing create y/),
      ]),
    );
  });
});
