import { textBlocks } from './text-blocks';

describe('textBlocks', () => {
  it.each([
    ['one line', 'Managing services.', [{ kind: 'paragraph', lines: ['Managing services.'] }]],
    ['line breaks inside a paragraph', 'First line.\nSecond line.', [{ kind: 'paragraph', lines: ['First line.', 'Second line.'] }]],
    [
      'blank lines between paragraphs',
      'One.\n\nTwo.',
      [
        { kind: 'paragraph', lines: ['One.'] },
        { kind: 'paragraph', lines: ['Two.'] },
      ],
    ],
    [
      'SFIA guidance: a lead-in, then "- " lines as one list',
      'Activities may include:\n- approving services\n- managing the performance of systems\r\n- integrating services',
      [
        { kind: 'paragraph', lines: ['Activities may include:'] },
        { kind: 'list', items: ['approving services', 'managing the performance of systems', 'integrating services'] },
      ],
    ],
    ['a hyphen inside a line', 'End-to-end management - always.', [{ kind: 'paragraph', lines: ['End-to-end management - always.'] }]],
  ])('%s', (_name, text, blocks) => {
    expect(textBlocks(text)).toEqual(blocks);
  });
});
