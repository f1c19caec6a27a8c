// OAuth state: access tokens, rotating single-use refresh tokens and single-use authorization
// codes. Tokens look like HighLevel's (HS256 JWTs) but are checked by lookup, so that expiring one
// from a test, or restarting with the same data file, behaves predictably.
import crypto from 'crypto';

export type UserType = 'Location' | 'Company';

export interface Grant {
  userType: UserType;
  /** Present only for Location (sub-account) tokens. */
  locationId?: string;
  companyId: string;
  userId: string;
  scope: string;
  clientId: string;
  approvedLocations?: string[];
}

export interface AccessTokenRecord extends Grant {
  token: string;
  expiresAt: number;
}

export interface RefreshTokenRecord extends Grant {
  token: string;
}

export interface AuthCodeRecord extends Grant {
  code: string;
  redirectUri: string;
  expiresAt: number;
}

export interface TokenSnapshot {
  secret: string;
  access: AccessTokenRecord[];
  refresh: RefreshTokenRecord[];
  codes: AuthCodeRecord[];
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export const AUTH_CODE_TTL_MS = 10 * 60 * 1000;

export class TokenRegistry {
  private secret = crypto.randomBytes(32).toString('hex');
  private readonly access = new Map<string, AccessTokenRecord>();
  private readonly refresh = new Map<string, RefreshTokenRecord>();
  private readonly codes = new Map<string, AuthCodeRecord>();

  constructor(private readonly onChange: () => void = () => undefined) {}

  issue(grant: Grant, ttlSeconds: number): IssuedTokens {
    const now = Date.now();
    const accessToken = this.sign({ ...claims(grant), iat: Math.floor(now / 1000), kind: 'at' });
    const refreshToken = this.sign({ ...claims(grant), iat: Math.floor(now / 1000), kind: 'rt' });
    this.access.set(accessToken, {
      ...grant,
      token: accessToken,
      expiresAt: now + ttlSeconds * 1000,
    });
    this.refresh.set(refreshToken, { ...grant, token: refreshToken });
    this.onChange();
    return { accessToken, refreshToken, expiresIn: ttlSeconds };
  }

  /** The grant behind a live access token; `expired` when it exists but has run out. */
  verifyAccess(token: string): AccessTokenRecord | 'expired' | undefined {
    const record = this.access.get(token);
    if (!record) return undefined;
    return record.expiresAt <= Date.now() ? 'expired' : record;
  }

  expireAccess(token: string): void {
    const record = this.access.get(token);
    if (!record) return;
    record.expiresAt = Date.now() - 1;
    this.onChange();
  }

  /** Single use: a refresh token is gone once exchanged, so a replay is rejected. */
  consumeRefresh(token: string): RefreshTokenRecord | undefined {
    const record = this.refresh.get(token);
    if (!record) return undefined;
    this.refresh.delete(token);
    this.onChange();
    return record;
  }

  createCode(grant: Grant, redirectUri: string, ttlMs = AUTH_CODE_TTL_MS): string {
    const code = crypto.randomBytes(20).toString('hex');
    this.codes.set(code, { ...grant, code, redirectUri, expiresAt: Date.now() + ttlMs });
    this.onChange();
    return code;
  }

  /** Single use and short-lived; returns undefined for unknown, used or expired codes. */
  consumeCode(code: string): AuthCodeRecord | undefined {
    const record = this.codes.get(code);
    if (!record) return undefined;
    this.codes.delete(code);
    this.onChange();
    return record.expiresAt > Date.now() ? record : undefined;
  }

  snapshot(): TokenSnapshot {
    const now = Date.now();
    return {
      secret: this.secret,
      // Tokens that expired more than a day ago can never matter again.
      access: [...this.access.values()].filter((t) => t.expiresAt > now - 86_400_000),
      refresh: [...this.refresh.values()],
      codes: [...this.codes.values()].filter((c) => c.expiresAt > now),
    };
  }

  restore(snapshot: TokenSnapshot): void {
    this.secret = snapshot.secret;
    for (const record of snapshot.access) this.access.set(record.token, record);
    for (const record of snapshot.refresh) this.refresh.set(record.token, record);
    for (const record of snapshot.codes) this.codes.set(record.code, record);
  }

  private sign(payload: Record<string, unknown>): string {
    const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const body = base64url(JSON.stringify({ ...payload, jti: crypto.randomUUID() }));
    const signature = crypto
      .createHmac('sha256', this.secret)
      .update(`${header}.${body}`)
      .digest('base64url');
    return `${header}.${body}.${signature}`;
  }
}

function claims(grant: Grant): Record<string, unknown> {
  return {
    authClass: grant.userType,
    authClassId: grant.userType === 'Location' ? grant.locationId : grant.companyId,
    source: 'INTEGRATION',
    sourceId: grant.clientId,
    channel: 'OAUTH',
    primaryAuthClassId: grant.userType === 'Location' ? grant.locationId : grant.companyId,
    oauthMeta: { scopes: grant.scope.split(' '), client: grant.clientId },
  };
}

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}
