/** Shared pieces of the Telegram Passport tests (test/passport-*.test.ts, test/example-passport-bot.test.ts). */
import { generateKeyPairSync } from 'node:crypto';

/** A fresh 2048-bit RSA key pair in PEM; the private key is encrypted with `passphrase` when one is given. */
export function rsaKeyPair(passphrase?: string): { publicKey: string; privateKey: string } {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding:
      passphrase === undefined
        ? { type: 'pkcs8', format: 'pem' }
        : { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase },
  });
}

/** The personal_details element the tests submit. */
export const details = {
  first_name: 'Ada',
  last_name: 'Lovelace',
  birth_date: '10.12.1815',
  gender: 'female',
  country_code: 'GB',
  residence_country_code: 'GB',
};
