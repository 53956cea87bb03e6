/**
 * Telegram Passport: `/verify` sends the user a link to the Passport form asking for personal
 * details and a passport with a selfie; when the data arrives, the bot decrypts it with its RSA
 * private key, checks the document number, and either thanks the user or tells Telegram which
 * field to fix (`setPassportDataErrors`), so the user is asked again.
 *
 * Run it against the emulator with `node --import tsx examples/passport-bot.ts`: without
 * BOT_TOKEN it generates a key pair, plays one good and one bad submission, and prints the
 * bot's answers. With BOT_TOKEN, set PASSPORT_PRIVATE_KEY and PASSPORT_PUBLIC_KEY (PEM) to the
 * key pair whose public key you gave @BotFather.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { Botte, passport, util, type BotteOptions } from '../src/index.js';
import { BotApiEmulator, encryptPassportData } from '../src/testing/index.js';

/** Keys of the bot and the nonce it issued per user. */
export interface PassportBotKeys {
  /** The bot's private key, PEM. */
  privateKey: string;
  /** The bot's public key, PEM (the one registered with @BotFather). */
  publicKey: string;
}

const DOCUMENT_NUMBER = /^[A-Z0-9]{6,9}$/;

/** Builds the Passport bot. `nonces` maps a user id to the nonce of their last request. */
export function createPassportBot(token: string, keys: PassportBotKeys, options: BotteOptions = {}) {
  const bot = new Botte(token, options);
  const nonces = new Map<number, string>();

  bot.handleMsg({ commands: ['verify'] }, async (message) => {
    const nonce = randomUUID();
    nonces.set(message.from!.id, nonce);
    const link = passport.authorizationUrl({
      botId: util.extractBotId(token)!,
      scope: ['personal_details', { type: 'passport', selfie: true }],
      publicKey: keys.publicKey,
      nonce,
    });
    await bot.replyTo(message, `Open this link to share your passport: ${link}`);
  });

  bot.handleMsg({ contentTypes: ['passport_data'] }, async (message) => {
    const userId = message.from!.id;
    let result: passport.DecryptedPassport;
    try {
      result = await passport.decrypt(message.passport_data!, {
        privateKey: keys.privateKey,
        nonce: nonces.get(userId),
      });
    } catch (error) {
      if (!(error instanceof passport.PassportDecryptionError)) throw error;
      await bot.replyTo(message, `Sorry, that data could not be read (${error.reason}). Please send /verify again.`);
      return;
    }
    const details = result.element('personal_details');
    const document = result.element('passport');
    const problems: passport.PassportElementError[] = [];
    if (!document?.data || !DOCUMENT_NUMBER.test(document.data.document_no)) {
      if (document) problems.push(passport.dataFieldError(document, 'document_no', 'The document number looks wrong'));
    }
    if (document && !document.selfie)
      problems.push(passport.unspecifiedError(document, 'A selfie with the passport is needed'));
    if (problems.length > 0) {
      await bot.setPassportDataErrors(userId, problems);
      await bot.replyTo(message, 'Some details need fixing; Telegram will show you which.');
      return;
    }
    nonces.delete(userId);
    await bot.replyTo(
      message,
      `Thank you, ${details?.data?.first_name ?? 'friend'}: your passport ${document!.data!.document_no} is on file.`,
    );
  });
  return bot;
}

async function demo(): Promise<void> {
  const keys = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const emu = await BotApiEmulator.start();
  const bot = createPassportBot(emu.token, keys, { apiUrl: emu.apiUrl, fileUrl: emu.fileUrl });
  const running = bot.runthebot({ longPollingTimeout: 1 });
  try {
    for (const documentNo of ['AB1234567', 'bad no']) {
      let since = emu.calls.length;
      emu.pushMessage('/verify', { userId: 5, chatId: 5 });
      const link = String((await emu.waitForCall('sendMessage', undefined, { since })).params.text).split(': ')[1]!;
      const nonce = new URL(link.replace('tg://resolve', 'http://x/')).searchParams.get('nonce')!;
      since = emu.calls.length;
      const passportData = encryptPassportData(
        {
          publicKey: keys.publicKey,
          nonce,
          elements: [
            {
              type: 'personal_details',
              data: {
                first_name: 'Ada',
                last_name: 'Lovelace',
                birth_date: '10.12.1815',
                gender: 'female',
                country_code: 'GB',
                residence_country_code: 'GB',
              },
            },
            {
              type: 'passport',
              data: { document_no: documentNo },
              front_side: Buffer.from('scan'),
              selfie: Buffer.from('selfie'),
            },
          ],
        },
        emu,
      );
      emu.pushMessage(undefined, { userId: 5, chatId: 5, extra: { passport_data: passportData } });
      const reply = await emu.waitForCall('sendMessage', undefined, { since });
      console.log(`passport ${JSON.stringify(documentNo)} → bot: ${String(reply.params.text)}`);
      const errors = emu.callsOf('setPassportDataErrors').filter((c) => emu.calls.indexOf(c) >= since);
      for (const call of errors) console.log('  setPassportDataErrors:', JSON.stringify(call.params.errors));
    }
  } finally {
    await bot.stopBot();
    await running;
    await emu.stop();
  }
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const token = process.env.BOT_TOKEN;
  if (!token) await demo();
  else {
    const privateKey = process.env.PASSPORT_PRIVATE_KEY;
    const publicKey = process.env.PASSPORT_PUBLIC_KEY;
    if (!privateKey || !publicKey) throw new Error('Set PASSPORT_PRIVATE_KEY and PASSPORT_PUBLIC_KEY (PEM)');
    await createPassportBot(token, { privateKey, publicKey }).runthebot({ handleSignals: true });
  }
}
