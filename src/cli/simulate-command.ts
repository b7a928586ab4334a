/**
 * @module `maille simulate sensors`: publishes realistic readings of the demo's invented things over MQTT to the running
 * Maille's broker (the embedded one: the data folder's local token as password; or --url and --key), at --rate readings
 * per second in total, with a progress line showing the rate acknowledged.
 */
import mqtt from 'mqtt';
import { loadConfig } from '../server/core/config.ts';
import { seededRandom } from '../server/core/random.ts';
import { DEMO_SLUG } from '../server/demo/index.ts';
import { demoThings, readingsAt } from '../server/observatory/index.ts';
import { readingsTopic } from '../server/observatory/index.ts';
import { runningOwner } from './running.ts';

export async function simulateSensorsCommand(options: { devices: string; rate: string; url?: string; key?: string; territory?: string; seconds?: string }): Promise<void> {
  const config = loadConfig();
  const things = demoThings(seededRandom(1212));
  const devices = Math.min(Number(options.devices), things.length);
  const rate = Number(options.rate);
  if (!Number.isFinite(rate) || rate <= 0 || !Number.isInteger(devices) || devices < 1) throw new Error('--devices and --rate must be positive numbers.');
  if (Number(options.devices) > things.length) process.stderr.write(`The demo territory has ${things.length} simulated things: using all of them.\n`);
  const owner = runningOwner(config);
  const password = options.key ?? process.env.MAILLE_INGEST_KEY ?? owner?.token;
  if (!password) throw new Error('No running Maille owns this data folder: give --key <ingest key> (and --url when its broker is elsewhere).');
  const url = options.url ?? `mqtt://${config.mqttHost}:${config.mqttPort > 0 ? config.mqttPort : 1883}`;
  const client = await mqtt.connectAsync(url, { username: 'simulator', password, reconnectPeriod: 2000 });
  const slug = options.territory ?? DEMO_SLUG;
  const random = seededRandom(Date.now() % 1_000_000);
  const until = options.seconds ? Date.now() + Number(options.seconds) * 1000 : Infinity;
  let acked = 0;
  let sent = 0;
  const started = Date.now();
  const progress = setInterval(() => {
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(`\r${sent} readings sent, ${acked} stored (acknowledged), ${Math.round(acked / seconds)} readings/s   `);
  }, 1000);
  let stop = false;
  process.once('SIGINT', () => (stop = true));
  // Every tick, each device publishes its readings of the moment; ticks are spaced so the total meets the rate.
  const perTick = things.slice(0, devices).reduce((n, t) => n + readingsAt(t, new Date(), random).length, 0);
  const tickMs = Math.max(1, (perTick / rate) * 1000);
  while (!stop && Date.now() < until) {
    const at = new Date();
    const tick = things.slice(0, devices).map((t) => {
      const readings = readingsAt(t, at, random).map(({ entityId: _device, ...rest }) => rest);
      sent += readings.length;
      return client.publishAsync(readingsTopic(slug, t.localId), JSON.stringify(readings), { qos: 1 }).then(() => void (acked += readings.length));
    });
    await Promise.all([...tick, new Promise((resolve) => setTimeout(resolve, tickMs))]);
  }
  clearInterval(progress);
  await client.endAsync();
  process.stdout.write(`\n${acked} readings stored in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
}
