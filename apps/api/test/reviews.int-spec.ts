import type {
  CompetencySearchHit,
  EmployeeCompetencies,
  CreateEmployeeRequest,
  EmployeeDetail,
  EvidenceView,
  NotificationList,
  Page,
  PersonalDataExport,
  ReviewCyclePreview,
  ReviewCycleProgress,
  ReviewCycleView,
  ReviewGuide,
  ReviewSnapshot,
  ReviewSummary,
  ReviewView,
  RoleProfileDetail,
} from '@proficio/shared/contracts';
import { DataSource } from 'typeorm';
import { MailOutbox } from '../src/notifications';
import { ReviewRemindersService } from '../src/reviews';
import { frameworkImports } from './support/framework-imports';
import { fieldErrors } from './support/problems';
import { createTestApp, TestApp } from './support/test-app';
import { startTestMailServer, type TestMailServer } from './support/test-mail';
import { waitUntil } from './support/wait-until';

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('review cycles', () => {
  let testApp: TestApp;
  let db: DataSource;
  /** SMP (levels 1–5, with interview questions), e-CF C.1 User Support (1–3), C.4 Problem Management (2–4). */
  let smp: CompetencySearchHit;
  let c1: CompetencySearchHit;
  let c4: CompetencySearchHit;
  /** Nadia manages Luca, who manages Sara (Service Desk) and Ivo (Night Shift, under Service Desk); Tom is elsewhere. */
  let nadia: EmployeeDetail;
  let luca: EmployeeDetail;
  let sara: EmployeeDetail;
  let ivo: EmployeeDetail;
  let tom: EmployeeDetail;
  let serviceDesk: { id: string };
  let analyst: RoleProfileDetail;
  const tokens: Record<string, string> = {};
  let mail: TestMailServer;

  const as = (name: string) => testApp.as(tokens[name] ?? '');
  const person = async (name: string, body: Partial<CreateEmployeeRequest>) => {
    const { employee, token } = await testApp.signedInEmployee({ name, email: `${name.toLowerCase()}@example.org`, ...body });
    tokens[name] = token;
    return employee;
  };
  const cycleBody = (overrides: object = {}) => ({
    name: '2027 annual review',
    periodStart: '2027-01-01',
    periodEnd: '2027-12-31',
    selfDue: isoDay(10),
    managerDue: isoDay(20),
    participants: { kind: 'team', teamId: serviceDesk.id },
    includeTargetRole: true,
    ...overrides,
  });
  const createCycle = async (overrides: object = {}) =>
    (await testApp.http().post('/api/review-cycles').send(cycleBody(overrides)).expect(201)).body as ReviewCycleView;
  const openCycle = async (overrides: object = {}) => {
    const cycle = await createCycle(overrides);
    return (await testApp.http().post(`/api/review-cycles/${cycle.id}/open`).expect(200)).body as ReviewCycleView;
  };
  const reviewOf = async (cycleId: string, employeeId: string) => {
    const page = (await testApp.http().get(`/api/reviews?cycleId=${cycleId}&employeeId=${employeeId}`).expect(200))
      .body as Page<ReviewSummary>;
    const found = page.items[0];
    if (!found) throw new Error(`no review of ${employeeId} in ${cycleId}`);
    return found;
  };
  const get = async (who: string, id: string) => (await as(who).get(`/api/reviews/${id}`).expect(200)).body as ReviewView;
  const act = (who: string, id: string, action: string, body: object = {}) =>
    as(who).post(`/api/reviews/${id}/actions/${action}`).send(body);
  const rate = (who: string, id: string, role: 'self' | 'manager', ratings: object[]) =>
    as(who).put(`/api/reviews/${id}/ratings`).send({ role, ratings });
  const managerLevels = async (employeeId: string) =>
    Object.fromEntries(
      ((await testApp.http().get(`/api/employees/${employeeId}/competencies`).expect(200)).body as EmployeeCompetencies).items.map(
        (item) => [item.competency.code, item.manager?.level ?? null],
      ),
    );
  /** The person starts their review and submits these self-ratings. */
  const selfAssess = async (who: string, id: string, ratings: object[]) => {
    await act(who, id, 'start').expect(200);
    await rate(who, id, 'self', ratings).expect(200);
    await act(who, id, 'submit-self').expect(200);
  };
  /** Sara's self-assessment: SMP 2, C.1 3, C.4 not assessed. */
  const sarasSelfRatings = () => [
    { competencyId: smp.id, outcome: 'rated', level: 2 },
    { competencyId: c1.id, outcome: 'rated', level: 3 },
    { competencyId: c4.id, outcome: 'not_assessed' },
  ];
  /** Sara's review in a freshly opened cycle of her own, walked to `until`. */
  const walk = async (
    name: string,
    until: 'self_assessment' | 'manager_assessment' | 'discussion' | 'manager_signed' | 'locked',
    levels = { smp: 2, c1: 2, c4: 2 },
  ) => {
    const cycle = await openCycle({ name, participants: { kind: 'people', employeeIds: [sara.id] } });
    const { id } = await reviewOf(cycle.id, sara.id);
    if (until === 'self_assessment') {
      await act('Sara', id, 'start').expect(200);
      return id;
    }
    await selfAssess('Sara', id, sarasSelfRatings());
    if (until === 'manager_assessment') return id;
    await rate('Luca', id, 'manager', [
      { competencyId: smp.id, outcome: 'rated', level: levels.smp, rationale: 'Runs the weekly problem review.' },
      { competencyId: c1.id, outcome: 'rated', level: levels.c1, rationale: 'Solid first-line support.' },
      { competencyId: c4.id, outcome: 'rated', level: levels.c4, rationale: 'Finds root causes with help.' },
    ]).expect(200);
    await act('Luca', id, 'share').expect(200);
    if (until === 'discussion') return id;
    await act('Luca', id, 'sign').expect(200);
    if (until === 'manager_signed') return id;
    await act('Sara', id, 'sign').expect(200);
    return id;
  };

  beforeAll(async () => {
    mail = await startTestMailServer();
    testApp = await createTestApp({ env: mail.env });
    db = testApp.app.get(DataSource);
    [smp, c1, c4] = [await testApp.competency('SMP'), await testApp.competency('C.1'), await testApp.competency('C.4')];
    serviceDesk = (await testApp.http().post('/api/teams').send({ name: 'Service Desk' }).expect(201)).body;
    const nightShift = (await testApp.http().post('/api/teams').send({ name: 'Night Shift', parentId: serviceDesk.id }).expect(201)).body;
    const elsewhere = (await testApp.http().post('/api/teams').send({ name: 'Finance' }).expect(201)).body;
    analyst = await testApp.publishedRoleProfile('Service Desk Analyst', [
      { competencyId: smp.id, targetLevel: 3 },
      { competencyId: c1.id, targetLevel: 3 },
    ]);
    const senior = await testApp.publishedRoleProfile('Senior Analyst', [{ competencyId: c4.id, targetLevel: 3 }]);

    nadia = await person('Nadia', {});
    luca = await person('Luca', { managerId: nadia.id, teamId: serviceDesk.id });
    sara = await person('Sara', { managerId: luca.id, teamId: serviceDesk.id });
    ivo = await person('Ivo', { managerId: luca.id, teamId: nightShift.id });
    tom = await person('Tom', { teamId: elsewhere.id });
    await testApp.http().patch(`/api/employees/${sara.id}`).send({ roleProfileId: analyst.id, targetRoleProfileId: senior.id }).expect(200);
    await testApp.http().patch(`/api/employees/${ivo.id}`).send({ roleProfileId: analyst.id }).expect(200);
  });

  afterAll(async () => {
    await testApp.close();
    await mail.close();
  });

  describe('cycles', () => {
    it('refuses a cycle whose dates are out of order or whose participants do not exist, naming the field, and anyone but an admin', async () => {
      const dates = await testApp
        .http()
        .post('/api/review-cycles')
        .send(cycleBody({ name: 'Backwards', periodEnd: '2026-12-31', managerDue: '2020-01-01' }))
        .expect(400);
      expect(fieldErrors(dates)).toEqual(['periodEnd must be on or after periodStart', 'managerDue must be on or after selfDue']);
      const team = await testApp
        .http()
        .post('/api/review-cycles')
        .send(cycleBody({ name: 'No team', participants: { kind: 'team', teamId: '00000000-0000-4000-8000-000000000000' } }))
        .expect(422);
      expect(fieldErrors(team)).toEqual(['participants.teamId is not an existing team']);
      const missing = await testApp
        .http()
        .post('/api/review-cycles')
        .send(cycleBody({ name: 'No team id', participants: { kind: 'team' } }))
        .expect(400);
      expect(fieldErrors(missing)).toEqual(['participants.teamId must be a team id (required with kind team)']);
      await as('Luca')
        .post('/api/review-cycles')
        .send(cycleBody({ name: 'By a manager' }))
        .expect(403);
      await createCycle({ name: 'Taken' });
      const taken = await testApp
        .http()
        .post('/api/review-cycles')
        .send(cycleBody({ name: ' taken ' }))
        .expect(409);
      expect(fieldErrors(taken)).toEqual(['name is already used by another review cycle']);
    });

    it('previews a team cycle (sub-teams included) and opens one review per participant, assigned to their manager, with the targets published then', async () => {
      const cycle = await createCycle({ name: 'Team cycle' });
      const preview = (await testApp.http().get(`/api/review-cycles/${cycle.id}/preview`).expect(200)).body as ReviewCyclePreview;
      // Luca is in the team too, without a role profile: his review starts with nothing in scope
      expect(preview).toMatchObject({ participants: 3, withoutRoleProfile: 1, withoutManager: 0, alreadyIn: 0 });
      expect(preview.sample.map((row) => [row.name, row.manager, row.roleProfile])).toEqual([
        ['Ivo', 'Luca', 'Service Desk Analyst'],
        ['Luca', 'Nadia', undefined],
        ['Sara', 'Luca', 'Service Desk Analyst'],
      ]);
      const opened = (await testApp.http().post(`/api/review-cycles/${cycle.id}/open`).expect(200)).body as ReviewCycleView;
      expect(opened).toMatchObject({ status: 'open', total: 3, counts: { not_started: 3, locked: 0 } });
      const again = await testApp.http().post(`/api/review-cycles/${cycle.id}/open`).expect(409);
      expect(fieldErrors(again)).toEqual(['status is open: only a draft cycle can be opened']);

      const review = await get('Luca', (await reviewOf(cycle.id, sara.id)).id);
      expect(review).toMatchObject({ state: 'not_started', employee: { name: 'Sara' }, manager: { name: 'Luca' }, viewer: 'manager' });
      expect(
        review.competencies.map((item) => [item.competency.code, item.target?.level ?? null, item.growthTarget?.level ?? null]),
      ).toEqual([
        ['SMP', 3, null],
        ['C.1', 3, null],
        ['C.4', null, 3],
      ]);
      expect(review.competencies[0]?.levels.map((level) => level.level)).toEqual([1, 2, 3, 4, 5]);
      expect(review.competencies[0]?.levels[2]?.label.text.length).toBeGreaterThan(2);
      expect(review.competencies[1]?.levels.map((level) => level.code)).toEqual(['e-1', 'e-2', 'e-3']);
      expect(review.competencies[1]?.levels[2]?.description?.text.length).toBeGreaterThan(10);

      // people joining later get a review; those already in are left as they are
      const joined = (
        await testApp
          .http()
          .post(`/api/review-cycles/${cycle.id}/participants`)
          .send({ employeeIds: [tom.id, sara.id] })
          .expect(200)
      ).body as ReviewCycleView;
      expect(joined.total).toBe(4);
      // the participants of an open cycle do not change; its dates do
      const moved = await testApp
        .http()
        .put(`/api/review-cycles/${cycle.id}`)
        .send(cycleBody({ name: 'Team cycle', participants: { kind: 'people', employeeIds: [sara.id] } }))
        .expect(409);
      expect(fieldErrors(moved)).toEqual(['participants cannot change once the cycle is open: add people to it instead']);
      await testApp
        .http()
        .put(`/api/review-cycles/${cycle.id}`)
        .send(cycleBody({ name: 'Team cycle', selfDue: isoDay(12) }))
        .expect(200);
      await testApp.http().delete(`/api/review-cycles/${cycle.id}`).expect(409);
    });

    it('lists reviews in reach: a manager their line, an employee their own, nobody else’s', async () => {
      const cycle = await openCycle({ name: 'Reach cycle' });
      const ids = async (who: string) =>
        ((await as(who).get(`/api/reviews?cycleId=${cycle.id}`).expect(200)).body as Page<ReviewSummary>).items.map(
          (item) => item.employee.name,
        );
      expect(await ids('Luca')).toEqual(['Ivo', 'Luca', 'Sara']);
      expect(await ids('Nadia')).toEqual(['Ivo', 'Luca', 'Sara']);
      expect(await ids('Sara')).toEqual(['Sara']);
      expect(await ids('Tom')).toEqual([]);
      await as('Tom').get(`/api/review-cycles/${cycle.id}`).expect(404);
      const forLuca = (await as('Luca').get(`/api/review-cycles/${cycle.id}`).expect(200)).body as ReviewCycleView;
      expect(forLuca.total).toBe(3);
    });

    it('answers the progress over time: per day since the opening, the reviews in reach that reached each state by then', async () => {
      const draft = await createCycle({ name: 'Progress cycle' });
      expect(((await testApp.http().get(`/api/review-cycles/${draft.id}/progress`).expect(200)).body as ReviewCycleProgress).days).toEqual(
        [],
      );
      await testApp.http().post(`/api/review-cycles/${draft.id}/open`).expect(200);
      // opened two days ago (UTC); its reviews were created, and their steps taken, today
      await db.query(`UPDATE review_cycle SET opened_at = opened_at - interval '2 days' WHERE id = $1`, [draft.id]);
      const sarasReview = (await reviewOf(draft.id, sara.id)).id;
      await selfAssess('Sara', sarasReview, sarasSelfRatings());
      await act('Ivo', (await reviewOf(draft.id, ivo.id)).id, 'start').expect(200);

      /** As `who`, or as the admin. */
      const progress = async (who?: string) =>
        (
          (await (who ? as(who) : testApp.http()).get(`/api/review-cycles/${draft.id}/progress`).expect(200)).body as ReviewCycleProgress
        ).days.map((day) => [
          day.date,
          day.reached.not_started,
          day.reached.self_assessment,
          day.reached.manager_assessment,
          day.reached.locked,
        ]);
      const [before, yesterday, today] = [isoDay(-2), isoDay(-1), isoDay(0)];
      expect(await progress()).toEqual([
        [before, 0, 0, 0, 0],
        [yesterday, 0, 0, 0, 0],
        // Ivo, Luca and Sara; Ivo and Sara started; Sara past the self-assessment
        [today, 3, 2, 1, 0],
      ]);
      // a manager counts their line (Luca's includes his own review), an employee their own review; nobody else sees the cycle
      expect((await progress('Luca')).at(-1)).toEqual([today, 3, 2, 1, 0]);
      expect((await progress('Sara')).at(-1)).toEqual([today, 1, 1, 1, 0]);
      await as('Tom').get(`/api/review-cycles/${draft.id}/progress`).expect(404);
      await testApp.http().get('/api/review-cycles/00000000-0000-4000-8000-000000000000/progress').expect(404);
    });
  });

  describe('a review, from self-assessment to the signed record', () => {
    it('walks the states in order, each step by its person, drafts invisible to others and not counted as current', async () => {
      const cycle = await openCycle({ name: 'Whole cycle', participants: { kind: 'people', employeeIds: [sara.id] } });
      const { id } = await reviewOf(cycle.id, sara.id);
      // only the two people concerned and admins see an open review; a manager higher up does not
      await as('Tom').get(`/api/reviews/${id}`).expect(404);
      await as('Nadia').get(`/api/reviews/${id}`).expect(404);

      // the manager cannot rate before the self-assessment is in
      const early = await rate('Luca', id, 'manager', [{ competencyId: smp.id, outcome: 'rated', level: 2, rationale: 'x' }]).expect(409);
      expect(fieldErrors(early)[0]).toMatch(/^state is not_started/);
      const wrongPerson = await act('Luca', id, 'start').expect(409);
      expect(fieldErrors(wrongPerson)).toEqual([
        'state is not_started (not started): start is taken by the person reviewed when the review is not_started',
      ]);

      await act('Sara', id, 'start').expect(200);
      await rate('Sara', id, 'self', [{ competencyId: smp.id, outcome: 'rated', level: 2 }]).expect(200);
      const bad = await rate('Sara', id, 'self', [
        { competencyId: smp.id, outcome: 'rated', level: 9 },
        { competencyId: tom.id, outcome: 'rated', level: 1 },
      ]).expect(400);
      expect(fieldErrors(bad)).toEqual([
        'ratings.0.level is not a level of SMP: choose one of 1, 2, 3, 4, 5',
        'ratings.1.competencyId is not a competency of this review',
      ]);
      // the manager does not see the self-assessment before it is submitted
      expect((await get('Luca', id)).competencies[0]?.self).toBeUndefined();
      const incomplete = await act('Sara', id, 'submit-self').expect(409);
      expect(fieldErrors(incomplete)).toEqual(['ratings lack a self-rating for C.1, C.4']);
      await rate('Sara', id, 'self', [
        { competencyId: c1.id, outcome: 'rated', level: 3 },
        { competencyId: c4.id, outcome: 'not_assessed' },
      ]).expect(200);
      await act('Sara', id, 'submit-self').expect(200);
      await act('Sara', id, 'share').expect(409);
      expect((await get('Luca', id)).competencies[0]?.self).toMatchObject({ outcome: 'rated', level: 2 });

      // accepted evidence of SMP is offered for the manager's rating, and relied on
      const evidence = (
        await as('Sara')
          .post('/api/evidence')
          .send({
            employeeId: sara.id,
            title: 'Ran the problem reviews',
            activityFrom: '2026-03-02',
            claims: [{ competencyId: smp.id, level: 3 }],
          })
          .expect(201)
      ).body as EvidenceView;
      await as('Sara').post(`/api/evidence/${evidence.id}/submission`).send({ revision: 1 }).expect(200);
      await as('Luca').post(`/api/evidence/${evidence.id}/verdicts`).send({ revision: 1, verdict: 'accepted' }).expect(201);
      const withEvidence = await get('Luca', id);
      expect(withEvidence.competencies[0]?.acceptedEvidence.map((item) => item.title)).toEqual(['Ran the problem reviews']);
      expect(withEvidence.competencies[1]?.acceptedEvidence).toEqual([]);

      const noWhy = await rate('Luca', id, 'manager', [{ competencyId: smp.id, outcome: 'rated', level: 3 }]).expect(400);
      expect(fieldErrors(noWhy)).toEqual(['ratings.0.rationale is required from the manager: say why']);
      await rate('Luca', id, 'manager', [
        { competencyId: smp.id, outcome: 'rated', level: 3, rationale: 'Runs the weekly problem review.', evidence: [evidence.id] },
        { competencyId: c1.id, outcome: 'rated', level: 2, rationale: 'Solid first-line support.' },
        { competencyId: c4.id, outcome: 'rated', level: 2, rationale: 'Finds root causes with help.' },
      ]).expect(200);
      await testApp
        .http()
        .put(`/api/reviews/${id}/notes`)
        .send({ notes: [{ text: 'admin note' }] })
        .expect(409);
      await as('Luca')
        .put(`/api/reviews/${id}/notes`)
        .send({ notes: [{ competencyId: smp.id, text: 'Asked about the March outage.' }, { text: 'Good year.' }] })
        .expect(200);
      // the employee does not see the manager's side before it is shared; drafts are not current levels
      const before = await get('Sara', id);
      expect(before.competencies[0]?.manager).toBeUndefined();
      expect(before.generalNote).toBeUndefined();
      expect(await managerLevels(sara.id)).toMatchObject({ SMP: null, 'C.1': null });

      await act('Luca', id, 'share').expect(200);
      const shared = await get('Sara', id);
      expect(shared).toMatchObject({ state: 'discussion', actions: [], generalNote: 'Good year.' });
      expect(shared.competencies[0]).toMatchObject({
        manager: { level: 3, rationale: 'Runs the weekly problem review.' },
        note: 'Asked about the March outage.',
      });
      await act('Sara', id, 'sign').expect(409);
      await act('Luca', id, 'sign').expect(200);
      await rate('Luca', id, 'manager', [{ competencyId: smp.id, outcome: 'rated', level: 4, rationale: 'Changed my mind.' }]).expect(409);
      // the database refuses a change to the drafts of a signed review, whoever writes it
      await expect(db.query(`UPDATE review_rating SET level = 4 WHERE review_id = $1 AND role = 'manager'`, [id])).rejects.toThrow(
        /signed by the manager|manager_signed/,
      );

      const locked = (await act('Sara', id, 'sign', { comment: 'Signed, disagreeing with C.1' }).expect(200)).body as ReviewView;
      expect(locked).toMatchObject({ state: 'locked', actions: [] });
      expect(locked.signatures.map((signature) => [signature.role, signature.by.name, signature.comment ?? null])).toEqual([
        ['manager', 'Luca', null],
        ['employee', 'Sara', 'Signed, disagreeing with C.1'],
      ]);
      expect(locked.snapshots.map((snapshot) => snapshot.number)).toEqual([1]);
      // the official record: current levels changed, assessments point at the review and the evidence
      expect(await managerLevels(sara.id)).toMatchObject({ SMP: 3, 'C.1': 2, 'C.4': 2 });
      const [linked] = await db.query(
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM assessment_evidence l WHERE l.assessment_id = a.id))::int AS with_evidence
         FROM assessment a WHERE a.review_id = $1`,
        [id],
      );
      expect(linked).toEqual({ n: 6, with_evidence: 1 });
      // every step is audited
      const [audited] = await db.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity_type = 'review' AND entity_id = $1`, [id]);
      expect(audited.n).toBeGreaterThanOrEqual(8);
      // the history is the database's to keep
      await expect(db.query(`UPDATE review_snapshot SET content = '{}' WHERE review_id = $1`, [id])).rejects.toThrow(/append-only/);
      await expect(db.query(`DELETE FROM review_event WHERE review_id = $1`, [id])).rejects.toThrow(/append-only/);
      await expect(db.query(`UPDATE review SET state = 'self_assessment' WHERE id = $1`, [id])).rejects.toThrow(/cannot move from locked/);
      // a manager higher in the line now sees the locked review
      expect((await get('Nadia', id)).viewer).toBe('line-manager');
    });

    it('reopens a locked review only for an admin with a reason, keeps the first snapshot and records only what changed', async () => {
      const id = await walk('Reopen cycle', 'locked');
      await act('Luca', id, 'reopen', { reason: 'Wrong level' }).expect(409);
      const noReason = await testApp.http().post(`/api/reviews/${id}/actions/reopen`).send({}).expect(400);
      expect(fieldErrors(noReason)).toEqual(['reason is required to reopen a locked review']);
      await testApp.http().post(`/api/reviews/${id}/actions/reopen`).send({ reason: 'C.1 was rated on the wrong evidence' }).expect(200);
      expect((await get('Luca', id)).state).toBe('discussion');
      await rate('Luca', id, 'manager', [{ competencyId: c1.id, outcome: 'rated', level: 3, rationale: 'Looked again.' }]).expect(200);
      await act('Luca', id, 'sign').expect(200);
      const relocked = (await act('Sara', id, 'sign').expect(200)).body as ReviewView;
      expect(relocked.snapshots.map((snapshot) => snapshot.number)).toEqual([2, 1]);
      expect(relocked.events.some((event) => event.kind === 'reopen' && event.comment === 'C.1 was rated on the wrong evidence')).toBe(
        true,
      );
      const first = (await testApp.http().get(`/api/reviews/${id}/snapshots/1`).expect(200)).body as ReviewSnapshot;
      const second = (await testApp.http().get(`/api/reviews/${id}/snapshots/2`).expect(200)).body as ReviewSnapshot;
      expect(first.review.competencies[1]?.manager?.level).toBe(2);
      expect(second.review.competencies[1]?.manager?.level).toBe(3);
      const rows = await db.query(`SELECT count(*)::int AS n FROM assessment WHERE review_id = $1 AND role = 'manager'`, [id]);
      expect(rows[0].n).toBe(4);
      expect((await managerLevels(sara.id))['C.1']).toBe(3);
    });

    it('shows the next cycle the difference against the last locked review: up, down, same, and gaps closed', async () => {
      await walk('Earlier year', 'locked', { smp: 2, c1: 3, c4: 2 });
      const id = await walk('Later year', 'manager_assessment');
      await rate('Luca', id, 'manager', [
        { competencyId: smp.id, outcome: 'rated', level: 3, rationale: 'Grew.' },
        { competencyId: c1.id, outcome: 'rated', level: 2, rationale: 'Less support work this year.' },
        { competencyId: c4.id, outcome: 'rated', level: 2, rationale: 'Same.' },
      ]).expect(200);
      const review = await get('Luca', id);
      expect(
        review.competencies.map((item) => [
          item.competency.code,
          item.previous?.level ?? null,
          item.change ?? null,
          item.gapChange ?? null,
        ]),
      ).toEqual([
        ['SMP', 2, 'up', 'closed'],
        ['C.1', 3, 'down', 'opened'],
        ['C.4', 2, 'same', null],
      ]);
    });

    it('puts the person’s reviews, whole, in their personal-data export, and the manager’s ratings of others without rationales in theirs', async () => {
      const id = await walk('Export cycle', 'locked');
      const own = (await as('Sara').get('/api/me/export').expect(200)).body as PersonalDataExport;
      const review = own.sections.reviews.about.find((item) => item.id === id);
      expect(review).toMatchObject({ cycle: { name: 'Export cycle' }, state: 'locked', manager: { name: 'Luca' } });
      expect(review?.ratings.find((rating) => rating.role === 'manager' && rating.competency.code === 'SMP')).toMatchObject({
        level: 2,
        rationale: 'Runs the weekly problem review.',
      });
      expect(review?.events.map((event) => event.to)).toEqual([
        'self_assessment',
        'manager_assessment',
        'discussion',
        'manager_signed',
        'locked',
      ]);
      expect(review?.snapshots.map((snapshot) => snapshot.number)).toEqual([1]);
      const lucas = (await as('Luca').get('/api/me/export').expect(200)).body as PersonalDataExport;
      const given = lucas.sections.reviews.ratingsBy.filter((rating) => rating.reviewId === id);
      expect(given.map((rating) => [rating.competency.code, rating.level])).toEqual([
        ['SMP', 2],
        ['C.1', 2],
        ['C.4', 2],
      ]);
      expect(given.every((rating) => rating.rationale === undefined)).toBe(true);
    });

    it('lets an admin reassign an open review: the new manager acts, the old one no longer sees it', async () => {
      const id = await walk('Reassigned cycle', 'manager_assessment');
      await as('Luca').put(`/api/reviews/${id}/manager`).send({ managerId: nadia.id }).expect(403);
      await testApp.http().put(`/api/reviews/${id}/manager`).send({ managerId: nadia.id }).expect(200);
      await as('Luca').get(`/api/reviews/${id}`).expect(404);
      expect((await get('Nadia', id)).actions).toEqual(['share']);
      expect((await get('Nadia', id)).mayEdit).toEqual(['manager', 'note']);
    });

    it('builds the interview guide from the framework: current and target levels with indicators and questions', async () => {
      const id = await walk('Guide cycle', 'manager_assessment');
      await as('Sara').get(`/api/reviews/${id}/guide`).expect(404);
      const guide = (await as('Luca').get(`/api/reviews/${id}/guide`).expect(200)).body as ReviewGuide;
      const smpGuide = guide.competencies.find((item) => item.competency.code === 'SMP');
      const target = smpGuide?.levels.find((level) => level.which.includes('target'));
      expect(target?.level).toBe(3);
      expect(target?.indicators.length).toBeGreaterThan(0);
      expect(target?.questions[0]?.text.text.length).toBeGreaterThan(10);
      expect(target?.questions[0]?.probes.length).toBeGreaterThan(0);
    });

    it('keeps the snapshot as signed when the role profile publishes new targets and the framework a new version', async () => {
      const id = await walk('Snapshot cycle', 'locked');
      const first = (await testApp.http().get(`/api/reviews/${id}/snapshots/1`).expect(200)).body as ReviewSnapshot;
      expect(first.review.competencies[0]).toMatchObject({ competency: { code: 'SMP' }, target: { level: 3 } });
      await testApp.http().post(`/api/role-profiles/${analyst.id}/versions`).expect(201);
      await testApp
        .http()
        .put(`/api/role-profiles/${analyst.id}/draft`)
        .send({
          requirements: [
            { competencyId: smp.id, targetLevel: 5 },
            { competencyId: c1.id, targetLevel: 3 },
          ],
        })
        .expect(200);
      await testApp.http().post(`/api/role-profiles/${analyst.id}/draft/publish`).expect(200);
      // and when SMP's framework gets a new version with other level texts
      const exported = (await testApp.http().get(`/api/frameworks/${smp.framework.id}/export?format=proficio-json`).expect(200)).text;
      const document = JSON.parse(exported) as { competencies: { levels: { indicators: Record<string, string>[] }[] }[] };
      const firstIndicator = document.competencies[0]?.levels[2]?.indicators[0];
      if (firstIndicator) firstIndicator['en'] = 'Rewritten in the next version of the framework.';
      const { previewOf, committed } = frameworkImports(testApp);
      const preview = await previewOf('proficio-json', Buffer.from(JSON.stringify(document)), 'smp-next.json');
      expect(await committed(preview.id, { target: 'new-version' })).toMatchObject({ versionNumber: 2 });

      const after = (await testApp.http().get(`/api/reviews/${id}/snapshots/1`).expect(200)).body as ReviewSnapshot;
      expect(after).toEqual(first);
      const live = await get('Luca', id);
      expect(live.competencies[0]?.target?.level).toBe(3);
      expect(live.competencies[0]?.framework).toMatchObject({ id: smp.framework.id, versionNumber: 1 });
      const guide = (await as('Luca').get(`/api/reviews/${id}/guide`).expect(200)).body as ReviewGuide;
      const indicators = guide.competencies[0]?.levels.flatMap((level) => level.indicators.map((text) => text.text)) ?? [];
      expect(indicators).not.toContain('Rewritten in the next version of the framework.');
    });
  });

  describe('reminders', () => {
    it('sends each due and overdue reminder once, however many instances run at once, in-app and by email', async () => {
      const cycle = await openCycle({
        name: 'Reminder cycle',
        participants: { kind: 'people', employeeIds: [ivo.id] },
        selfDue: isoDay(-1),
        managerDue: isoDay(2),
      });
      const reminders = testApp.app.get(ReviewRemindersService);
      const sent = await Promise.all([reminders.run(), reminders.run(), reminders.run()]);
      expect(sent.reduce((sum, count) => sum + count, 0)).toBe(1);
      expect(await reminders.run()).toBe(0);
      const bell = (await as('Ivo').get('/api/notifications').expect(200)).body as NotificationList;
      const overdue = bell.items.filter((item) => item.kind === 'review_overdue');
      expect(overdue).toHaveLength(1);
      expect(overdue[0]?.text).toBe(`Your self-assessment in Reminder cycle is overdue (it was due on ${isoDay(-1)})`);

      // once Ivo submits, the manager's step is due in two days: Luca is reminded
      const { id } = await reviewOf(cycle.id, ivo.id);
      await selfAssess('Ivo', id, [
        { competencyId: smp.id, outcome: 'rated', level: 2 },
        { competencyId: c1.id, outcome: 'rated', level: 2 },
      ]);
      expect(await reminders.run()).toBe(1);
      const lucaBell = (await as('Luca').get('/api/notifications').expect(200)).body as NotificationList;
      expect(lucaBell.items.filter((item) => item.kind === 'review_due').map((item) => item.text)).toEqual([
        `Your assessment of Ivo in Reminder cycle is due on ${isoDay(2)}`,
      ]);
      await testApp.app.get(MailOutbox).kick();
      await waitUntil(
        async () =>
          mail.received.some((message) => message.to.includes('luca@example.org') && message.data.includes('Reminder cycle is due')),
        'the reminder reached Luca',
      );
      const message = mail.received.find((item) => item.to.includes('luca@example.org') && item.data.includes('Reminder cycle is due'));
      expect(message?.data.replace(/=\r?\n/g, '')).toContain(`https://proficio.example.org/reviews/${id}`);
    });

    it('keeps a reminder nobody can receive for when someone can: a manager without an account, then the one it is reassigned to', async () => {
      // Pia manages Omar but has no account: the manager step's reminder waits until the review has a manager who can read it
      const pia = (await testApp.http().post('/api/employees').send({ name: 'Pia', email: 'pia@example.org' }).expect(201))
        .body as EmployeeDetail;
      const omar = await person('Omar', { managerId: pia.id, roleProfileId: analyst.id });
      const cycle = await openCycle({
        name: 'Unreachable manager cycle',
        participants: { kind: 'people', employeeIds: [omar.id] },
        selfDue: isoDay(0),
        managerDue: isoDay(1),
      });
      const { id } = await reviewOf(cycle.id, omar.id);
      await selfAssess('Omar', id, [
        { competencyId: smp.id, outcome: 'rated', level: 2 },
        { competencyId: c1.id, outcome: 'rated', level: 2 },
      ]);
      const reminders = testApp.app.get(ReviewRemindersService);
      await reminders.run();
      const claimed = async () => (await db.query(`SELECT step, kind FROM review_reminder WHERE review_id = $1`, [id])) as object[];
      expect(await claimed()).toEqual([]);

      await testApp.http().put(`/api/reviews/${id}/manager`).send({ managerId: luca.id }).expect(200);
      await reminders.run();
      expect(await claimed()).toEqual([{ step: 'manager_assessment', kind: 'due' }]);
      const lucaBell = (await as('Luca').get('/api/notifications').expect(200)).body as NotificationList;
      expect(lucaBell.items.map((item) => item.text)).toContain(
        `Your assessment of Omar in Unreachable manager cycle is due on ${isoDay(1)}`,
      );
    });
  });
});
