// The fault test's light Maille: the same database opening (the folder's lock, PGlite, its recovery), the same
// createMaille and HTTP stack and the same shutdown on SIGTERM as `maille start`, serving only the account routes
// the test writes through, so a start does not pay for compiling every other route's schemas.
import { accountRoutes } from '../../src/server/accounts/index.ts';
import { createMaille } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/core/config.ts';

const config = loadConfig();
const maille = await createMaille(config, { routes: [accountRoutes] });
const address = await maille.app.listen({ port: config.port, host: config.host });
maille.database.local?.lock.setUrl(address);
process.stdout.write(`Open ${address}/t/\n`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(1), 10_000).unref();
  try {
    await maille.close();
  } catch (error) {
    process.stderr.write(`closing failed: ${(error as Error).message}\n`);
    process.exit(1);
  }
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
