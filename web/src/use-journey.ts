import { useEffect } from 'react';
import { ApiError } from './api/client';
import { useProfile } from './api/queries';
import { setCurrentProfile, useCurrentProfileId } from './profile-store';

/** The saved profile this browser is following, forgetting it if it was deleted elsewhere. */
export function useJourney() {
  const id = useCurrentProfileId();
  const profile = useProfile(id);
  const gone = profile.error instanceof ApiError && (profile.error.status === 404 || profile.error.status === 400);
  useEffect(() => {
    if (gone) setCurrentProfile(null);
  }, [gone]);
  return { id: gone ? null : id, profile };
}
