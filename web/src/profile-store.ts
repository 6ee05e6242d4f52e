import { useSyncExternalStore } from 'react';

// Only the id of the profile being followed is kept in the browser; the profile itself lives in the
// local Upskill store, on this machine.
const KEY = 'upskill.profile';
const listeners = new Set<() => void>();

function read(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null; // storage disabled: the journey still works for this visit
  }
}

export function setCurrentProfile(id: string | null): void {
  try {
    if (id) localStorage.setItem(KEY, id);
    else localStorage.removeItem(KEY);
  } catch {
    /* storage disabled */
  }
  for (const listener of listeners) listener();
}

export function useCurrentProfileId(): string | null {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    window.addEventListener('storage', listener);
    return () => {
      listeners.delete(listener);
      window.removeEventListener('storage', listener);
    };
  }, read);
}
