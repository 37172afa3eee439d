import type { FrameworkDocument } from '@proficio/shared/contracts';
import type { ImportIssue, ImportResult } from '../import-result';
import { decodeText, firstInvalidUtf8Offset } from './text-decoding';

/** Collects the errors and warnings of one import. */
export class IssueList {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];

  error(message: string, location: string): void {
    this.errors.push({ severity: 'error', message, location });
  }

  warning(message: string, location: string): void {
    this.warnings.push({ severity: 'warning', message, location });
  }

  add(issues: readonly ImportIssue[]): void {
    for (const issue of issues) (issue.severity === 'error' ? this.errors : this.warnings).push(issue);
  }

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }

  /** The result: the document only when no error was found. */
  result(document?: FrameworkDocument): ImportResult {
    return {
      ...(document && !this.hasErrors ? { document } : {}),
      errors: this.errors,
      warnings: this.warnings,
    };
  }
}

/** A JSON pointer segment (RFC 6901). */
export function pointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointer(...segments: (string | number)[]): string {
  return segments.map((s) => `/${pointerSegment(s)}`).join('');
}

/** "line 3, column 7" for an offset into a text. */
export function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/**
 * Reads a file that must be UTF-8 JSON, named `what` in messages ("CASE package"): an error at the first byte that
 * is not UTF-8, or a syntax error with its line and column; undefined after either.
 */
export function parseUtf8Json(input: Uint8Array | string, issues: IssueList, what: string): unknown {
  const decoded = decodeText(input);
  if (decoded.encoding !== 'utf-8') {
    const offset = typeof input === 'string' ? 0 : firstInvalidUtf8Offset(decoded.hadBom ? input.subarray(3) : input);
    issues.error(`Wrong encoding: a ${what} must be UTF-8 JSON.`, `byte ${offset + (decoded.hadBom ? 3 : 0) + 1}`);
    return undefined;
  }
  return parseJsonText(decoded.text, issues, what);
}

/** Parses JSON, reporting a syntax error with its line and column. */
export function parseJsonText(text: string, issues: IssueList, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).replace(/, ".*" is not valid JSON$/s, '');
    issues.error(`Not a ${what}: the file is not valid JSON (${reason}).`, lineColumn(text, jsonErrorOffset(text)));
    return undefined;
  }
}

/**
 * Offset of the first JSON syntax error in a text (JSON.parse does not always
 * say where): a small scanner that follows the JSON grammar.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const string = () => {
    if (text[i] !== '"') fail();
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? '')) fail();
      }
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match) fail();
    i += (match as RegExpExecArray)[0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return;
        } else fail();
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return;
        } else fail();
      }
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else number();
  };
  try {
    value();
    ws();
    return i < text.length ? i : 0;
  } catch (offset) {
    return typeof offset === 'number' ? offset : 0;
  }
}
