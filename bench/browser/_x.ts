import { measureBundle } from './bundle.ts';
const b = measureBundle(process.argv[2] as string);
console.log(b.initial.gzipBytes, b.worker.gzipBytes);
