// Proof that a caller may see a sub-account: HighLevel answers GET /locations/{locationId} for its
// token. The answer is cached briefly under a hash of the token (never the token itself), and the
// token is neither stored nor logged.
import { createHash } from 'crypto';

export type Access = 'allowed' | 'denied' | 'unavailable';

export class LocationAccess {
  private cache = new Map<string, { access: Access; expiresAt: number }>();

  constructor(private readonly options: { apiBaseUrl: string; cacheSeconds: number }) {}

  async check(token: string, locationId: string): Promise<Access> {
    const key = `${createHash('sha256').update(token).digest('hex')}:${locationId}`;
    const cached = this.cache.get(key);
    if (cached && cached.expiresAt > Date.now()) return cached.access;

    const access = await this.ask(token, locationId);
    if (access !== 'unavailable') {
      if (this.cache.size >= 10_000) this.cache.clear();
      this.cache.set(key, { access, expiresAt: Date.now() + this.options.cacheSeconds * 1000 });
    }
    return access;
  }

  private async ask(token: string, locationId: string): Promise<Access> {
    try {
      const response = await fetch(
        `${this.options.apiBaseUrl}/locations/${encodeURIComponent(locationId)}`,
        {
          headers: {
            Authorization: `Bearer ${token}`,
            Version: '2021-07-28',
            Accept: 'application/json',
          },
          signal: AbortSignal.timeout(10_000),
        },
      );
      await response.body?.cancel();
      if (response.ok) return 'allowed';
      // 5xx and 429 say nothing about the token: the caller may try again.
      return response.status >= 500 || response.status === 429 ? 'unavailable' : 'denied';
    } catch {
      return 'unavailable';
    }
  }
}
