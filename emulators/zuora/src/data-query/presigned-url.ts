// Data Query hands back `dataFile`, a pre-signed URL: the caller downloads it without the API token, as it
// would an S3 object, so the URL itself carries the proof: an HMAC of the file id and expiry under a key
// that never leaves the emulator. https://developer.zuora.com/v1-api-reference/api/operation/GET_DataQueryJob/
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export class UrlSigner {
  private readonly key = randomBytes(32);

  constructor(private readonly now: () => Date) {}

  private signature(fileId: string, expires: number): Buffer {
    return createHmac('sha256', this.key).update(`${fileId}\n${expires}`).digest();
  }

  /** Query string for a URL valid for `ttlSeconds`. */
  sign(fileId: string, ttlSeconds: number): string {
    const expires = Math.floor(this.now().getTime() / 1000) + ttlSeconds;
    return `X-Amz-Expires=${expires}&X-Amz-Signature=${this.signature(fileId, expires).toString('hex')}`;
  }

  verify(fileId: string, expires: unknown, signature: unknown): boolean {
    if (typeof expires !== 'string' || typeof signature !== 'string' || !/^\d{1,12}$/.test(expires))
      return false;
    if (Number(expires) < this.now().getTime() / 1000 || !/^[0-9a-f]{64}$/.test(signature)) return false;
    return timingSafeEqual(Buffer.from(signature, 'hex'), this.signature(fileId, Number(expires)));
  }
}
