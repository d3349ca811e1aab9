import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

const root = document.getElementById('root');
if (!root) throw new Error('usagedash: #root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Only the e2e build binds the render probe; a release build never loads its module.
if ((window as { go?: { app?: { RenderProbe?: unknown } } }).go?.app?.RenderProbe) {
  void import('./e2e/renderProbe').then((probe) => probe.startRenderProbe());
}
