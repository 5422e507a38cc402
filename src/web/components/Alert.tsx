import type { ReactNode, Ref } from 'react';

interface AlertProps {
  tone?: 'info' | 'success' | 'warning' | 'error';
  title?: ReactNode;
  children?: ReactNode;
  /** role="alert" announces at once; use it for the answer to something the person just did. */
  live?: boolean;
  ref?: Ref<HTMLDivElement>;
}

export function Alert({ tone = 'info', title, children, live = false, ref }: AlertProps) {
  return (
    <div className={`alert alert--${tone}`} role={live ? 'alert' : undefined} ref={ref} tabIndex={ref ? -1 : undefined}>
      {title && <p className="alert-title">{title}</p>}
      {children}
    </div>
  );
}
