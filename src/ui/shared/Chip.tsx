import type { ReactNode } from 'react';
import './controls.css';

export type ChipTone =
  | 'hard'
  | 'moderate'
  | 'easy'
  | 'rest'
  | 'strength'
  | 'cross'
  | 'neutral'
  | 'accent'
  | 'success'
  | 'warning'
  | 'danger';

export interface ChipProps {
  tone?: ChipTone;
  /** A coloured dot before the text. */
  dot?: boolean;
  className?: string;
  children: ReactNode;
}

/** A small rounded label. The tone is decoration: the text must say the same on its own. */
export function Chip({ tone = 'neutral', dot = false, className, children }: ChipProps) {
  const classes = ['chip', `chip--${tone}`, dot && 'chip--dot', className]
    .filter(Boolean)
    .join(' ');
  return <span className={classes}>{children}</span>;
}
