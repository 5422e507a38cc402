import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Alert } from '../../components/Alert.tsx';

export interface NoticeValue {
  tone: 'success' | 'info';
  title: string;
  body?: ReactNode;
}
export type ShowNotice = (notice: NoticeValue | null) => void;

/**
 * The answer to what the person just did, in a status region that takes focus: the buttons they pressed may have
 * gone (the page changed under them), so their place moves to the words saying what happened and what comes next.
 */
export function useNotice(): [ReactNode, ShowNotice] {
  const [notice, setNotice] = useState<(NoticeValue & { n: number }) | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) ref.current?.focus();
  }, [notice]);
  const element = (
    <div role="status" className="notice">
      {notice && (
        <Alert tone={notice.tone} title={notice.title} ref={ref}>
          {notice.body}
        </Alert>
      )}
    </div>
  );
  // A counter, so the same message twice still moves focus.
  return [element, (next) => setNotice((prev) => (next ? { ...next, n: (prev?.n ?? 0) + 1 } : null))];
}
