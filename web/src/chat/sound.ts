// The console's chime for a waiting chat, made with the WebAudio API (no sound file to load).
// Browsers let a page make sound only after the person interacted with it, so the audio context
// is created on their first click or key press; until then a waiting chat only flashes. The
// choice to hear it is kept per browser.

const KEY = 'frontline.chatSound';
let ctx: AudioContext | null = null;
let armed = false;

export function soundWanted(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'off';
  } catch {
    return true;
  }
}

export function setSoundWanted(on: boolean) {
  try {
    localStorage.setItem(KEY, on ? 'on' : 'off');
  } catch {
    // Storage blocked: the choice lasts until the page reloads.
  }
}

/** Waits for the first user gesture, then prepares the audio context. Safe to call repeatedly. */
export function armSound() {
  if (armed || typeof window === 'undefined') return;
  armed = true;
  const enable = () => {
    window.removeEventListener('pointerdown', enable, true);
    window.removeEventListener('keydown', enable, true);
    try {
      ctx = ctx ?? new AudioContext();
      void ctx.resume();
    } catch {
      ctx = null; // no WebAudio: the flash remains
    }
  };
  window.addEventListener('pointerdown', enable, true);
  window.addEventListener('keydown', enable, true);
}

/** Two short soft tones, if a gesture enabled sound and the person wants it. */
export function chime() {
  if (!ctx || ctx.state !== 'running' || !soundWanted()) return;
  const start = ctx.currentTime;
  [660, 880].forEach((hz, i) => {
    const osc = ctx!.createOscillator();
    const gain = ctx!.createGain();
    osc.type = 'sine';
    osc.frequency.value = hz;
    const t = start + i * 0.18;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.2, t + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.16);
    osc.connect(gain).connect(ctx!.destination);
    osc.start(t);
    osc.stop(t + 0.17);
  });
}
