import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** An inline `<script>` (no `src`): its attributes and its text, exactly as the browser hashes it. */
const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
/** An event-handler attribute (onload="…"): no hash can allow it under `script-src-attr 'none'`. */
const EVENT_HANDLER_ATTRIBUTE = /<[a-z][^>]*\son[a-z]+\s*=/i;

/** The CSP source expression (`'sha256-…'`) allowing each inline script of this HTML page. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = [...html.matchAll(INLINE_SCRIPT)]
    .filter(([, attributes]) => !/\bsrc\s*=/i.test(attributes ?? ''))
    .map(
      ([, , text]) =>
        `'sha256-${createHash('sha256')
          .update(text ?? '', 'utf8')
          .digest('base64')}'`,
    );
  return [...new Set(hashes)];
}

/** Whether the page has an inline event handler (e.g. the `onload` of Angular's inlined critical CSS). */
export function hasInlineEventHandlers(html: string): boolean {
  return EVENT_HANDLER_ATTRIBUTE.test(html);
}

/** The built web app's index.html, or '' when the process serves the API only. */
export function readWebIndex(webDistDir: string | undefined): string {
  const indexFile = webDistDir ? join(webDistDir, 'index.html') : undefined;
  return indexFile && existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : '';
}

/**
 * helmet's Content-Security-Policy directives. Scripts only from this origin, plus the inline scripts of
 * the web app's index.html by their hash (read once at start: the built app does not change while the
 * process runs; today's build has none). No `'unsafe-inline'` for scripts, and no inline event handlers
 * (`script-src-attr 'none'`): markup someone manages to inject cannot run. Styles keep `'unsafe-inline'`:
 * Angular writes component styles into `<style>` elements and templates' static `style` attributes through
 * the DOM, and so does Swagger UI; a style cannot run code.
 */
export function contentSecurityPolicyDirectives(indexHtml: string): Record<string, string[] | null> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...inlineScriptHashes(indexHtml)],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'font-src': ["'self'", 'data:'],
    'img-src': ["'self'", 'data:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'self'"],
    // Proficio is often reached over plain http on a LAN: no upgrade of sub-resources to https.
    'upgrade-insecure-requests': null,
  };
}
