/** `npm run build:server`: bundles the feed server into .output/server (see src/server/build.ts). */
import { buildServer } from '../src/server/build';

const entry = await buildServer();
process.stdout.write(`built ${entry}\n`);
