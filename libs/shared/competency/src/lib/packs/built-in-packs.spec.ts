import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import type { Competency, FrameworkDocument, LocalizedText } from '@proficio/shared/contracts';

// The five source documents the built-in packs are transcribed from (see ../shared/seeds/README.md).
const SEEDS_DIR = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'seeds');
const PACKS_DIR = __dirname;
const SCHEMA_PATH = path.join(__dirname, '..', 'proficio-json', 'proficio-framework.schema.json');

const PACK_FILES = [
  'ecf-area-c-run.json',
  'service-management-processes.json',
  'service-management.json',
  'sfia-itmg.json',
  'sfia-slmo-it.json',
];

function loadPack(file: string): FrameworkDocument {
  return JSON.parse(readFileSync(path.join(PACKS_DIR, file), 'utf8')) as FrameworkDocument;
}

/** Lines of a seed, trimmed (String.trim also removes U+00A0 no-break spaces). */
function seedLines(prefix: string): string[] {
  const file = readdirSync(SEEDS_DIR).find((f) => f.startsWith(`${prefix}_`) && f.endsWith('.txt'));
  if (!file) throw new Error(`seed ${prefix} not found in ${SEEDS_DIR}`);
  return readFileSync(path.join(SEEDS_DIR, file), 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim());
}

const nonEmpty = (lines: string[]) => lines.filter((l) => l.length > 0);

/** Text of a LocalizedText in the pack's default language. */
function textOf(doc: FrameworkDocument) {
  return (lt: LocalizedText | undefined): string | undefined => (lt === undefined ? undefined : lt[doc.framework.defaultLanguage]);
}

function onlyCompetency(doc: FrameworkDocument): Competency {
  expect(doc.competencies).toHaveLength(1);
  return doc.competencies[0];
}

