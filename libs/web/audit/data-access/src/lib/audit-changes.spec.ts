import { auditChanges, auditValue } from './audit-changes';

describe('auditChanges', () => {
  it.each([
    [
      'an update: only the fields that differ',
      { name: 'A', jobTitle: 'Dev', teamId: 't' },
      { name: 'A', jobTitle: 'Lead', teamId: 't' },
      [['jobTitle', 'Dev', 'Lead']],
    ],
    [
      'a create: every field',
      undefined,
      { name: 'A', parentId: null },
      [
        ['name', undefined, 'A'],
        ['parentId', undefined, null],
      ],
    ],
    ['a delete: every field', { name: 'A' }, undefined, [['name', 'A', undefined]]],
    ['a field cleared', { jobTitle: 'Dev' }, { jobTitle: null }, [['jobTitle', 'Dev', null]]],
    ['noise like updatedAt is left out', { updatedAt: '1', name: 'A' }, { updatedAt: '2', name: 'A' }, []],
    ['nested values are compared whole', { tags: ['a'] }, { tags: ['a', 'b'] }, [['tags', ['a'], ['a', 'b']]]],
    ['values that are not objects', 1, 2, [['value', 1, 2]]],
    ['nothing at all', undefined, undefined, []],
  ])('%s', (_case, before, after, expected) => {
    expect(auditChanges(before, after).map((change) => [change.field, change.before, change.after])).toEqual(expected);
  });
});

describe('auditValue', () => {
  it.each([
    [undefined, '—'],
    [null, '—'],
    ['', '—'],
    ['Lead', 'Lead'],
    [3, '3'],
    [{ a: 1 }, '{"a":1}'],
  ])('shows %p as %p', (value, expected) => {
    expect(auditValue(value)).toBe(expected);
  });
});
