import { createHash } from 'node:crypto';
import { contentSecurityPolicyDirectives, hasInlineEventHandlers, inlineScriptHashes } from './content-security-policy';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('inlineScriptHashes', () => {
  it('hashes the exact text of each inline script, once each', () => {
    const html = `<head><script>window.a = 1;</script><script type="module">
  import('./x.js');
</script><script>window.a = 1;</script></head>`;
    expect(inlineScriptHashes(html)).toEqual([sha256('window.a = 1;'), sha256("\n  import('./x.js');\n")]);
  });

  it('leaves out scripts loaded from a file, and finds none in a page without scripts', () => {
    expect(inlineScriptHashes('<script src="main-3LICKREA.js" type="module"></script><SCRIPT SRC=x.js></SCRIPT>')).toEqual([]);
    expect(inlineScriptHashes('')).toEqual([]);
  });
});

describe('hasInlineEventHandlers', () => {
  it("finds the onload of Angular's inlined critical CSS", () => {
    expect(hasInlineEventHandlers(`<link rel="stylesheet" href="styles.css" media="print" onload="this.media='all'">`)).toBe(true);
    expect(hasInlineEventHandlers('<body ONCLICK = "x()">')).toBe(true);
  });

  it('finds none in a page with none', () => {
    expect(hasInlineEventHandlers('<meta name="description" content="Proficio: track competencies"><app-root></app-root>')).toBe(false);
  });
});

describe('contentSecurityPolicyDirectives', () => {
  it('allows scripts from this origin and the inline ones by hash, never any inline script', () => {
    const directives = contentSecurityPolicyDirectives('<script>boot()</script>');
    expect(directives['script-src']).toEqual(["'self'", sha256('boot()')]);
    expect(directives['script-src-attr']).toEqual(["'none'"]);
    expect(
      Object.values(directives)
        .flat()
        .filter((source) => source === "'unsafe-eval'"),
    ).toEqual([]);
  });
});
