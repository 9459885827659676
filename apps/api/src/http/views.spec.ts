import { casesProjections } from '@ruamjai/cases';
import { identityProjections } from '@ruamjai/identity';
import { planningProjections } from '@ruamjai/planning';
import { VIEWS } from './views';

describe('the views each query reads', () => {
  it('names only registered projections, so that read-your-writes never waits for one that does not exist', () => {
    const registered = new Set(
      [...planningProjections, ...casesProjections, ...identityProjections].map((p) => p.name),
    );
    const unknown = Object.entries(VIEWS).flatMap(([query, names]) =>
      names.filter((n) => !registered.has(n)).map((n) => `${query}: ${n}`),
    );
    expect(unknown).toEqual([]);
  });
});
