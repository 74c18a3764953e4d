import type { ButtonHTMLAttributes, MouseEvent, Ref } from 'react';
import './controls.css';

export interface ButtonProps extends Omit<
  ButtonHTMLAttributes<HTMLButtonElement>,
  'type' | 'disabled'
> {
  variant?: 'primary' | 'secondary' | 'quiet';
  size?: 'sm' | 'md';
  /** An action is running: shows a spinner, sets `aria-busy` and ignores clicks. */
  busy?: boolean;
  /**
   * Unavailable. Rendered with `aria-disabled`, not the `disabled` attribute, so the button keeps
   * keyboard focus while an action runs (a natively disabled button drops focus to <body>) and
   * stays reachable when `aria-describedby` explains why it is unavailable.
   */
  disabled?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

/** A `<button type="button">` in one of three styles. */
export function Button({
  variant = 'secondary',
  size = 'md',
  busy = false,
  disabled = false,
  className,
  onClick,
  children,
  ref,
  ...rest
}: ButtonProps) {
  const inactive = busy || disabled;
  function handleClick(event: MouseEvent<HTMLButtonElement>): void {
    if (inactive) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  }
  const classes = ['btn', `btn--${variant}`, `btn--${size}`, className].filter(Boolean).join(' ');
  return (
    <button
      {...rest}
      ref={ref}
      type="button"
      className={classes}
      aria-disabled={inactive || undefined}
      aria-busy={busy || undefined}
      onClick={handleClick}
    >
      {children}
    </button>
  );
}
