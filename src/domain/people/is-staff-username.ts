/**
 * A staff username: lower-case letters, digits and `._-`, 2 to 40 characters, starting with a
 * letter or digit (the database's CHECK on staff_user says the same).
 */
const STAFF_USERNAME = /^[a-z0-9][a-z0-9._-]{1,39}$/;

export function isStaffUsername(name: string): boolean {
  return STAFF_USERNAME.test(name);
}
