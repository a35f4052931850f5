// How many chats wait for a technician, for the console's "Chats" link: counted from the API at
// start and after every chat.* event of the live feed (and after a reset). A newly waiting chat
// (chat.started, or chat.reoffered to the next technician) also flashes the link for a few
// seconds and chimes when sound is on.
import { useEffect, useState } from 'preact/hooks';
import { get, type List } from '../api';
import { live } from '../live';
import type { Chat } from './protocol';
import { armSound, chime } from './sound';

const FLASH_MS = 6_000;
export const NEW_CHAT_EVENTS = ['chat.started', 'chat.reoffered'];

type State = { count: number | null; flashing: boolean };

let state: State = { count: null, flashing: false };
const listeners = new Set<(s: State) => void>();
let started = false;
let flashTimer: number | undefined;
let refreshTimer: number | undefined;

function set(patch: Partial<State>) {
  state = { ...state, ...patch };
  listeners.forEach((l) => l(state));
}

async function refresh() {
  try {
    const l = await get<List<Chat>>('/chats?status=waiting');
    set({ count: l.items.length });
  } catch {
    // Chats unavailable (or the session ended): leave the last count.
  }
}

function notice() {
  set({ flashing: true });
  window.clearTimeout(flashTimer);
  flashTimer = window.setTimeout(() => set({ flashing: false }), FLASH_MS);
  chime();
}

function start() {
  if (started) return;
  started = true;
  armSound();
  void refresh();
  live.subscribe((s) => {
    if (s.kind === 'event') {
      if (!s.event.type.startsWith('chat.')) return;
      if (NEW_CHAT_EVENTS.includes(s.event.type)) notice();
    }
    window.clearTimeout(refreshTimer);
    refreshTimer = window.setTimeout(() => void refresh(), 200);
  });
}

/** The waiting count (null until known) and whether the link should flash now. */
export function useWaitingChats(): State {
  const [s, setS] = useState(state);
  useEffect(() => {
    start();
    listeners.add(setS);
    setS(state);
    return () => {
      listeners.delete(setS);
    };
  }, []);
  return s;
}
