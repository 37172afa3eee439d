import type { FrameworkDocument } from '@proficio/shared/contracts';
import { BUILT_IN_PACKS } from '../../packs/built-in-packs';
import { htmlToText } from '../shared/html-text';
import { checkMoodleCsvFit, exportMoodleCsv, MOODLE_CSV_COLUMNS, parseMoodleCsv } from './moodle-csv';
import { fixture } from '../../../testing';

function parseOecd(): FrameworkDocument {
  const result = parseMoodleCsv(fixture('ok', 'moodle', 'oecd-core-competencies.csv'));
  expect(result.errors).toEqual([]);
  return result.document as FrameworkDocument;
}

describe('Moodle competency framework CSV', () => {
  describe('the OECD core competencies fixture (a real Moodle export)', () => {
    it('parses without errors or warnings', () => {
      const result = parseMoodleCsv(fixture('ok', 'moodle', 'oecd-core-competencies.csv'));
      expect(result.errors).toEqual([]);
      expect(result.warnings).toEqual([]);
    });

    it('reads the framework row, its scale and the description HTML as text', () => {
      const doc = parseOecd();
      expect(doc.framework).toMatchObject({
        key: 'OECD-CORE',
        code: 'OECD-CORE',
        name: { en: 'OECD' },
        defaultLanguage: 'en',
        languages: ['en'],
      });
      expect(doc.framework.description?.['en']).toBe(
        'The Core Competencies summarise the capabilities that are important across all jobs and that we believe collectively contribute to the OECD’s overall success. ' +
          'At the same time, the importance of Core Competencies may vary according to the specific job duties and requirements. ' +
          'The OECD Competency Framework displays fifteen Core Competencies grouped into three clusters.\n\n' +
          '• The delivery-related competencies\n• The interpersonal competencies\n• The strategic competencies',
      );
      expect(doc.scale.levels).toEqual([
        { number: 1, code: '1', label: { en: 'Not yet competent' } },
        { number: 2, code: '2', label: { en: 'Competent' }, proficient: true },
      ]);
      expect(doc.framework.depthNames).toBeUndefined();
    });

    it('maps inner nodes to 20 categories and leaves to 44 competencies, keeping the tree', () => {
      const doc = parseOecd();
      expect(doc.categories).toHaveLength(20);
      expect(doc.competencies).toHaveLength(44);
      expect(doc.categories.slice(0, 5).map((c) => [c.key, c.name['en'], c.parentKey])).toEqual([
        ['levels', 'Levels', undefined],
        ['competencies', 'Competencies', undefined],
        ['delivery', 'Delivery-related', 'competencies'],
        ['interpersonal', 'Interpersonal', 'competencies'],
        ['strategic', 'Strategic', 'competencies'],
      ]);
      expect(doc.categories.find((c) => c.key === 'analytical-thinking')).toEqual({
        key: 'analytical-thinking',
        code: 'analytical-thinking',
        name: { en: 'Analytical Thinking' },
        description: {
          en: 'Analytical Thinking is the ability to identify patterns across situations that are not obviously related, and to identify key or underlying issues in complex situations.',
        },
        parentKey: 'delivery',
      });
      const underAnalytical = doc.competencies.filter((c) => c.categoryKey === 'analytical-thinking');
      expect(underAnalytical.map((c) => [c.code, c.title['en']])).toEqual([
        ['DR-AT1', 'Distinguishes between critical and irrelevant pieces of information'],
        ['DR-AT-2', 'Gathers information from a variety of sources to reach a conclusion.'],
      ]);
      expect(underAnalytical[0]).toMatchObject({ relatedKeys: ['level-1'], levels: [] });
      expect(doc.competencies.filter((c) => c.categoryKey === 'levels').map((c) => c.title['en'])).toEqual([
        'Level 1',
        'Level 2',
        'Level 3',
        'Level 4',
        'Level 5',
      ]);
      expect(doc.competencies.find((c) => c.key === 'level-1')?.relatedKeys).toHaveLength(39);
    });

    it('exports a Moodle CSV that reads back to the same document', () => {
      const doc = parseOecd();
      expect(checkMoodleCsvFit(doc)).toEqual([]);
      const csv = exportMoodleCsv(doc);
      expect(csv.split('\r\n')[0]).toBe(MOODLE_CSV_COLUMNS.join(','));
      expect(csv.split('\r\n')[1]).toMatch(
        /^,OECD-CORE,OECD,".*",2,"Not yet competent,Competent","\[{""scaleid"":""""},{""id"":2,""scaledefault"":1,""proficient"":1}\]",,,,,,1,"competency,competency,competency,competency"$/s,
      );
      const again = parseMoodleCsv(csv);
      expect(again.errors).toEqual([]);
      expect(again.warnings).toEqual([]);
      expect(again.document).toEqual(doc);
    });
  });

  describe('bad input names the place', () => {
    it.each([
      ['missing-columns.csv', /^Missing required column: Is framework\.$/, 'row 1 (header)'],
      ['duplicate-idnumber.csv', /Duplicate ID number "a" \(first at row 4\)/, 'row 5, column 2 (ID number)'],
      ['parent-cycle.csv', /Cycle in the parent ID numbers: a → c → b → a/, 'row 3, column 1 (Parent ID number)'],
      ['unknown-parent.csv', /Unknown parent ID number "grupo" of "a"/, 'row 4, column 1 (Parent ID number)'],
      ['no-framework-row.csv', /No framework row/, 'column 13 (Is framework)'],
    ])('%s', (file, message, location) => {
      const result = parseMoodleCsv(fixture('bad', 'moodle', file));
      expect(result.document).toBeUndefined();
      expect(result.errors).toContainEqual({ severity: 'error', message: expect.stringMatching(message), location });
    });

    it('rejects a CASE package (wrong format)', () => {
      const result = parseMoodleCsv(fixture('ok', 'case', 'opensalt-ItemTypeTestFramework.json'));
      expect(result.errors).toEqual([
        { severity: 'error', message: expect.stringMatching(/^Not a Moodle competency framework CSV/), location: 'row 1' },
      ]);
    });
  });

  describe('layouts: columns matched by header name', () => {
    /** An export of Moodle's framework tool from before cross-references: 12 columns, no "Cross-referenced…", no "Exported ID". */
    const OLD_HEADER =
      'Parent ID number,ID number,Shortname,Description,Description format,Scale values,Scale configuration,Rule type,Rule outcome,Rule config,Is framework,Taxonomy';
    const OLD_ROWS = [
      ',GARDEN,Gardening,Looking after a garden.,2,"Weak,Fair,Good",,,,,1,"competency,competency"',
      ',soil,Soil,,2,,,,,,0,',
      'soil,soil-1,Tests the soil,Tests the soil before planting.,2,,,,,,0,',
      'soil,soil-2,Adds compost,,2,,,,,,0,',
    ];
    const oldExport = [OLD_HEADER, ...OLD_ROWS].join('\r\n');

    it("reads Moodle's older 12-column export", () => {
      const result = parseMoodleCsv(oldExport);
      expect(result.errors).toEqual([]);
      expect(result.warnings).toEqual([]);
      const doc = result.document as FrameworkDocument;
      expect(doc.framework).toMatchObject({ key: 'GARDEN', name: { en: 'Gardening' }, description: { en: 'Looking after a garden.' } });
      expect(doc.scale.levels.map((l) => l.label['en'])).toEqual(['Weak', 'Fair', 'Good']);
      expect(doc.categories.map((c) => c.key)).toEqual(['soil']);
      expect(doc.competencies.map((c) => [c.key, c.title['en'], c.categoryKey])).toEqual([
        ['soil-1', 'Tests the soil', 'soil'],
        ['soil-2', 'Adds compost', 'soil'],
      ]);
    });

    it("reads the columns in any order and any casing, with known aliases, and places issues in the file's own columns", () => {
      const reordered = [
        'is_framework;SHORT NAME;idnumber;parentidnumber;Scale values;description;Taxonomy;Rule type (optional)',
        '1;Gardening;GARDEN;;Weak,Fair,Good;Looking after a garden.;competency,competency;',
        '0;Soil;soil;;;;;',
        '0;Tests the soil;soil-1;soil;;Tests the soil before planting.;;',
        '0;Adds compost;soil-2;soil;;;;core_competency\\competency_rule_all',
      ].join('\n');
      const result = parseMoodleCsv(reordered);
      expect(result.errors).toEqual([]);
      const expected = parseMoodleCsv(oldExport).document as FrameworkDocument;
      expect(result.document?.competencies).toEqual(expected.competencies);
      expect(result.document?.categories).toEqual(expected.categories);
      expect(result.warnings).toEqual([
        {
          severity: 'warning',
          message: 'The completion rule of "soil-2" (core_competency\\competency_rule_all) is not kept.',
          location: 'row 5, column 8 (Rule type (optional))',
        },
      ]);
    });

    it('names the missing column of a header that lacks it, whatever the order', () => {
      const result = parseMoodleCsv(['Short name,ID number,Is framework,Description', 'Gardening,GARDEN,1,x'].join('\r\n'));
      expect(result.errors).toEqual([
        { severity: 'error', message: 'Missing required columns: Parent ID number, Scale values.', location: 'row 1 (header)' },
      ]);
    });

    it('falls back to position only without a header: 12 or 14 columns', () => {
      const headerless12 = parseMoodleCsv(OLD_ROWS.join('\r\n'));
      expect(headerless12.errors).toEqual([]);
      expect(headerless12.warnings).toEqual([
        {
          severity: 'warning',
          message:
            "No header row: the first row is already the framework row; the columns are read by position (Moodle's 12-column layout).",
          location: 'row 1',
        },
      ]);
      expect(headerless12.document?.competencies).toEqual(parseMoodleCsv(oldExport).document?.competencies);
      const csv14 = exportMoodleCsv(parseOecd());
      const headerless14 = parseMoodleCsv(csv14.slice(csv14.indexOf('\r\n') + 2));
      expect(headerless14.errors).toEqual([]);
      expect(headerless14.document).toEqual(parseOecd());
    });

    it('reads a header in another language by position, saying so', () => {
      const german = oldExport.replace(
        OLD_HEADER,
        'Übergeordnete ID-Nummer,ID-Nummer,Kurzname,Beschreibung,Beschreibungsformat,Skalenwerte,Skalenkonfiguration,Regeltyp,Regelergebnis,Regelkonfiguration,Ist Kompetenzrahmen,Taxonomie',
      );
      const result = parseMoodleCsv(german);
      expect(result.errors).toEqual([]);
      expect(result.document).toEqual(parseMoodleCsv(oldExport).document);
      expect(result.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/read by position \(Moodle's 12-column layout\)/)]);
    });

    it("uses the description's first sentence as the title when the source cut the short name with an ellipsis", () => {
      const cut = [
        OLD_HEADER,
        OLD_ROWS[0],
        OLD_ROWS[1],
        'soil,soil-1,Tests the soil before planting and keeps a record of…,Tests the soil before planting and keeps a record of the results. Uses a kit.,2,,,,,,0,',
        'soil,soil-2,Adds compost...,<p>Adds compost in autumn.</p>,1,,,,,,0,',
        'soil,soil-3,Digs…,Plants bulbs in spring.,2,,,,,,0,',
      ].join('\r\n');
      const result = parseMoodleCsv(cut);
      expect(result.errors).toEqual([]);
      expect(result.document?.competencies.map((c) => c.title['en'])).toEqual([
        'Tests the soil before planting and keeps a record of the results.',
        'Adds compost in autumn.',
        'Digs…',
      ]);
      expect(result.document?.competencies[0].description).toEqual({
        en: 'Tests the soil before planting and keeps a record of the results. Uses a kit.',
      });
      expect(result.warnings.map((w) => [w.message, w.location])).toEqual([
        [expect.stringMatching(/^The short name of "soil-1" was cut by the source/), 'row 4, column 3 (Short name)'],
        [expect.stringMatching(/^The short name of "soil-2" was cut by the source/), 'row 5, column 3 (Short name)'],
      ]);
    });
  });

  describe('tolerance', () => {
    const header = MOODLE_CSV_COLUMNS.join(',');
    const framework =
      ',FW,Framework,,1,"Low,High","[{""scaleid"":""3""},{""id"":1,""scaledefault"":1},{""id"":2,""proficient"":1}]",,,,,,1,"domain,competency"';

    it('reads semicolon-separated files, LF line ends and warns about what it does not keep', () => {
      const csv = [
        header,
        framework,
        ',a,A,"Plain\r\ntext",2,,,core_competency\\competency_rule_all,1,null,,,,',
        'a,b,B,,1,"x,y",,,0,null,"zz",,,',
      ]
        .join('\n')
        .replace(/,/g, ';')
        .replace(/"Low;High"/, '"Low,High"')
        .replace(/"x;y"/, '"x,y"');
      const result = parseMoodleCsv(csv);
      expect(result.errors).toEqual([]);
      expect(result.document?.categories).toEqual([{ key: 'a', code: 'a', name: { en: 'A' }, description: { en: 'Plain\ntext' } }]);
      expect(result.warnings.map((w) => w.location)).toEqual([
        'row 2, column 7 (Scale configuration)',
        'row 3, column 8 (Rule type (optional))',
        'row 4, column 6 (Scale values)',
        'row 4, column 11 (Cross-referenced competency ID numbers)',
      ]);
    });

    it('keeps which scale values are proficient and the taxonomy terms, and writes them back', () => {
      const csv = [header, framework, ',a,A,,2,,,,,,,,,', 'a,b,B,,2,,,,,,,,,'].join('\r\n');
      const result = parseMoodleCsv(csv);
      expect(result.errors).toEqual([]);
      const doc = result.document as FrameworkDocument;
      expect(doc.scale.levels).toEqual([
        { number: 1, code: '1', label: { en: 'Low' } },
        { number: 2, code: '2', label: { en: 'High' }, proficient: true },
      ]);
      expect(doc.framework.depthNames).toEqual([{ en: 'Domain' }, { en: 'Competency' }]);
      expect(result.warnings).toEqual([
        {
          severity: 'warning',
          message: expect.stringMatching(
            /^The default value "Low" is not kept: Proficio's scale keeps which values are proficient \("High"\)/,
          ),
          location: 'row 2, column 7 (Scale configuration)',
        },
      ]);
      const exported = exportMoodleCsv(doc).split('\r\n')[1];
      expect(exported).toContain('"[{""scaleid"":""""},{""id"":2,""scaledefault"":1,""proficient"":1}]"');
      expect(exported).toMatch(/,1,"domain,competency"$/);
      expect(checkMoodleCsvFit(doc).filter((l) => !l.location.startsWith('/scale/key') && !l.location.startsWith('/scale/name'))).toEqual(
        [],
      );
      expect(parseMoodleCsv(exportMoodleCsv(doc)).document).toEqual(doc);
    });

    it("keeps several proficient values, and no depth names when every term is Moodle's default", () => {
      const config = '"[{""scaleid"":""7""},{""id"":2,""scaledefault"":1,""proficient"":1},{""id"":3,""proficient"":1}]"';
      const csv = [header, `,FW,Framework,,2,"Weak,Fair,Good",${config},,,,,,1,"competency,competency"`, ',a,A,,2,,,,,,,,,'].join('\r\n');
      const result = parseMoodleCsv(csv);
      expect(result.errors).toEqual([]);
      expect(result.warnings).toEqual([]);
      expect(result.document?.scale.levels.map((l) => l.proficient)).toEqual([undefined, true, true]);
      expect(result.document?.framework.depthNames).toBeUndefined();
      expect(exportMoodleCsv(result.document as FrameworkDocument).split('\r\n')[1]).toContain(config.replace('""7""', '""""'));
    });

    it('names the language when asked', () => {
      const result = parseMoodleCsv([header, framework.replace('1,"domain,competency"', '1,'), ',a,A,,1,,,,0,null,,,,'].join('\r\n'), {
        language: 'it',
      });
      expect(result.document?.competencies[0].title).toEqual({ it: 'A' });
      expect(result.document?.framework.languages).toEqual(['it']);
    });
  });

  describe('export of the built-in packs', () => {
    it.each(BUILT_IN_PACKS.map((pack) => [pack.framework.key, pack] as const))(
      '%s: keeps the tree and texts, and names every loss',
      (_key, pack) => {
        const result = parseMoodleCsv(exportMoodleCsv(pack), { language: pack.framework.defaultLanguage });
        expect(result.errors).toEqual([]);
        const doc = result.document as FrameworkDocument;
        expect(doc.competencies.map((c) => [c.key, c.title, c.description, c.categoryKey])).toEqual(
          pack.competencies.map((c) => [c.key, c.title, c.description, c.categoryKey]),
        );
        expect(doc.categories.map((c) => [c.key, c.name, c.description, c.parentKey])).toEqual(
          pack.categories.map((c) => [c.key, c.name, c.description, c.parentKey]),
        );
        const losses = checkMoodleCsvFit(pack);
        expect(losses.map((l) => l.location)).toContain('/competencies/0/levels');
      },
    );
  });
});

describe('htmlToText', () => {
  it.each([
    ['<p>One\r\ntwo</p><p>Three<br>four</p>', 'One two\n\nThree\nfour'],
    ['<ul><li>a</li><li>b &amp; c</li></ul>', '- a\n- b & c'],
    ['See <a href="https://oecd.org">the site</a>.', 'See the site (https://oecd.org).'],
    ['<p>&lt;b&gt; is &quot;bold&quot;&nbsp;&#8212; &#x2019;</p>', '<b> is "bold" — ’'],
  ])('%j', (html, text) => expect(htmlToText(html)).toBe(text));
});