function collectLocalizedTexts(value: unknown, out: LocalizedText[] = []): LocalizedText[] {
  if (Array.isArray(value)) value.forEach((v) => collectLocalizedTexts(v, out));
  else if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    const looksLocalized =
      entries.length > 0 && entries.every(([k, v]) => /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(k) && typeof v === 'string');
    if (looksLocalized) out.push(value as LocalizedText);
    else entries.forEach(([, v]) => collectLocalizedTexts(v, out));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
describe('schema and structural invariants', () => {
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
  const ajv = new Ajv({ allErrors: true });
  const validate = ajv.compile(schema);

  it.each(PACK_FILES)('%s validates against proficio-framework.schema.json', (file) => {
    const doc = loadPack(file);
    const ok = validate(doc);
    expect(ajv.errorsText(validate.errors)).toBe('No errors');
    expect(ok).toBe(true);
  });

  it('rejects an object with an unknown property', () => {
    const doc = loadPack(PACK_FILES[0]) as unknown as Record<string, unknown>;
    expect(validate({ ...doc, extra: true })).toBe(false);
  });

  it.each(PACK_FILES)('%s has unique keys, ordered levels and consistent languages', (file) => {
    const doc = loadPack(file);
    const keys = [doc.framework.key, doc.scale.key, ...doc.categories.map((c) => c.key), ...doc.competencies.map((c) => c.key)];
    expect(new Set(keys).size).toBe(keys.length);

    const numbers = doc.scale.levels.map((l) => l.number);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    const codes = doc.scale.levels.map((l) => l.code);
    expect(new Set(codes).size).toBe(codes.length);

    const categoryKeys = new Set(doc.categories.map((c) => c.key));
    for (const cat of doc.categories) if (cat.parentKey) expect(categoryKeys).toContain(cat.parentKey);
    for (const comp of doc.competencies) {
      if (comp.categoryKey) expect(categoryKeys).toContain(comp.categoryKey);
      const lv = comp.levels.map((l) => l.level);
      expect(lv).toEqual([...lv].sort((a, b) => a - b));
      expect(new Set(lv).size).toBe(lv.length);
      for (const n of lv) expect(numbers).toContain(n);
      for (const np of comp.notPractisedLevels ?? []) {
        expect(numbers).toContain(np.level);
        expect(lv).not.toContain(np.level);
      }
    }
    for (const cert of doc.certifications ?? []) {
      for (const k of cert.categoryKeys ?? []) expect(categoryKeys).toContain(k);
    }

    expect(doc.framework.languages).toContain(doc.framework.defaultLanguage);
    for (const lt of collectLocalizedTexts({ ...doc, framework: { ...doc.framework, languages: [] } })) {
      for (const lang of Object.keys(lt)) expect(doc.framework.languages).toContain(lang);
      expect(lt[doc.framework.defaultLanguage]).toBeTruthy();
    }
  });
});

// ---------------------------------------------------------------------------------------------
describe('seed 000: e-CF area C RUN (EXIN)', () => {
  const lines = seedLines('000');
  const doc = loadPack('ecf-area-c-run.json');
  const t = textOf(doc);

  // Parse: "C.n. Title" headings, then "Level N" + the next non-empty line, up to the certifications block.
  type Expected = { code: string; title: string; levels: { level: number; text: string }[] };
  const expected: Expected[] = [];
  const end = lines.findIndex((l) => l.startsWith('EXIN Certifications'));
  for (let i = 0; i < end; i++) {
    const head = /^(C\.\d+)\.\s+(.+)$/.exec(lines[i]);
    const lvl = /^Level (\d+)$/.exec(lines[i]);
    if (head) expected.push({ code: head[1], title: head[2], levels: [] });
    else if (lvl && expected.length) {
      let j = i + 1;
      while (!lines[j]) j++;
      expected[expected.length - 1].levels.push({ level: Number(lvl[1]), text: lines[j] });
    }
  }

  it('parses the expected shape from the seed', () => {
    expect(expected.map((e) => [e.code, e.levels.map((l) => l.level)])).toEqual([
      ['C.1', [1, 2, 3]],
      ['C.2', [2, 3]],
      ['C.3', [2, 3]],
      ['C.4', [2, 3, 4]],
      ['C.5', [1, 2, 3]],
    ]);
  });

  it('has every competence, level and level description verbatim', () => {
    expect(doc.competencies.map((c) => c.code)).toEqual(expected.map((e) => e.code));
    for (const e of expected) {
      const comp = doc.competencies.find((c) => c.code === e.code)!;
      expect(t(comp.title)).toBe(e.title);
      expect(comp.categoryKey).toBe('C');
      expect(comp.levels.map((l) => ({ level: l.level, text: t(l.description) }))).toEqual(e.levels);
    }
  });

  it('has area C "RUN" with its description, the e-1..e-5 scale and the certifications', () => {
    const areaDesc = lines.find((l) => l.startsWith('The e-CF competence area RUN'));
    expect(doc.categories).toEqual([{ key: 'C', code: 'C', name: { en: 'RUN' }, description: { en: areaDesc } }]);
    expect(doc.scale.levels.map((l) => [l.number, l.code, t(l.label)])).toEqual([1, 2, 3, 4, 5].map((n) => [n, `e-${n}`, `e-${n}`]));
    const certs = doc.certifications ?? [];
    expect(certs).toHaveLength(3);
    for (const c of certs) {
      expect(lines).toContain(c.name);
      expect(c.issuer).toBe('EXIN');
      expect(c.categoryKeys).toEqual(['C']);
    }
  });
});

// ---------------------------------------------------------------------------------------------
describe('seed 001: Service Management Processes (behaviours, questions, probes)', () => {
  const lines = nonEmpty(seedLines('001'));
  const doc = loadPack('service-management-processes.json');
  const t = textOf(doc);

  type Q = { text: string; probes: string[] };
  type Lv = { level: number; definition: string; behaviours: string[]; questions: Q[] };
  const levels: Lv[] = [];
  let section = '';
  for (const line of lines.slice(2)) {
    const lvl = /^Level (\d+) (.+)$/.exec(line);
    if (lvl) {
      levels.push({ level: Number(lvl[1]), definition: lvl[2], behaviours: [], questions: [] });
      section = '';
    } else if (line === 'BEHAVIORS' || line === 'QUESTIONS') section = line;
    else if (line === 'Probing Questions') continue;
    else if (line.startsWith('- ') && section === 'BEHAVIORS') levels.at(-1)!.behaviours.push(line.slice(2).trim());
    else if (line.startsWith('- ') && section === 'QUESTIONS') levels.at(-1)!.questions.push({ text: line.slice(2).trim(), probes: [] });
    else if (line.startsWith('* ')) levels.at(-1)!.questions.at(-1)!.probes.push(line.slice(2).trim());
    else throw new Error(`unparsed seed 001 line: ${line}`);
  }

  it('parses 5 levels from the seed', () => {
    expect(levels.map((l) => l.level)).toEqual([1, 2, 3, 4, 5]);
    const count = (p: string) => lines.filter((l) => l.startsWith(p)).length;
    const parsed = levels.flatMap((l) => [...l.behaviours, ...l.questions.map((q) => q.text)]).length;
    expect(parsed).toBe(count('- '));
    expect(levels.flatMap((l) => l.questions.flatMap((q) => q.probes)).length).toBe(count('* '));
  });

  it('keeps title, description and the generic level definitions in the scale', () => {
    const comp = onlyCompetency(doc);
    expect(comp.key).toBe('service-management-processes');
    expect(t(comp.title)).toBe(lines[0]);
    expect(t(comp.description)).toBe(lines[1]);
    expect(doc.scale.levels.map((l) => [l.number, t(l.description)])).toEqual(levels.map((l) => [l.level, l.definition]));
  });

  it('keeps every behaviour, question and probing question verbatim, in order, per level', () => {
    const comp = onlyCompetency(doc);
    expect(comp.levels.map((l) => l.level)).toEqual(levels.map((l) => l.level));
    for (const exp of levels) {
      const got = comp.levels.find((l) => l.level === exp.level)!;
      expect(got.indicators.map((i) => t(i))).toEqual(exp.behaviours);
      expect(got.questions.map((q) => ({ text: t(q.text), probes: q.probes.map((p) => t(p)) }))).toEqual(exp.questions);
    }
  });

  it('keeps the quirks (placeholder keys, cut-off behaviour)', () => {
    const all = onlyCompetency(doc).levels.flatMap((l) => l.indicators.map((i) => t(i)));
    expect(all).toContain('competency-level-behavior.761045.name');
    expect(all).toContain('competency-level-behavior.761046.name');
    expect(all).toContain('Develops Service Management metrics for the');
  });
});

// ---------------------------------------------------------------------------------------------
describe('seed 002: Service Management (national skills framework)', () => {
  const lines = nonEmpty(seedLines('002'));
  const doc = loadPack('service-management.json');
  const t = textOf(doc);

  const levels: { level: number; label: string; indicators: string[] }[] = [];
  for (const line of lines) {
    const lvl = /^Level (\d+) \((.+)\)$/.exec(line);
    if (lvl) levels.push({ level: Number(lvl[1]), label: lvl[2], indicators: [] });
    else if (line.startsWith('\u2022')) levels.at(-1)!.indicators.push(line.replace(/^\u2022\s*/, '').trim());
  }

  it('parses 5 levels and all bullets from the seed', () => {
    expect(levels.map((l) => l.label)).toEqual(['Follow', 'Assist', 'Apply', 'Ensure', 'Strategise']);
    expect(levels.flatMap((l) => l.indicators).length).toBe(lines.filter((l) => l.startsWith('\u2022')).length);
  });

  it('has the scale labels, the description and every indicator verbatim, in order', () => {
    expect(doc.scale.levels.map((l) => [l.number, t(l.label)])).toEqual(levels.map((l) => [l.level, l.label]));
    const comp = onlyCompetency(doc);
    expect(t(comp.title)).toBe(lines[0]);
    expect(t(comp.description)).toBe(lines[1]);
    expect(comp.levels.map((l) => ({ level: l.level, indicators: l.indicators.map((i) => t(i)) }))).toEqual(
      levels.map((l) => ({ level: l.level, indicators: l.indicators })),
    );
  });

  it('keeps the near-duplicate indicator in level 2', () => {
    const l2 = onlyCompetency(doc)
      .levels.find((l) => l.level === 2)!
      .indicators.map((i) => t(i));
    expect(l2).toContain('Monitor service levels, review and report service delivery deviations.');
    expect(l2).toContain('Monitor service levels, review and report service delivery deviation.');
  });
});

// ---------------------------------------------------------------------------------------------
describe('seed 003: SFIA 9 ITMG', () => {
  const lines = nonEmpty(seedLines('003'));
  const doc = loadPack('sfia-itmg.json');
  const t = textOf(doc);
  const marker = (l: string) => /^\((new|modified|unchanged)\)$/.exec(l)?.[1];

  const essences = lines
    .map((l) => /^Level (\d+) - (.+?): Essence of the level: (.+)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ level: Number(m[1]), label: m[2], essence: m[3] }));

  const defined: { level: number; status?: string; paragraphs: string[] }[] = [];
  for (const line of lines) {
    const head = /^Technology service management: Level (\d+)$/.exec(line);
    if (head) defined.push({ level: Number(head[1]), paragraphs: [] });
    else if (!defined.length || line.startsWith(`Level ${defined.at(-1)!.level} - `)) continue;
    else if (marker(line)) defined.at(-1)!.status = marker(line);
    else defined.at(-1)!.paragraphs.push(line);
  }

  const gStart = lines.indexOf('Guidance notes');
  const gEnd = lines.indexOf('Understanding the responsibility levels of this skill');
  const guidanceLines = lines.slice(gStart + 2, gEnd).map((l) => l.replace(/^\u2022\s*/, '- '));

  it('parses 7 essences and 3 defined levels from the seed', () => {
    expect(essences.map((e) => e.level)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(defined.map((d) => [d.level, d.status])).toEqual([
      [5, 'unchanged'],
      [6, 'modified'],
      [7, 'unchanged'],
    ]);
  });

  it('has the 7 essences as the scale', () => {
    expect(doc.scale.levels.map((l) => [l.number, t(l.label), t(l.description)])).toEqual(
      essences.map((e) => [e.level, e.label, e.essence]),
    );
  });

  it('has description, guidance notes and their change markers', () => {
    const comp = onlyCompetency(doc);
    expect(comp.code).toBe('ITMG');
    expect(t(comp.title)).toBe('Technology service management');
    expect(t(comp.description)).toBe(lines[3]);
    expect(comp.changeStatus).toBe(marker(lines[2]));
    expect(comp.guidanceChangeStatus).toBe(marker(lines[gStart + 1]));
    expect(t(comp.guidance)!.split('\n')).toEqual(guidanceLines);
  });

  it('has levels 5-7 with every description paragraph verbatim and their change markers', () => {
    const comp = onlyCompetency(doc);
    expect(comp.levels.map((l) => ({ level: l.level, status: l.changeStatus, paragraphs: t(l.description)!.split('\n') }))).toEqual(
      defined,
    );
  });

  it('carries the SFIA licence metadata', () => {
    expect(doc.framework.versionLabel).toBe('9');
    expect(doc.framework.publisher).toBe('SFIA Foundation');
    expect(doc.framework.attribution).toMatch(/SFIA Foundation/);
    expect(doc.framework.licence).toMatch(/licence/);
  });
});

