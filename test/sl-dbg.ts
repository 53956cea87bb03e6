import { RedisFloodControl } from '../src/scale/index.js';
import { startRedis } from './scale-limiter-redis.js';
import { logger } from '../src/logger.js';
logger.setLevel('debug');
const redis = await startRedis();
const l = new RedisFloodControl({ url: redis.url, privatePerSecond: 0.8 });
const t = Date.now();
try {
  await Promise.all([1, 2, 3].map(async (i) => { await l.acquire('sendMessage', 1001); console.log(i, Date.now() - t); }));
} catch (e) { console.log('err', e, Date.now() - t); }
console.log(l.stats());
await l.close(); await redis.stop();
