import type {
  AssessmentView,
  CompetencySearchHit,
  EmployeeDetail,
  EvidenceFileView,
  EvidenceSummary,
  EvidenceView,
  InboxCounts,
  InboxDisagreement,
  NotificationList,
  Page,
  PersonalDataExport,
} from '@proficio/shared/contracts';
import { createHash } from 'node:crypto';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { MailOutbox } from '../src/notifications';
import { lucasLine } from './support/people';
import { fieldErrors } from './support/problems';
import { createTestApp, TestApp } from './support/test-app';
import { startTestMailServer, type TestMailServer } from './support/test-mail';
import { waitUntil } from './support/wait-until';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(200, 7)]);
const HTML = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');

/** Reads a download's body as bytes (superagent's parser signature; the response is a Node stream). */
const binary = (response: unknown, done: (error: Error | null, body: unknown) => void) => {
  const stream = response as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
  stream.on('error', (error: Error) => done(error, Buffer.alloc(0)));
};

describe('evidence', () => {
  let testApp: TestApp;
  let db: DataSource;
  /** Service Management Processes: each level has behaviour indicators and two interview questions. */
  let smp: CompetencySearchHit;
  let c1: CompetencySearchHit;
  /** Luca manages Sara directly and, through Sara, Ivo; Tom is elsewhere. */
  let sara: EmployeeDetail;
  let ivo: EmployeeDetail;
  let tom: EmployeeDetail;
  const tokens: Record<string, string> = {};
  let mail: TestMailServer;

  const as = (name: string) => testApp.as(tokens[name] ?? '');
  const content = (overrides: object = {}) => ({
    title: 'Led the incident review after the March outage',
    activityFrom: '2026-03-02',
    activityTo: '2026-03-20',
    claims: [{ competencyId: smp.id, level: 2 }],
    answers: [{ claim: 0, question: 0, answer: 'Situation: the service desk queue doubled. I set up triage and we cleared it in a week.' }],
    indicators: [{ claim: 0, indicator: 1 }],
    narrative: 'Also wrote the runbook that is now used by the whole team.',
    links: ['https://wiki.example.org/runbooks/triage'],
    ...overrides,
  });
  const draft = async (who = 'Sara', employeeId = sara.id, overrides: object = {}) =>
    (
      await as(who)
        .post('/api/evidence')
        .send({ employeeId, ...content(overrides) })
        .expect(201)
    ).body as EvidenceView;
  const get = async (who: string, id: string) => (await as(who).get(`/api/evidence/${id}`).expect(200)).body as EvidenceView;
  const submit = async (who: string, id: string, revision = 1) =>
    (await as(who).post(`/api/evidence/${id}/submission`).send({ revision }).expect(200)).body as EvidenceView;
  const upload = (who: string, id: string, bytes: Buffer, filename: string, contentType = 'application/pdf') =>
    as(who).post(`/api/evidence/${id}/files`).attach('file', bytes, { filename, contentType });
  const download = (who: string, id: string, fileId: string) =>
    as(who)
      .get(`/api/evidence/${id}/files/${fileId}`)
      .buffer(true)
      .parse(binary as Parameters<ReturnType<TestApp['http']>['parse']>[0]);
  const chunkCount = async () => Number((await db.query(`SELECT count(*) AS n FROM stored_file_chunk`))[0].n);

  beforeAll(async () => {
    mail = await startTestMailServer();
    testApp = await createTestApp({ env: mail.env });
    db = testApp.app.get(DataSource);
    [smp, c1] = [await testApp.competency('SMP'), await testApp.competency('C.1')];
    ({ sara, ivo, tom } = await lucasLine(testApp, tokens));
  });

  afterAll(async () => {
    await testApp.close();
    await mail.close();
  });

  describe('drafts', () => {
    it('saves the guided narrative: answers to the level’s interview questions with their text, ticked indicators, free text and links', async () => {
      const created = await draft();
      expect(created).toMatchObject({
        status: 'draft',
        employee: { id: sara.id, name: 'Sara' },
        title: 'Led the incident review after the March outage',
        revision: 1,
        claims: [{ competency: { id: smp.id, code: 'SMP' }, level: 2 }],
        may: { edit: true, submit: true, amend: false, review: false, discard: true },
      });
      const [revision] = created.revisions;
      expect(revision).toMatchObject({
        number: 1,
        activityFrom: '2026-03-02',
        activityTo: '2026-03-20',
        narrative: 'Also wrote the runbook that is now used by the whole team.',
        links: ['https://wiki.example.org/runbooks/triage'],
      });
      expect(revision?.answers[0]?.questionText.text.length).toBeGreaterThan(10);
      expect(revision?.answers[0]?.answer).toMatch(/^Situation:/);
      expect(revision?.indicators[0]?.text.text.length).toBeGreaterThan(5);
      expect(revision?.submittedAt).toBeUndefined();
    });

    it('shows a draft to its author only: the manager gets 404 and does not find it in lists', async () => {
      const created = await draft();
      await as('Luca').get(`/api/evidence/${created.id}`).expect(404);
      const lucaList = (await as('Luca').get(`/api/evidence?employeeId=${sara.id}`).expect(200)).body as Page<EvidenceSummary>;
      expect(lucaList.items.map((item) => item.id)).not.toContain(created.id);
      const saraList = (await as('Sara').get(`/api/evidence?status=draft`).expect(200)).body as Page<EvidenceSummary>;
      expect(saraList.items.map((item) => item.id)).toContain(created.id);
    });

    it('refuses levels, questions and indicators the competency does not have, naming each field', async () => {
      const response = await as('Sara')
        .post('/api/evidence')
        .send({
          employeeId: sara.id,
          ...content({
            claims: [
              { competencyId: c1.id, level: 5 },
              { competencyId: '00000000-0000-4000-8000-000000000000', level: 1 },
            ],
            answers: [{ claim: 0, question: 0, answer: 'C.1 has no interview questions' }],
            indicators: [{ claim: 3, indicator: 0 }],
            activityFrom: '2999-01-01',
          }),
        })
        .expect(400);
      expect(fieldErrors(response)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^activityFrom must not be in the future/),
          expect.stringMatching(/^claims\.0\.level is not a level of C\.1 \(1, 2, 3\)/),
          'claims.1.competencyId is not a known competency',
          expect.stringMatching(/^answers\.0\.question /),
          expect.stringMatching(/^indicators\.0\.claim /),
        ]),
      );
      const missing = await as('Sara').post('/api/evidence').send({ employeeId: sara.id, title: '' }).expect(400);
      expect(fieldErrors(missing).map((field) => field.split(' ')[0])).toEqual(expect.arrayContaining(['title', 'activityFrom', 'claims']));
    });

    it('lets a person submit evidence about themselves only; a manager gets 403, an outsider 404', async () => {
      await as('Luca')
        .post('/api/evidence')
        .send({ employeeId: sara.id, ...content() })
        .expect(403);
      await as('Tom')
        .post('/api/evidence')
        .send({ employeeId: sara.id, ...content() })
        .expect(404);
    });

    it('edits the draft in place and discards it entirely, files included', async () => {
      const created = await draft();
      const edited = (
        await as('Sara')
          .put(`/api/evidence/${created.id}`)
          .send({ ...content({ title: 'Renamed' }), basedOnRevision: 1 })
          .expect(200)
      ).body as EvidenceView;
      expect(edited).toMatchObject({ title: 'Renamed', revision: 1, revisions: [{ number: 1, title: 'Renamed' }] });
      const before = await chunkCount();
      await upload('Sara', created.id, PDF, 'notes.pdf').expect(201);
      expect(await chunkCount()).toBe(before + 1);
      await as('Sara').delete(`/api/evidence/${created.id}`).expect(204);
      await as('Sara').get(`/api/evidence/${created.id}`).expect(404);
      expect(await chunkCount()).toBe(before);
    });
  });

  describe('files', () => {
    let evidence: EvidenceView;

    beforeAll(async () => {
      evidence = await draft('Sara', sara.id, { title: 'Files' });
    });

    it('stores a PDF with its SHA-256 and gives it back byte for byte, as an attachment that cannot run in Proficio’s origin', async () => {
      const stored = (await upload('Sara', evidence.id, PDF, 'Relazione attività — marzo.pdf').expect(201)).body as EvidenceFileView;
      expect(stored).toMatchObject({
        name: 'Relazione attività — marzo.pdf',
        mediaType: 'application/pdf',
        size: PDF.length,
        sha256: createHash('sha256').update(PDF).digest('hex'),
      });
      const response = await download('Sara', evidence.id, stored.id).expect(200);
      expect(Buffer.compare(response.body as Buffer, PDF)).toBe(0);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toMatch(
        /^attachment; filename=".*"; filename\*=UTF-8''Relazione%20attivit%C3%A0%20%E2%80%94%20marzo\.pdf$/,
      );
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    });

    it('judges the type by the content: a PNG named .pdf is stored as a PNG, HTML named .pdf is refused with 415 naming the file', async () => {
      const png = (await upload('Sara', evidence.id, PNG, 'scan.pdf').expect(201)).body as EvidenceFileView;
      expect(png.mediaType).toBe('image/png');
      const html = await upload('Sara', evidence.id, HTML, 'report.pdf').expect(415);
      expect(html.body).toMatchObject({
        title: 'Unsupported file type',
        detail: expect.stringContaining('file "report.pdf" is not one of the accepted types'),
      });
      expect(fieldErrors(html)[0]).toMatch(/^file is not one of: PDF, PNG/);
      const empty = await upload('Sara', evidence.id, Buffer.alloc(0), 'empty.pdf').expect(400);
      expect(empty.body.detail).toBe('file "empty.pdf" is empty.');
    });

    it('accepts a file of exactly the size limit and refuses one byte more with 413 naming the file and the limit', async () => {
      await db.query(`UPDATE app_setting SET value = '1'::jsonb WHERE key = 'evidence.max_file_mb'`);
      try {
        const before = await chunkCount();
        const atLimit = Buffer.alloc(1024 * 1024, 'a');
        await upload('Sara', evidence.id, atLimit, 'limit.txt', 'text/plain').expect(201);
        expect(await chunkCount()).toBe(before + 4);
        const over = await upload('Sara', evidence.id, Buffer.alloc(1024 * 1024 + 1, 'a'), 'over.txt', 'text/plain').expect(413);
        expect(over.body.detail).toBe('file "over.txt" is larger than 1 MB, the most a file may be.');
        expect(await chunkCount()).toBe(before + 4);
      } finally {
        await db.query(`UPDATE app_setting SET value = '10'::jsonb WHERE key = 'evidence.max_file_mb'`);
      }
    });

    it('leaves neither bytes nor rows when the transaction fails after the chunks were written', async () => {
      const before = await chunkCount();
      const files = Number((await db.query(`SELECT count(*) AS n FROM stored_file`))[0].n);
      // The name is checked by the database when the file's row is written, after every chunk: the whole upload rolls back.
      const response = await upload('Sara', evidence.id, Buffer.alloc(600 * 1024, 'b'), `${'n'.repeat(260)}.txt`, 'text/plain').expect(422);
      expect(fieldErrors(response)).toEqual(['file must have a name of 1 to 255 characters']);
      expect(await chunkCount()).toBe(before);
      expect(Number((await db.query(`SELECT count(*) AS n FROM stored_file`))[0].n)).toBe(files);
    });

    it('refuses a download whose stored bytes no longer match their SHA-256 by cutting the response short', async () => {
      const stored = (await upload('Sara', evidence.id, Buffer.from('original text\n'), 'tampered.txt', 'text/plain').expect(201))
        .body as EvidenceFileView;
      await db.query(
        `UPDATE stored_file_chunk SET data = convert_to('tampered text\n', 'UTF8')
         WHERE file_id = (SELECT stored_file_id FROM evidence_file WHERE id = $1)`,
        [stored.id],
      );
      await expect(download('Sara', evidence.id, stored.id)).rejects.toThrow();
    });

    it('refuses uploads that are not multipart, and files on someone else’s evidence', async () => {
      const notMultipart = await as('Sara').post(`/api/evidence/${evidence.id}/files`).send({ file: 'x' }).expect(400);
      expect(notMultipart.body.detail).toMatch(/multipart/);
      await upload('Luca', evidence.id, PDF, 'x.pdf').expect(404); // a draft: the manager does not see it
      await upload('Tom', evidence.id, PDF, 'x.pdf').expect(404);
    });
  });

  describe('review', () => {
    let evidence: EvidenceView;
    let fileId: string;

    beforeAll(async () => {
      evidence = await draft('Sara', sara.id, { title: 'Reviewed evidence' });
      fileId = ((await upload('Sara', evidence.id, PDF, 'runbook.pdf').expect(201)).body as EvidenceFileView).id;
      mail.received.length = 0;
      evidence = await submit('Sara', evidence.id);
    });

    it('submits: the revision freezes, the manager is notified in the app and by email, and finds it in the inbox', async () => {
      expect(evidence).toMatchObject({ status: 'submitted', may: { edit: false, submit: false, amend: false, comment: true } });
      expect(evidence.revisions[0]?.submittedAt).toBeDefined();
      const inbox = (await as('Luca').get('/api/inbox').expect(200)).body as InboxCounts;
      expect(inbox.evidence).toBe(1);
      const waiting = (await as('Luca').get('/api/inbox/evidence').expect(200)).body as Page<EvidenceSummary>;
      expect(waiting.items.map((item) => item.id)).toEqual([evidence.id]);
      expect(((await as('Sara').get('/api/inbox/evidence').expect(200)).body as Page<EvidenceSummary>).items).toEqual([]);
      const bell = (await as('Luca').get('/api/notifications').expect(200)).body as NotificationList;
      expect(bell.unread).toBe(1);
      expect(bell.items[0]).toMatchObject({
        kind: 'evidence_submitted',
        text: 'Sara submitted evidence for review: Reviewed evidence',
        evidenceId: evidence.id,
        read: false,
      });
      await waitUntil(async () => mail.received.length > 0, 'the manager’s email arrives');
      expect(mail.received[0]?.to).toEqual(['luca@example.org']);
      expect(mail.received[0]?.data).toContain('Subject: Proficio: Sara submitted evidence for review: Reviewed evidence');
      // Quoted-printable breaks long lines with "=" at the end.
      expect(mail.received[0]?.data.replace(/=\r?\n/g, '')).toContain(
        `Open it in Proficio: https://proficio.example.org/evidence/${evidence.id}`,
      );
      // The outbox marks it sent once the server has taken it (a moment after the server has it).
      await waitUntil(
        async () => (await db.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE sent_at IS NOT NULL`))[0].n >= 1,
        'the outbox marks the message sent',
      );
    });

    it('lets the managers in the line see it and download its files; outsiders get 404 for the item and its files', async () => {
      await as('Luca').get(`/api/evidence/${evidence.id}`).expect(200);
      await download('Luca', evidence.id, fileId).expect(200);
      await as('Tom').get(`/api/evidence/${evidence.id}`).expect(404);
      await download('Tom', evidence.id, fileId).expect(404);
      await download('Ivo', evidence.id, fileId).expect(404);
      await as('Ivo').get(`/api/evidence/${evidence.id}`).expect(404);
    });

    it('does not let a submitted revision change: edits, uploads and discards are refused, and the database refuses too', async () => {
      await as('Sara')
        .put(`/api/evidence/${evidence.id}`)
        .send({ ...content(), basedOnRevision: 1 })
        .expect(409);
      await upload('Sara', evidence.id, PDF, 'late.pdf').expect(409);
      await as('Sara').delete(`/api/evidence/${evidence.id}`).expect(409);
      await expect(db.query(`UPDATE evidence_revision SET title = 'rewritten' WHERE evidence_id = $1`, [evidence.id])).rejects.toThrow(
        /submitted evidence revision/,
      );
      await expect(db.query(`DELETE FROM evidence_claim WHERE evidence_id = $1`, [evidence.id])).rejects.toThrow(
        /submitted evidence revision/,
      );
      await expect(db.query(`DELETE FROM evidence_revision_file WHERE evidence_id = $1`, [evidence.id])).rejects.toThrow(
        /submitted evidence revision/,
      );
      await expect(db.query(`TRUNCATE evidence_revision CASCADE`)).rejects.toThrow(/append-only/);
    });

    it('does not let anyone review their own evidence, nor managers give a verdict without the required comment', async () => {
      await as('Sara').post(`/api/evidence/${evidence.id}/verdicts`).send({ revision: 1, verdict: 'accepted' }).expect(403);
      const noComment = await as('Luca')
        .post(`/api/evidence/${evidence.id}/verdicts`)
        .send({ revision: 1, verdict: 'changes_requested' })
        .expect(400);
      expect(fieldErrors(noComment)).toEqual(['comment is required: say what to change']);
      await as('Luca').post(`/api/evidence/${evidence.id}/verdicts`).send({ revision: 2, verdict: 'accepted' }).expect(409);
    });

    it('requests changes; the person amends (a new revision), resubmits, and the manager accepts: every revision and verdict stays', async () => {
      const changes = (
        await as('Luca')
          .post(`/api/evidence/${evidence.id}/verdicts`)
          .send({ revision: 1, verdict: 'changes_requested', comment: 'Say what the outcome was.' })
          .expect(201)
      ).body as EvidenceView;
      expect(changes).toMatchObject({
        status: 'changes_requested',
        revisions: [
          { number: 1, verdict: { verdict: 'changes_requested', comment: 'Say what the outcome was.', reviewer: { name: 'Luca' } } },
        ],
      });
      await as('Luca').post(`/api/evidence/${evidence.id}/verdicts`).send({ revision: 1, verdict: 'accepted' }).expect(409);
      const saraBell = (await as('Sara').get('/api/notifications').expect(200)).body as NotificationList;
      expect(saraBell.items[0]).toMatchObject({
        kind: 'evidence_verdict',
        text: 'Luca asked for changes to your evidence: Reviewed evidence',
      });

      await as('Sara').post(`/api/evidence/${evidence.id}/comments`).send({ body: 'Will do: adding the numbers.' }).expect(201);
      const amended = (
        await as('Sara')
          .put(`/api/evidence/${evidence.id}`)
          .send({ ...content({ title: 'Reviewed evidence, with outcome' }), basedOnRevision: 1 })
          .expect(200)
      ).body as EvidenceView;
      expect(amended.revisions.map((revision) => [revision.number, revision.submittedAt !== undefined])).toEqual([
        [2, false],
        [1, true],
      ]);
      expect(amended.revisions[0]?.files.map((file) => file.name)).toEqual(['runbook.pdf']);
      expect(amended.status).toBe('changes_requested');
      // The manager sees the submitted history only, not the draft amendment.
      const managerView = await get('Luca', evidence.id);
      expect(managerView.revisions.map((revision) => revision.number)).toEqual([1]);
      expect(managerView.title).toBe('Reviewed evidence');
      // A file removed from the amendment stays with the revision that was reviewed.
      await as('Sara').delete(`/api/evidence/${evidence.id}/files/${fileId}`).expect(204);
      await download('Luca', evidence.id, fileId).expect(200);

      await submit('Sara', evidence.id, 2);
      const accepted = (
        await as('Luca').post(`/api/evidence/${evidence.id}/verdicts`).send({ revision: 2, verdict: 'accepted' }).expect(201)
      ).body as EvidenceView;
      expect(accepted.status).toBe('accepted');
      expect(
        accepted.revisions.map((revision) => [revision.number, revision.title, revision.verdict?.verdict, revision.files.length]),
      ).toEqual([
        [2, 'Reviewed evidence, with outcome', 'accepted', 0],
        [1, 'Reviewed evidence', 'changes_requested', 1],
      ]);
      expect(accepted.comments.map((comment) => [comment.author.name, comment.body])).toEqual([['Sara', 'Will do: adding the numbers.']]);
      await as('Sara')
        .put(`/api/evidence/${evidence.id}`)
        .send({ ...content(), basedOnRevision: 2 })
        .expect(409);
      await expect(db.query(`UPDATE evidence_verdict SET verdict = 'rejected' WHERE evidence_id = $1`, [evidence.id])).rejects.toThrow(
        /append-only/,
      );
      await expect(db.query(`DELETE FROM evidence_comment WHERE evidence_id = $1`, [evidence.id])).rejects.toThrow(/append-only/);
      const audit = await db.query(
        `SELECT action FROM audit_event WHERE entity_type = 'evidence' AND entity_id = $1 ORDER BY occurred_at, id`,
        [evidence.id],
      );
      expect(audit.map((row: { action: string }) => row.action)).toEqual(expect.arrayContaining(['create', 'submit', 'review', 'update']));
    });

    it('lets the manager rate the competency relying on the accepted evidence; the history shows what it relied on', async () => {
      const base = { employeeId: sara.id, competencyId: smp.id, role: 'manager', level: 2, rationale: 'Ran the triage rota well.' };
      const pending = await draft('Sara', sara.id, { title: 'Not yet reviewed' });
      const refused = await as('Luca')
        .post('/api/assessments')
        .send({ ...base, evidence: [pending.id, '00000000-0000-4000-8000-000000000000'] })
        .expect(400);
      expect(fieldErrors(refused)).toEqual(['evidence.0 has not been accepted (it is draft)', 'evidence.1 is not evidence of this person']);
      const otherCompetency = await as('Luca')
        .post('/api/assessments')
        .send({ ...base, competencyId: c1.id, evidence: [evidence.id] })
        .expect(400);
      expect(fieldErrors(otherCompetency)).toEqual(['evidence.0 does not claim C.1']);
      const self = await as('Sara')
        .post('/api/assessments')
        .send({ ...base, role: 'self', evidence: [evidence.id] })
        .expect(400);
      expect(fieldErrors(self)).toEqual(['evidence goes only with a manager assessment (not a self-assessment or a withdrawal)']);

      const rated = (
        await as('Luca')
          .post('/api/assessments')
          .send({ ...base, evidence: [evidence.id] })
          .expect(201)
      ).body as AssessmentView;
      expect(rated.evidence).toEqual([{ id: evidence.id, revision: 2, title: 'Reviewed evidence, with outcome' }]);
      const history = (await as('Sara').get(`/api/employees/${sara.id}/assessments?competencyId=${smp.id}`).expect(200))
        .body as Page<AssessmentView>;
      expect(history.items[0]?.evidence?.map((item) => item.id)).toEqual([evidence.id]);
      await expect(db.query(`DELETE FROM assessment_evidence WHERE assessment_id = $1`, [rated.id])).rejects.toThrow(/append-only/);
    });

    it('puts the evidence, every revision and verdict into the person’s data export, and the verdicts into the reviewer’s', async () => {
      const own = (await as('Sara').get('/api/me/export').expect(200)).body as PersonalDataExport;
      const exported = own.sections.evidence.about.find((item) => item.id === evidence.id);
      expect(exported?.revisions.map((revision) => [revision.number, revision.title, revision.verdict?.verdict])).toEqual([
        [2, 'Reviewed evidence, with outcome', 'accepted'],
        [1, 'Reviewed evidence', 'changes_requested'],
      ]);
      expect(exported?.revisions[1]).toMatchObject({
        claims: [{ competencyCode: 'SMP', level: 2 }],
        files: [{ name: 'runbook.pdf', mediaType: 'application/pdf', size: PDF.length }],
        verdict: { comment: 'Say what the outcome was.' },
      });
      expect(exported?.revisions[1]?.answers[0]?.answer).toMatch(/^Situation:/);
      expect(exported?.comments.map((comment) => comment.body)).toEqual(['Will do: adding the numbers.']);
      const reviewer = (await as('Luca').get('/api/me/export').expect(200)).body as PersonalDataExport;
      expect(
        reviewer.sections.evidence.verdictsBy.filter((verdict) => verdict.evidenceId === evidence.id).map((verdict) => verdict.verdict),
      ).toEqual(['changes_requested', 'accepted']);
      expect(JSON.stringify(reviewer.sections.evidence.verdictsBy)).not.toContain('Say what the outcome was.');
    });

    it('lets an indirect manager review too, and marks notifications read', async () => {
      const ivoEvidence = await draft('Ivo', ivo.id, { title: 'Ivo’s evidence' });
      await submit('Ivo', ivoEvidence.id);
      // Sara is Ivo's direct manager and is notified; Luca, above her, may review as well.
      expect(((await as('Sara').get('/api/notifications').expect(200)).body as NotificationList).items[0]?.text).toBe(
        'Ivo submitted evidence for review: Ivo’s evidence',
      );
      await as('Luca')
        .post(`/api/evidence/${ivoEvidence.id}/verdicts`)
        .send({ revision: 1, verdict: 'rejected', comment: 'Not this competency.' })
        .expect(201);
      await as('Tom').post(`/api/evidence/${ivoEvidence.id}/verdicts`).send({ revision: 1, verdict: 'accepted' }).expect(404);
      const marked = (await as('Luca').post('/api/notifications/read').send({}).expect(200)).body as { marked: number };
      expect(marked.marked).toBeGreaterThanOrEqual(1);
      expect(((await as('Luca').get('/api/notifications').expect(200)).body as NotificationList).unread).toBe(0);
    });
  });

  describe('email', () => {
    it('keeps a message whose sending failed and sends it on the next round, once', async () => {
      mail.refuseOnce = 'Mailed twice?';
      const item = await draft('Sara', sara.id, { title: 'Mailed twice?' });
      await submit('Sara', item.id);
      const queued = async () =>
        (await db.query(`SELECT attempts, sent_at, last_error FROM mail_outbox WHERE subject LIKE '%Mailed twice?%'`))[0] as {
          attempts: number;
          sent_at: Date | null;
          last_error: string | null;
        };
      await waitUntil(async () => (await queued()).attempts === 1, 'the first attempt fails');
      expect(await queued()).toMatchObject({ sent_at: null, last_error: expect.stringContaining('Mailbox busy') });
      const mine = () => mail.received.filter((message) => message.data.includes('Mailed twice?'));
      expect(mine()).toEqual([]);
      // The retry is due in a minute; make it due now instead of waiting.
      await db.query(`UPDATE mail_outbox SET next_attempt_at = now() WHERE sent_at IS NULL`);
      await testApp.app.get(MailOutbox).kick();
      expect(await queued()).toMatchObject({ attempts: 2, sent_at: expect.any(Date), last_error: null });
      expect(mine().map((message) => message.to)).toEqual([['luca@example.org']]);
      await testApp.app.get(MailOutbox).kick();
      expect(mine()).toHaveLength(1);
    });
  });

  describe('inbox disagreements', () => {
    it('lists self-assessments two or more levels from the caller’s own rating of that person', async () => {
      const c4 = await testApp.competency('C.4');
      await as('Luca')
        .post('/api/assessments')
        .send({ employeeId: sara.id, competencyId: c4.id, role: 'manager', level: 2, rationale: 'Seen once.' })
        .expect(201);
      await as('Sara').post('/api/assessments').send({ employeeId: sara.id, competencyId: c4.id, role: 'self', level: 4 }).expect(201);
      const listed = (await as('Luca').get('/api/inbox/disagreements').expect(200)).body as Page<InboxDisagreement>;
      expect(listed.items).toEqual([expect.objectContaining({ employee: { id: sara.id, name: 'Sara' }, managerLevel: 2, selfLevel: 4 })]);
      expect(((await as('Luca').get('/api/inbox').expect(200)).body as InboxCounts).disagreements).toBe(1);
      expect(((await as('Tom').get('/api/inbox/disagreements').expect(200)).body as Page<InboxDisagreement>).total).toBe(0);
    });
  });

  it('answers 404 for evidence nobody has, and for anything else about an unknown id', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const response: Response = await as('Sara').get(`/api/evidence/${unknown}`).expect(404);
    expect(response.body.detail).toBe(`Evidence ${unknown} does not exist.`);
    await download('Sara', unknown, unknown).expect(404);
    expect(tom.id).toBeDefined();
  });
});
