import { DemoSubject, planDemoAssessments } from './demo-assessments';

const requirement = (code: string, levels: number[], targetLevel: number) => ({
  competencyId: `competency-${code}`,
  code,
  title: `Title of ${code}`,
  levels,
  targetLevel,
});
const analyst = [requirement('C.1', [1, 2, 3], 2), requirement('C.4', [2, 3, 4], 2), requirement('SLMO', [2, 3, 4, 5, 6, 7], 3)];
const subject = (key: string, selfUserId: string | null, startGap = 1): DemoSubject => ({
  key,
  employeeId: `employee-${key}`,
  firstName: key,
  assessorEmployeeId: 'employee-manager',
  assessorUserId: 'user-manager',
  selfUserId,
  startGap,
  requirements: analyst,
});
const subjects = [subject('sara', 'user-sara'), subject('tom', null, 2), subject('luca', null, 0)];
const today = new Date('2026-03-15T12:00:00Z');

describe('planDemoAssessments', () => {
  const rows = planDemoAssessments(subjects, today);

  it('plans the same history on the same day (only the ids differ)', () => {
    const withoutIds = (planned: typeof rows) => {
      const index = new Map(planned.map((row, position) => [row.id, position]));
      return planned.map((row) => ({ ...row, id: index.get(row.id), replaces_id: row.replaces_id ? index.get(row.replaces_id) : null }));
    };
    expect(withoutIds(planDemoAssessments(subjects, today))).toEqual(withoutIds(rows));
  });

  it('rates only at the competency’s own levels, over two years before today, managers always with a rationale', () => {
    for (const row of rows) {
      const levels = analyst.find((candidate) => candidate.competencyId === row.competency_id)?.levels ?? [];
      if (row.outcome === 'rated') expect(levels).toContain(row.level);
      else expect(row.level).toBeNull();
      expect(row.assessed_on < '2026-03-15').toBe(true);
      expect(row.assessed_on >= '2024-03-15').toBe(true);
      expect(Date.parse(row.recorded_at)).toBeLessThan(today.getTime());
      if (row.role === 'manager') expect(row).toMatchObject({ assessor_user_id: 'user-manager', rationale: expect.any(String) });
    }
  });

  it('gives each person and competency at least three manager reviews, some stopped over a year ago', () => {
    const latest = new Map<string, string>();
    for (const row of rows.filter((candidate) => candidate.role === 'manager' && candidate.kind === 'assessment')) {
      const key = `${row.employee_id}/${row.competency_id}`;
      latest.set(key, [latest.get(key) ?? '', row.assessed_on].sort()[1] as string);
      expect(
        rows.filter((other) => `${other.employee_id}/${other.competency_id}` === key && other.role === 'manager').length,
      ).toBeGreaterThanOrEqual(3);
    }
    expect(latest.size).toBe(9);
    expect([...latest.values()].some((date) => date < '2025-03-15')).toBe(true);
    expect([...latest.values()].some((date) => date > '2025-09-15')).toBe(true);
  });

  it('plans self-assessments only for people with an account, some a level above, and a few "not assessed"', () => {
    const selves = rows.filter((row) => row.role === 'self');
    expect(new Set(selves.map((row) => row.employee_id))).toEqual(new Set(['employee-sara']));
    expect(selves.every((row) => row.assessor_user_id === 'user-sara' && row.assessor_employee_id === 'employee-sara')).toBe(true);
    expect(rows.filter((row) => row.outcome === 'not_assessed').length).toBeGreaterThan(0);
  });

  it('corrects two manager records of two people: same date, written later, the level moved by one, with a reason', () => {
    const corrections = rows.filter((row) => row.kind === 'correction');
    expect(corrections).toHaveLength(2);
    expect(new Set(corrections.map((row) => row.employee_id)).size).toBe(2);
    for (const correction of corrections) {
      const original = rows.find((row) => row.id === correction.replaces_id);
      expect(original).toMatchObject({ kind: 'assessment', role: 'manager', assessed_on: correction.assessed_on });
      expect(Math.abs((original?.level ?? 0) - (correction.level ?? 0))).toBe(1);
      expect(correction.recorded_at > (original?.recorded_at ?? '')).toBe(true);
      expect(correction.reason).toMatch(/calibration/);
      expect(rows.indexOf(correction)).toBeGreaterThan(rows.indexOf(original as (typeof rows)[number]));
    }
  });
});
