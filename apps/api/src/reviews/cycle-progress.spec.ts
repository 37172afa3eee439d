import { progressDays } from './cycle-progress';

describe('progressDays', () => {
  const reached = (days: ReturnType<typeof progressDays>) =>
    days.map((day) => [day.date, day.reached.not_started, day.reached.self_assessment, day.reached.manager_assessment, day.reached.locked]);

  it.each<[string, string, string, Parameters<typeof progressDays>[2], (string | number)[][]]>([
    [
      'no reviews: zeros each day',
      '2027-03-01',
      '2027-03-02',
      [],
      [
        ['2027-03-01', 0, 0, 0, 0],
        ['2027-03-02', 0, 0, 0, 0],
      ],
    ],
    [
      'two reviews opened, one started the next day and past the self-assessment the day after',
      '2027-03-01',
      '2027-03-04',
      [
        { day: '2027-03-01', state: 'not_started', delta: 2 },
        { day: '2027-03-02', state: 'not_started', delta: -1 },
        { day: '2027-03-02', state: 'self_assessment', delta: 1 },
        { day: '2027-03-03', state: 'self_assessment', delta: -1 },
        { day: '2027-03-03', state: 'manager_assessment', delta: 1 },
      ],
      [
        ['2027-03-01', 2, 0, 0, 0],
        ['2027-03-02', 2, 1, 0, 0],
        ['2027-03-03', 2, 1, 1, 0],
        ['2027-03-04', 2, 1, 1, 0],
      ],
    ],
    [
      'locked, then reopened: back at the discussion, still past the self-assessment',
      '2027-03-01',
      '2027-03-02',
      [
        { day: '2027-03-01', state: 'locked', delta: 1 },
        { day: '2027-03-02', state: 'locked', delta: -1 },
        { day: '2027-03-02', state: 'discussion', delta: 1 },
      ],
      [
        ['2027-03-01', 1, 1, 1, 1],
        ['2027-03-02', 1, 1, 1, 0],
      ],
    ],
    [
      'today before the opening (clocks): the opening day alone',
      '2027-03-05',
      '2027-03-04',
      [{ day: '2027-03-05', state: 'not_started', delta: 1 }],
      [['2027-03-05', 1, 0, 0, 0]],
    ],
    [
      'across a month end',
      '2027-02-27',
      '2027-03-01',
      [{ day: '2027-02-28', state: 'not_started', delta: 1 }],
      [
        ['2027-02-27', 0, 0, 0, 0],
        ['2027-02-28', 1, 0, 0, 0],
        ['2027-03-01', 1, 0, 0, 0],
      ],
    ],
  ])('%s', (_name, from, to, deltas, expected) => {
    expect(reached(progressDays(from, to, deltas))).toEqual(expected);
  });
});
