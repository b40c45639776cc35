// Worker threads do not inherit tsx's TypeScript loader here: register it in the thread itself,
// then load the TypeScript worker (as tests/client/node-engine-worker.mjs does).
import { register } from 'tsx/esm/api';

register();
await import('./worker-engine.ts');