// ---------------------------------------------------------------------------------------------
describe('seed 004: SFIA SLMO in Italian', () => {
  const lines = nonEmpty(seedLines('004'));
  const doc = loadPack('sfia-slmo-it.json');
  const t = textOf(doc);

  const definedNumbers = lines[4].split(/\s+/).map(Number);
  const levels: { level: number; text: string }[] = [];
  lines.forEach((l, i) => {
    const m = /^Gestione del livello di servizio: Livello (\d+)$/.exec(l);
    if (m) levels.push({ level: Number(m[1]), text: lines[i + 1] });
  });

  it('parses 7 level sections, 2-7 defined', () => {
    expect(levels.map((l) => l.level)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(definedNumbers).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('is Italian', () => {
    expect(doc.framework.defaultLanguage).toBe('it');
    expect(doc.framework.languages).toEqual(['it']);
  });

  it('has title, description, defined levels verbatim and level 1 as not practised', () => {
    const comp = onlyCompetency(doc);
    expect(comp.code).toBe('SLMO');
    expect(t(comp.title)).toBe('Gestione del livello di servizio');
    expect(t(comp.description)).toBe(lines[2]);
    expect(comp.levels.map((l) => ({ level: l.level, text: t(l.description) }))).toEqual(
      levels.filter((l) => definedNumbers.includes(l.level)),
    );
    expect((comp.notPractisedLevels ?? []).map((n) => ({ level: n.level, text: t(n.note) }))).toEqual(
      levels.filter((l) => !definedNumbers.includes(l.level)),
    );
    expect(doc.scale.levels).toHaveLength(7);
  });
});
