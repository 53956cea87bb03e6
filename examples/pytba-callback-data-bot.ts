/**
 * pyTelegramBotAPI's `callback_data_examples/simple_products_example.py`, translated to Botte by
 * the naming rule: a product list as inline buttons whose callback data a
 * `callbackData.CallbackData` factory builds and parses, a custom filter written the way the
 * Python example writes it, and `InlineKeyboardMarkup({ keyboard })` as in pyTelegramBotAPI.
 *
 * `BOT_TOKEN=... node --import tsx examples/pytba-callback-data-bot.ts` runs it against Telegram;
 * test/example-pytba-bots.test.ts plays a conversation with it on the emulator.
 */
import { Botte, callbackData, customFilters, types, type BotteOptions } from '../src/index.js';

const PRODUCTS = [
  { id: '0', name: 'xiaomi mi 10', price: 400 },
  { id: '1', name: 'samsung s20', price: 800 },
  { id: '2', name: 'iphone 13', price: 1300 },
];

/** `CallbackData('product_id', prefix='products')`. */
export const productsFactory = new callbackData.CallbackData('product_id', { prefix: 'products' });

function productsKeyboard(): types.InlineKeyboardMarkup {
  return new types.InlineKeyboardMarkup({
    keyboard: PRODUCTS.map((product) => [
      new types.InlineKeyboardButton(product.name, { callback_data: productsFactory.new({ product_id: product.id }) }),
    ]),
  });
}

function backKeyboard(): types.InlineKeyboardMarkup {
  return new types.InlineKeyboardMarkup({
    keyboard: [[new types.InlineKeyboardButton('⬅', { callback_data: 'back' })]],
  });
}

/** The Python example's `ProductsCallbackFilter` (`callbackData.CallbackDataCustomFilter` is the ready-made one). */
class ProductsCallbackFilter extends customFilters.AdvancedCustomFilter<
  types.CallbackQuery,
  callbackData.CallbackDataFilter
> {
  readonly key = 'config';
  check(call: types.CallbackQuery, config: callbackData.CallbackDataFilter): boolean {
    return config.check(call);
  }
}

/** The products bot. */
export function createProductsBot(token: string, options: BotteOptions = {}): Botte {
  const bot = new Botte(token, options);

  bot.handleMsg({ commands: ['products'] }, async (message) => {
    await bot.sendMessage(message.chat.id, 'Products:', { reply_markup: productsKeyboard() });
  });

  bot.callbackQueryHandler({ func: undefined, config: productsFactory.filter() }, async (call) => {
    const data = productsFactory.parse(call.data!);
    const product = PRODUCTS[Number(data.product_id)]!;
    const text = `Product name: ${product.name}\nProduct price: ${product.price}`;
    await bot.editMessageText(text, {
      chat_id: call.message!.chat.id,
      message_id: call.message!.message_id,
      reply_markup: backKeyboard(),
    });
  });

  bot.callbackQueryHandler(
    (call) => call.data === 'back',
    async (call) => {
      await bot.editMessageText('Products:', {
        chat_id: call.message!.chat.id,
        message_id: call.message!.message_id,
        reply_markup: productsKeyboard(),
      });
    },
  );

  bot.addCustomFilter(new ProductsCallbackFilter());
  return bot;
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const token = process.env.BOT_TOKEN;
  if (!token) console.log('Set BOT_TOKEN to run this bot; npm test plays it on the emulator.');
  else await createProductsBot(token).runthebot({ handleSignals: true });
}
