import { HttpErrorResponse } from '@angular/common/http';
import { Subject, of, throwError } from 'rxjs';
import { ApiProblem } from './api-problem';
import { DialogWrite } from './dialog-write';

describe('DialogWrite', () => {
  const conflict = () => new HttpErrorResponse({ status: 409, statusText: 'Conflict', error: { status: 409, title: 'Name taken' } });

  it('is saving while the write is in flight, and hands on the saved value', () => {
    const write = new DialogWrite();
    const answer = new Subject<string>();
    const saved: string[] = [];
    write.run(
      answer,
      (value) => saved.push(value),
      () => 'refused',
    );

    expect(write.saving()).toBe(true);
    answer.next('team');
    expect(saved).toEqual(['team']);
  });

  it('puts a refusal in the words given, ends saving, and clears the words when saving again', () => {
    const write = new DialogWrite();
    const refusals: ApiProblem[] = [];
    write.run(
      throwError(() => conflict()),
      () => undefined,
      (problem) => {
        refusals.push(problem);
        return `${problem.title}.`;
      },
    );

    expect(refusals.map((problem) => problem.status)).toEqual([409]);
    expect([write.saving(), write.problem()]).toEqual([false, 'Name taken.']);

    write.run(
      new Subject<string>(),
      () => undefined,
      () => null,
    );
    expect([write.saving(), write.problem()]).toEqual([true, null]);
  });

  it('says nothing of a refusal the fields show in full', () => {
    const write = new DialogWrite();
    write.run(
      throwError(() => conflict()),
      () => undefined,
      () => null,
    );
    expect([write.saving(), write.problem()]).toEqual([false, null]);
  });

  it('does not hand on anything for a refused write', () => {
    const write = new DialogWrite();
    const saved = jest.fn();
    write.run(of('saved'), saved, () => null);
    write.run(
      throwError(() => conflict()),
      saved,
      () => 'refused',
    );
    expect(saved.mock.calls).toEqual([['saved']]);
  });
});
