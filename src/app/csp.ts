// Sent by the preview server and documented for deployment. No 'unsafe-eval' and no inline
// script: the engine never turns user text into code, so it never needs either. AG Grid sets
// inline styles on cells, hence 'unsafe-inline' for styles only.
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
