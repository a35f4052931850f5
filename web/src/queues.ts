// The console's queues: each is a named set of list filters with a count in the side nav.
import type { Me, Team } from './api';

export interface QueueDef {
  key: string;
  name: string;
  params: Record<string, string>;
}

const OPEN = 'new,open,pending,on_hold';

export function queuesFor(me: Me, allTeams: Team[]): QueueDef[] {
  const mine = allTeams.filter((t) => t.member_ids.includes(me.id));
  return [
    // My unsolved tickets: a resolved one comes back here if the requester reopens it.
    { key: 'mine', name: 'My tickets', params: { assignee: 'me', status: OPEN } },
    { key: 'unassigned', name: 'Unassigned', params: { assignee: 'none', status: OPEN } },
    ...mine.map((t) => ({
      key: `team-${t.id}`,
      name: `Team ${t.name}`,
      params: { team: String(t.id), status: OPEN },
    })),
    { key: 'open', name: 'All open', params: { status: OPEN } },
    { key: 'pending', name: 'Pending', params: { status: 'pending' } },
  ];
}
