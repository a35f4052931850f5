// Slow-changing lists the console shows everywhere (staff, teams, categories, organisations),
// fetched once and kept until an admin screen changes them (invalidate()).
import { get, type Category, type List, type Organization, type Team, type User } from './api';

const cache = new Map<string, Promise<unknown>>();

function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  let p = cache.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load();
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}

export function invalidate(...keys: string[]) {
  if (keys.length === 0) cache.clear();
  for (const k of keys) cache.delete(k);
}

/** Agents and admins: who can be assigned a ticket. */
export const staffUsers = () =>
  cached('staff', async () => {
    const [agents, admins] = await Promise.all([
      get<List<User>>('/users?role=agent'),
      get<List<User>>('/users?role=admin'),
    ]);
    return [...agents.items, ...admins.items].sort((a, b) => a.name.localeCompare(b.name));
  });

export const teams = () => cached('teams', () => get<List<Team>>('/teams').then((l) => l.items));

export const organizations = () =>
  cached('organizations', () => get<List<Organization>>('/organizations').then((l) => l.items));

/** Categories, or null when the server has no category list (then category is free text). */
export const categories = () =>
  cached('categories', () =>
    get<List<Category>>('/categories').then(
      (l) => l.items as Category[] | null,
      () => null,
    ),
  );
