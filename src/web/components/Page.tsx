import { type ReactNode, useEffect, useRef } from 'react';
import { useNavigationType } from 'react-router';
import { useInstance } from '../features/instance/api.ts';

interface PageProps {
  title: string;
  /** Shown under the heading. */
  lead?: ReactNode;
  children?: ReactNode;
  wide?: boolean;
  /** Move focus to the heading even on the first load: for a page that replaces a form the person just sent. */
  announce?: boolean;
}

/**
 * One page: the only <h1>, the document title, and focus moved to the heading after an in-app navigation so a
 * screen reader announces where the person has arrived.
 */
export function Page({ title, lead, children, wide = false, announce = false }: PageProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const instanceName = useInstance().data?.name ?? 'Kindred';
  // POP: the first load, or back/forward, where the browser handles focus and scroll itself.
  const arrivedInApp = useNavigationType() !== 'POP';
  const moveFocus = announce || arrivedInApp;

  useEffect(() => {
    document.title = title === instanceName ? title : `${title} · ${instanceName}`;
  }, [title, instanceName]);

  useEffect(() => {
    if (moveFocus) heading.current?.focus({ preventScroll: true });
    // Only when the page first appears.
  }, []);

  return (
    <div className={wide ? 'page page--wide' : 'page'}>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {lead && <div className="lead">{lead}</div>}
      {children}
    </div>
  );
}
