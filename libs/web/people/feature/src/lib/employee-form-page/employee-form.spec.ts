import { FormControl } from '@angular/forms';
import { employeeDetail } from '@proficio/web/people/data-access/testing';
import { EMPTY_EMPLOYEE_FORM, chosenFromList, createRequest, formValueOf, fromIsoDate, toIsoDate, updateRequest } from './employee-form';

describe('employee form values', () => {
  it('turns calendar dates into ISO dates and back, in the local time zone', () => {
    expect(toIsoDate(new Date(2024, 2, 1))).toBe('2024-03-01');
    expect(toIsoDate(null)).toBeNull();
    expect(toIsoDate(new Date('nope'))).toBeNull();
    expect(fromIsoDate('2024-03-01')?.getDate()).toBe(1);
    expect(fromIsoDate(undefined)).toBeNull();
  });

  it('creates with the filled-in fields only, trimmed', () => {
    expect(createRequest({ ...EMPTY_EMPLOYEE_FORM, name: ' Ann ', email: 'ann@example.org ', manager: { id: 'm', name: 'Max' } })).toEqual({
      name: 'Ann',
      email: 'ann@example.org',
      managerId: 'm',
    });
  });

  it('changes only what differs, with null for a cleared field', () => {
    const initial = formValueOf(employeeDetail('sara', 'admin'));
    expect(updateRequest(initial, initial)).toEqual({});
    expect(updateRequest(initial, { ...initial, jobTitle: 'Senior Analyst', manager: null, status: 'left' })).toEqual({
      jobTitle: 'Senior Analyst',
      managerId: null,
      status: 'left',
    });
    expect(updateRequest(initial, { ...initial, startDate: new Date(2022, 0, 31), teamId: '' })).toEqual({
      startDate: '2022-01-31',
      teamId: null,
    });
  });

  it.each([
    [null, null],
    ['', null],
    [{ id: 'x', name: 'X' }, null],
    ['luc', { notChosen: true }],
  ])('checks that %p was chosen from the list', (value, expected) => {
    expect(chosenFromList(new FormControl(value))).toEqual(expected);
  });
});
