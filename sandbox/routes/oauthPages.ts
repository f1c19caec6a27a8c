// The marketplace's "choose location" consent page and its approve step, which redirects back to
// the app with `?code=…&state=…`. Plain HTML, so a person (or a test) can click through it.
import { ALL_SCOPES, locationGrant, OAuthConfig } from '../auth/grants';
import { ApiResult } from '../http/io';
import type { Store } from '../store';

export const AUTHORIZE_PATHS = ['/v2/oauth/chooselocation', '/oauth/chooselocation'];
export const APPROVE_PATHS = AUTHORIZE_PATHS.map((path) => `${path}/approve`);

type Params = Record<string, string | undefined>;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(status: number, title: string, body: string): ApiResult {
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)} · HighLevel sandbox</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}
label{display:block;padding:.5rem;border:1px solid #ccc;border-radius:6px;margin:.5rem 0}
button{padding:.6rem 1.4rem;font-size:1rem}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>
`;
  return { status, raw: html, contentType: 'text/html; charset=utf-8' };
}

function problem(config: OAuthConfig, params: Params): string | undefined {
  if (params.client_id !== config.clientId)
    return 'Unknown client_id: no app is registered with this id.';
  if (!params.redirect_uri) return 'redirect_uri is required.';
  if (!URL.canParse(params.redirect_uri)) return 'redirect_uri must be an absolute URL.';
  if (params.response_type !== undefined && params.response_type !== 'code') {
    return 'response_type must be "code".';
  }
  return undefined;
}

export function authorizePage(store: Store, config: OAuthConfig, params: Params): ApiResult {
  const error = problem(config, params);
  if (error) return page(400, 'Invalid authorization request', `<p>${escapeHtml(error)}</p>`);
  const scopes = (params.scope || ALL_SCOPES.join(' ')).split(/\s+/).filter(Boolean);
  const hidden = ['client_id', 'redirect_uri', 'scope', 'state']
    .filter((name) => params[name] !== undefined)
    .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(params[name]!)}">`)
    .join('\n');
  const locations = [...store.locations.values()]
    .map(
      (location, index) =>
        `<label><input type="radio" name="locationId" value="${escapeHtml(location.id)}"${index === 0 ? ' checked' : ''}> ${escapeHtml(location.name)} <small>(${escapeHtml(location.city)}, ${escapeHtml(location.state)} · ${escapeHtml(location.id)})</small></label>`,
    )
    .join('\n');
  return page(
    200,
    'Choose an account',
    `<p>The app <code>${escapeHtml(params.client_id!)}</code> asks for access to:</p>
<ul>${scopes.map((scope) => `<li><code>${escapeHtml(scope)}</code></li>`).join('')}</ul>
<form method="post" action="/v2/oauth/chooselocation/approve">
${hidden}
${locations}
<button type="submit">Approve</button>
</form>`,
  );
}

/** Issues a single-use code for the chosen location and redirects back to the app. */
export function approve(store: Store, config: OAuthConfig, params: Params): ApiResult {
  const error = problem(config, params);
  if (error) return page(400, 'Invalid authorization request', `<p>${escapeHtml(error)}</p>`);
  const locationId = params.locationId ?? '';
  if (!store.locations.has(locationId)) {
    return page(
      400,
      'Invalid authorization request',
      '<p>Choose a location to install the app in.</p>',
    );
  }
  const code = mintCode(store, config, locationId, params.redirect_uri!, params.scope);
  const target = new URL(params.redirect_uri!);
  target.searchParams.set('code', code);
  if (params.state !== undefined) target.searchParams.set('state', params.state);
  return { status: 302, raw: '', headers: { Location: target.toString() } };
}

export function mintCode(
  store: Store,
  config: OAuthConfig,
  locationId: string,
  redirectUri: string,
  scope?: string,
): string {
  const grant = locationGrant(store, locationId, config.clientId, scope || ALL_SCOPES.join(' '));
  return store.auth.createCode(grant, redirectUri);
}
