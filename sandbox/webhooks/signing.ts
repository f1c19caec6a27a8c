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

/**
 * One pair of each per sandbox, made once a webhook URL is set (or the public keys are asked for),
 * so a sandbox that never sends pays nothing.
 */
export class WebhookKeys {
  private pairs: KeyPairs | undefined;
  private making: Promise<void> | undefined;

  /**
   * Starts making the keys on the thread pool (an RSA key takes a moment), so the first event
   * waits for them without blocking the API's event loop.
   */
  prepare(): Promise<void> {
    this.making ??= Promise.all([generate('ed25519'), generate('rsa')]).then(([ed25519, rsa]) => {
      this.pairs ??= { ed25519, rsa };
    });
    return this.making;
  }

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

  /** Like sign(), once the keys exist. */
  async signWhenReady(raw: string): Promise<SignatureHeaders> {
    if (!this.pairs) await this.prepare();
    return this.sign(raw);
  }

  private keys(): KeyPairs {
    this.pairs ??= {
      ed25519: crypto.generateKeyPairSync('ed25519'),
      rsa: crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }),
    };
    return this.pairs;
  }
}

function generate(type: 'ed25519' | 'rsa'): Promise<crypto.KeyPairKeyObjectResult> {
  return new Promise((resolve, reject) => {
    const done = (
      error: Error | null,
      publicKey: crypto.KeyObject,
      privateKey: crypto.KeyObject,
    ) => (error ? reject(error) : resolve({ publicKey, privateKey }));
    if (type === 'rsa') crypto.generateKeyPair('rsa', { modulusLength: 2048 }, done);
    else crypto.generateKeyPair('ed25519', {}, done);
  });
}
