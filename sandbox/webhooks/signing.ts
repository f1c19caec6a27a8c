// The sandbox's own webhook keys, standing in for HighLevel's published public keys. A receiver
// checks `x-ghl-signature` (Ed25519, what the official SDK checks first) and `x-wh-signature`
// (RSA-SHA256 with PKCS#1 v1.5, the older header), both over the raw body bytes.
import crypto from 'crypto';

export interface WebhookPublicKeys {
  /** PEM (SPKI) of the key behind `x-ghl-signature`. */
  ed25519: string;
  /** PEM (SPKI) of the key behind `x-wh-signature`. */
  rsa: string;
}

export interface SignatureHeaders {
  'x-ghl-signature': string;
  'x-wh-signature': string;
}

interface KeyPairs {
  ed25519: crypto.KeyPairKeyObjectResult;
  rsa: crypto.KeyPairKeyObjectResult;
}

/** One pair of each per sandbox, made on first use so a sandbox that never sends pays nothing. */
export class WebhookKeys {
  private pairs: KeyPairs | undefined;

  get publicKeys(): WebhookPublicKeys {
    const { ed25519, rsa } = this.keys();
    const pem = (key: crypto.KeyObject): string =>
      key.export({ type: 'spki', format: 'pem' }).toString();
    return { ed25519: pem(ed25519.publicKey), rsa: pem(rsa.publicKey) };
  }

  sign(raw: string): SignatureHeaders {
    const { ed25519, rsa } = this.keys();
    const bytes = Buffer.from(raw, 'utf8');
    return {
      'x-ghl-signature': crypto.sign(null, bytes, ed25519.privateKey).toString('base64'),
      'x-wh-signature': crypto.sign('sha256', bytes, rsa.privateKey).toString('base64'),
    };
  }

  private keys(): KeyPairs {
    this.pairs ??= {
      ed25519: crypto.generateKeyPairSync('ed25519'),
      rsa: crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }),
    };
    return this.pairs;
  }
}
