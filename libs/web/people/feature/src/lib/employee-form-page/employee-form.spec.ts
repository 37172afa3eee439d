import { FormControl } from '@angular/forms';
import { employeeDetail } from '@proficio/web/people/data-access/testing';
import { DateTime } from 'luxon';
import { EMPTY_EMPLOYEE_FORM, chosenFromList, createRequest, formValueOf, updateRequest } from './employee-form';

describe('employee form values', () => {
  it("holds the start date as the picker's calendar day", () => {
    expect(formValueOf(employeeDetail('sara', 'admin')).startDate?.toISODate()).toBe('2021-03-15');
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
    expect(updateRequest(initial, { ...initial, startDate: DateTime.local(2022, 1, 31), teamId: '' })).toEqual({
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
