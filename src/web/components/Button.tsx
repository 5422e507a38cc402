import type { ButtonHTMLAttributes } from 'react';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'quiet' | 'danger';
  /** Shows that the action is under way; the button stays focusable so keyboard users keep their place. */
  pending?: boolean;
}

/**
 * A plain <button>. react-aria's Button is not used: its press handling injects a <style> element, which
 * Kindred's Content-Security-Policy (no inline styles) refuses.
 */
export function Button({ variant = 'primary', pending = false, type = 'button', className, children, ...rest }: ButtonProps) {
  return (
    <button
      type={type}
      className={['button', `button--${variant}`, className].filter(Boolean).join(' ')}
      aria-busy={pending || undefined}
      data-pending={pending || undefined}
      {...rest}
    >
      {children}
    </button>
  );
}
