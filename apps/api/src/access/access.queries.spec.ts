import { sql } from '../common/sql';
import { visibleEmployees } from './access.queries';

describe('visibleEmployees', () => {
  it('lets an admin see everyone', () => {
    expect(visibleEmployees({ roles: ['admin', 'employee'], employeeId: 'ann' }).compile()).toEqual({ text: 'TRUE', values: [] });
  });

  it('lets a user without an employee record see nobody', () => {
    expect(visibleEmployees({ roles: [], employeeId: null }).compile()).toEqual({ text: 'FALSE', values: [] });
  });

  it('lets anyone else see their reporting line, themselves included, on the column given', () => {
    expect(visibleEmployees({ roles: ['employee'], employeeId: 'ann' }, sql.raw('a.employee_id')).compile()).toEqual({
      text: 'a.employee_id IN (SELECT line.descendant_id FROM employee_line line WHERE line.ancestor_id = $1)',
      values: ['ann'],
    });
  });
});
