import { demoTeams } from '@proficio/web/people/data-access/testing';
import { countTeams } from './organisation-counts';

describe('countTeams', () => {
  it('counts every team of the tree, sub-teams however deep', () => {
    // Proficio Demo Ltd, and under it IT Services (with Service Desk and Service Delivery) and People & Culture
    expect(countTeams(demoTeams())).toBe(5);
    expect(countTeams([])).toBe(0);
  });
});
