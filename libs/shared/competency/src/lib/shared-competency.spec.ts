import { sharedCompetency } from './shared-competency';

describe('sharedCompetency', () => {
  it('should work', () => {
    expect(sharedCompetency()).toEqual('shared-competency');
  })
})
