// First: zod must be jitless before any schema is built (src/extension/zod-jitless.ts).
import '../../src/extension/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { viewItem } from '../../src/extension/storage';
import { App } from './App';
import '../../src/ui/shared/theme.css';
import './popup.css';

/**
 * Reads the cached week before the first render, so the popup's first paint already shows it;
 * App then refreshes from the background.
 */
async function main(): Promise<void> {
  performance.mark('ironstride:popup-start');
  const container = document.getElementById('root');
  if (!container) throw new Error('popup.html has no #root element');
  const cached = await viewItem.getValue().catch(() => null);
  createRoot(container).render(
    <StrictMode>
      <App initialView={cached} />
    </StrictMode>,
  );
}

void main();
