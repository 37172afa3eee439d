import { TestBed } from '@angular/core/testing';
import { ReviewSignature } from '@proficio/shared/contracts';
import { ReviewSignatureLine } from './review-signature-line';

describe('ReviewSignatureLine', () => {
  async function line(signature: ReviewSignature): Promise<string> {
    const fixture = TestBed.createComponent(ReviewSignatureLine);
    fixture.componentRef.setInput('signature', signature);
    await fixture.whenStable();
    return (fixture.nativeElement as HTMLElement).textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  it.each<[string, ReviewSignature, RegExp]>([
    [
      "a manager's, with the comment",
      { role: 'manager', by: { id: 'e-luca', name: 'Luca Esposito' }, signedAt: '2026-03-02T09:30:00Z', comment: 'Disagree on C.4' },
      /^Manager: Luca Esposito, \S.*2026.* — “Disagree on C\.4”$/,
    ],
    [
      "an employee's, without a comment",
      { role: 'employee', by: { id: 'e-sara', name: 'Sara Bianchi' }, signedAt: '2026-03-03T10:00:00Z' },
      /^Employee: Sara Bianchi, [^—“]*2026[^—“]*$/,
    ],
  ])('says who signed in which role and when: %s', async (_, signature, expected) => {
    expect(await line(signature)).toMatch(expected);
  });
});
