import { UrlSegment } from '@angular/router';
import { DateTime } from 'luxon';
import { c1Detail, evidenceRevision, smpDetail, c1Claim, en } from '@proficio/web/evidence/data-access/testing';
import { claimForm, contentRequest, evidenceForm, fillEvidenceForm, levelChoices, linkControl } from './evidence-form';
import { evidenceFormMatcher } from './evidence-form-matcher';

describe('evidence form', () => {
  it('offers the levels the competency defines, named by the scale and described by the level', () => {
    expect(levelChoices(c1Detail()).map((choice) => [choice.level, choice.code, choice.label?.text, choice.description?.text])).toEqual([
      [1, 'e-1', 'Associate', 'Interacts with users, applies basic product knowledge to respond to user requests.'],
      [2, 'e-2', 'Professional', 'Interprets problems and identifies solutions and possible side effects.'],
      [3, 'e-3', 'Senior professional', 'Manages the support process and is accountable for agreed service levels.'],
    ]);
  });

  it('names a level by its label alone where the label holds the code', () => {
    expect(levelChoices(smpDetail()).map((choice) => [choice.code, choice.label?.text])).toEqual([
      ['1', 'Foundation'],
      ['2', 'Practitioner'],
      ['3', 'Expert'],
    ]);
    const numbered = { ...smpDetail(), scale: smpDetail().scale.map((step) => ({ ...step, label: en(`Level ${step.number}`) })) };
    expect(levelChoices(numbered).map((choice) => [choice.code, choice.label?.text])).toEqual([
      ['Level 1', undefined],
      ['Level 2', undefined],
      ['Level 3', undefined],
    ]);
  });

  it('gives a claim an answer box per question and a tick per indicator of its level, and none before a level', () => {
    const claim = claimForm(smpDetail(), null);
    expect([claim.controls.answers.length, claim.controls.indicators.length]).toEqual([0, 0]);
    const atTwo = claimForm(smpDetail(), 2);
    expect([atTwo.controls.answers.length, atTwo.controls.indicators.length]).toEqual([1, 2]);
  });

  it('says the claims in order, answers and ticks by position, and leaves out empty answers, links and the end of no period', () => {
    const form = evidenceForm();
    form.controls.claims.clear();
    form.controls.claims.push(claimForm(c1Detail(), 2));
    const smp = claimForm(smpDetail(), 2);
    smp.controls.answers.at(0).setValue('  I watched the SLA dashboards.  ');
    smp.controls.indicators.at(1).setValue(true);
    form.controls.claims.push(smp);
    form.controls.links.push(linkControl(' https://tickets.example.test/INC-1 '));
    form.controls.links.push(linkControl(''));
    form.patchValue({
      title: ' Outage ',
      activityFrom: DateTime.local(2026, 2, 2),
      activityTo: DateTime.local(2026, 2, 9),
      narrative: '  ',
    });

    expect(contentRequest(form)).toEqual({
      title: 'Outage',
      activityFrom: '2026-02-02',
      claims: [
        { competencyId: c1Detail().id, level: 2 },
        { competencyId: smpDetail().id, level: 2 },
      ],
      answers: [{ claim: 1, question: 0, answer: 'I watched the SLA dashboards.' }],
      indicators: [{ claim: 1, indicator: 1 }],
      links: ['https://tickets.example.test/INC-1'],
    });

    form.controls.overPeriod.setValue(true);
    expect(contentRequest(form).activityTo).toBe('2026-02-09');
  });

  it('puts a revision back into the form, answers and ticks at their places, and is pristine after', () => {
    const form = evidenceForm();
    const revision = evidenceRevision({
      activityTo: '2026-02-06',
      claims: [
        c1Claim(),
        c1Claim({ competency: { id: smpDetail().id, code: 'SMP', title: en('Service Management Processes') }, level: 2 }),
      ],
      answers: [{ claim: 1, question: 0, questionText: en('Describe…'), answer: 'The SLA story' }],
      indicators: [{ claim: 1, indicator: 0, text: en('Monitors…') }],
    });
    fillEvidenceForm(
      form,
      revision,
      new Map([
        [c1Detail().id, c1Detail()],
        [smpDetail().id, smpDetail()],
      ]),
    );
    const value = form.getRawValue();
    expect(value.title).toBe('Led the printer outage response');
    expect(value.overPeriod).toBe(true);
    expect(value.claims.map((claim) => [claim.competency?.code, claim.level, claim.answers, claim.indicators])).toEqual([
      ['C.1', 2, [], [false, false]],
      ['SMP', 2, ['The SLA story'], [true, false]],
    ]);
    expect(value.links).toEqual(['https://tickets.example.test/INC-1042']);
    expect(form.dirty).toBe(false);
    expect(contentRequest(form).activityTo).toBe('2026-02-06');
  });

  it.each<
    [string, Partial<{ title: string; activityFrom: DateTime | null; overPeriod: boolean; activityTo: DateTime | null }>, string | null]
  >([
    ['a missing title', { title: '' }, 'title'],
    ['a missing date', { activityFrom: null }, 'activityFrom'],
    ['a date in the future', { activityFrom: DateTime.local().startOf('day').plus({ days: 3 }) }, 'activityFrom'],
    ['a period without its end', { overPeriod: true, activityTo: null }, 'activityTo'],
    ['a period ending before it starts', { overPeriod: true, activityTo: DateTime.local(2026, 1, 1) }, 'activityTo'],
    ['a complete form', {}, null],
  ])('refuses %s', (_name, change, field) => {
    const form = evidenceForm();
    form.controls.claims.at(0).patchValue({ competency: c1Detail(), level: 2 });
    form.patchValue({ title: 'Outage', activityFrom: DateTime.local(2026, 2, 2), ...change });
    const invalid = (['title', 'activityFrom', 'activityTo'] as const).filter((name) => form.controls[name].invalid);
    expect(invalid).toEqual(field ? [field] : []);
  });

  it('takes web addresses only as links', () => {
    expect(linkControl('javascript:alert(1)').hasError('webLink')).toBe(true);
    expect(linkControl('https://example.test/x').valid).toBe(true);
  });

  it.each<[string, Record<string, string> | null]>([
    ['new', {}],
    ['abc/edit', { id: 'abc' }],
    ['abc', null],
    ['abc/edit/more', null],
  ])('matches %s as the form', (url, params) => {
    const segments = url.split('/').map((path) => new UrlSegment(path, {}));
    const match = evidenceFormMatcher(segments);
    expect(match ? Object.fromEntries(Object.entries(match.posParams ?? {}).map(([key, value]) => [key, value.path])) : null).toEqual(
      params,
    );
  });
});
