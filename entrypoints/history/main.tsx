// First: zod must be jitless before any schema is built (src/extension/zod-jitless.ts).
import '../../src/extension/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import '../../src/ui/shared/theme.css';
import '../../src/ui/options/options.css';
import '../../src/ui/history/history.css';

const root = document.getElementById('root');
if (!root) throw new Error('history.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
