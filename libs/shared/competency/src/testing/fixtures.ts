import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The path of a sample file of the format tests: `ok/…` read cleanly, `bad/…` fail with a named error, `schemas/…`. */
export const fixturePath = (...parts: string[]): string => path.join(__dirname, '..', '..', 'test', 'fixtures', ...parts);

/** A sample file's bytes, e.g. `fixture('ok', 'moodle', 'oecd-core-competencies.csv')`. */
export const fixture = (...parts: string[]): Uint8Array => new Uint8Array(readFileSync(fixturePath(...parts)));
