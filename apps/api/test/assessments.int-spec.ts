import {
  ASSESSMENT_BATCH_BODY_LIMIT,
  ASSESSMENT_BATCH_LIMIT,
  ASSESSMENT_LIMITS,
  type AssessmentView,
  type CompetencySearchHit,
  type EmployeeCompetencies,
  type EmployeeDetail,
  type EmployeeProgression,
  type RecordAssessmentBatchResponse,
  type TeamGrid,
  type Page,
  type ProblemDetails,
} from '@proficio/shared/contracts';
import { DataSource } from 'typeorm';
import { lucasLine, signedInPerson } from './support/people';
import { fieldErrors } from './support/problems';
import { createTestApp, TestApp } from './support/test-app';

describe('assessments', () => {
  let testApp: TestApp;
  let db: DataSource;
  /** e-CF C.1 User Support (levels 1–3), C.4 Problem Management (2–4), SFIA ITMG (5–7). */
  let c1: CompetencySearchHit;
  let c4: CompetencySearchHit;
  let itmg: CompetencySearchHit;
  /** Luca manages Sara directly and, through Sara, Ivo; Tom is elsewhere. */
  let luca: EmployeeDetail;
  let sara: EmployeeDetail;
  let ivo: EmployeeDetail;
  let tom: EmployeeDetail;
  const tokens: Record<string, string> = {};

  const competency = (code: string) => testApp.competency(code);
  const person = (name: string, email: string, managerId?: string) => signedInPerson(testApp, tokens, name, email, managerId);
  const record = (token: string, body: object) => testApp.as(token).post('/api/assessments').send(body);
  const rate = async (token: string, body: object) => (await record(token, body).expect(201)).body as AssessmentView;
  const competenciesOf = async (employeeId: string, token = tokens['Luca'] ?? '') =>
    (await testApp.as(token).get(`/api/employees/${employeeId}/competencies`).expect(200)).body as EmployeeCompetencies;
  const historyOf = async (employeeId: string, query = '') =>
    (await testApp.http().get(`/api/employees/${employeeId}/assessments${query}`).expect(200)).body as Page<AssessmentView>;
  /** The current level recomputed from history, as the trigger should have kept it. */
  const recomputed = async (employeeId: string, competencyId: string, role: string) =>
    (
      await db.query(
        `SELECT a.id FROM assessment a
         WHERE a.employee_id = $1 AND a.competency_id = $2 AND a.role = $3 AND a.kind <> 'withdrawal'
           AND NOT EXISTS (SELECT 1 FROM assessment r WHERE r.replaces_id = a.id)
         ORDER BY a.assessed_on DESC, a.recorded_at DESC LIMIT 1`,
        [employeeId, competencyId, role],
      )
    )[0]?.id as string | undefined;
  const current = async (employeeId: string, competencyId: string, role: string) =>
    (
      await db.query(`SELECT assessment_id FROM current_competency_level WHERE employee_id = $1 AND lineage_id = $2 AND role = $3`, [
        employeeId,
        competencyId,
        role,
      ])
    )[0]?.assessment_id as string | undefined;

  beforeAll(async () => {
    testApp = await createTestApp();
    db = testApp.app.get(DataSource);
    [c1, c4, itmg] = [await competency('C.1'), await competency('C.4'), await competency('ITMG')];
    ({ luca, sara, ivo, tom } = await lucasLine(testApp, tokens));
  });

  afterAll(async () => {
    await testApp.close();
  });

  describe('recording', () => {
    it('lets a manager rate a report at one of the competency’s own levels, with the why, and shows it as the current level', async () => {
      const saved = await rate(tokens['Luca'] ?? '', {
        employeeId: sara.id,
        competencyId: c1.id,
        role: 'manager',
        level: 3,
        rationale: 'Handles escalations on her own.',
        confidence: 'high',
        assessedOn: '2026-11-30',
        basedOn: null,
      });
      expect(saved).toMatchObject({
        employeeId: sara.id,
        competency: { id: c1.id, code: 'C.1' },
        kind: 'assessment',
        role: 'manager',
        outcome: 'rated',
        level: 3,
        levelCode: 'e-3',
        assessedOn: '2026-11-30',
        assessor: { employeeId: luca.id, name: 'Luca' },
        rationale: 'Handles escalations on her own.',
        confidence: 'high',
        stale: false,
      });
      const tab = await competenciesOf(sara.id);
      expect(tab.mayRate).toEqual(['manager']);
      expect(tab.items.find((item) => item.competency.id === c1.id)).toMatchObject({
        manager: { level: 3, levelCode: 'e-3', assessmentId: saved.id, stale: false, fromEarlierVersion: false },
        disagreement: false,
      });
      const [event] = await db.query(`SELECT actor_user_id, after FROM audit_event WHERE entity_type = 'assessment' AND entity_id = $1`, [
        saved.id,
      ]);
      expect(event.after).toMatchObject({ employeeId: sara.id, level: 3, role: 'manager', kind: 'assessment' });
    });

    it('lets an indirect manager rate, and a person rate only themselves, as self', async () => {
      await rate(tokens['Luca'] ?? '', {
        employeeId: ivo.id,
        competencyId: c4.id,
        role: 'manager',
        level: 2,
        rationale: 'Seen in the review.',
      });
      const self = await rate(tokens['Ivo'] ?? '', { employeeId: ivo.id, competencyId: c4.id, role: 'self', level: 4 });
      expect(self).toMatchObject({ role: 'self', level: 4, assessor: { name: 'Ivo' } });
      const tab = await competenciesOf(ivo.id, tokens['Ivo']);
      expect(tab.mayRate).toEqual(['self']);
      expect(tab.items.find((item) => item.competency.id === c4.id)).toMatchObject({
        manager: { level: 2 },
        self: { level: 4 },
        disagreement: true,
      });
    });

    it('refuses levels the competency is not defined at, and other bad fields, naming the field, and writes nothing', async () => {
      const before = (await db.query('SELECT count(*)::int AS n FROM assessment'))[0].n;
      const rating = { employeeId: sara.id, competencyId: c1.id, role: 'manager', level: 2, rationale: 'x' };
      const refusals: [object, string][] = [
        [{ level: 5 }, 'level is not a level of C.1: choose one of 1, 2, 3'],
        [{ competencyId: itmg.id, level: 3 }, 'level is not a level of ITMG: choose one of 5, 6, 7'],
        [{ level: undefined }, 'level is required to rate'],
        [{ rationale: undefined }, 'rationale is required from a manager: say why'],
        [{ outcome: 'not_applicable' }, 'level must be left out when the outcome is not_applicable'],
        [{ assessedOn: '2999-01-01' }, 'assessedOn must not be in the future'],
        [{ role: 'boss' }, 'role must be one of manager, self'],
      ];
      for (const [change, refusal] of refusals) {
        expect(fieldErrors(await record(tokens['Luca'] ?? '', { ...rating, ...change }).expect(400))).toEqual([refusal]);
      }
      expect((await db.query('SELECT count(*)::int AS n FROM assessment'))[0].n).toBe(before);
    });

    it('records "not assessed" and "not applicable" as answers of their own', async () => {
      const na = await rate(tokens['Luca'] ?? '', {
        employeeId: sara.id,
        competencyId: itmg.id,
        role: 'manager',
        outcome: 'not_applicable',
        rationale: 'Not part of a service desk role.',
      });
      expect(na).toMatchObject({ outcome: 'not_applicable' });
      expect(na.level).toBeUndefined();
      const tab = await competenciesOf(sara.id);
      expect(tab.items.find((item) => item.competency.id === itmg.id)?.manager).toMatchObject({ outcome: 'not_applicable' });
    });

    it('keeps to the reporting line: 404 for someone out of reach, 403 for the wrong role', async () => {
      const body = { employeeId: sara.id, competencyId: c1.id, level: 2, rationale: 'x' };
      await record(tokens['Tom'] ?? '', { ...body, role: 'manager' }).expect(404);
      await record(tokens['Ivo'] ?? '', { ...body, role: 'manager' }).expect(404);
      await record(tokens['Sara'] ?? '', { ...body, role: 'manager' }).expect(403);
      await record(tokens['Luca'] ?? '', { ...body, role: 'self' }).expect(403);
      await testApp
        .as(tokens['Tom'] ?? '')
        .get(`/api/employees/${sara.id}/assessments`)
        .expect(404);
      await testApp
        .as(tokens['Tom'] ?? '')
        .get(`/api/employees/${sara.id}/competencies`)
        .expect(404);
      // Sara sees her manager's assessments of her
      const own = (
        await testApp
          .as(tokens['Sara'] ?? '')
          .get(`/api/employees/${sara.id}/assessments`)
          .expect(200)
      ).body as Page<AssessmentView>;
      expect(own.items.some((item) => item.role === 'manager' && item.assessor.name === 'Luca')).toBe(true);
    });
  });

  describe('history is never overwritten', () => {
    it('refuses UPDATE, DELETE and TRUNCATE at the database', async () => {
      await expect(db.query(`UPDATE assessment SET level = 1`)).rejects.toThrow(/cannot be changed or deleted/);
      await expect(db.query(`DELETE FROM assessment`)).rejects.toThrow(/cannot be changed or deleted/);
      await expect(db.query(`TRUNCATE assessment CASCADE`)).rejects.toThrow(/cannot be changed or deleted/);
    });

    it('refuses at the database a level the competency is not defined at, whatever the code path', async () => {
      const [user] = await db.query(`SELECT id FROM app_user LIMIT 1`);
      await expect(
        db.query(
          `INSERT INTO assessment (employee_id, competency_id, lineage_id, kind, role, outcome, level, assessed_on, assessor_user_id, rationale)
           VALUES ($1, $2, $2, 'assessment', 'manager', 'rated', 9, current_date, $3, 'x')`,
          [sara.id, c1.id, user.id],
        ),
      ).rejects.toThrow(/is not a level of competency/);
    });

    it('corrects and withdraws with new records: the chain shows in the history and the current level follows it', async () => {
      const luca = tokens['Luca'] ?? '';
      const first = await rate(luca, {
        employeeId: sara.id,
        competencyId: c4.id,
        role: 'manager',
        level: 2,
        rationale: 'First look.',
        assessedOn: '2025-06-01',
      });
      const second = await rate(luca, {
        employeeId: sara.id,
        competencyId: c4.id,
        role: 'manager',
        level: 3,
        rationale: 'Grown.',
        assessedOn: '2026-06-01',
      });
      expect(await current(sara.id, c4.id, 'manager')).toBe(second.id);

      const corrected = await rate(luca, {
        employeeId: sara.id,
        competencyId: c4.id,
        role: 'manager',
        level: 4,
        rationale: 'Grown more than I wrote.',
        replaces: second.id,
        reason: 'Typed the wrong level.',
      });
      expect(corrected).toMatchObject({
        kind: 'correction',
        replaces: second.id,
        reason: 'Typed the wrong level.',
        assessedOn: '2026-06-01',
        level: 4,
      });
      expect(await current(sara.id, c4.id, 'manager')).toBe(corrected.id);

      // the replaced record cannot be corrected again: only the latest of the chain
      const again = await record(luca, {
        employeeId: sara.id,
        competencyId: c4.id,
        role: 'manager',
        level: 3,
        rationale: 'x',
        replaces: second.id,
        reason: 'y',
      });
      expect(again.status).toBe(409);

      const withdrawn = await rate(luca, {
        employeeId: sara.id,
        competencyId: c4.id,
        role: 'manager',
        withdraw: true,
        replaces: corrected.id,
        reason: 'Rated the wrong person.',
      });
      expect(withdrawn).toMatchObject({ kind: 'withdrawal', replaces: corrected.id });
      expect(withdrawn.outcome).toBeUndefined();
      // back to the earlier record still in force
      expect(await current(sara.id, c4.id, 'manager')).toBe(first.id);

      const history = await historyOf(sara.id, `?competencyId=${c4.id}`);
      const manager = history.items.filter((item) => item.role === 'manager');
      expect(manager.map((item) => [item.kind, item.level ?? null, item.replacedBy ?? null])).toEqual([
        ['withdrawal', null, null],
        ['correction', 4, withdrawn.id],
        ['assessment', 3, corrected.id],
        ['assessment', 2, null],
      ]);
      expect(manager.at(-1)).toMatchObject({ id: first.id, stale: true });
    });

    it('answers 409 with the newer record when the form was based on an older one, and writes nothing', async () => {
      const luca = tokens['Luca'] ?? '';
      const seen = await rate(luca, { employeeId: ivo.id, competencyId: c1.id, role: 'manager', level: 1, rationale: 'Starting out.' });
      const newer = await rate(luca, {
        employeeId: ivo.id,
        competencyId: c1.id,
        role: 'manager',
        level: 2,
        rationale: 'From another tab.',
        basedOn: seen.id,
      });
      const stale = await record(luca, {
        employeeId: ivo.id,
        competencyId: c1.id,
        role: 'manager',
        level: 3,
        rationale: 'Too late.',
        basedOn: seen.id,
      }).expect(409);
      expect(stale.body).toMatchObject({ status: 409, type: 'urn:proficio:problem:stale-assessment', newer: { id: newer.id, level: 2 } });
      const blank = await record(luca, {
        employeeId: ivo.id,
        competencyId: c1.id,
        role: 'manager',
        level: 3,
        rationale: 'Never saw any.',
        basedOn: null,
      }).expect(409);
      expect((blank.body as ProblemDetails).newer?.id).toBe(newer.id);
      expect(await current(ivo.id, c1.id, 'manager')).toBe(newer.id);
      // a back-dated record saved since does not change what is in force: a form based on it still saves
      await rate(tokens['Luca'] ?? '', {
        employeeId: ivo.id,
        competencyId: c1.id,
        role: 'manager',
        level: 1,
        rationale: 'From last year’s notes.',
        assessedOn: '2025-01-15',
      });
      expect(await current(ivo.id, c1.id, 'manager')).toBe(newer.id);
      // deciding to keep one's own choice: based on the newer record now
      await rate(luca, {
        employeeId: ivo.id,
        competencyId: c1.id,
        role: 'manager',
        level: 3,
        rationale: 'Still level 3.',
        basedOn: newer.id,
      });
    });

    it('keeps the current level exact under concurrent writes from separate connections', async () => {
      const luca = tokens['Luca'] ?? '';
      const dates = Array.from({ length: 16 }, (_, index) => `2026-0${1 + (index % 9)}-${String(10 + index).padStart(2, '0')}`);
      await Promise.all(
        dates.map((assessedOn, index) =>
          rate(luca, {
            employeeId: sara.id,
            competencyId: itmg.id,
            role: 'manager',
            level: 5 + (index % 3),
            rationale: `Write ${index}`,
            assessedOn,
          }),
        ),
      );
      expect(await current(sara.id, itmg.id, 'manager')).toBe(await recomputed(sara.id, itmg.id, 'manager'));
      const [{ mismatches }] = await db.query(`
        SELECT count(*)::int AS mismatches FROM current_competency_level c
        WHERE c.assessment_id IS DISTINCT FROM (
          SELECT a.id FROM assessment a
          WHERE a.employee_id = c.employee_id AND a.lineage_id = c.lineage_id AND a.role = c.role AND a.kind <> 'withdrawal'
            AND NOT EXISTS (SELECT 1 FROM assessment r WHERE r.replaces_id = a.id)
          ORDER BY a.assessed_on DESC, a.recorded_at DESC LIMIT 1)`);
      expect(mismatches).toBe(0);
    });
  });

  describe('the Competencies tab', () => {
    it('lists the role profile’s requirements in order with targets and gaps, then other assessed competencies', async () => {
      const profile = await testApp.publishedRoleProfile('Service Desk Analyst', [
        { competencyId: c4.id, targetLevel: 3 },
        { competencyId: c1.id, targetLevel: 3, required: false },
      ]);
      await testApp.http().patch(`/api/employees/${sara.id}`).send({ roleProfileId: profile.id }).expect(200);

      const tab = await competenciesOf(sara.id);
      expect(
        tab.items.map((item) => [item.competency.code, item.target?.level ?? null, item.manager?.level ?? null, item.gap ?? null]),
      ).toEqual([
        ['C.4', 3, 2, 1],
        ['C.1', 3, 3, 0],
        ['ITMG', null, null, null],
      ]);
      expect(tab.items[0]).toMatchObject({
        target: { code: 'e-3', required: true, roleProfile: { id: profile.id, name: 'Service Desk Analyst' } },
        levels: [
          { level: 2, code: 'e-2' },
          { level: 3, code: 'e-3' },
          { level: 4, code: 'e-4' },
        ],
      });
      expect(tab.items[0]?.manager?.stale).toBe(true);
    });

    it('is empty for someone with no role profile and no assessments', async () => {
      const tab = await competenciesOf(tom.id, tokens['Tom']);
      expect(tab).toEqual({ employeeId: tom.id, mayRate: ['self'], staleAfterMonths: 12, items: [] });
    });
  });

  describe('the team grid', () => {
    /** Luca's review: rates each [person, competency, level or outcome] with the same rationale, in one request. */
    const review = (entries: [EmployeeDetail, CompetencySearchHit, number | 'not_assessed'][], rationale = 'Review 2026') =>
      testApp
        .as(tokens['Luca'] ?? '')
        .post('/api/assessments/batch')
        .send({
          assessments: entries.map(([person, rated, level]) => ({
            employeeId: person.id,
            competencyId: rated.id,
            role: 'manager',
            rationale,
            ...(level === 'not_assessed' ? { outcome: level } : { level }),
          })),
        });

    it('saves many people at once in one transaction, all or nothing, naming the record that is refused', async () => {
      const count = async () => (await db.query(`SELECT count(*)::int AS n FROM assessment`))[0].n as number;
      const before = await count();
      const refused = await review([
        [sara, c1, 2],
        [ivo, c1, 7],
      ]).expect(400);
      expect(fieldErrors(refused)).toEqual(['assessments.1.level is not a level of C.1: choose one of 1, 2, 3']);
      expect(await count()).toBe(before);
      // one person out of reach refuses the whole batch
      await review([
        [sara, c1, 2],
        [tom, c1, 2],
      ]).expect(404);
      expect(await count()).toBe(before);

      const saved = (
        await review([
          [sara, c1, 2],
          [ivo, c1, 1],
          [ivo, c4, 'not_assessed'],
        ]).expect(201)
      ).body as RecordAssessmentBatchResponse;
      expect(saved.items.map((item) => [item.employeeId, item.competency.code, item.level ?? item.outcome])).toEqual([
        [sara.id, 'C.1', 2],
        [ivo.id, 'C.1', 1],
        [ivo.id, 'C.4', 'not_assessed'],
      ]);
      expect(await count()).toBe(before + 3);
    });

    it('refuses the same person and competency twice in one batch', async () => {
      const twice = await review([
        [sara, c1, 2],
        [sara, c1, 3],
      ]).expect(400);
      expect(fieldErrors(twice)).toEqual(['assessments.1.competencyId is already in this batch for the same person and role (record 0)']);
    });

    it('shows the manager’s reports with their role profiles’ competencies, current levels and targets', async () => {
      const direct = (
        await testApp
          .as(tokens['Luca'] ?? '')
          .get('/api/me/team-grid')
          .expect(200)
      ).body as TeamGrid;
      expect(direct.people.map((member) => [member.name, member.direct, member.roleProfile?.name ?? null])).toEqual([
        ['Sara', true, 'Service Desk Analyst'],
      ]);
      expect(direct.competencies.map((column) => column.code)).toEqual(['C.4', 'C.1']);
      expect(direct.competencies[1]?.levels.map((level) => level.code)).toEqual(['e-1', 'e-2', 'e-3']);
      expect(direct.competencies[1]?.levels[0]?.description?.text).toEqual(expect.any(String));
      expect(direct.cells.find((cell) => cell.employeeId === sara.id && cell.competencyId === c1.id)).toMatchObject({
        manager: { level: 2, levelCode: 'e-2' },
        target: 3,
      });
      const line = (
        await testApp
          .as(tokens['Luca'] ?? '')
          .get('/api/me/team-grid?scope=line')
          .expect(200)
      ).body as TeamGrid;
      expect(line.people.map((member) => [member.name, member.direct])).toEqual([
        ['Sara', true],
        ['Ivo', false],
      ]);
      const none = (
        await testApp
          .as(tokens['Tom'] ?? '')
          .get('/api/me/team-grid')
          .expect(200)
      ).body as TeamGrid;
      expect(none).toEqual({ people: [], competencies: [], cells: [], staleAfterMonths: 12 });
    });
  });

  describe('the size of a batch', () => {
    /**
     * The competencies of the test database that are their own lineage (each with its lowest level), and
     * enough people reporting to Rita for ASSESSMENT_BATCH_LIMIT + 1 records of different keys: as many
     * records as the team grid's largest save (50 people × 30 competencies).
     */
    let columns: { id: string; level: number }[];
    let team: EmployeeDetail[];
    const count = async () => (await db.query(`SELECT count(*)::int AS n FROM assessment`))[0].n as number;
    /** `size` records, person by person down the columns, each with this rationale. */
    const records = (size: number, rationale: string) =>
      Array.from({ length: size }, (_, index) => {
        const column = columns[Math.floor(index / team.length)] as { id: string; level: number };
        return {
          employeeId: (team[index % team.length] as EmployeeDetail).id,
          competencyId: column.id,
          role: 'manager',
          level: column.level,
          rationale,
          basedOn: null,
        };
      });
    const send = (body: object, token = tokens['Rita'] ?? '') => testApp.as(token).post('/api/assessments/batch').send(body);

    beforeAll(async () => {
      // its lowest own level, or its framework scale's lowest when it has none
      columns = await db.query(
        `SELECT * FROM (
           SELECT c.id, COALESCE((SELECT min(cl.level_number) FROM competency_level cl WHERE cl.competency_id = c.id),
                                 (SELECT min(s.number) FROM scale_level s WHERE s.framework_version_id = c.framework_version_id))::int AS level
           FROM competency c
           WHERE c.previous_competency_id IS NULL AND NOT EXISTS (SELECT 1 FROM competency n WHERE n.previous_competency_id = c.id)) AS rated
         WHERE level IS NOT NULL ORDER BY id`,
      );
      const rita = await person('Rita', 'rita@example.org');
      const size = Math.ceil((ASSESSMENT_BATCH_LIMIT + 1) / columns.length);
      team = [];
      for (let start = 0; start < size; start += 10) {
        const created = await Promise.all(
          Array.from({ length: Math.min(10, size - start) }, (_, offset) =>
            testApp
              .http()
              .post('/api/employees')
              .send({ name: `Report ${start + offset}`, email: `report.${start + offset}@example.org`, managerId: rita.id })
              .expect(201),
          ),
        );
        team.push(...created.map((response) => response.body as EmployeeDetail));
      }
    });

    it(`takes ${ASSESSMENT_BATCH_LIMIT} records (the team grid's 50 people × 30 competencies), each with the longest rationale, in one request`, async () => {
      const body = { assessments: records(ASSESSMENT_BATCH_LIMIT, 'r'.repeat(ASSESSMENT_LIMITS.rationaleLength)) };
      expect(Buffer.byteLength(JSON.stringify(body))).toBeGreaterThan(7 * 1024 * 1024);
      const before = await count();
      const saved = (await send(body).expect(201)).body as RecordAssessmentBatchResponse;
      expect(saved.items).toHaveLength(ASSESSMENT_BATCH_LIMIT);
      expect(await count()).toBe(before + ASSESSMENT_BATCH_LIMIT);
    });

    it('refuses one record more with a 400 naming the field and the limit, and writes nothing', async () => {
      const before = await count();
      const over = await send({ assessments: records(ASSESSMENT_BATCH_LIMIT + 1, 'Review') }).expect(400);
      expect(fieldErrors(over)).toEqual([
        `assessments must hold at most ${ASSESSMENT_BATCH_LIMIT.toLocaleString('en')} assessments (50 people × 30 competencies): split the batch`,
      ]);
      expect(await count()).toBe(before);
    });

    it('refuses a body over its limit with a 413 naming the field and the limit, and reads no large body before sign-in', async () => {
      // 3,500 two-byte characters: a rationale the fields allow, in a body just over 10 MiB
      const body = JSON.stringify({ assessments: records(ASSESSMENT_BATCH_LIMIT, 'é'.repeat(3500)) });
      expect(Buffer.byteLength(body)).toBeGreaterThan(ASSESSMENT_BATCH_BODY_LIMIT);
      const before = await count();
      const tooLarge = await send(JSON.parse(body) as object).expect(413);
      expect(tooLarge.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect((tooLarge.body as ProblemDetails).detail).toBe(
        "This request's body may be at most 10 MiB (10,485,760 bytes): split the batch, or shorten its rationales and reasons.",
      );
      expect(fieldErrors(tooLarge)).toEqual([
        'assessments must fit in a request body of at most 10 MiB (10,485,760 bytes): split the batch, or shorten its rationales and reasons',
      ]);
      expect(await count()).toBe(before);
      // without a signature the body is not read at all: 401, not 413
      await testApp.anonymous().post('/api/assessments/batch').set('content-type', 'application/json').send(body).expect(401);
    });

    it('refuses text the database cannot store, and a malformed body, as for any other route', async () => {
      const nul = await send({ assessments: records(2, 'Review\u0000') }).expect(400);
      expect(fieldErrors(nul)).toEqual([
        'assessments[0].rationale must not contain the NUL character',
        'assessments[1].rationale must not contain the NUL character',
      ]);
      const cut = await testApp
        .as(tokens['Rita'] ?? '')
        .post('/api/assessments/batch')
        .set('content-type', 'application/json')
        .send('{"assessments": [')
        .expect(400);
      expect((cut.body as ProblemDetails).detail).toMatch(/not valid JSON/);
    });
  });

  describe('progression', () => {
    it('gives each competency’s records in force over time, manager and self, oldest first, with the target', async () => {
      const progression = (
        await testApp
          .as(tokens['Sara'] ?? '')
          .get(`/api/employees/${sara.id}/progression`)
          .expect(200)
      ).body as EmployeeProgression;
      const c4Series = progression.series.find((series) => series.competency.id === c4.id);
      // the withdrawn correction and the record it corrected are gone; the first record stays
      expect(c4Series?.manager.map((point) => [point.date, point.level])).toEqual([['2025-06-01', 2]]);
      expect(c4Series?.target).toEqual({ level: 3, code: 'e-3' });
      const c1Series = progression.series.find((series) => series.competency.id === c1.id);
      expect(c1Series?.manager.map((point) => point.level)).toEqual([3, 2]);
      const only = (await testApp.http().get(`/api/employees/${sara.id}/progression?competencyId=${c1.id}`).expect(200))
        .body as EmployeeProgression;
      expect(only.series.map((series) => series.competency.code)).toEqual(['C.1']);
    });
  });

  describe('framework versions', () => {
    it('follows a competency into the next version of its framework: one history, the level carried over and marked', async () => {
      // A next version of e-CF where C.1 is mapped to its predecessor (as an import of the next version does).
      const [next] = await db.query(
        `WITH old AS (SELECT v.* FROM framework_version v JOIN competency c ON c.framework_version_id = v.id WHERE c.id = $1),
         inserted AS (
           INSERT INTO framework_version (framework_id, version_number, previous_version_id, code, name, version_label, default_language,
                                          languages, status, scale_key, scale_name, source_format, content_hash, counts)
           SELECT framework_id, (SELECT max(version_number) + 1 FROM framework_version f WHERE f.framework_id = old.framework_id), id, code,
                  name, version_label || '-next', default_language, languages, 'published', scale_key, scale_name, source_format,
                  content_hash || '-next', counts
           FROM old RETURNING id)
         SELECT inserted.id AS version_id, old.id AS old_version_id FROM inserted, old`,
        [c1.id],
      );
      await db.query(
        `INSERT INTO scale_level (framework_version_id, number, code, label)
         SELECT $1, number, code, label FROM scale_level WHERE framework_version_id = $2`,
        [next.version_id, next.old_version_id],
      );
      const [c1Next] = await db.query(
        `INSERT INTO competency (framework_version_id, key, code, title, position, previous_competency_id, change_status)
         SELECT $1, key, code, title, position, id, 'unchanged' FROM competency WHERE id = $2 RETURNING id`,
        [next.version_id, c1.id],
      );
      await db.query(
        `INSERT INTO competency_level (competency_id, scale_level_id, level_number, description)
         SELECT $1, s.id, cl.level_number, cl.description FROM competency_level cl
         JOIN scale_level s ON s.framework_version_id = $2 AND s.number = cl.level_number WHERE cl.competency_id = $3`,
        [c1Next.id, next.version_id, c1.id],
      );

      // Ivo's role now asks for the new C.1: his level from the old version carries over, marked as such
      const profile = await testApp.publishedRoleProfile('Next Analyst', [{ competencyId: c1Next.id, targetLevel: 3 }]);
      await testApp.http().patch(`/api/employees/${ivo.id}`).send({ roleProfileId: profile.id }).expect(200);
      const luca = tokens['Luca'] ?? '';
      const carried = (await competenciesOf(ivo.id)).items.filter((item) => item.competency.code === 'C.1');
      expect(carried).toHaveLength(1);
      expect(carried[0]).toMatchObject({ competency: { id: c1Next.id }, manager: { level: 1, fromEarlierVersion: true } });
      const history = (await testApp.http().get(`/api/employees/${ivo.id}/assessments?competencyId=${c1Next.id}`).expect(200))
        .body as Page<AssessmentView>;
      expect(history.items.length).toBeGreaterThan(0);
      expect(history.items.every((item) => item.competency.id === c1.id)).toBe(true);
      const newer = await rate(luca, {
        employeeId: ivo.id,
        competencyId: c1Next.id,
        role: 'manager',
        level: 3,
        rationale: 'Confirmed on the new version.',
      });
      expect(await current(ivo.id, c1.id, 'manager')).toBe(newer.id);
      expect((await competenciesOf(ivo.id)).items.find((item) => item.competency.id === c1Next.id)?.manager).toMatchObject({
        level: 3,
        fromEarlierVersion: false,
      });
      expect((await competenciesOf(ivo.id)).items.find((item) => item.competency.id === c1Next.id)?.manager).toMatchObject({
        level: 3,
        fromEarlierVersion: false,
      });
      // the one lineage: asking with either version gives the same history
      const viaOld = (await testApp.http().get(`/api/employees/${ivo.id}/assessments?competencyId=${c1.id}`).expect(200))
        .body as Page<AssessmentView>;
      expect(viaOld.total).toBe(history.total + 1);
      const progression = (await testApp.http().get(`/api/employees/${ivo.id}/progression`).expect(200)).body as EmployeeProgression;
      const points = progression.series.flatMap((series) => series.manager).filter((point) => point.assessmentId === newer.id);
      expect(points).toHaveLength(1);
    });
  });
});
