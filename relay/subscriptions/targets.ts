// Where a subscription may deliver: https on an allowed host (Zapier's hooks), so that the relay
// cannot be used as an open proxy. Loopback http targets only when explicitly allowed (development).

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A sentence saying why this target is refused, or undefined when it is allowed. */
export function targetProblem(
  targetUrl: string,
  options: { targetHosts: string[]; allowLoopbackTargets: boolean },
): string | undefined {
  let url: URL;
  try {
    url = new URL(targetUrl);
  } catch {
    return 'targetUrl must be an absolute URL.';
  }
  if (url.username || url.password) return 'targetUrl must not carry credentials.';
  const host = url.hostname.toLowerCase();
  if (options.allowLoopbackTargets && LOOPBACK_HOSTS.has(host)) {
    return url.protocol === 'http:' || url.protocol === 'https:'
      ? undefined
      : 'targetUrl must be http or https.';
  }
  if (url.protocol !== 'https:') return 'targetUrl must use https.';
  if (url.port !== '') return 'targetUrl must use the default https port.';
  if (!options.targetHosts.includes(host)) {
    return `targetUrl must be on ${options.targetHosts.join(' or ')}.`;
  }
  return undefined;
}
