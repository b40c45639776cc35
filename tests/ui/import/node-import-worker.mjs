// Worker threads do not take --import for TypeScript here: register tsx in the thread itself,
// then load the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./node-import-worker.ts');
