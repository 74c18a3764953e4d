import { useId } from 'react';
import { Button } from '../shared/Button';

export interface ReconnectBannerProps {
  onReconnect: () => void;
}

/**
 * Google refused the token and a silent renewal failed: reading and writing Google wait until the
 * runner signs in again, which happens in Settings (the consent window needs a page that stays open).
 */
export function ReconnectBanner({ onReconnect }: ReconnectBannerProps) {
  const headingId = useId();
  return (
    <section className="banner banner--danger" aria-labelledby={headingId}>
      <div className="banner-text">
        <h2 className="banner-title" id={headingId}>
          Google needs you to sign in again
        </h2>
        <p>Until you do, your Google calendars aren’t read and sessions aren’t written.</p>
      </div>
      <Button variant="primary" size="sm" className="banner-action" onClick={onReconnect}>
        Reconnect Google
      </Button>
    </section>
  );
}
