import { FormControl, FormGroup } from '@angular/forms';
import { applyServerErrors, serverError } from './server-errors';

describe('applyServerErrors', () => {
  const form = () => new FormGroup({ name: new FormControl(''), manager: new FormControl(null) });

  it('puts each named field error on its control, following the field map', () => {
    const f = form();
    const rest = applyServerErrors(
      f,
      {
        status: 422,
        title: 'The change cannot be made',
        errors: [
          { field: 'managerId', message: 'would make the reporting line a cycle' },
          { field: 'name', message: 'is too long' },
        ],
      },
      { managerId: 'manager' },
    );
    expect(rest).toEqual([]);
    expect(serverError(f.get('manager'))).toBe('would make the reporting line a cycle');
    expect(serverError(f.get('name'))).toBe('is too long');
    expect(f.get('name')?.touched).toBe(true);
  });

  it('words the message with the control it lands on', () => {
    const f = form();
    applyServerErrors(
      f,
      { status: 400, title: 'Invalid request', errors: [{ field: 'name', message: 'is too long' }] },
      {},
      (control, message) => `${control.toUpperCase()} ${message}`,
    );
    expect(serverError(f.get('name'))).toBe('NAME is too long');
  });

  it('returns what no control can show', () => {
    expect(applyServerErrors(form(), { status: 409, title: 'Conflict', detail: 'Sales has 3 members.' })).toEqual(['Sales has 3 members.']);
    expect(
      applyServerErrors(form(), { status: 400, title: 'Invalid request', errors: [{ field: 'colour', message: 'should not exist' }] }),
    ).toEqual(['colour should not exist']);
  });
});
