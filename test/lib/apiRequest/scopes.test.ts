// The API Request action's scope table, held to HighLevel's own scope list.
import fs from 'fs';
import path from 'path';
import { API_AREAS, scopeForRequest } from '../../../lib/apiRequest/scopes';

/** `| contacts.write | POST /contacts/ | …` rows; a blank scope cell continues the one above. */
const scopeList = (): string =>
  fs.readFileSync(path.join(__dirname, '../../../vendor/ghl-openapi/docs/oauth/Scopes.md'), 'utf8');

const documented = (): Array<{ scope: string; method: string; path: string }> => {
  let scope = '';
  return scopeList()
    .split('\n')
    .flatMap((line) => {
      const cells = line.split('|').map((cell) => cell.trim());
      if (cells.length < 4) return [];
      const named = cells[1]!.replace(/&nbsp;/g, '');
      if (/^[\w/-]+\.(readonly|write|read)$/.test(named)) scope = named;
      const endpoint = /^(GET|POST|PUT|PATCH|DELETE) \/?(\S+)$/.exec(cells[2]!);
      if (!endpoint || !scope) return [];
      return [{ scope, method: endpoint[1]!, path: `/${endpoint[2]!.replace(/:\w+/g, 'x1')}` }];
    });
};

// A row of the list filed under the wrong scope: deleting a media file under a funnels read scope.
const LIST_ERRATA = new Set(['DELETE /medias/x1']);

describe('the scope of each part of the API', () => {
  const rows = documented();

  it('reads HighLevel scope list', () => {
    expect(rows.length).toBeGreaterThan(150);
  });

  it('agrees with the list for every endpoint of the parts it names', () => {
    const disagreements = rows
      .filter((row) => !LIST_ERRATA.has(`${row.method} ${row.path}`))
      .map((row) => ({ ...row, table: scopeForRequest(row.method, row.path) }))
      .filter((row) => row.table !== undefined && row.table !== row.scope)
      .map((row) => `${row.method} ${row.path}: list ${row.scope}, table ${row.table}`);
    expect(disagreements).toEqual([]);
  });

  it('names only scopes the list has', () => {
    const listed = new Set(
      [...scopeList().matchAll(/^\|\s*([\w/-]+\.(?:readonly|write|read))\s*\|/gm)].map(
        ([, scope]) => scope,
      ),
    );
    const named = API_AREAS.flatMap((area) => [area.read, area.write]).filter(Boolean);
    expect(named.filter((scope) => !listed.has(scope!))).toEqual([]);
  });

  it('reads with GET and with the POST searches and lists, and writes otherwise', () => {
    expect(scopeForRequest('GET', '/opportunities/search')).toBe('opportunities.readonly');
    expect(scopeForRequest('POST', '/opportunities/')).toBe('opportunities.write');
    expect(scopeForRequest('POST', '/contacts/search')).toBe('contacts.readonly');
    expect(scopeForRequest('POST', '/locations/x1/tasks/search')).toBe('locations/tasks.readonly');
    expect(scopeForRequest('GET', '/unknown/area')).toBeUndefined();
  });
});
