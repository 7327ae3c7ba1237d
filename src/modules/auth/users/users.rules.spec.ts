import { departmentWithinScope, generateOneTimePassword, normalizeEmail, passwordProblems } from './users.rules';

describe('user rules', () => {
  it('normalises email addresses', () => {
    expect(normalizeEmail('  Anna.Schmidt@Renewa.DE ')).toBe('anna.schmidt@renewa.de');
  });

  it('checks the password policy', () => {
    expect(passwordProblems('correct horse battery')).toEqual([]);
    expect(passwordProblems('short')).toEqual(['must be at least 12 characters long']);
    expect(passwordProblems('x'.repeat(257))).toEqual(['must be at most 256 characters long']);
    expect(passwordProblems('Anna@Renewa.de', 'anna@renewa.de')).toEqual(['must not be the email address']);
  });

  it('generates long, distinct one-time passwords', () => {
    const [a, b] = [generateOneTimePassword(), generateOneTimePassword()];
    expect(a).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(a).not.toBe(b);
  });

  it('limits where a user may be placed by the actor’s scope', () => {
    expect(departmentWithinScope('all', null, 'd-2')).toBe(true);
    expect(departmentWithinScope('all', 'd-1', null)).toBe(true);
    expect(departmentWithinScope('department', 'd-1', 'd-1')).toBe(true);
    expect(departmentWithinScope('department', 'd-1', 'd-2')).toBe(false);
    expect(departmentWithinScope('department', 'd-1', null)).toBe(false);
    expect(departmentWithinScope('own', 'd-1', 'd-1')).toBe(true);
    expect(departmentWithinScope('department', null, null)).toBe(false);
  });
});
