import { useState } from 'react';

/** Why the browser gave no position: each page words it in its own catalog. */
export type LocateProblem = 'unsupported' | 'denied' | 'unavailable';

/** About 100 m: plenty to sort or filter by distance, and less of the person's exact whereabouts in the request. */
const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * "Near me": asks the browser for the position only when `locate` is called (a button press), rounded to about 100 m,
 * and hands it to `onFound`; the position stays with the caller, in the page's memory.
 */
export function useLocate(onFound: (p: { lat: number; lng: number }) => void) {
  const [locating, setLocating] = useState(false);
  const [problem, setProblem] = useState<LocateProblem | null>(null);
  const locate = () => {
    setProblem(null);
    if (!('geolocation' in navigator)) return setProblem('unsupported');
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        onFound({ lat: round(pos.coords.latitude), lng: round(pos.coords.longitude) });
      },
      (err) => {
        setLocating(false);
        setProblem(err.code === err.PERMISSION_DENIED ? 'denied' : 'unavailable');
      },
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
    );
  };
  return { locate, locating, problem };
}
