/**
 * Deterministic (name-based, RFC 4122 version 5) UUIDs, so that exporting the
 * same framework twice gives the same CASE identifiers and a CASE reader sees
 * a re-export as an update. `uuid` runs in Node and in browsers alike.
 */
import { v5 } from 'uuid';

/** An RFC 4122 UUID of version 1–5, variant 1, as CASE requires (OpenSALT's test ids like d0000000-0000-0000-… are not). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Namespace of Proficio's name-based UUIDs. */
export const PROFICIO_UUID_NAMESPACE = '6f1c6a0e-3b8e-5d4b-9a57-0c3f1f6d2b11';

export function uuidV5(name: string, namespace = PROFICIO_UUID_NAMESPACE): string {
  return v5(name, namespace);
}
